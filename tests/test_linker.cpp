// Tests of erx/linker.hpp: golden linking cases on gold trees, the lexicon, and linking without a
// parse.
#include <filesystem>
#include <fstream>

#include "catch.hpp"
#include "erx/error.hpp"
#include "erx/linker.hpp"
#include "golden_relations.hpp"

namespace {

const std::string kGolden = std::string(ERX_SOURCE_DIR) + "/tests/data/linker_golden.conllu";

// The built-in lexicon plus two first names, so gender cues do not depend on the name lists.
erx::LinkerLexicon test_lexicon() {
  erx::LinkerLexicon lexicon = erx::LinkerLexicon::english();
  lexicon.add_first_name("Jane", erx::Gender::kFemale);
  lexicon.add_first_name("John", erx::Gender::kMale);
  return lexicon;
}

const erx::Entity* entity(const erx::Document& doc, std::string_view name) {
  for (const erx::Entity& e : doc.entities())
    if (e.name == name) return &e;
  return nullptr;
}

// A tokenized document without tags or parse: one token per space-separated word, one sentence per
// line, with mentions given as (first word, word count, type).
erx::Document plain_document(const std::string& text,
                             const std::vector<std::tuple<int, int, std::string>>& mentions) {
  erx::Document doc(text);
  auto& tokens = doc.mutable_tokens();
  auto& sentences = doc.mutable_sentences();
  std::uint32_t sentence_start = 0;
  for (std::uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      std::uint32_t begin = i;
      while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
      if (begin < i) {
        erx::Token t;
        t.begin = begin;
        t.end = i;
        t.kind = text[begin] == '.' ? erx::TokenKind::kPunct : erx::TokenKind::kWord;
        tokens.push_back(t);
      }
      if (i == text.size() || text[i] == '\n') {
        const auto end = static_cast<std::uint32_t>(tokens.size());
        sentences.push_back(
            {sentence_start, end, tokens[sentence_start].begin, tokens[end - 1].end});
        sentence_start = end;
      }
    }
  }
  for (const auto& [first, count, type] : mentions) {
    erx::Mention m;
    m.first_token = static_cast<std::uint32_t>(first);
    m.end_token = static_cast<std::uint32_t>(first + count);
    m.begin = tokens[m.first_token].begin;
    m.end = tokens[m.end_token - 1].end;
    m.type = type;
    doc.mutable_mentions().push_back(m);
  }
  return doc;
}

}  // namespace

TEST_CASE("Golden linking cases hold on gold trees") {
  const auto cases = erx::test::load_golden(kGolden);
  REQUIRE(cases.size() >= 7);
  const erx::Linker linker(test_lexicon());
  for (const auto& g : cases) {
    DYNAMIC_SECTION(g.id) {
      erx::Document doc = erx::test::gold_document(g);
      linker.link(doc);
      INFO(g.id << ": " << erx::conllu::raw_text(g.sentences));
      CHECK(erx::test::check_case(g, doc) == "");
    }
  }
}

TEST_CASE("Linking is idempotent and keeps mentions sorted") {
  const auto cases = erx::test::load_golden(kGolden);
  const erx::Linker linker(test_lexicon());
  for (const auto& g : cases) {
    erx::Document doc = erx::test::gold_document(g);
    linker.link(doc);
    const std::string once = erx::test::describe(doc);
    const std::size_t mentions = doc.mentions().size();
    linker.link(doc);
    CHECK(erx::test::describe(doc) == once);
    CHECK(doc.mentions().size() == mentions);
    for (std::size_t i = 1; i < doc.mentions().size(); ++i)
      CHECK(doc.mentions()[i - 1].begin <= doc.mentions()[i].begin);
    for (std::size_t e = 0; e < doc.entities().size(); ++e)
      for (std::uint32_t m : doc.entities()[e].mentions)
        CHECK(doc.mentions()[m].entity == static_cast<std::int32_t>(e));
  }
}

TEST_CASE("Pronouns and descriptions become coreference mentions") {
  const auto cases = erx::test::load_golden(kGolden);
  const auto g = std::find_if(cases.begin(), cases.end(),
                              [](const auto& c) { return c.id == "gender-pronouns"; });
  REQUIRE(g != cases.end());
  erx::Document doc = erx::test::gold_document(*g);
  erx::Linker(test_lexicon()).link(doc);
  std::size_t coreference = 0;
  for (const erx::Mention& m : doc.mentions()) {
    if (m.source != erx::MentionSource::kCoreference) continue;
    ++coreference;
    CHECK(m.type == "PERSON");
    CHECK(m.confidence < 1.0f);
  }
  CHECK(coreference == 2);

  // Without gender cues, "She" goes to the previous sentence's subject, and "him", which cannot be
  // its own clause's subject, to the other person.
  erx::Document unknown = erx::test::gold_document(*g);
  erx::LinkerLexicon empty;
  erx::Linker(empty).link(unknown);
  const erx::Entity* jane = entity(unknown, "Jane Doe");
  const erx::Entity* john = entity(unknown, "John Smith");
  REQUIRE(jane != nullptr);
  REQUIRE(john != nullptr);
  CHECK(jane->mentions.size() == 2);
  CHECK(john->mentions.size() == 2);
  CHECK(unknown.text(unknown.mentions()[john->mentions[1]]) == "him");
}

TEST_CASE("Canonical names are the fullest names; aliases keep the others") {
  erx::Document doc =
      plain_document("President Xi Jinping met Lee .\nXi thanked Lee Jae Myung .",
                     {{0, 3, "PERSON"}, {4, 1, "PERSON"}, {6, 1, "PERSON"}, {8, 3, "PERSON"}});
  erx::Linker().link(doc);
  REQUIRE(doc.entities().size() == 2);
  const erx::Entity* xi = entity(doc, "Xi Jinping");
  REQUIRE(xi != nullptr);
  CHECK(xi->mentions.size() == 2);
  CHECK(xi->aliases == std::vector<std::string>{"Xi"});
  const erx::Entity* lee = entity(doc, "Lee Jae Myung");
  REQUIRE(lee != nullptr);
  CHECK(lee->mentions.size() == 2);  // "Lee" before the full name, too
}

TEST_CASE("Demonyms before a noun stand for their country, also without a parse") {
  erx::Document doc = plain_document("French President Macron met the French .",
                                     {{0, 1, "NORP"}, {2, 1, "PERSON"}, {5, 1, "NORP"}});
  erx::Linker().link(doc);
  const erx::Entity* france = entity(doc, "France");
  REQUIRE(france != nullptr);
  CHECK(france->type == "GPE");
  CHECK(france->mentions.size() == 1);
  const erx::Entity* french = entity(doc, "French");
  REQUIRE(french != nullptr);
  CHECK(french->type == "NORP");

  erx::LinkerOptions off;
  off.demonyms = false;
  erx::Document kept =
      plain_document("French President Macron spoke .", {{0, 1, "NORP"}, {2, 1, "PERSON"}});
  erx::Linker(erx::LinkerLexicon::english(), off).link(kept);
  CHECK(entity(kept, "France") == nullptr);
}

TEST_CASE("Titles are not entities") {
  erx::Document doc =
      plain_document("President Macron spoke .", {{0, 1, "TITLE"}, {1, 1, "PERSON"}});
  erx::Linker().link(doc);
  REQUIRE(doc.entities().size() == 1);
  CHECK(doc.mentions()[0].entity == -1);
  CHECK(doc.mentions()[1].entity == 0);
}

TEST_CASE("The built-in lexicon knows countries, demonyms and aliases") {
  const erx::LinkerLexicon lexicon = erx::LinkerLexicon::english();
  CHECK(lexicon.country_of_demonym("French") == "France");
  CHECK(lexicon.country_of_demonym("south korean") == "South Korea");
  CHECK(lexicon.country_of_demonym("Korean").empty());  // which Korea?
  CHECK(lexicon.alias_target("U.S.") == "United States");
  CHECK(lexicon.alias_target("Britain") == "United Kingdom");
  CHECK(lexicon.is_country("Japan"));
  CHECK_FALSE(lexicon.is_country("Tokyo"));
  CHECK(lexicon.description_type("company") == "ORG");
  CHECK(lexicon.description_type("country") == "GPE:country");
}

TEST_CASE("Lexicon files load, and bad ones fail with the line") {
  const auto dir = std::filesystem::temp_directory_path() / "erx_test_linker";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "demonyms.tsv") << "# comment\nRuritanian\tRuritania\n";
    std::ofstream(dir / "names.txt") << "Ada\tF\nAlan\tM\nSam\n";
    std::ofstream(dir / "bad.tsv") << "ok\tfine\nno tab here\n";
  }
  erx::LinkerLexicon lexicon;
  lexicon.load_demonyms((dir / "demonyms.tsv").string());
  CHECK(lexicon.country_of_demonym("Ruritanian") == "Ruritania");
  lexicon.load_first_names((dir / "names.txt").string());
  CHECK(lexicon.first_name_gender("ada") == erx::Gender::kFemale);
  CHECK(lexicon.first_name_gender("Alan") == erx::Gender::kMale);
  CHECK(lexicon.first_name_gender("Sam") == erx::Gender::kUnknown);
  CHECK(lexicon.is_first_name("Sam"));
  lexicon.add_first_name("Alan", erx::Gender::kFemale);  // listed with both: unknown
  CHECK(lexicon.first_name_gender("Alan") == erx::Gender::kUnknown);
  try {
    lexicon.load_aliases((dir / "bad.tsv").string());
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kFormat);
    CHECK(std::string(e.what()).find("bad.tsv:2:") != std::string::npos);
  }
  CHECK_THROWS_AS(lexicon.load_countries((dir / "missing.txt").string()), erx::Error);
  std::filesystem::remove_all(dir);
}
