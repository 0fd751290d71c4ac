// custom_entities — your own entities, added at run time.
//
// Shows: an EntityRuler holding phrases and token patterns, attached to the loaded pipeline with
// with_entity_rules(). That returns a cheap copy sharing every loaded model, so many rule sets can
// live side by side. Rule matches come out as mentions with MentionSource::kUser, next to what the
// statistical model and the built-in patterns find; by default a rule wins where they overlap.
//
// Usage: custom_entities [TEXT]      (without TEXT it reads a built-in example)
#include <iostream>
#include <string>

#include <erx/erx.hpp>

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1]
                                    : "Vice President Kim Min-jun of Hankuk University of Foreign "
                                      "Studies said the Ascend 910 chips arrived in Seoul.";
  try {
    erx::EntityRuler rules;
    // A phrase: matched token by token, so spacing and line breaks in the text do not matter.
    rules.add_phrase("Hankuk University of Foreign Studies", "ORG");
    // Token patterns: [attribute=value ...] tests one token; ? * + {m,n} repeat it.
    rules.add_pattern("[lower=vice] [text=-]? [lower=president]", "TITLE");
    rules.add_pattern("\"Ascend\" [is_digit]", "PRODUCT");
    // A user-defined type, only where nothing else found a mention (RulePriority::kFillGaps).
    rules.add_phrase("chips", "COMPONENT", {.ignore_case = true, .priority = erx::RulePriority::kFillGaps});

    const erx::Pipeline pipeline = erx::Pipeline::english();        // load once ...
    const erx::Pipeline mine = pipeline.with_entity_rules(rules);   // ... add rules: cheap copy

    const erx::Document doc = mine.run(text);
    for (const erx::Mention& m : doc.mentions()) {
      std::cout << doc.text(m) << '\t' << m.type << '\t' << erx::to_string(m.source) << '\n';
    }
  } catch (const erx::Error& e) {  // a malformed pattern names the column of the problem
    std::cerr << "custom_entities: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
