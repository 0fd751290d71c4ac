// entities/features.hpp — the feature extractor of the statistical entity recognizer.
//
// Features in the style of Ratinov & Roth (2009), "Design challenges and misconceptions in named
// entity recognition": the word, its lower case, shape, prefixes and suffixes, a window of two
// words on each side, POS tags, gazetteer membership (with the match's BILOU position), Brown
// cluster path prefixes of length 4/6/10/20, and two kinds of document-level evidence:
//   * how the same word is capitalized elsewhere in the document (helps all-capitals headlines);
//   * second pass only: how the first pass labeled the other occurrences of the word in the
//     document (majority type, every type seen, the nearest earlier occurrence), and the first-pass
//     labels of the token and its neighbours (stacking).
// Features are 64-bit hashes (ml/hash.hpp); the template ids below are part of the model format.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/lexicons.hpp"

namespace erx::entities {

// The tokens of one document, grouped in sentences: what the extractor reads.
struct NerInput {
  std::vector<std::string_view> words;  // token texts (normalized forms)
  std::vector<std::string_view> pos;    // PTB tags, one per word, or empty
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences;  // [first, end) word ranges
};

// Features of every token of a document, flat: token i has feats[offsets[i] .. offsets[i + 1]).
struct DocFeatures {
  std::vector<std::uint64_t> feats;
  std::vector<std::uint32_t> offsets;  // size = tokens + 1
  void clear() {
    feats.clear();
    offsets.assign(1, 0);
  }
  [[nodiscard]] std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
  [[nodiscard]] const std::uint64_t* begin(std::size_t i) const noexcept { return feats.data() + offsets[i]; }
  [[nodiscard]] std::size_t count(std::size_t i) const noexcept { return offsets[i + 1] - offsets[i]; }
};

class FeatureExtractor {
 public:
  // Either lexicon may be empty. `use_pos` adds POS features when the input has tags.
  // `lower_sentences` gives the tokens of sentences without capitals their own shape features and
  // a sentence flag (models from before this option was added were trained without it).
  FeatureExtractor(const Gazetteer* gazetteer, const ClusterTable* clusters, bool use_pos,
                   bool lower_sentences = false) noexcept
      : gazetteer_(gazetteer), clusters_(clusters), use_pos_(use_pos), lower_sentences_(lower_sentences) {}

  // Local (first-pass) features of every token of `in`. Also fills `lower_hashes` (the hash of
  // each token's lower case), which nonlocal() needs. Thread-safe.
  void local(const NerInput& in, DocFeatures& out, std::vector<std::uint64_t>& lower_hashes) const;

  // Second-pass features from first-pass labels: `types[i]` is the entity type id of token i in
  // 0 .. num_types-1, or num_types for O; `labels[i]` its BILOU label id. Thread-safe.
  static void nonlocal(const NerInput& in, const std::vector<std::uint64_t>& lower_hashes,
                       const std::vector<int>& types, const std::vector<int>& labels, int num_types,
                       DocFeatures& out);

 private:
  const Gazetteer* gazetteer_;
  const ClusterTable* clusters_;
  bool use_pos_;
  bool lower_sentences_;
};

}  // namespace erx::entities
