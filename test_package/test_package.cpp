// test_package — runs the built-in English pipeline from an installed erx, with no model path and
// no file of the source tree, and checks the result. Exits 0 when every check holds, 1 otherwise,
// and prints what it found.
//
// Usage: test_package [EXPECTED_VERSION]
//   EXPECTED_VERSION   when given, erx's version string (ERX_VERSION_STRING) must equal it
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <erx/erx.hpp>

namespace {

int failures = 0;

void check(bool ok, std::string_view what) {
  if (!ok) {
    std::cerr << "test_package: FAILED: " << what << '\n';
    ++failures;
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string_view text =
        "Lee Jae Myung visited Beijing on Monday. China is South Korea's largest trading partner.";
    const erx::Pipeline pipeline = erx::Pipeline::english();  // built-in model, no files
    const erx::Document doc = pipeline.run(text);

    std::cout << "erx " << ERX_VERSION_STRING << ": " << doc.tokens().size() << " tokens, "
              << doc.sentences().size() << " sentences, " << doc.entities().size()
              << " entities, " << doc.relations().size() << " relations\n";
    for (const erx::Mention& m : doc.mentions()) std::cout << "  " << doc.text(m) << '\t' << m.type << '\n';

    if (argc > 1) check(std::string_view(ERX_VERSION_STRING) == argv[1], "version matches");

    // The document keeps the text, and tokens plus the gaps between them give it back exactly.
    check(doc.text() == text, "document holds the input text");
    std::string rebuilt;
    std::uint32_t at = 0;
    bool ordered = true;
    for (const erx::Token& t : doc.tokens()) {
      ordered = ordered && t.begin >= at && t.end > t.begin && t.end <= text.size();
      if (!ordered) break;
      rebuilt.append(text.substr(at, t.begin - at)).append(doc.text(t));
      at = t.end;
    }
    rebuilt.append(text.substr(at));
    check(ordered, "tokens are ordered, non-empty and inside the text");
    check(rebuilt == text, "tokens and gaps give back the input");

    // Words of the sentence are tokens of their own.
    std::vector<std::string_view> words;
    for (const erx::Token& t : doc.tokens()) words.push_back(doc.text(t));
    for (std::string_view w : {"Lee", "Jae", "Myung", "visited", "Beijing", "China", "largest"}) {
      bool found = false;
      for (std::string_view x : words) found = found || x == w;
      check(found, std::string("token \"") + std::string(w) + "\" found");
    }

    // Sentences cover the tokens in order, without gaps.
    check(!doc.sentences().empty(), "at least one sentence");
    std::uint32_t next = 0;
    for (const erx::Sentence& s : doc.sentences()) {
      check(s.first_token == next && s.end_token > s.first_token, "sentences are consecutive");
      next = s.end_token;
    }
    check(next == doc.tokens().size(), "sentences cover every token");
    check(doc.sentences().size() == 2, "two sentences");

    // The built-in entity layer ran: "Monday" is a DATE mention.
    bool monday = false;
    for (const erx::Mention& m : doc.mentions()) monday = monday || (doc.text(m) == "Monday" && m.type == "DATE");
    check(monday, "\"Monday\" is a DATE mention");
  } catch (const erx::Error& e) {
    std::cerr << "test_package: erx::Error: " << e.what() << '\n';
    return 1;
  }
  if (failures) return 1;
  std::cout << "test_package: OK\n";
  return 0;
}
