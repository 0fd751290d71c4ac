// quickstart — the smallest erx program: the entities and links of a text.
//
// Shows: loading the built-in English pipeline (no model files needed), running it on a string,
// and reading the result: sentences and tokens (byte spans into your text), entities with their
// mentions, and relations (subject --predicate--> object).
//
// Usage: quickstart [TEXT]      (without TEXT it reads a built-in example)
#include <iostream>
#include <string>

#include <erx/erx.hpp>

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1]
                                    : "Lee Jae Myung visited Beijing on Monday. China is South "
                                      "Korea's largest trading partner.";
  try {
    // Load once, then reuse: english() is cheap after the first call, and run() is const.
    const erx::Pipeline pipeline = erx::Pipeline::english();
    const erx::Document doc = pipeline.run(text);

    // Sentences and tokens. Every span is a [begin, end) byte range into `text`.
    for (const erx::Sentence& s : doc.sentences()) {
      std::cout << "sentence [" << s.begin << ", " << s.end << "):";
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
        std::cout << ' ' << doc.text(doc.tokens()[i]);
      std::cout << '\n';
    }

    // Entities: one per real-world thing, with every mention that refers to it.
    for (const erx::Entity& e : doc.entities()) {
      std::cout << "entity " << e.name << " (" << e.type << "):";
      for (std::uint32_t m : e.mentions) std::cout << " \"" << doc.text(doc.mentions()[m]) << '"';
      std::cout << '\n';
    }

    // Relations: typed links between entities, with the words that say them.
    auto name = [&](const erx::Argument& a) -> std::string {
      if (a.entity >= 0) return doc.entities()[static_cast<std::size_t>(a.entity)].name;
      return std::string(doc.text(a.begin, a.end));
    };
    for (const erx::Relation& r : doc.relations()) {
      std::cout << "relation " << name(r.subject) << " --" << r.predicate << "--> " << name(r.object)
                << " [" << r.type << (r.negated ? ", negated" : "") << "]\n";
    }
  } catch (const erx::Error& e) {  // every erx failure is an erx::Error naming what went wrong
    std::cerr << "quickstart: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
