// ml/perceptron.hpp — the averaged multiclass perceptron every erx stage trains with.
//
// One learner for all statistical stages: the tagger (greedy left-to-right, ~50 classes), the
// transition parser (~100 transition classes, scores masked to the valid ones), BILOU sequence
// labeling for entities, and the relation classifier. Features are sparse binary 64-bit hashes
// (ml/hash.hpp) collected in an ml::FeatureBuffer.
//
// Averaging is the standard lazy scheme (Collins 2002; Daumé's "averaged perceptron" trick): every
// (feature, class) weight remembers the clock value of its last change and the running total of
// its past values, so the average costs nothing per instance and is computed once in compile().
//
// Training loop (one instance = one token / parser state / candidate pair):
//
//   ml::Perceptron p(num_classes);
//   ml::Rng rng(seed);
//   for (int epoch = 0; epoch < max_epochs; ++epoch) {
//     ml::shuffle(std::span(order), rng);                 // deterministic for a given seed
//     for (auto i : order) {
//       buf.clear(); extract(i, buf);
//       p.score(buf.view(), scores);                      // current (non-averaged) weights
//       int guess = ml::argmax(scores);                   // or a constrained argmax
//       p.update(buf.view(), gold(i), guess);             // no-op when guess == gold
//       p.tick();                                         // one clock step per instance
//     }
//     ml::LinearModel m = p.compile();                    // averaged, pruned, quantized
//     double dev = evaluate(m);                           // early stopping: see ml/training.hpp
//   }
//
// For structured updates (a whole predicted BILOU sequence against the gold one, or a parser
// oracle with several correct transitions) call add() per feature and class instead of update(),
// and tick() once per instance.
//
// Training is deterministic: the same instances in the same order give bit-identical models on
// every run. Not thread-safe (training is single-threaded); compile() is const.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "ml/linear_model.hpp"

namespace erx::ml {

// How compile() turns averaged weights into a LinearModel.
struct CompileOptions {
  // Averaged weights with |w| <= prune_threshold are dropped (0 keeps every non-zero weight).
  // Small thresholds (e.g. 0.05 for a perceptron whose updates are +-1) shrink models a lot at
  // no measurable cost in accuracy; measure on dev before raising it.
  float prune_threshold = 0.0f;
  // Use the averaged weights (true, the point of an averaged perceptron) or the current ones.
  bool average = true;
};

class Perceptron {
 public:
  // A perceptron over `num_classes` classes (1 .. 65535), all weights zero, clock 1.
  explicit Perceptron(std::size_t num_classes);

  [[nodiscard]] std::size_t num_classes() const noexcept { return num_classes_; }

  // Writes the current (non-averaged) score of every class into scores[0 .. num_classes()).
  // `scores` must hold at least num_classes() floats. Allocation-free.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const noexcept;

  // The standard perceptron update: +step on (f, truth) and -step on (f, guess) for every feature
  // f. Does nothing when truth == guess. Classes must be < num_classes() (checked by assert only).
  void update(std::span<const std::uint64_t> features, int truth, int guess, float step = 1.0f);

  // Adds `delta` to the weight of (feature, cls). For structured updates.
  void add(std::uint64_t feature, int cls, float delta);

  // Advances the averaging clock by one instance. Call once per training instance, after its
  // update (whether or not the update changed anything).
  void tick() noexcept { ++clock_; }

  // Number of instances seen (clock - 1).
  [[nodiscard]] std::uint64_t instances() const noexcept { return clock_ - 1; }

  // Number of features that have at least one (possibly zero) weight.
  [[nodiscard]] std::size_t num_features() const noexcept { return num_rows_; }

  // The averaged (or current) weights, pruned and quantized, as an immutable run-time model.
  // Training can continue afterwards. Deterministic.
  [[nodiscard]] LinearModel compile(const CompileOptions& options = {}) const;

 private:
  // One (class, weight) cell with its lazy-averaging state.
  struct Cell {
    std::uint16_t cls;
    std::uint64_t stamp;  // clock value when `weight` last changed
    float weight;         // current weight
    double total;         // sum of the weight over all clock steps before `stamp`
  };
  // Weights of one feature, class-sparse (a perceptron touches few classes per feature).
  struct Row {
    std::uint64_t feature;
    std::vector<Cell> cells;
  };

  [[nodiscard]] const Row* find(std::uint64_t feature) const noexcept;
  Row& find_or_insert(std::uint64_t feature);
  void grow();

  std::size_t num_classes_;
  std::uint64_t clock_ = 1;
  std::vector<std::uint32_t> index_;  // open addressing: row id + 1, or 0 for empty
  std::vector<Row> rows_;
  std::size_t num_rows_ = 0;
};

}  // namespace erx::ml
