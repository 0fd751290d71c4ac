// ml/feature_buffer.hpp — a fixed-capacity list of feature hashes, reused for every token.
//
// Feature extraction writes into a FeatureBuffer that the caller keeps for a whole call (a
// sentence or a document): clear() it per token / per parser state, add() features, then pass
// view() to LinearModel::score() or Perceptron::score(). It lives on the stack or in per-call
// scratch (never inside a model) and allocates nothing at all.
//
//   ml::FeatureBuffer buf;
//   for (each token) {
//     buf.clear();
//     buf.add(ml::feature(kBias));
//     buf.add(ml::feature(kWord, word_hash));
//     model.score(buf.view(), scores);
//   }
//
// Not thread-safe (it is scratch: one per thread / per call).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "erx/error.hpp"

namespace erx::ml {

class FeatureBuffer {
 public:
  // Maximum number of features per instance. Every erx stage uses far fewer (tagger ~40,
  // parser ~80); the bound keeps the buffer a plain array on the stack (4 KiB).
  static constexpr std::size_t kCapacity = 512;

  // Removes all features.
  void clear() noexcept { size_ = 0; }

  // Appends one feature hash. Throws Error(kLimit) if the buffer already holds kCapacity
  // features (a bug in a feature extractor, never data-dependent for a fixed template set).
  void add(std::uint64_t feature) {
    if (size_ == kCapacity) [[unlikely]]
      overflow();
    data_[size_++] = feature;
  }

  // The features added since the last clear(), in insertion order.
  [[nodiscard]] std::span<const std::uint64_t> view() const noexcept { return {data_.data(), size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

 private:
  [[noreturn]] static void overflow() {
    throw Error(ErrorCode::kLimit, "feature buffer overflow: more than 512 features in one instance");
  }
  std::array<std::uint64_t, kCapacity> data_;  // deliberately uninitialized
  std::size_t size_ = 0;
};

}  // namespace erx::ml
