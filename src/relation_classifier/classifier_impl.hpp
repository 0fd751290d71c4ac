// relation_classifier/classifier_impl.hpp — the loaded relation classifier (RelationClassifier::Impl),
// shared by prediction (classifier.cpp) and training (classifier_train.cpp).
//
// Classes: 0 is "no relation"; for relation type k (index into `types`), class 2k+1 says the pair's
// first mention in text order is the subject, class 2k+2 that the second one is.
//
// Model file "relations" (payload version 1), labels = the relation types, sorted. Sections:
//   "weights"     u32 K >= 1, then K ml::LinearModels over the 2 * types + 1 classes: an ensemble
//                 of perceptrons trained with different shuffling seeds, whose scores are summed
//   "signatures"  u32 count, then per entry: u32 class, str type of the first mention, str type of
//                 the second mention — the (text-ordered) entity type pairs each class was seen
//                 with in training; a class is only predicted for such a pair, and pairs of no
//                 listed types are not classified at all
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "erx/model.hpp"
#include "erx/relation_classifier.hpp"
#include "ml/linear_model.hpp"

namespace erx {

inline constexpr std::uint32_t kRelationPayloadVersion = 1;

struct RelationSignature {
  std::uint32_t cls = 0;
  std::string type_a, type_b;
};

struct RelationClassifier::Impl {
  std::vector<std::string> types;
  std::vector<ml::LinearModel> weights;  // the ensemble (at least one model)
  std::vector<RelationSignature> signatures;
  // hash of (type of first mention, type of second mention) -> allowed classes (0 first).
  std::unordered_map<std::uint64_t, std::vector<int>> allowed;
  RelationClassifierOptions options;

  [[nodiscard]] std::size_t num_classes() const noexcept { return 2 * types.size() + 1; }

  // Fills `allowed` from `signatures`.
  void index_signatures();

  // The allowed classes of a text-ordered type pair, or nullptr if it is no candidate.
  [[nodiscard]] const std::vector<int>* allowed_for(std::string_view type_a, std::string_view type_b) const;

  // Candidate pairs of one document: (first mention, second mention, mentions between), in
  // sentence and text order.
  struct Pair {
    std::uint32_t a, b;
    int between;
  };
  struct SentencePairs {
    std::uint32_t sentence;
    std::vector<Pair> pairs;
  };
  [[nodiscard]] std::vector<SentencePairs> candidates(const Document& doc) const;

  // Predictions with the summed scores of `models` (the trained ensemble, or an epoch's model
  // during training). `tops`, if given, receives the top of the dependency path of each
  // prediction (PairFeatures::extract).
  [[nodiscard]] std::vector<RelationPrediction> predict(const Document& doc, std::span<const ml::LinearModel> models,
                                                        std::vector<std::int32_t>* tops = nullptr) const;

  [[nodiscard]] ModelFile to_file() const;
  [[nodiscard]] static std::shared_ptr<Impl> from_file(const ModelFile& file);
};

// The key of a text-ordered entity type pair.
[[nodiscard]] std::uint64_t type_pair_key(std::string_view type_a, std::string_view type_b) noexcept;

}  // namespace erx
