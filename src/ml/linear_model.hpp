// ml/linear_model.hpp — the compiled, immutable multiclass linear model used at run time.
//
// A LinearModel is what a trained Perceptron becomes (Perceptron::compile) and what a stage loads
// from its model file. It maps sparse binary features (64-bit hashes from ml/hash.hpp) to one score
// per class:
//
//     score[c] = sum over features f of weight(f, c)
//
// Storage is lean and flat: an open-addressing table of 8-byte slots (32-bit fingerprint + offset)
// points into one array of 4-byte cells. A feature's row is either sparse (one (class, int16
// weight) cell per non-zero weight) or, when more than a quarter of the classes have a weight,
// dense (one int16 per class, two per cell, added with vectorizable loops). Weights are int16 with
// one float scale per class. Scoring allocates nothing.
//
//   ml::LinearModel model = ml::LinearModel::read(reader);     // or perceptron.compile()
//   std::array<float, 64> scores;                             // caller-owned scratch
//   model.score(features.view(), std::span(scores).first(model.num_classes()));
//   int best = ml::argmax(std::span(scores).first(model.num_classes()));
//
// Unknown features (not in the table) contribute nothing. A feature whose hash is not in the model
// matches a stored one only if both its 32-bit fingerprint and its home slot agree (~1e-9 per
// lookup), so hashing noise is negligible.
//
// Thread-safety: immutable after construction; every const member is safe from any number of
// threads. Copyable (copies the arrays) and cheaply movable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ml/bytes.hpp"

namespace erx::ml {

// Index of the highest score (the first one on ties). Returns -1 for an empty span.
[[nodiscard]] int argmax(std::span<const float> scores) noexcept;

// Index of the highest score among classes with allowed[c] true (first on ties); -1 if none is
// allowed. For constrained decoding (invalid parser transitions, BILOU constraints).
[[nodiscard]] int argmax(std::span<const float> scores, std::span<const bool> allowed) noexcept;

class LinearModel {
 public:
  // One stored weight: class id and quantized weight (real weight = weight * scale(cls)).
  struct Entry {
    std::uint16_t cls;
    std::int16_t weight;
  };
  // One hash-table slot. key == 0 marks an empty slot. The cells of the feature in slot i are
  // entries[slots[i].begin, slots[i + 1].begin) (a sentinel slot closes the table). A row of
  // exactly dense_cells() cells is dense: the int16 weights of classes 0..num_classes()-1 in order
  // (little-endian pairs); any shorter row is sparse.
  struct Slot {
    std::uint32_t key;
    std::uint32_t begin;
  };

  // Rows are stored dense only in models with at most this many classes (a stack buffer).
  static constexpr std::size_t kMaxDenseClasses = 1024;

  // An empty model with no classes (scores nothing). Useful as a placeholder.
  LinearModel() = default;

  // Number of classes; scores are indexed 0 .. num_classes() - 1.
  [[nodiscard]] std::size_t num_classes() const noexcept { return scales_.size(); }

  // Number of features with at least one stored weight.
  [[nodiscard]] std::size_t num_features() const noexcept { return num_features_; }

  // Number of stored 4-byte cells: one per sparse (feature, class) weight, one per two weights of
  // a dense row.
  [[nodiscard]] std::size_t num_weights() const noexcept { return cells_.size() / 2; }

  // Bytes the model occupies in memory (and, within a few bytes, on disk).
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

  // Writes the sum of the weights of `features` for every class into scores[0 .. num_classes()).
  // `scores` must hold at least num_classes() floats (extra entries are left untouched).
  // Duplicate features count as many times as they appear. noexcept, allocation-free.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const noexcept;

  // Adds the weights of `features` to scores[0 .. num_classes()) without clearing and without
  // applying the class scales: raw quantized sums. Call finish_scores() once after all add_scores()
  // calls. For callers that split features across several calls.
  void add_scores(std::span<const std::uint64_t> features, std::span<float> scores) const noexcept;
  // Multiplies raw sums by the class scales (turns add_scores() results into real scores).
  void finish_scores(std::span<float> scores) const noexcept;

  // The real (dequantized) weight of (feature, class), 0 if not stored. For tests and inspection.
  [[nodiscard]] float weight(std::uint64_t feature, std::size_t cls) const noexcept;

  // Serializes the model (ByteWriter encoding; see linear_model.cpp for the layout).
  void write(ByteWriter& out) const;

  // Reads a model written by write(). Validates every offset and class id; throws Error(kModel)
  // naming reader.context() on any inconsistency or truncation.
  [[nodiscard]] static LinearModel read(ByteReader& in);

  // Builds a model from averaged real weights: `rows` lists, per feature hash, its (class, weight)
  // pairs. Weights with |w| <= prune_threshold are dropped; the rest are quantized to int16 with
  // scale(c) = max |w| of class c / 32767. Used by Perceptron::compile; rarely called directly.
  struct Row {
    std::uint64_t feature;
    std::vector<std::pair<std::uint16_t, float>> weights;
  };
  [[nodiscard]] static LinearModel build(std::size_t num_classes, std::span<const Row> rows, float prune_threshold);

 private:
  [[nodiscard]] const Slot* find(std::uint64_t feature) const noexcept;
  [[nodiscard]] std::size_t dense_cells() const noexcept { return (scales_.size() + 1) / 2; }

  std::vector<float> scales_;   // per class: real weight = quantized * scale
  std::vector<Slot> slots_;     // table_size + 1 (sentinel)
  std::vector<std::int16_t> cells_;  // 2 values per cell (sparse: class, weight; dense: 2 weights),
                                     // grouped by slot, in slot order
  std::size_t num_features_ = 0;
};

}  // namespace erx::ml
