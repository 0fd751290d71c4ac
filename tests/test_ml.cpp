// Tests of the shared learning machinery in src/ml (hashing, perceptron, linear models).
#include <array>
#include <cmath>
#include <set>
#include <vector>

#include "catch.hpp"
#include "erx/error.hpp"
#include "ml/bytes.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/hash.hpp"
#include "ml/labels.hpp"
#include "ml/linear_model.hpp"
#include "ml/perceptron.hpp"
#include "ml/training.hpp"

using namespace erx;

TEST_CASE("Hashes are stable across platforms and runs") {
  // These constants pin the model format: if they change, every trained model breaks.
  CHECK(ml::hash_string("") == ml::hash_string(""));
  CHECK(ml::hash_string("cat") != ml::hash_string("cats"));
  CHECK(ml::hash_string("abcdefgh") != ml::hash_string("abcdefgh", 1));
  CHECK(ml::feature(1, 2) != ml::feature(2, 1));
  CHECK(ml::feature(1, 2, 3) != ml::feature(1, 3, 2));
  static_assert(ml::mix64(1) == 0x5692161d100b05e5ULL);
  CHECK(ml::hash_string("erx") == UINT64_C(0xa53847e88b1e5855));
  CHECK(ml::feature(7, ml::hash_string("Beijing")) == UINT64_C(0xfdb48a57cea19498));
}

TEST_CASE("Hashes of similar strings spread over the low bits") {
  std::set<std::uint64_t> low;
  for (int i = 0; i < 4096; ++i) {
    std::string word = std::to_string(i);
    word += 'w';
    low.insert(ml::hash_string(word) & 0xffff);
  }
  CHECK(low.size() > 3900);  // ~3970 expected for a uniform hash
}

TEST_CASE("FeatureBuffer holds features and refuses overflow") {
  ml::FeatureBuffer buf;
  CHECK(buf.empty());
  buf.add(1);
  buf.add(2);
  CHECK(buf.size() == 2);
  CHECK(buf.view()[1] == 2);
  buf.clear();
  for (std::size_t i = 0; i < ml::FeatureBuffer::kCapacity; ++i) buf.add(i);
  CHECK_THROWS_AS(buf.add(0), Error);
}

TEST_CASE("Rng and shuffle are deterministic for a seed") {
  ml::Rng a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) CHECK(a.next() == b.next());
  CHECK(a.next() != c.next());
  std::vector<int> x(50), y(50);
  for (int i = 0; i < 50; ++i) x[i] = y[i] = i;
  ml::Rng r1(3), r2(3);
  ml::shuffle(std::span(x), r1);
  ml::shuffle(std::span(y), r2);
  CHECK(x == y);
  std::vector<int> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 50; ++i) CHECK(sorted[i] == i);
  for (int i = 0; i < 1000; ++i) CHECK(r1.below(7) < 7);
}

TEST_CASE("EarlyStopping keeps the best epoch") {
  ml::EarlyStopping s(2);
  CHECK(s.improved(1, 0.5));
  CHECK_FALSE(s.should_stop(1));
  CHECK(s.improved(2, 0.7));
  CHECK_FALSE(s.improved(3, 0.6));
  CHECK_FALSE(s.should_stop(3));
  CHECK_FALSE(s.improved(4, 0.7));
  CHECK(s.should_stop(4));
  CHECK(s.best_epoch() == 2);
}

namespace {

// A toy problem: class = (x mod 3), features = a few informative ids plus noise.
void toy_features(int x, ml::FeatureBuffer& buf) {
  buf.clear();
  buf.add(ml::feature(0));                   // bias
  buf.add(ml::feature(1, x % 3));            // informative
  buf.add(ml::feature(2, x % 7));            // noise
  buf.add(ml::feature(3, (x / 3) % 5));      // noise
}

ml::Perceptron train_toy(std::uint64_t seed) {
  ml::Perceptron p(3);
  std::vector<int> data(300);
  for (int i = 0; i < 300; ++i) data[i] = i;
  ml::Rng rng(seed);
  ml::FeatureBuffer buf;
  std::array<float, 3> scores{};
  for (int epoch = 0; epoch < 5; ++epoch) {
    ml::shuffle(std::span(data), rng);
    for (int x : data) {
      toy_features(x, buf);
      p.score(buf.view(), scores);
      p.update(buf.view(), x % 3, ml::argmax(scores));
      p.tick();
    }
  }
  return p;
}

}  // namespace

TEST_CASE("The perceptron learns a separable problem and compiles to the same decisions") {
  const ml::Perceptron p = train_toy(1);
  CHECK(p.instances() == 1500);
  const ml::LinearModel m = p.compile();
  CHECK(m.num_classes() == 3);
  ml::FeatureBuffer buf;
  std::array<float, 3> scores{};
  for (int x = 0; x < 300; ++x) {
    toy_features(x, buf);
    m.score(buf.view(), scores);
    CHECK(ml::argmax(scores) == x % 3);
  }
}

TEST_CASE("Training is deterministic for a seed") {
  ml::ByteWriter a, b, c;
  train_toy(5).compile().write(a);
  train_toy(5).compile().write(b);
  train_toy(6).compile().write(c);
  CHECK(a.bytes() == b.bytes());
  CHECK(a.bytes() != c.bytes());
}

TEST_CASE("Averaging follows the lazy-update arithmetic") {
  // Weight of (f, 0): +1 at instance 1, then unchanged for instances 2..4; -1 at instance 5.
  ml::Perceptron p(2);
  const std::uint64_t f = ml::feature(9);
  p.add(f, 0, 1.0f);
  p.tick();  // after instance 1: w = 1
  p.tick();
  p.tick();
  p.tick();  // instances 2..4: w = 1
  p.add(f, 0, -2.0f);
  p.tick();  // instance 5: w = -1
  // Average over 5 instances: (1 + 1 + 1 + 1 - 1) / 5 = 0.6.
  const ml::LinearModel avg = p.compile();
  CHECK(avg.weight(f, 0) == Approx(0.6).epsilon(1e-4));
  ml::CompileOptions raw;
  raw.average = false;
  CHECK(p.compile(raw).weight(f, 0) == Approx(-1.0).epsilon(1e-4));
  // Pruning drops small averaged weights.
  ml::CompileOptions pruned;
  pruned.prune_threshold = 0.7f;
  CHECK(p.compile(pruned).weight(f, 0) == 0.0f);
  CHECK(p.compile(pruned).num_features() == 0);
}

TEST_CASE("Linear models quantize within 1/32767 of the class maximum") {
  std::vector<ml::LinearModel::Row> rows;
  ml::Rng rng(11);
  std::vector<std::array<float, 4>> truth;
  for (int i = 0; i < 1000; ++i) {
    ml::LinearModel::Row r{ml::feature(1, i), {}};
    std::array<float, 4> t{};
    for (std::uint16_t c = 0; c < 4; ++c) {
      if (rng.below(3) == 0) continue;
      t[c] = static_cast<float>(rng.uniform() * 10.0 - 5.0);
      r.weights.emplace_back(c, t[c]);
    }
    truth.push_back(t);
    rows.push_back(std::move(r));
  }
  const ml::LinearModel m = ml::LinearModel::build(4, rows, 0.0f);
  for (int i = 0; i < 1000; ++i)
    for (std::size_t c = 0; c < 4; ++c) CHECK(std::fabs(m.weight(ml::feature(1, i), c) - truth[i][c]) <= 5.0f / 32767 + 1e-6f);
  CHECK(m.weight(ml::feature(2, 0), 0) == 0.0f);  // unknown feature

  // Scores add up duplicate and known features; unknown ones contribute nothing.
  const std::uint64_t feats[] = {ml::feature(1, 3), ml::feature(1, 3), ml::feature(1, 5), ml::feature(99)};
  std::array<float, 4> s{};
  m.score(feats, s);
  for (std::size_t c = 0; c < 4; ++c) CHECK(s[c] == Approx(2 * truth[3][c] + truth[5][c]).margin(1e-3));
}

TEST_CASE("Linear models serialize and reject damaged payloads") {
  const ml::LinearModel m = train_toy(2).compile();
  ml::ByteWriter w;
  m.write(w);
  ml::ByteReader r(w.bytes(), "toy");
  const ml::LinearModel back = ml::LinearModel::read(r);
  r.expect_end();
  ml::ByteWriter w2;
  back.write(w2);
  CHECK(w2.bytes() == w.bytes());
  CHECK(back.num_features() == m.num_features());

  // Every truncation throws a kModel error naming the context.
  for (std::size_t n = 0; n < w.bytes().size(); ++n) {
    ml::ByteReader t(std::string_view(w.bytes()).substr(0, n), "toy");
    try {
      (void)ml::LinearModel::read(t);
      t.expect_end();
      FAIL("truncation to " << n << " accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kModel);
      CHECK(std::string(e.what()).rfind("toy: ", 0) == 0);
    }
  }
}

TEST_CASE("A model compiled from a perceptron with no features scores zeros and round-trips") {
  // Three ways to end up with no features: nothing trained, updates that cancel out, and a
  // default-constructed placeholder. Stages must be able to use (and save and load) all of them
  // without special cases. Before the fix, reading the empty arrays back passed a null pointer to
  // memcpy (undefined behaviour that the `sanitize` preset turns into an abort).
  ml::Perceptron cancelled(4);
  const std::uint64_t f0 = ml::feature(7, 1);
  cancelled.add(f0, 2, 1.0f);
  cancelled.add(f0, 2, -1.0f);
  cancelled.tick();
  for (const ml::LinearModel& m : {ml::Perceptron(4).compile(), cancelled.compile(), ml::LinearModel()}) {
    CHECK(m.num_features() == 0);
    const std::size_t classes = m.num_classes();
    const std::uint64_t feats[] = {f0, 0, 1, 0xFFFFFFFFull, ~std::uint64_t{0}, f0};
    std::array<float, 4> scores{9.0f, 9.0f, 9.0f, 9.0f};
    m.score(feats, std::span(scores).first(classes));
    for (std::size_t c = 0; c < classes; ++c) CHECK(scores[c] == 0.0f);
    m.score({}, std::span(scores).first(classes));
    m.add_scores(feats, std::span(scores).first(classes));
    m.finish_scores(std::span(scores).first(classes));
    for (std::size_t c = 0; c < classes; ++c) CHECK(scores[c] == 0.0f);
    CHECK(m.weight(f0, 0) == 0.0f);

    ml::ByteWriter w;
    m.write(w);
    ml::ByteReader r(w.bytes(), "empty");
    const ml::LinearModel back = ml::LinearModel::read(r);
    r.expect_end();
    CHECK(back.num_classes() == classes);
    CHECK(back.num_features() == 0);
    std::array<float, 4> again{9.0f, 9.0f, 9.0f, 9.0f};
    back.score(feats, std::span(again).first(classes));
    for (std::size_t c = 0; c < classes; ++c) CHECK(again[c] == 0.0f);
    ml::ByteWriter w2;
    back.write(w2);
    CHECK(w2.bytes() == w.bytes());
  }
  CHECK(ml::Perceptron(4).compile().num_classes() == 4);
}

TEST_CASE("Constrained argmax skips disallowed classes") {
  const float scores[] = {3.0f, 5.0f, 4.0f};
  const bool allowed[] = {true, false, true};
  CHECK(ml::argmax(scores) == 1);
  CHECK(ml::argmax(scores, allowed) == 2);
  const bool none[] = {false, false, false};
  CHECK(ml::argmax(scores, none) == -1);
}

TEST_CASE("LabelSet maps names to dense ids") {
  ml::LabelSet l;
  CHECK(l.add("NOUN") == 0);
  CHECK(l.add("VERB") == 1);
  CHECK(l.add("NOUN") == 0);
  CHECK(l.find("ADJ") == -1);
  ml::LabelSet copy(l.names());
  CHECK(copy.find("VERB") == 1);
  CHECK(copy.name(0) == "NOUN");
}
