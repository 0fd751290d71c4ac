// Tests of erx/parser.hpp: the transition system, the dynamic oracle, pseudo-projective encoding,
// training, model files, long inputs and (with the corpora) accuracy of the built-in model.
#include "erx/parser.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include "catch.hpp"
#include "corpora.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/pipeline.hpp"
#include "ml/training.hpp"
#include "parser/arc_hybrid.hpp"
#include "parser/projectivize.hpp"

namespace {

using erx::parser::Move;
using erx::parser::State;

// A random projective tree over 1..n with one root (heads[0] unused), built by recursive
// splitting of intervals (an explicit stack, no recursion).
std::vector<int> random_projective_tree(int n, erx::ml::Rng& rng) {
  std::vector<int> heads(static_cast<std::size_t>(n) + 1, 0);
  struct Interval {
    int lo, hi, head;
  };
  std::vector<Interval> todo{{1, n, 0}};
  while (!todo.empty()) {
    const Interval iv = todo.back();
    todo.pop_back();
    if (iv.lo > iv.hi) continue;
    const int r = iv.lo + static_cast<int>(rng.below(static_cast<std::uint64_t>(iv.hi - iv.lo + 1)));
    heads[static_cast<std::size_t>(r)] = iv.head;
    // Words left and right of r are split into sibling groups that all hang below r.
    todo.push_back({iv.lo, r - 1, r});
    todo.push_back({r + 1, iv.hi, r});
  }
  return heads;
}

// Validity of the action set of a state, as the decoder uses it.
std::vector<int> valid_actions(const State& st, int num_labels, int root_label) {
  std::vector<int> out;
  if (st.can_shift()) out.push_back(0);
  if (st.can_left())
    for (int l = 0; l < num_labels; ++l)
      if (l != root_label) out.push_back(erx::parser::action_id(Move::kLeft, l));
  if (st.can_right()) {
    if (st.right_is_root()) {
      out.push_back(erx::parser::action_id(Move::kRight, root_label));
    } else {
      for (int l = 0; l < num_labels; ++l)
        if (l != root_label) out.push_back(erx::parser::action_id(Move::kRight, l));
    }
  }
  return out;
}

int action_cost(const erx::parser::OracleCosts& c, int action) {
  const int l = erx::parser::action_label(action);
  switch (erx::parser::action_move(action)) {
    case Move::kShift: return c.shift;
    case Move::kLeft: return c.left + (c.left_label >= 0 && l != c.left_label);
    case Move::kRight: return c.right + (c.right_label >= 0 && l != c.right_label);
  }
  return 0;
}

// Labels for the oracle tests: label 0 = root, others by direction and parity.
std::vector<int> labels_for(const std::vector<int>& heads) {
  std::vector<int> labels(heads.size(), -1);
  for (std::size_t d = 1; d < heads.size(); ++d)
    labels[d] = heads[d] == 0 ? 0 : 1 + static_cast<int>((d + static_cast<std::size_t>(heads[d])) % 3);
  return labels;
}

// A CoNLL-U fixture: a few short sentences, hand-written.
constexpr const char* kFixture =
    "# text = Lee visited Beijing on Monday.\n"
    "1\tLee\tLee\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tBeijing\tBeijing\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The report was written by the minister.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\treport\treport\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\twritten\twrite\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
    "7\tminister\tminister\tNOUN\tNN\t_\t4\tobl:agent\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = She picked up the book that I wrote.\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tpicked\tpick\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tup\tup\tADP\tRP\t_\t2\tcompound:prt\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tbook\tbook\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "6\tthat\tthat\tPRON\tWDT\t_\t8\tobj\t_\t_\n"
    "7\tI\tI\tPRON\tPRP\t_\t8\tnsubj\t_\t_\n"
    "8\twrote\twrite\tVERB\tVBD\t_\t5\tacl:relcl\t_\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Kim's brother met him yesterday.\n"
    "1\tKim\tKim\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tbrother\tbrother\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "5\thim\the\tPRON\tPRP\t_\t4\tobj\t_\t_\n"
    "6\tyesterday\tyesterday\tNOUN\tNN\t_\t4\tobl:tmod\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

erx::Document fixture_document() {
  std::istringstream in(kFixture);
  return erx::conllu::to_document(erx::conllu::read(in, "fixture"));
}

// A parser trained on the fixture until it reproduces it (it is tiny: this takes milliseconds).
const erx::Parser& fixture_parser() {
  static const erx::Parser parser = [] {
    const erx::Document doc = fixture_document();
    erx::ParserTrainOptions options;
    options.max_epochs = 30;
    options.patience = 30;
    options.min_lift_count = 1;
    options.min_feature_count = 1;
    options.prune_threshold = 0.0f;
    return erx::Parser::train(std::span(&doc, 1), std::span(&doc, 1), options);
  }();
  return parser;
}

// Checks that every sentence of `doc` got a well-formed tree: heads inside the sentence, exactly
// one root, no cycles, a relation on every token.
void require_trees(const erx::Document& doc) {
  REQUIRE(doc.has_parse());
  const auto& tokens = doc.tokens();
  for (const erx::Sentence& s : doc.sentences()) {
    int roots = 0;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      const erx::Token& t = tokens[i];
      REQUIRE(!doc.deprel(t).empty());
      if (t.head < 0) {
        ++roots;
        REQUIRE(doc.deprel(t) == "root");
        continue;
      }
      REQUIRE(static_cast<std::uint32_t>(t.head) >= s.first_token);
      REQUIRE(static_cast<std::uint32_t>(t.head) < s.end_token);
      REQUIRE(static_cast<std::uint32_t>(t.head) != i);
    }
    REQUIRE(roots == 1);
    // No cycles: colour walk, linear.
    std::vector<char> done(s.end_token - s.first_token, 0);
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      std::vector<std::uint32_t> path;
      std::uint32_t x = i;
      while (true) {
        if (done[x - s.first_token] == 2) break;
        REQUIRE(done[x - s.first_token] == 0);  // 1 would be a cycle
        done[x - s.first_token] = 1;
        path.push_back(x);
        if (tokens[x].head < 0) break;
        x = static_cast<std::uint32_t>(tokens[x].head);
      }
      for (std::uint32_t p : path) done[p - s.first_token] = 2;
    }
  }
}

}  // namespace

TEST_CASE("arc-hybrid: a sentence of n words takes exactly 2n transitions and yields one tree") {
  State st;
  const int n = 7;
  st.reset(n);
  int steps = 0;
  // Shift everything, then reduce right to left with RIGHT: a right-branching chain.
  while (!st.terminal()) {
    if (st.can_shift()) {
      st.apply(Move::kShift, -1);
    } else {
      REQUIRE(st.can_right());
      st.apply(Move::kRight, st.right_is_root() ? 0 : 1);
    }
    ++steps;
  }
  CHECK(steps == 2 * n);
  CHECK(st.head(1) == 0);
  CHECK(st.label(1) == 0);
  for (int i = 2; i <= n; ++i) CHECK(st.head(i) == i - 1);
  CHECK(st.rightmost(1) == 2);
  CHECK(st.right_valency(1) == 1);
}

TEST_CASE("arc-hybrid: RIGHT to ROOT only with an empty buffer; LEFT never from ROOT") {
  State st;
  st.reset(2);
  CHECK(st.can_shift());
  CHECK_FALSE(st.can_left());
  CHECK_FALSE(st.can_right());
  st.apply(Move::kShift, -1);
  CHECK(st.can_left());
  CHECK_FALSE(st.can_right());  // would attach word 1 to ROOT while word 2 waits
  st.apply(Move::kShift, -1);
  CHECK_FALSE(st.can_shift());
  CHECK(st.can_right());
  CHECK_FALSE(st.right_is_root());
}

TEST_CASE("dynamic oracle: following zero-cost actions rebuilds every projective gold tree") {
  erx::ml::Rng rng(7);
  State st;
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 1 + static_cast<int>(rng.below(25));
    const std::vector<int> heads = random_projective_tree(n, rng);
    const std::vector<int> labels = labels_for(heads);
    REQUIRE(erx::parser::is_projective(heads));
    st.reset(n);
    while (!st.terminal()) {
      const erx::parser::OracleCosts c = erx::parser::oracle_costs(st, heads.data(), labels.data());
      std::vector<int> zero;
      for (int a : valid_actions(st, 4, 0))
        if (action_cost(c, a) == 0) zero.push_back(a);
      REQUIRE(!zero.empty());
      const int a = zero[rng.below(zero.size())];  // any zero-cost action will do
      st.apply(erx::parser::action_move(a), erx::parser::action_label(a));
    }
    for (int d = 1; d <= n; ++d) {
      REQUIRE(st.head(d) == heads[static_cast<std::size_t>(d)]);
      REQUIRE(st.label(d) == labels[static_cast<std::size_t>(d)]);
    }
  }
}

TEST_CASE("dynamic oracle: costs are exact (arc-decomposition) from states reached by mistakes") {
  // Take random actions, summing their costs; then follow the oracle. The arcs that end up wrong
  // must be exactly the sum of the costs paid.
  erx::ml::Rng rng(11);
  State st;
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 1 + static_cast<int>(rng.below(20));
    const std::vector<int> heads = random_projective_tree(n, rng);
    const std::vector<int> labels = labels_for(heads);
    st.reset(n);
    int paid = 0;
    const double p_random = 0.1 + 0.5 * rng.uniform();
    while (!st.terminal()) {
      const erx::parser::OracleCosts c = erx::parser::oracle_costs(st, heads.data(), labels.data());
      const std::vector<int> valid = valid_actions(st, 4, 0);
      int a = -1;
      if (rng.uniform() < p_random) {
        a = valid[rng.below(valid.size())];
      } else {
        int best = 1 << 30;
        for (int v : valid)
          if (action_cost(c, v) < best) best = action_cost(c, v), a = v;
      }
      paid += action_cost(c, a);
      st.apply(erx::parser::action_move(a), erx::parser::action_label(a));
    }
    int wrong = 0;
    for (int d = 1; d <= n; ++d)
      wrong += st.head(d) != heads[static_cast<std::size_t>(d)] || st.label(d) != labels[static_cast<std::size_t>(d)];
    REQUIRE(wrong == paid);
  }
}

TEST_CASE("pseudo-projective encoding lifts non-projective arcs and deprojectivize restores them") {
  // "A hearing is scheduled on the issue today": "on the issue" (6 -> hearing 2) crosses
  // "is scheduled ... today"; words: 1 A, 2 hearing, 3 is, 4 scheduled, 5 on, 6 issue, 7 today.
  std::vector<int> heads = {0, 2, 4, 4, 0, 6, 2, 4};
  std::vector<std::string> labels = {"", "det", "nsubj:pass", "aux:pass", "root", "case", "nmod", "obl:tmod"};
  REQUIRE_FALSE(erx::parser::is_projective(heads));
  const std::vector<int> original = heads;
  const int lifts = erx::parser::projectivize(heads, labels);
  CHECK(lifts >= 1);
  CHECK(erx::parser::is_projective(heads));
  CHECK(heads[6] == 4);
  CHECK(labels[6] == "nmod|nsubj:pass");

  const std::vector<std::string> names = {"det", "nsubj:pass", "aux:pass", "root", "case", "nmod", "obl:tmod",
                                          "nmod|nsubj:pass"};
  const erx::parser::LiftTable table = erx::parser::make_lift_table(names);
  std::vector<int> ids(labels.size(), -1);
  for (std::size_t i = 1; i < labels.size(); ++i)
    ids[i] = static_cast<int>(std::find(names.begin(), names.end(), labels[i]) - names.begin());
  std::vector<int> scratch;
  erx::parser::deprojectivize(heads, ids, table, scratch);
  CHECK(heads == original);
  CHECK(names[static_cast<std::size_t>(ids[6])] == "nmod");
}

TEST_CASE("a parser trained on a small treebank reproduces it, with subtyped relations") {
  const erx::Parser& parser = fixture_parser();
  const erx::Document gold = fixture_document();
  erx::Document doc = gold;
  for (erx::Token& t : doc.mutable_tokens()) {
    t.head = -1;
    t.deprel = {};
  }
  doc.set_has_parse(false);
  parser.parse(doc);
  require_trees(doc);
  const erx::AttachmentScores s = erx::score_parse(gold, doc);
  CHECK(s.tokens == gold.tokens().size());
  CHECK(s.uas() == 100.0);
  CHECK(s.las() == 100.0);
  const auto labels = parser.labels();
  CHECK(std::find(labels.begin(), labels.end(), "nsubj:pass") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "compound:prt") != labels.end());
}

TEST_CASE("parser model files round-trip and damaged ones are rejected") {
  const erx::Parser& parser = fixture_parser();
  const std::string bytes = parser.to_model_file().serialize();
  const erx::Parser loaded(erx::ModelFile::from_memory(bytes, "parser-test", "parser"));
  erx::Document a = fixture_document(), b = fixture_document();
  parser.parse(a);
  loaded.parse(b);
  for (std::size_t i = 0; i < a.tokens().size(); ++i) {
    CHECK(a.tokens()[i].head == b.tokens()[i].head);
    CHECK(a.deprel(a.tokens()[i]) == b.deprel(b.tokens()[i]));
  }
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x5a;
  CHECK_THROWS_AS(erx::Parser(erx::ModelFile::from_memory(damaged, "damaged", "parser")), erx::Error);
  CHECK_THROWS_AS(erx::Parser(erx::ModelFile::from_memory(bytes.substr(0, bytes.size() - 3), "short", "parser")),
                  erx::Error);
  // A model of another stage is refused by the parser itself.
  erx::ModelFile other("tagger", 1, {"NOUN"});
  CHECK_THROWS_AS(erx::Parser(other), erx::Error);
}

TEST_CASE("a 1,000-token sentence and a 100,000-token text without punctuation parse into trees") {
  const erx::Parser& parser = fixture_parser();
  // Build documents by hand (tags set, one sentence each) so the test does not depend on the
  // tokenizer's sentence splitting.
  const auto make = [](std::size_t n) {
    static const char* words[] = {"the", "minister", "visited", "Beijing", "on", "Monday", "and", "she", "met", "him"};
    static const char* tags[] = {"DT", "NN", "VBD", "NNP", "IN", "NNP", "CC", "PRP", "VBD", "PRP"};
    static const erx::Upos upos[] = {erx::Upos::kDET, erx::Upos::kNOUN, erx::Upos::kVERB, erx::Upos::kPROPN,
                                     erx::Upos::kADP, erx::Upos::kPROPN, erx::Upos::kCCONJ, erx::Upos::kPRON,
                                     erx::Upos::kVERB, erx::Upos::kPRON};
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view w = words[i % 10];
      spans.emplace_back(static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size() + w.size()));
      text += w;
      text += ' ';
    }
    erx::Document doc(text);
    for (std::size_t i = 0; i < n; ++i) {
      erx::Token t;
      t.begin = spans[i].first;
      t.end = spans[i].second;
      t.upos = upos[i % 10];
      t.xpos = doc.store(tags[i % 10]);
      doc.mutable_tokens().push_back(t);
    }
    doc.mutable_sentences().push_back({0, static_cast<std::uint32_t>(n), 0, spans.back().second});
    return doc;
  };
  erx::Document small = make(1000);
  parser.parse(small);
  require_trees(small);

  erx::Document big = make(100000);
  const auto t0 = std::chrono::steady_clock::now();
  parser.parse(big);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  require_trees(big);
  // Linear time: 100,000 words parse in well under a minute even on a loaded debug build
  // (quadratic behaviour would take hours).
  CHECK(seconds < 60.0);
}

TEST_CASE("parse() is const and gives identical results from several threads") {
  const erx::Parser& parser = fixture_parser();
  erx::Document reference = fixture_document();
  parser.parse(reference);
  std::vector<erx::Document> docs(4, fixture_document());
  std::vector<std::thread> threads;
  for (auto& d : docs) threads.emplace_back([&parser, &d] { parser.parse(d); });
  for (auto& t : threads) t.join();
  for (const auto& d : docs)
    for (std::size_t i = 0; i < d.tokens().size(); ++i) {
      CHECK(d.tokens()[i].head == reference.tokens()[i].head);
      CHECK(d.deprel(d.tokens()[i]) == reference.deprel(reference.tokens()[i]));
    }
}

TEST_CASE("the built-in English parser scores on EWT dev (gold tokens and tags)") {
  if (!erx::ModelBundle::english().has("parser")) {
    ERX_SKIP("the library was built without a built-in parser model");
    return;
  }
  const auto path = erx::test::corpora_dir() / "ud-english-ewt" / "en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) {
    ERX_SKIP("EWT dev not found under " + erx::test::corpora_dir().string());
    return;
  }
  const erx::Document gold = erx::conllu::to_document(erx::conllu::read_file(path.string()));
  erx::Document doc = gold;
  erx::Parser::english().parse(doc);
  require_trees(doc);
  const erx::AttachmentScores s = erx::score_parse(gold, doc);
  INFO("UAS " << s.uas() << " LAS " << s.las());
  CHECK(s.uas() >= 88.0);
  CHECK(s.las() >= 85.0);
}

TEST_CASE("the English pipeline parses after the tagger") {
  if (!erx::ModelBundle::english().has("parser") || !erx::ModelBundle::english().has("tagger")) {
    ERX_SKIP("the library was built without a built-in parser or tagger model");
    return;
  }
  const erx::Pipeline pipeline = erx::Pipeline::english();
  REQUIRE(pipeline.parser() != nullptr);
  const erx::Document doc = pipeline.run("Lee visited Beijing on Monday. The report was written by the minister.");
  require_trees(doc);
  const auto& t = doc.tokens();
  REQUIRE(t.size() == 14);
  CHECK(t[0].head == 1);  // Lee <-nsubj- visited
  CHECK(doc.deprel(t[0]) == "nsubj");
  CHECK(t[1].head == -1);
  CHECK(t[2].head == 1);  // Beijing <-obj- visited
  CHECK(doc.deprel(t[2]) == "obj");
  CHECK(t[7].head == 9);  // report <-nsubj:pass- written
  CHECK(doc.deprel(t[7]) == "nsubj:pass");
  CHECK(doc.deprel(t[8]) == "aux:pass");
}
