// ml/training.hpp — deterministic randomness and early stopping for `erx train …`.
//
// Rng is a small xoshiro256** generator seeded with splitmix64; shuffle() is a plain Fisher–Yates
// over it. Unlike std::mt19937 + std::shuffle, whose results differ between standard libraries,
// these give the same order on every platform, so `erx train … --seed N` reproduces a model
// bit for bit.
//
// EarlyStopping keeps the best dev score seen so far and tells the training loop when to stop:
//
//   ml::EarlyStopping stop(/*patience=*/3);
//   for (int epoch = 1; epoch <= max_epochs; ++epoch) {
//     train_one_epoch(...);
//     ml::LinearModel m = perceptron.compile();
//     double dev = evaluate(m);
//     if (stop.improved(epoch, dev)) best = std::move(m);   // keep the best model
//     if (stop.should_stop(epoch)) break;
//   }
//
// Neither class is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace erx::ml {

// xoshiro256** (Blackman & Vigna) seeded through splitmix64. Deterministic on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1) noexcept;

  // The next 64 random bits.
  std::uint64_t next() noexcept;

  // A uniform integer in [0, bound) (bound > 0), by rejection sampling.
  std::uint64_t below(std::uint64_t bound) noexcept;

  // A uniform double in [0, 1).
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t s_[4];
};

// Shuffles `items` in place (Fisher–Yates) with `rng`.
template <typename T>
void shuffle(std::span<T> items, Rng& rng) noexcept {
  for (std::size_t i = items.size(); i > 1; --i) {
    std::size_t j = static_cast<std::size_t>(rng.below(i));
    using std::swap;
    swap(items[i - 1], items[j]);
  }
}

// Patience-based early stopping on a dev score where higher is better.
class EarlyStopping {
 public:
  // Stop after `patience` consecutive epochs without a strictly better dev score.
  explicit EarlyStopping(int patience) noexcept : patience_(patience) {}

  // Records the dev score of `epoch`; returns true if it is the best so far (keep this model).
  bool improved(int epoch, double score) noexcept {
    if (best_epoch_ == 0 || score > best_score_) {
      best_score_ = score;
      best_epoch_ = epoch;
      return true;
    }
    return false;
  }

  // True once `patience` epochs have passed since the best one.
  [[nodiscard]] bool should_stop(int epoch) const noexcept { return epoch - best_epoch_ >= patience_; }

  [[nodiscard]] double best_score() const noexcept { return best_score_; }
  [[nodiscard]] int best_epoch() const noexcept { return best_epoch_; }

 private:
  int patience_;
  int best_epoch_ = 0;
  double best_score_ = 0.0;
};

}  // namespace erx::ml
