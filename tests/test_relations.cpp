// Tests of erx/relations.hpp: the schema, and the golden relation cases on gold trees.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "catch.hpp"
#include "corpora.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/linker.hpp"
#include "erx/pipeline.hpp"
#include "erx/relations.hpp"
#include "golden_relations.hpp"

namespace {

const std::string kGolden = std::string(ERX_SOURCE_DIR) + "/tests/data/relations_golden.conllu";

erx::Document run_gold(const erx::test::GoldenCase& g) {
  erx::Document doc = erx::test::gold_document(g);
  erx::Linker().link(doc);
  erx::RelationOptions options;
  options.open = g.open;
  options.schema_only = g.schema_only;
  erx::RelationExtractor(erx::RelationSchema::english(), options).extract(doc);
  return doc;
}

const erx::Relation* find_relation(const erx::Document& doc, std::string_view subject,
                                   std::string_view predicate, std::string_view object) {
  for (const erx::Relation& r : doc.relations())
    if (erx::test::argument_name(doc, r.subject) == subject && r.predicate == predicate &&
        erx::test::argument_name(doc, r.object) == object)
      return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("Golden relation cases hold on gold trees") {
  const auto cases = erx::test::load_golden(kGolden);
  REQUIRE(cases.size() >= 30);
  for (const auto& g : cases) {
    DYNAMIC_SECTION(g.id) {
      const erx::Document doc = run_gold(g);
      INFO(g.id << ": " << erx::conllu::raw_text(g.sentences));
      CHECK(erx::test::check_case(g, doc) == "");
    }
  }
}

TEST_CASE("Relations are read off the trees a parser really makes (parse errors included)") {
  const auto cases = erx::test::load_golden(std::string(ERX_SOURCE_DIR) +
                                            "/tests/data/relations_misparsed.conllu");
  REQUIRE(cases.size() >= 9);
  for (const auto& g : cases) {
    DYNAMIC_SECTION(g.id) {
      const erx::Document doc = run_gold(g);
      INFO(g.id << ": " << erx::conllu::raw_text(g.sentences));
      CHECK(erx::test::check_case(g, doc) == "");
    }
  }
}

TEST_CASE("Relations carry predicate text, evidence and sentence") {
  const auto cases = erx::test::load_golden(kGolden);
  const auto g = std::find_if(cases.begin(), cases.end(),
                              [](const auto& c) { return c.id == "modal-auxiliary"; });
  REQUIRE(g != cases.end());
  const erx::Document doc = run_gold(*g);
  const erx::Relation* r = find_relation(doc, "Macron", "meet with", "Scholz");
  REQUIRE(r != nullptr);
  CHECK(r->predicate_text == "would meet with");
  CHECK(doc.text(r->evidence_begin, r->evidence_end) == "Macron would meet with Scholz");
  CHECK(doc.text(r->subject.begin, r->subject.end) == "Macron");
  CHECK(r->sentence == 0);
  CHECK(r->confidence > 0.5f);
  CHECK(r->confidence <= 1.0f);
}

TEST_CASE("Relational-noun predicates keep their modifiers as written") {
  const auto cases = erx::test::load_golden(kGolden);
  const auto g = std::find_if(cases.begin(), cases.end(),
                              [](const auto& c) { return c.id == "coordinated-roles"; });
  REQUIRE(g != cases.end());
  const erx::Document doc = run_gold(*g);
  const erx::Relation* r =
      find_relation(doc, "Shin Beom-chul", "former vice-defence minister of", "South Korea");
  REQUIRE(r != nullptr);
  CHECK(r->predicate_text == "former vice-defence minister");
}

TEST_CASE("Extraction needs a parse and is repeatable") {
  erx::Document doc("Lee visited Beijing.");
  erx::RelationExtractor extractor;
  extractor.extract(doc);
  CHECK(doc.relations().empty());

  const auto cases = erx::test::load_golden(kGolden);
  const auto g = std::find_if(cases.begin(), cases.end(),
                              [](const auto& c) { return c.id == "coordinated-subjects"; });
  REQUIRE(g != cases.end());
  erx::Document twice = run_gold(*g);
  const std::size_t n = twice.relations().size();
  REQUIRE(n == 2);
  extractor.extract(twice);
  CHECK(twice.relations().size() == n);
}

TEST_CASE("Options: minimum confidence and value arguments") {
  const auto cases = erx::test::load_golden(kGolden);
  const auto g = std::find_if(cases.begin(), cases.end(),
                              [](const auto& c) { return c.id == "modal-auxiliary"; });
  REQUIRE(g != cases.end());
  erx::Document doc = erx::test::gold_document(*g);
  erx::Linker().link(doc);

  erx::RelationOptions strict;
  strict.min_confidence = 0.999f;
  erx::RelationExtractor(erx::RelationSchema::english(), strict).extract(doc);
  CHECK(doc.relations().empty());

  erx::RelationOptions values;
  values.value_arguments = true;
  erx::RelationExtractor(erx::RelationSchema::english(), values).extract(doc);
  CHECK(find_relation(doc, "Macron", "meet on", "Monday") ==
        nullptr);  // an adjunct next to "with Scholz"
  erx::RelationExtractor().extract(doc);
  CHECK(find_relation(doc, "Macron", "meet with", "Scholz") != nullptr);
}

TEST_CASE("One extractor serves several threads") {
  const auto cases = erx::test::load_golden(kGolden);
  std::vector<erx::Document> docs;
  for (const auto& g : cases) {
    docs.push_back(erx::test::gold_document(g));
    erx::Linker().link(docs.back());
  }
  const erx::RelationExtractor extractor;
  std::vector<erx::Document> a = docs, b = docs;
  std::thread t1([&] {
    for (auto& d : a) extractor.extract(d);
  });
  std::thread t2([&] {
    for (auto& d : b) extractor.extract(d);
  });
  t1.join();
  t2.join();
  std::size_t total = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    REQUIRE(a[i].relations().size() == b[i].relations().size());
    for (std::size_t k = 0; k < a[i].relations().size(); ++k)
      CHECK(a[i].relations()[k].predicate == b[i].relations()[k].predicate);
    total += a[i].relations().size();
  }
  CHECK(total > 40);
}

TEST_CASE("The built-in schema lists the issue's relation types") {
  const erx::RelationSchema schema = erx::RelationSchema::english();
  const auto types = schema.types();
  for (const char* t :
       {"VISIT", "MEET", "INVITE", "ROLE", "AFFILIATION", "LOCATED_IN", "BASED_IN", "ALLIANCE",
        "TRADE", "SUPPORT", "OPPOSE", "ATTACK", "COMMUNICATE", "PRODUCE"})
    CHECK(std::find(types.begin(), types.end(), t) != types.end());
  CHECK(schema.predicate_type("meet with") == "MEET");
  CHECK(schema.predicate_type("no such predicate").empty());
  std::size_t words = 0;
  CHECK(schema.relational_noun_type("largest trading partner", &words) == "TRADE");
  CHECK(words == 2);
  CHECK(schema.relational_noun_type("closest ally") == "ALLIANCE");
  CHECK(schema.relational_noun_type("breakfast").empty());
  const erx::EventNoun* visit = schema.event_noun("visit", "to");
  REQUIRE(visit != nullptr);
  CHECK(visit->predicate == "visit");
  CHECK(schema.event_noun("visit", "from") == nullptr);
  CHECK(schema.is_cue(erx::CueKind::kReporting, "say"));
  CHECK(schema.is_cue(erx::CueKind::kSkipPreposition, "according to"));
  CHECK_FALSE(schema.is_cue(erx::CueKind::kModal, "will"));
}

TEST_CASE("Schemas parse, extend, override and round-trip") {
  erx::RelationSchema schema = erx::RelationSchema::parse(
      "# comment\n[predicates]\nacquire   ACQUIRE\nMeet  With MEET   # trailing comment\n"
      "[relational-nouns]\nchief executive  ROLE\n[event-nouns]\ntakeover of => acquire  ACQUIRE\n"
      "[cues]\nreporting: say, tell\n");
  CHECK(schema.predicate_type("acquire") == "ACQUIRE");
  CHECK(schema.predicate_type("meet with") == "MEET");
  CHECK(schema.relational_noun_type("new chief executive") == "ROLE");
  REQUIRE(schema.event_noun("takeover", "of") != nullptr);
  CHECK(schema.is_cue(erx::CueKind::kReporting, "tell"));
  CHECK(schema.size() == 4);

  schema.add_text("[predicates]\nacquire  BUY\n");
  CHECK(schema.predicate_type("acquire") == "BUY");
  schema.add_predicate("Partner With", "ALLIANCE");
  CHECK(schema.predicate_type("partner with") == "ALLIANCE");
  CHECK_THROWS_AS(schema.add_predicate("x", "lower"), erx::Error);

  const erx::RelationSchema again = erx::RelationSchema::parse(schema.to_text());
  CHECK(again.to_text() == schema.to_text());
  CHECK(again.size() == schema.size());

  const erx::RelationSchema english = erx::RelationSchema::english();
  CHECK(erx::RelationSchema::parse(english.to_text()).to_text() == english.to_text());
}

TEST_CASE("Malformed schemas fail with the line") {
  const auto message = [](std::string_view text) {
    try {
      (void)erx::RelationSchema::parse(text, "my.schema");
    } catch (const erx::Error& e) {
      CHECK(e.code() == erx::ErrorCode::kFormat);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("visit VISIT\n") == "my.schema:1: entry before any [section] header");
  CHECK(message("[predicates]\n\nvisit visit\n") ==
        "my.schema:3: 'visit' is not an upper-case TYPE");
  CHECK(message("[verbs]\n").find("my.schema:1: unknown section [verbs]") == 0);
  CHECK(message("[event-nouns]\nvisit to visit VISIT\n").find("my.schema:2:") == 0);
  CHECK(message("[cues]\nsaying: say\n") == "my.schema:2: unknown cue kind 'saying'");

  erx::RelationSchema schema = erx::RelationSchema::parse("[predicates]\nvisit VISIT\n");
  CHECK_THROWS_AS(schema.add_text("[predicates]\nmeet MEET\nbad\n"), erx::Error);
  CHECK(schema.predicate_type("meet").empty());  // unchanged after the failed add

  CHECK_THROWS_AS(erx::RelationSchema::from_file("/nonexistent/schema.txt"), erx::Error);
}

TEST_CASE("The schema file in models/en is the built-in one") {
  const auto path = std::string(ERX_SOURCE_DIR) + "/models/en/relation_schema.txt";
  CHECK(erx::RelationSchema::from_file(path).to_text() == erx::RelationSchema::english().to_text());
}

TEST_CASE("Open-mode extraction over EWT gold trees stays inside sentences") {
  if (!erx::test::have_corpora()) ERX_SKIP("corpora not found");
  const auto path = erx::test::corpora_dir() / "ud-english-ewt" / "en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) ERX_SKIP("EWT dev not found");
  const auto sentences = erx::conllu::read_file(path.string());
  erx::Document doc = erx::conllu::to_document(sentences);
  REQUIRE(doc.has_parse());
  erx::RelationOptions options;
  options.open = true;
  erx::RelationExtractor(erx::RelationSchema::english(), options).extract(doc);
  CHECK(doc.relations().size() > 1000);
  std::set<std::string> types;
  for (const erx::Relation& r : doc.relations()) {
    const erx::Sentence& s = doc.sentences()[r.sentence];
    REQUIRE(r.evidence_begin >= s.begin);
    REQUIRE(r.evidence_end <= s.end);
    REQUIRE(r.subject.begin >= r.evidence_begin);
    REQUIRE(r.object.end <= r.evidence_end);
    REQUIRE(!r.predicate.empty());
    REQUIRE(!r.predicate_text.empty());
    types.insert(r.type);
  }
  CHECK(types.size() > 10);
}

// --- End to end: raw text through erx::Pipeline::english() ---

namespace {

bool pipeline_has_parser(const erx::Pipeline& p) { return p.parser() != nullptr; }

}  // namespace

// End to end, the golden cases also depend on the statistical stages (tagger, parser, entity
// recognizer), so this case is an accuracy guard, not an all-or-nothing check: it prints every case
// that does not hold and fails when fewer cases hold than the number measured when the current
// models were shipped (35 of 44 on 2026-11-29). Raise kMinimumHeld when the models improve; never
// lower it. The same cases on gold trees ("hold on gold trees", above) must all hold.
TEST_CASE("Golden relation cases through the English pipeline do not regress") {
  constexpr std::size_t kMinimumHeld = 47;
  const erx::Pipeline english = erx::Pipeline::english();
  if (!pipeline_has_parser(english)) ERX_SKIP("the built-in bundle has no parser yet");
  const auto cases = erx::test::load_golden(kGolden);
  std::size_t held = 0;
  for (const auto& g : cases) {
    erx::PipelineOptions options;
    options.relations.open = g.open;
    options.relations.schema_only = g.schema_only;
    const erx::Pipeline pipeline = erx::Pipeline::english(options);
    const std::string text = erx::conllu::raw_text(g.sentences);
    const erx::Document doc = pipeline.run(text);
    const std::string problem = erx::test::check_case(g, doc);
    if (problem.empty()) {
      ++held;
    } else {
      WARN(g.id << " does not hold end to end: " << text << "\n" << problem);
    }
  }
  INFO(held << " of " << cases.size() << " golden cases hold through the pipeline");
  CHECK(held >= kMinimumHeld);
}

TEST_CASE("The seed article yields the acceptance links and no debris") {
  const std::filesystem::path path =
      std::filesystem::path(ERX_SOURCE_DIR) / ".." / "shared" / "seed-article.txt";
  if (!std::filesystem::exists(path)) ERX_SKIP("../shared/seed-article.txt not found");
  const erx::Pipeline pipeline = erx::Pipeline::english();
  if (!pipeline_has_parser(pipeline)) ERX_SKIP("the built-in bundle has no parser yet");
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const erx::Document doc = pipeline.run(text);
  INFO(erx::test::describe(doc));
  const auto has = [&](std::string_view s, std::string_view st, std::string_view p,
                       std::string_view o, std::string_view ot) {
    for (const erx::Relation& r : doc.relations()) {
      if (r.subject.entity < 0 || r.object.entity < 0) continue;
      const erx::Entity& se = doc.entities()[static_cast<std::size_t>(r.subject.entity)];
      const erx::Entity& oe = doc.entities()[static_cast<std::size_t>(r.object.entity)];
      if (se.name == s && se.type == st && r.predicate == p && oe.name == o && oe.type == ot)
        return true;
    }
    return false;
  };
  CHECK(has("Lee Jae Myung", "PERSON", "visit", "Beijing", "GPE"));
  CHECK(has("China", "GPE", "largest trading partner of", "South Korea", "GPE"));
  // Web-page debris: navigation and widget lines of the page are no argument of any link.
  for (const erx::Relation& r : doc.relations()) {
    for (const erx::Argument& a : {r.subject, r.object}) {
      const std::string_view words = doc.text(a.begin, a.end);
      for (std::string_view debris : {"Recommended", "itemsend", "Leave a Reply", "Source"})
        CHECK(words.find(debris) == std::string_view::npos);
    }
  }
}
