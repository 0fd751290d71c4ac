// Tests of open information extraction: the CaRB scorer (src/eval/carb_score.hpp) on hand-made
// tuples whose scores were worked out by hand, and erx's open mode (erx/relations.hpp,
// RelationOptions::open) on golden sentences written for these tests.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "corpora.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/pipeline.hpp"
#include "erx/relations.hpp"
#include "eval/carb_score.hpp"

namespace {

using erx::eval::OpenTuple;

OpenTuple tuple(std::string relation, std::vector<std::string> arguments, double confidence = 1.0) {
  OpenTuple t;
  t.relation = std::move(relation);
  t.arguments = std::move(arguments);
  t.confidence = confidence;
  return t;
}

bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }

const std::string kGolden = std::string(ERX_SOURCE_DIR) + "/tests/data/openie_golden.conllu";

// "arg1 | relation | arg2 | extra..." of a tuple.
std::string show(const OpenTuple& t) {
  std::string out = t.arguments.empty() ? "" : t.arguments[0];
  out += " | " + t.relation;
  for (std::size_t i = 1; i < t.arguments.size(); ++i) out += " | " + t.arguments[i];
  return out;
}

// The golden cases: one document each, with its expected and rejected tuples.
struct OpenCase {
  std::string id;
  std::vector<std::string> expect, reject;
  std::vector<erx::conllu::Sentence> sentences;
};

std::vector<OpenCase> load_cases() {
  std::vector<OpenCase> cases;
  for (erx::conllu::Sentence& s : erx::conllu::read_file(kGolden)) {
    if (s.has_comment("newdoc")) {
      cases.emplace_back();
      for (const std::string& c : s.comments) {
        const std::size_t eq = c.find(" = ");
        if (eq == std::string::npos) continue;
        const std::string key = c.substr(0, eq), value = c.substr(eq + 3);
        if (key == "newdoc id") cases.back().id = value;
        if (key == "tuple") cases.back().expect.push_back(value);
        if (key == "reject") cases.back().reject.push_back(value);
      }
    }
    if (!cases.empty()) cases.back().sentences.push_back(std::move(s));
  }
  return cases;
}

// Open-mode relations of the case's gold trees, and their CaRB tuples.
erx::Document run_open(const OpenCase& c, std::vector<std::string>& tuples) {
  erx::Document doc = erx::conllu::to_document(c.sentences);
  erx::RelationOptions options;
  options.open = true;
  erx::RelationExtractor(erx::RelationSchema::english(), options).extract(doc);
  erx::eval::OpenTupleSet set;
  erx::eval::add_document_tuples(doc, "s", set);
  for (const auto& t : set.sentences().front().tuples) tuples.push_back(show(t));
  return doc;
}

}  // namespace

TEST_CASE("CaRB match: word overlap of relation, arg1 and the joined rest") {
  using erx::eval::carb_match;
  // Exact match.
  auto m = carb_match(tuple("was born in", {"Ada", "London"}), tuple("was born in", {"Ada", "London"}));
  CHECK(near(m.precision, 1.0));
  CHECK(near(m.recall, 1.0));
  // A system "be" matches the gold "is"; "poet" matches one of the gold "a poet".
  m = carb_match(tuple("is", {"Ada", "a poet"}), tuple("be", {"Ada", "poet"}));
  CHECK(near(m.precision, 1.0));   // 3 of 3 system words
  CHECK(near(m.recall, 3.0 / 4));  // 3 of 4 gold words
  // "be" also matches "was" inside a longer gold relation.
  m = carb_match(tuple("was born in", {"Ada", "London"}), tuple("be", {"Ada", "poet"}));
  CHECK(near(m.precision, 2.0 / 3));
  CHECK(near(m.recall, 2.0 / 5));
  // No relation word in common: no match, whatever the arguments.
  m = carb_match(tuple("is", {"Ada", "a poet"}), tuple("was born in", {"Ada", "a poet"}));
  CHECK(m.precision == 0.0);
  CHECK(m.recall == 0.0);
  // Gold extra arguments join arg2: gold rest "the company in 1990" (4 words).
  m = carb_match(tuple("founded", {"Bob", "the company", "in 1990"}), tuple("founded in", {"Bob", "1990"}));
  CHECK(near(m.precision, 3.0 / 4));  // founded, Bob, 1990 of founded in Bob 1990
  CHECK(near(m.recall, 3.0 / 6));     // founded, Bob, 1990 of founded Bob the company in 1990
  // A gold tuple with two parts needs two parts: a one-argument system tuple scores nothing.
  m = carb_match(tuple("founded", {"Bob", "the company"}), tuple("founded", {"Bob"}));
  CHECK(m.precision == 0.0);
  // A system part the gold tuple does not have is not counted.
  m = carb_match(tuple("died", {"Bob"}), tuple("died", {"Bob", "in Paris"}));
  CHECK(near(m.precision, 1.0));
  CHECK(near(m.recall, 1.0));
  // Words are compared exactly: case counts.
  m = carb_match(tuple("founded", {"Bob", "the company"}), tuple("founded", {"bob", "The company"}));
  CHECK(near(m.precision, 2.0 / 4));
  CHECK(near(m.recall, 2.0 / 4));
  // A reporting relation also tries the system arguments swapped.
  m = carb_match(tuple("said", {"Lee", "talks will resume"}), tuple("said", {"talks will resume", "Lee"}));
  CHECK(near(m.precision, 1.0));
  CHECK(near(m.recall, 1.0));
  m = carb_match(tuple("met", {"Lee", "Xi"}), tuple("met", {"Xi", "Lee"}));
  CHECK(near(m.precision, 1.0 / 3));  // only the relation matches
}

TEST_CASE("CaRB sentence keys ignore spaces, punctuation and PTB bracket escapes") {
  using erx::eval::carb_sentence_key;
  CHECK(carb_sentence_key("Ada -LRB- the poet -RRB- was born in London .") ==
        carb_sentence_key("Ada (the poet) was born in London."));
  CHECK(carb_sentence_key("Ada was born in London.") != carb_sentence_key("Ada was born in Paris."));
}

// Two gold sentences and a system sentence without gold, scored by hand:
//   A gold: g1 (was born in; Ada; London), g2 (is; Ada; a poet)
//   A system: s1 (was born in; Ada; London) 0.9, s2 (be; Ada; poet) 0.5, s6 (sings; Carl; songs) 0.3
//     match (precision, recall): g1-s1 (1, 1), g1-s2 (2/3, 2/5), g2-s1 (0, 0), g2-s2 (1, 3/4),
//     s6 matches nothing
//   B gold: g3 (founded; Bob; the company; in 1990)
//   B system: s3 (founded; Bob; the company) 0.2 -> (1, 2/3), s4 (founded in; Bob; 1990) 0.5 ->
//     (3/4, 1/2)
//   C system only: s5 0.7 (not scored, but 0.7 is a threshold)
// Thresholds 0.2, 0.3, 0.5, 0.7, 0.9 (precision numerator/denominator, recall numerator over 3):
//   0.2: A {s1,s2,s6}: P 2/3, R 1.75; B {s3,s4}: P 1/2, R 2/3 -> P 3/5,   R 29/36
//   0.3: A same;                      B {s4}: P 0.75/1, R 1/2 -> P 11/16, R 3/4
//   0.5: A {s1,s2}: P 2/2, R 1.75;    B {s4}               -> P 11/12, R 3/4
//   0.7, 0.9: A {s1}: P 1/1, R 1;     B {}                  -> P 1,     R 1/3
// Best F1 at 0.5: 2 (11/12)(3/4) / (11/12 + 3/4) = 33/40.
// AUC over (29/36, 3/5), (3/4, 11/16), (3/4, 11/12), (1/3, 1), (1/3, 1), (0, 1):
//   (29/36 - 3/4)(3/5 + 11/16)/2 + (3/4 - 1/3)(11/12 + 1)/2 + (1/3)(1) = 2213/2880.
TEST_CASE("CaRB scores: per-sentence matching, the PR curve, best F1 and AUC") {
  using namespace erx::eval;
  OpenTupleSet gold, system;
  gold.add("Ada was born in London and is a poet .", tuple("was born in", {"Ada", "London"}));
  gold.add("Ada was born in London and is a poet .", tuple("is", {"Ada", "a poet"}));
  gold.add("Bob founded the company in 1990 .", tuple("founded", {"Bob", "the company", "in 1990"}));
  // The system writes sentence A with different spacing: the key pairs them.
  const std::string a = "Ada was born in London and is a poet.";
  system.add(a, tuple("was born in", {"Ada", "London"}, 0.9));
  system.add(a, tuple("be", {"Ada", "poet"}, 0.5));
  system.add(a, tuple("sings", {"Carl", "songs"}, 0.3));
  system.add("Bob founded the company in 1990 .", tuple("founded", {"Bob", "the company"}, 0.2));
  system.add("Bob founded the company in 1990 .", tuple("founded in", {"Bob", "1990"}, 0.5));
  system.add("Carl sings songs .", tuple("sings", {"Carl", "songs"}, 0.7));

  const CarbResult r = carb_score(gold, system);
  CHECK(r.gold_sentences == 2);
  CHECK(r.gold_tuples == 3);
  CHECK(r.system_tuples == 5);
  CHECK(r.unmatched_sentences == 1);
  REQUIRE(r.curve.size() == 5);
  const double p[] = {3.0 / 5, 11.0 / 16, 11.0 / 12, 1.0, 1.0};
  const double rc[] = {29.0 / 36, 3.0 / 4, 3.0 / 4, 1.0 / 3, 1.0 / 3};
  const double conf[] = {0.2, 0.3, 0.5, 0.7, 0.9};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("threshold " << conf[i]);
    CHECK(near(r.curve[i].confidence, conf[i]));
    CHECK(near(r.curve[i].precision, p[i]));
    CHECK(near(r.curve[i].recall, rc[i]));
  }
  CHECK(near(r.best.f1, 33.0 / 40));
  CHECK(near(r.best.precision, 11.0 / 12));
  CHECK(near(r.best.recall, 3.0 / 4));
  CHECK(near(r.best.confidence, 0.5));
  CHECK(near(r.auc, 2213.0 / 2880));
}

TEST_CASE("CaRB scores: precision pairs one-to-one, recall takes the best match per gold tuple") {
  using namespace erx::eval;
  const OpenTuple g1 = tuple("met", {"Lee", "Xi"});
  const OpenTuple g2 = tuple("met", {"Lee", "Xi", "in Beijing"});  // the system tuple: P 1, R 3/5
  const OpenTuple s = tuple("met", {"Lee", "Xi"}, 1.0);
  // The same tuple twice against one gold tuple: only one of them is paired -> P 1/2.
  OpenTupleSet gold1, twice;
  gold1.add("s", g1);
  twice.add("s", s);
  twice.add("s", s);
  CarbResult r = carb_score(gold1, twice);
  REQUIRE(r.curve.size() == 1);
  CHECK(near(r.curve[0].precision, 0.5));
  CHECK(near(r.curve[0].recall, 1.0));
  // One system tuple against two gold tuples: both gold tuples take it for recall, (1 + 3/5) / 2.
  OpenTupleSet gold2, once;
  gold2.add("s", g1);
  gold2.add("s", g2);
  once.add("s", s);
  r = carb_score(gold2, once);
  REQUIRE(r.curve.size() == 1);
  CHECK(near(r.curve[0].precision, 1.0));
  CHECK(near(r.curve[0].recall, 0.8));
  // A system without tuples: no curve, all zero.
  const CarbResult none = carb_score(gold2, OpenTupleSet{});
  CHECK(none.curve.empty());
  CHECK(none.best.f1 == 0.0);
  CHECK(none.auc == 0.0);
}

TEST_CASE("CaRB files: gold and tabbed readers, tabbed writer") {
  using namespace erx::eval;
  const OpenTupleSet gold = read_carb_gold(
      "Bob founded the company in 1990 .\tfounded\tBob \tthe company\tin 1990\n\n"
      "Ada is a poet .\tis\tAda\ta poet\n",
      "gold.tsv");
  REQUIRE(gold.sentences().size() == 2);
  REQUIRE(gold.sentences()[0].tuples.size() == 1);
  CHECK(gold.sentences()[0].tuples[0].arguments ==
        std::vector<std::string>{"Bob", "the company", "in 1990"});
  CHECK_THROWS_AS(read_carb_gold("just a sentence\n", "bad.tsv"), erx::Error);

  OpenTuple t = tuple("founded", {"Bob", "the company"}, 0.75);
  const std::string line = carb_tabbed_line("Bob founded the company .", t);
  CHECK(line == "Bob founded the company .\t0.7500\tfounded\tBob\tthe company\n");
  const OpenTupleSet back = read_carb_tabbed(line, "out.tsv");
  REQUIRE(back.sentences().size() == 1);
  CHECK(back.sentences()[0].tuples[0].relation == "founded");
  CHECK(near(back.sentences()[0].tuples[0].confidence, 0.75));
  CHECK_THROWS_AS(read_carb_tabbed("s\tnot-a-number\trel\ta\n", "out.tsv"), erx::Error);
  CHECK_THROWS_AS(read_carb_tabbed("s\t0.5\n", "out.tsv"), erx::Error);
}

TEST_CASE("Open mode: golden constructions on gold trees") {
  const auto cases = load_cases();
  REQUIRE(cases.size() >= 14);
  for (const OpenCase& c : cases) {
    DYNAMIC_SECTION(c.id) {
      std::vector<std::string> tuples;
      run_open(c, tuples);
      std::string got;
      for (const std::string& t : tuples) got += "  " + t + "\n";
      INFO(c.id << " gave:\n" << got);
      REQUIRE(!c.expect.empty());
      for (const std::string& e : c.expect)
        CHECK(std::find(tuples.begin(), tuples.end(), e) != tuples.end());
      for (const std::string& r : c.reject)
        CHECK(std::find(tuples.begin(), tuples.end(), r) == tuples.end());
    }
  }
}

TEST_CASE("Open mode: passives, negation, modality and confidence") {
  const auto cases = load_cases();
  const auto find = [&](std::string_view id) {
    const auto it = std::find_if(cases.begin(), cases.end(), [&](const OpenCase& c) { return c.id == id; });
    REQUIRE(it != cases.end());
    return *it;
  };
  std::vector<std::string> tuples;
  // "The treaty was signed by the ministers in Geneva.": the agent is the relation's subject.
  erx::Document doc = run_open(find("passive-agent"), tuples);
  bool found = false;
  for (const erx::Relation& r : doc.relations()) {
    if (r.predicate != "sign") continue;
    found = true;
    CHECK(r.passive);
    CHECK(doc.text(r.subject.begin, r.subject.end) == "the ministers");
    CHECK(doc.text(r.object.begin, r.object.end) == "The treaty");
    REQUIRE(r.arguments.size() == 1);
    CHECK(doc.text(r.arguments[0].begin, r.arguments[0].end) == "in Geneva");
    CHECK(r.confidence > 0.0f);
    CHECK(r.confidence <= 1.0f);
  }
  CHECK(found);
  // "The company might not open a new store in Berlin.": negated and hypothetical.
  doc = run_open(find("negation-modality"), tuples);
  found = false;
  for (const erx::Relation& r : doc.relations()) {
    if (r.predicate != "open") continue;
    found = true;
    CHECK(r.negated);
    CHECK(r.modality == erx::Modality::kHypothetical);
  }
  CHECK(found);
  // A direct clause ranks above a clause inside a reported complement.
  doc = run_open(find("clausal-complement"), tuples);
  float said = -1, rose = -1;
  for (const erx::Relation& r : doc.relations()) {
    if (r.predicate == "say") said = r.confidence;
    if (r.predicate == "rise") rose = r.confidence;
  }
  CHECK(said > 0.0f);
  if (rose >= 0.0f) CHECK(rose < said);
}

// End to end on the CaRB dev sentences (an accuracy guard, like the relation golden cases through
// the pipeline): the open mode of the English pipeline must keep the scores measured when it was
// written (F1 0.530, AUC 0.366 on 2026-11-29) above the targets of the open-IE work. Raise the
// bounds when the models improve; never lower them.
TEST_CASE("Open mode on CaRB dev keeps F1 >= 0.50 and AUC >= 0.30") {
  if (!erx::test::have_corpora()) ERX_SKIP("corpora not found");
  const auto dir = erx::test::corpora_dir() / "carb";
  if (!std::filesystem::exists(dir / "gold" / "dev.tsv")) ERX_SKIP("CaRB dev not found");
  erx::PipelineOptions options;
  options.relations.open = true;
  options.tokenizer.split_sentences = false;
  const erx::Pipeline pipeline = erx::Pipeline::english(options);
  if (!pipeline.parser()) ERX_SKIP("the built-in bundle has no parser");
  const auto read = [](const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const erx::eval::OpenTupleSet gold = erx::eval::read_carb_gold(read(dir / "gold" / "dev.tsv"), "dev.tsv");
  erx::eval::OpenTupleSet system;
  std::istringstream lines(read(dir / "dev.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    erx::eval::add_document_tuples(pipeline.run(line), line, system);
  }
  const erx::eval::CarbResult r = erx::eval::carb_score(gold, system);
  INFO("CaRB dev: F1 " << r.best.f1 << " (P " << r.best.precision << ", R " << r.best.recall
                       << "), AUC " << r.auc);
  CHECK(r.gold_tuples == 2548);
  CHECK(r.best.f1 >= 0.50);
  CHECK(r.auc >= 0.30);
}
