// Tests of erx/relation_classifier.hpp: CoNLL04-style corpora, the trained relation classifier on a
// tiny hand-written fixture, model files, merging into a pipeline, and strict scoring.
#include <algorithm>
#include <cmath>
#include <chrono>
#include <filesystem>
#include <set>
#include <tuple>

#include "catch.hpp"
#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/pipeline.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/tagger.hpp"

namespace {

// A tiny corpus in the CoNLL04 format: relations in both text orders, pairs without a relation
// (Anna Lee visited Berlin; Tom White met Mary Jones in Rome) and a third type.
constexpr std::string_view kFixture = R"([
 {"tokens": ["John", "Smith", "works", "for", "Microsoft", "."],
  "entities": [[0, 2, "PERSON"], [4, 5, "ORG"]],
  "relations": [[0, 2, 4, 5, "Work_For"]]},
 {"tokens": ["Mary", "Jones", ",", "who", "lives", "in", "Paris", ",", "works", "for", "Google", "."],
  "entities": [[0, 2, "PERSON"], [6, 7, "GPE"], [10, 11, "ORG"]],
  "relations": [[0, 2, 6, 7, "Live_In"], [0, 2, 10, 11, "Work_For"]]},
 {"tokens": ["Google", "hired", "Peter", "Brown", "last", "year", "."],
  "entities": [[2, 4, "PERSON"], [0, 1, "ORG"]],
  "relations": [[2, 4, 0, 1, "Work_For"]]},
 {"tokens": ["Peter", "Brown", "lives", "in", "London", "."],
  "entities": [[0, 2, "PERSON"], [4, 5, "GPE"]],
  "relations": [[0, 2, 4, 5, "Live_In"]]},
 {"tokens": ["Anna", "Lee", "visited", "Berlin", "on", "Monday", "."],
  "entities": [[0, 2, "PERSON"], [3, 4, "GPE"]],
  "relations": []},
 {"tokens": ["Microsoft", "is", "based", "in", "Redmond", "."],
  "entities": [[0, 1, "ORG"], [4, 5, "GPE"]],
  "relations": [[0, 1, 4, 5, "OrgBased_In"]]},
 {"tokens": ["Tom", "White", "met", "Mary", "Jones", "in", "Rome", "."],
  "entities": [[0, 2, "PERSON"], [3, 5, "PERSON"], [6, 7, "GPE"]],
  "relations": []}
])";

using Triple = std::tuple<std::uint32_t, std::uint32_t, std::string>;

erx::RelationSample sample_of(const erx::RelationCorpusSentence& s) {
  static const erx::Tagger tagger = erx::Tagger::english();
  static const erx::Parser parser = erx::Parser::english();
  erx::Document doc = erx::relation_corpus_document(s);
  tagger.tag(doc);
  parser.parse(doc);
  return {std::move(doc), erx::relation_corpus_links(s)};
}

std::vector<erx::RelationSample> fixture_samples() {
  std::vector<erx::RelationSample> out;
  for (const auto& s : erx::parse_conll04(kFixture, "fixture")) out.push_back(sample_of(s));
  return out;
}

const erx::RelationClassifier& fixture_model() {
  static const erx::RelationClassifier model = [] {
    const std::vector<erx::RelationSample> train = fixture_samples();
    erx::RelationTrainOptions options;
    options.max_epochs = 10;
    return erx::RelationClassifier::train(train, {}, options);
  }();
  return model;
}

std::set<Triple> triples(const std::vector<erx::RelationPrediction>& predictions) {
  std::set<Triple> out;
  for (const auto& p : predictions) out.emplace(p.subject, p.object, p.type);
  return out;
}

std::set<Triple> triples(const std::vector<erx::MentionRelation>& relations) {
  std::set<Triple> out;
  for (const auto& r : relations) out.emplace(r.subject, r.object, r.type);
  return out;
}

}  // namespace

TEST_CASE("parse_conll04 reads tokens, entities and relations by span") {
  const auto corpus = erx::parse_conll04(kFixture, "fixture");
  REQUIRE(corpus.size() == 7);
  // Entities are sorted by position: in sentence 3, "Google" [0,1) comes before "Peter Brown".
  const auto& s = corpus[2];
  REQUIRE(s.entities.size() == 2);
  CHECK(s.entities[0].first == 0);
  CHECK(s.entities[0].type == "ORG");
  CHECK(s.entities[1].first == 2);
  CHECK(s.entities[1].end == 4);
  REQUIRE(s.relations.size() == 1);
  CHECK(s.relations[0].subject == 1);  // Peter Brown ...
  CHECK(s.relations[0].object == 0);   // ... works for Google
  CHECK(s.relations[0].type == "Work_For");
}

TEST_CASE("parse_conll04 drops overlapping entities with their relations") {
  const auto corpus = erx::parse_conll04(
      R"([{"tokens": ["New", "York", "City", "Council"],
          "entities": [[0, 3, "Loc"], [0, 4, "Org"], [1, 2, "Loc"]],
          "relations": [[1, 2, 0, 4, "Located_In"]]}])");
  REQUIRE(corpus[0].entities.size() == 1);
  CHECK(corpus[0].entities[0].type == "Org");
  CHECK(corpus[0].relations.empty());
}

TEST_CASE("parse_conll04 rejects malformed input naming the sentence") {
  const auto code_of = [](std::string_view text) {
    try {
      (void)erx::parse_conll04(text, "bad.json");
    } catch (const erx::Error& e) {
      CHECK(std::string(e.what()).find("bad.json") != std::string::npos);
      return e.code();
    }
    return erx::ErrorCode::kLimit;  // (no error: never expected below)
  };
  CHECK(code_of("[{\"tokens\": [\"a\"],") == erx::ErrorCode::kFormat);
  CHECK(code_of(R"({"tokens": []})") == erx::ErrorCode::kFormat);
  CHECK(code_of(R"([{"tokens": ["a", "b"], "entities": [[1, 3, "X"]]}])") == erx::ErrorCode::kFormat);
  CHECK(code_of(R"([{"tokens": ["a", "b"], "entities": [[0, 1, "X"], [1, 2, "Y"]],
                     "relations": [[0, 2, 1, 2, "R"]]}])") == erx::ErrorCode::kFormat);
  try {
    (void)erx::parse_conll04(R"([{"tokens": ["a"]}, {"entities": []}])", "bad.json");
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(std::string(e.what()).find("sentence 1") != std::string::npos);
  }
  CHECK_THROWS_AS(erx::read_conll04("/nonexistent/file.json"), erx::Error);
}

TEST_CASE("relation_corpus_document gives byte spans into the space-joined tokens") {
  const auto corpus = erx::parse_conll04(kFixture, "fixture");
  const erx::Document doc = erx::relation_corpus_document(corpus[1]);
  CHECK(doc.text() == "Mary Jones , who lives in Paris , works for Google .");
  REQUIRE(doc.tokens().size() == 12);
  REQUIRE(doc.sentences().size() == 1);
  REQUIRE(doc.mentions().size() == 3);
  CHECK(doc.text(doc.mentions()[0]) == "Mary Jones");
  CHECK(doc.text(doc.mentions()[1]) == "Paris");
  CHECK(doc.mentions()[1].type == "GPE");
  CHECK(doc.text(doc.mentions()[2]) == "Google");
}

TEST_CASE("the classifier recovers the relations it was trained on, with their direction") {
  const std::vector<erx::RelationSample> samples = fixture_samples();
  const erx::RelationClassifier& model = fixture_model();
  CHECK(model.types() == std::vector<std::string>{"Live_In", "OrgBased_In", "Work_For"});
  for (std::size_t i = 0; i < samples.size(); ++i) {
    INFO("sentence " << i << ": " << samples[i].doc.text());
    const auto predicted = model.predict(samples[i].doc);
    CHECK(triples(predicted) == triples(samples[i].relations));
    for (const auto& p : predicted) {
      CHECK(p.confidence > 0.0f);
      CHECK(p.confidence <= 1.0f);
    }
  }
}

TEST_CASE("the classifier only predicts a type for entity types seen with it") {
  // ORG -> ORG was never related in training: no candidate, no prediction.
  erx::RelationCorpusSentence s;
  s.tokens = {"Microsoft", "works", "for", "Google", "."};
  s.entities = {{0, 1, "ORG"}, {3, 4, "ORG"}};
  CHECK(fixture_model().predict(sample_of(s).doc).empty());
  // The same words with PERSON -> ORG are a Work_For.
  s.entities = {{0, 1, "PERSON"}, {3, 4, "ORG"}};
  CHECK(triples(fixture_model().predict(sample_of(s).doc)) == std::set<Triple>{{0, 1, "Work_For"}});
}

TEST_CASE("relation models round-trip through model files and reject other stages") {
  const erx::RelationClassifier& model = fixture_model();
  const erx::ModelFile file = model.to_model();
  CHECK(file.stage() == "relations");
  const erx::RelationClassifier loaded =
      erx::RelationClassifier::from_model(erx::ModelFile::from_memory(file.serialize(), "<test>"));
  for (const auto& s : fixture_samples()) CHECK(triples(loaded.predict(s.doc)) == triples(model.predict(s.doc)));
  const erx::ModelFile other("tagger", 1, {"X"});
  CHECK_THROWS_AS(erx::RelationClassifier::from_model(other), erx::Error);
  // A high confidence threshold drops predictions.
  erx::RelationClassifierOptions strict;
  strict.min_confidence = 1.01f;
  CHECK(model.with_options(strict).predict(fixture_samples()[0].doc).empty());
}

TEST_CASE("training needs relations and valid mention indices") {
  std::vector<erx::RelationSample> none = fixture_samples();
  for (auto& s : none) s.relations.clear();
  CHECK_THROWS_AS(erx::RelationClassifier::train(none, {}), erx::Error);
  std::vector<erx::RelationSample> bad = fixture_samples();
  bad[0].relations.push_back({0, 9, "Work_For"});
  CHECK_THROWS_AS(erx::RelationClassifier::train(bad, {}), erx::Error);
}

TEST_CASE("add_relations merges with existing relations without duplicates") {
  erx::RelationSample s = fixture_samples()[1];  // Mary Jones lives in Paris, works for Google
  erx::Document& doc = s.doc;
  for (std::size_t m = 0; m < doc.mentions().size(); ++m) doc.mutable_mentions()[m].entity = static_cast<int>(m);
  erx::Relation pattern;  // as the pattern extractor would have found it
  pattern.subject = {0, doc.mentions()[0].begin, doc.mentions()[0].end};
  pattern.object = {2, doc.mentions()[2].begin, doc.mentions()[2].end};
  pattern.predicate = "work for";
  pattern.type = "Work_For";
  doc.mutable_relations().push_back(pattern);
  fixture_model().add_relations(doc);
  REQUIRE(doc.relations().size() == 2);
  CHECK(doc.relations()[0].predicate == "work for");  // the pattern relation is kept as it was
  const erx::Relation& added = doc.relations()[1];
  CHECK(added.type == "Live_In");
  CHECK(added.predicate == "Live_In");
  CHECK(added.subject.entity == 0);
  CHECK(added.object.entity == 1);
  CHECK(added.predicate_text == "lives");
  CHECK(added.evidence_begin == doc.sentences()[0].begin);
  CHECK(added.evidence_end == doc.sentences()[0].end);
  CHECK(added.confidence > 0.0f);
}

TEST_CASE("a pipeline with a relation classifier adds its typed relations") {
  const erx::Pipeline plain = erx::Pipeline::english();
  const erx::Pipeline pipeline = plain.with_relation_classifier(fixture_model());
  CHECK(plain.relation_classifier() == nullptr);
  REQUIRE(pipeline.relation_classifier() != nullptr);
  const erx::Document doc = pipeline.run("Peter Brown lives in London.");
  const auto found = std::find_if(doc.relations().begin(), doc.relations().end(),
                                  [](const erx::Relation& r) { return r.type == "Live_In"; });
  REQUIRE(found != doc.relations().end());
  CHECK(doc.text(found->subject.begin, found->subject.end) == "Peter Brown");
  CHECK(doc.text(found->object.begin, found->object.end) == "London");
  CHECK(found->subject.entity >= 0);
  CHECK(pipeline.with_relation_classifier(std::nullopt).relation_classifier() == nullptr);
}

TEST_CASE("Pipeline::load picks up relations.erxm from a bundle directory") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("erx-test-relclf-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  fixture_model().to_model().save((dir / "relations.erxm").string());
  erx::PipelineOptions options;
  const erx::Pipeline pipeline = erx::Pipeline::load(dir.string(), options);
  REQUIRE(pipeline.relation_classifier() != nullptr);
  CHECK(pipeline.relation_classifier()->types().size() == 3);
  const erx::Document doc = pipeline.run("John Smith works for Microsoft.");
  CHECK(std::any_of(doc.relations().begin(), doc.relations().end(),
                    [](const erx::Relation& r) { return r.type == "Work_For" && r.predicate == "Work_For"; }));
  std::filesystem::remove_all(dir);
}

TEST_CASE("strict scoring counts a relation only with both spans, types and the relation type right") {
  using erx::TypedRelation;
  using erx::TypedSpan;
  const TypedSpan john{0, 4, "Peop"}, acme{15, 19, "Org"}, paris{23, 28, "Loc"}, mary{30, 34, "Peop"};
  const TypedSpan paris_as_org{23, 28, "Org"}, john_cut{0, 3, "Peop"}, acme_as_loc{15, 19, "Loc"};
  const std::vector<TypedRelation> gold = {
      {john, acme, "Work_For"}, {john, paris, "Live_In"}, {mary, paris, "Live_In"}};
  const std::vector<TypedRelation> predicted = {
      {john, acme, "Work_For"},                      // correct
      {john, acme, "Work_For"},                      // duplicate: counted once
      {mary, paris, "Live_In"},                      // correct
      {john, paris_as_org, "Live_In"},               // wrong entity type of the object
      {john_cut, paris, "Live_In"},                  // wrong span of the subject
      {john, paris, "Work_For"}};                    // wrong relation type
  erx::StrictRelationScorer scorer;
  scorer.add_relations(gold, predicted);
  CHECK(scorer.relations().gold == 3);
  CHECK(scorer.relations().predicted == 5);
  CHECK(scorer.relations().correct == 2);
  CHECK(std::abs(scorer.relations().precision() - 0.4) < 1e-12);
  CHECK(std::abs(scorer.relations().recall() - 2.0 / 3.0) < 1e-12);
  CHECK(std::abs(scorer.relations().f1() - 0.5) < 1e-12);
  const auto& live_in = scorer.relation_types().at("Live_In");
  CHECK(live_in.gold == 2);
  CHECK(live_in.predicted == 3);
  CHECK(live_in.correct == 1);
  // A second sentence adds up (micro average); an empty prediction scores 0, not NaN.
  scorer.add_relations(std::vector<TypedRelation>{{mary, acme, "Work_For"}}, {});
  CHECK(scorer.relations().gold == 4);
  CHECK(std::abs(scorer.relations().recall() - 0.5) < 1e-12);
  erx::StrictRelationScorer empty;
  CHECK(empty.relations().f1() == 0.0);

  erx::StrictRelationScorer entities;
  const std::vector<TypedSpan> gold_spans = {john, acme, paris};
  const std::vector<TypedSpan> predicted_spans = {john, acme_as_loc, paris, mary};
  entities.add_entities(gold_spans, predicted_spans);
  CHECK(entities.entities().correct == 2);
  CHECK(std::abs(entities.entities().precision() - 0.5) < 1e-12);
  CHECK(std::abs(entities.entities().recall() - 2.0 / 3.0) < 1e-12);
}
