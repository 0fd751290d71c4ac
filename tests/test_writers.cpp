// Tests of erx/writers.hpp: the JSON contract of DESIGN.md and the text format.
#include "erx/writers.hpp"

#include <boost/json/parse.hpp>

#include "catch.hpp"

namespace {

// "Lee visited Beijing." with two entities and one relation, built by hand.
erx::Document sample() {
  erx::Document doc("Lee visited Beijing.");
  doc.set_id("a.txt");
  for (auto [b, e] : {std::pair{0u, 3u}, {4u, 11u}, {12u, 19u}, {19u, 20u}}) {
    erx::Token t;
    t.begin = b;
    t.end = e;
    doc.mutable_tokens().push_back(t);
  }
  doc.mutable_sentences() = {{0, 4, 0, 20}};
  erx::Mention lee;
  lee.first_token = 0;
  lee.end_token = 1;
  lee.begin = 0;
  lee.end = 3;
  lee.type = "PERSON";
  lee.entity = 0;
  erx::Mention beijing = lee;
  beijing.first_token = 2;
  beijing.end_token = 3;
  beijing.begin = 12;
  beijing.end = 19;
  beijing.type = "GPE";
  beijing.entity = 1;
  doc.mutable_mentions() = {lee, beijing};
  doc.mutable_entities() = {{"Lee Jae Myung", "PERSON", {0}, {"Lee"}}, {"Beijing", "GPE", {1}, {}}};
  erx::Relation r;
  r.subject = {0, 0, 3};
  r.object = {1, 12, 19};
  r.predicate = "visit";
  r.predicate_text = "visited";
  r.type = "VISIT";
  r.modality = erx::Modality::kReported;
  r.confidence = 0.5f;
  r.evidence_begin = 0;
  r.evidence_end = 20;
  doc.mutable_relations() = {r};
  return doc;
}

}  // namespace

TEST_CASE("to_json writes the DESIGN.md shape") {
  auto value = boost::json::parse(erx::to_json(sample()));
  const auto& root = value.as_object();
  CHECK(root.at("id").as_string() == "a.txt");
  CHECK(root.at("sentences").as_array().at(0).as_object().at("end").as_int64() == 20);
  const auto& e1 = root.at("entities").as_array().at(0).as_object();
  CHECK(e1.at("id").as_string() == "e1");
  CHECK(e1.at("name").as_string() == "Lee Jae Myung");
  CHECK(e1.at("type").as_string() == "PERSON");
  const auto& m = e1.at("mentions").as_array().at(0).as_object();
  CHECK(m.at("start").as_int64() == 0);
  CHECK(m.at("end").as_int64() == 3);
  CHECK(m.at("text").as_string() == "Lee");
  CHECK(m.at("sentence").as_int64() == 0);
  const auto& r = root.at("relations").as_array().at(0).as_object();
  CHECK(r.at("subject").as_object().at("entity").as_string() == "e1");
  CHECK(r.at("subject").as_object().at("text").as_string() == "Lee");
  CHECK(r.at("object").as_object().at("name").as_string() == "Beijing");
  CHECK(r.at("object").as_object().at("type").as_string() == "GPE");
  CHECK(r.at("predicate").as_string() == "visit");
  CHECK(r.at("predicate_text").as_string() == "visited");
  CHECK(r.at("type").as_string() == "VISIT");
  CHECK(r.at("negated").as_bool() == false);
  CHECK(r.at("modality").as_string() == "reported");
  CHECK(r.at("confidence").as_double() == 0.5);
  CHECK(r.at("sentence").as_int64() == 0);
  CHECK(r.at("evidence").as_object().at("end").as_int64() == 20);
}

TEST_CASE("compact JSON is one line and parses to the same value") {
  erx::JsonOptions options;
  options.pretty = false;
  std::string compact = erx::to_json(sample(), options);
  CHECK(compact.find('\n') == compact.size() - 1);
  CHECK(boost::json::parse(compact) == boost::json::parse(erx::to_json(sample())));
}

TEST_CASE("invalid UTF-8 becomes U+FFFD in JSON strings, offsets unchanged") {
  erx::Document doc(std::string("a\xFF" "b"));
  erx::Token t;
  t.end = 3;
  doc.mutable_tokens() = {t};
  doc.mutable_sentences() = {{0, 1, 0, 3}};
  erx::JsonOptions options;
  options.include_tokens = true;
  std::string json = erx::to_json(doc, options);
  auto value = boost::json::parse(json);  // throws if not valid UTF-8 JSON
  const auto& token = value.at("sentences").at(0).at("tokens").at(0).as_object();
  CHECK(token.at("text").as_string() == "a\xEF\xBF\xBD" "b");
  CHECK(token.at("end").as_int64() == 3);
}

TEST_CASE("to_text prints entities and one link per line") {
  std::string text = erx::to_text(sample());
  CHECK(text.find("Lee Jae Myung (PERSON)") != std::string::npos);
  CHECK(text.find("Lee Jae Myung (PERSON) --visit--> Beijing (GPE)   [reported]") !=
        std::string::npos);
}

TEST_CASE("to_text prints a link the document states twice once, with its count") {
  erx::Document doc = sample();
  const erx::Relation first = doc.relations().front();
  erx::Relation negated = first;
  negated.negated = true;
  doc.mutable_relations() = {first, negated, first};
  const std::string text = erx::to_text(doc);
  CHECK(text.find("relations (2):") != std::string::npos);
  CHECK(text.find("--visit--> Beijing (GPE)   [reported]  x2\n") != std::string::npos);
  CHECK(text.find("--visit--> Beijing (GPE)   [negated, reported]\n") != std::string::npos);
  // the asserted-twice line appears once
  const std::size_t at = text.find("[reported]  x2");
  CHECK(text.find("[reported]", at + 1) == std::string::npos);
}
