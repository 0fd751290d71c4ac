// entities/sequence_model.hpp — BILOU labels, Viterbi decoding and structured-perceptron training
// on the shared learning core (ml::Perceptron / ml::LinearModel).
//
// A first-order model: score(labels) = sum_i [ w . f(x, i, y_i) + w . trans(y_{i-1}, y_i) ]. The
// transition weights are ordinary features of the LinearModel (template kTransition with the
// previous label, scored per current label), so one model file section holds everything. Decoding
// is exact Viterbi restricted to valid BILOU sequences; training is Collins' (2002) structured
// perceptron with averaging, one instance per sentence.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "entities/features.hpp"
#include "ml/linear_model.hpp"
#include "ml/perceptron.hpp"

namespace erx::entities {

// O plus B/I/L/U for each entity type: label 0 is O, label 1 + 4t + p is position p (B=0, I=1,
// L=2, U=3) of type t.
class BilouLabels {
 public:
  BilouLabels() = default;
  explicit BilouLabels(std::vector<std::string> types);

  [[nodiscard]] int size() const noexcept { return 1 + 4 * static_cast<int>(types_.size()); }
  [[nodiscard]] int num_types() const noexcept { return static_cast<int>(types_.size()); }
  [[nodiscard]] const std::vector<std::string>& types() const noexcept { return types_; }
  [[nodiscard]] static int label(int type, int position) noexcept { return 1 + 4 * type + position; }
  // Type of a label, or -1 for O.
  [[nodiscard]] static int type_of(int label) noexcept { return label == 0 ? -1 : (label - 1) / 4; }
  // Position of a label (B=0, I=1, L=2, U=3), or -1 for O.
  [[nodiscard]] static int position_of(int label) noexcept { return label == 0 ? -1 : (label - 1) % 4; }
  // "O", "B-PER", ...
  [[nodiscard]] std::string name(int label) const;
  // Whether `cur` may follow `prev` (prev == size() means the sentence start).
  [[nodiscard]] bool allowed(int prev, int cur) const noexcept;
  // The labels that may precede `cur` (not counting the sentence start), precomputed.
  [[nodiscard]] const std::vector<int>& predecessors(int cur) const noexcept {
    return preds_[static_cast<std::size_t>(cur)];
  }
  // Whether a sentence may end with `label`.
  [[nodiscard]] static bool may_end(int label) noexcept {
    int p = position_of(label);
    return p < 0 || p >= 2;
  }

 private:
  std::vector<std::string> types_;
  std::vector<std::vector<int>> preds_;
};

// A document prepared for a pass: features per token and sentence ranges (and gold labels when
// training).
struct PassDoc {
  DocFeatures features;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences;
  std::vector<int> gold;  // BILOU label per token (training only)
};

// Viterbi over a sentence of `n` tokens. `emissions` holds n * L scores, `transitions` (L + 1) * L
// (row L = from the start). Writes the best valid label sequence to `out`. Scratch buffers are
// passed in so that decoding allocates nothing once they have grown.
struct ViterbiScratch {
  std::vector<float> score;
  std::vector<int> back;
};
void viterbi(const float* emissions, std::size_t n, const float* transitions, const BilouLabels& labels,
             std::vector<int>& out, ViterbiScratch& scratch);

// The transition matrix of a model: (L + 1) * L scores.
[[nodiscard]] std::vector<float> transition_matrix(const ml::LinearModel& model, int num_labels);

// Decodes every sentence of `doc` with `model` into `labels` (one per token).
// `extra`, if given, holds more features per token (the second pass's non-local ones), scored
// as if appended to doc.features.
void decode(const ml::LinearModel& model, const std::vector<float>& transitions, const BilouLabels& bilou,
            const PassDoc& doc, std::vector<int>& labels, std::vector<float>* margins = nullptr,
            const DocFeatures* extra = nullptr);

// Options of train_pass.
struct PassTrainOptions {
  int max_epochs = 30;
  int patience = 4;
  bool fixed_epochs = false;  // train exactly max_epochs, no dev, no early stopping
  std::uint64_t seed = 1;
  float prune_threshold = 0.0f;
  std::function<void(const std::string&)> log;
};

// Trains one pass on `train` (gold labels set), early-stopping on span F1 over `dev` (if not
// empty and not fixed_epochs). Returns the best averaged model; `best_epoch` receives its epoch.
[[nodiscard]] ml::LinearModel train_pass(const std::vector<PassDoc>& train, const std::vector<PassDoc>& dev,
                                         const BilouLabels& bilou, const PassTrainOptions& options, int* best_epoch,
                                         double* best_f1);

// Entity span F1 (percent) of predicted against gold labels over documents.
[[nodiscard]] double span_f1(const std::vector<PassDoc>& docs, const std::vector<std::vector<int>>& predicted);

}  // namespace erx::entities
