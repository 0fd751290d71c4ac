// tagger/tagger_model.hpp — the loaded tagger (Tagger::Impl) and its feature extraction, shared
// by tagging (tagger.cpp) and training (tagger_train.cpp).
//
// Model file "tagger" (payload version 1), labels = joint "UPOS|XPOS" labels. Sections:
//   "weights"    ml::LinearModel over the labels
//   "lexicon"    ambiguity classes: HashIndex(hash of lower-case/digit-folded form -> class id),
//                tag dictionary: HashIndex(hash of form -> label id) for frequent unambiguous words
//   "lemmatizer" tagger::Lemmatizer
//   "clusters"   optional: Brown cluster bit strings (u32 count, then length-prefixed strings) and
//                HashIndex(hash of word form, case kept -> cluster index); absent in models trained
//                without --clusters, which then use no cluster features
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/model.hpp"
#include "erx/tagger.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/hash.hpp"
#include "ml/hash_index.hpp"
#include "ml/linear_model.hpp"
#include "tagger/lemmatizer.hpp"

namespace erx::tagger {

inline constexpr std::uint32_t kPayloadVersion = 1;
inline constexpr std::size_t kMaxLabels = 1024;

// One joint label.
struct Label {
  Upos upos = Upos::kNone;
  std::string xpos;
};

// The word-level hashes of one token, computed once per token and reused for every feature that
// mentions the token (as the current word or as a neighbour).
struct WordFeatures {
  std::uint64_t lower = 0;   // lower case, digits folded to 0
  std::uint64_t form = 0;    // normalized form, case kept
  std::uint64_t raw = 0;     // raw text when it differs from the normalized form, else 0
  std::uint64_t shape = 0;
  std::array<std::uint64_t, 3> prefix{};  // 1..3 code points of `lower`
  std::array<std::uint64_t, 4> suffix{};  // 1..4 code points of `lower`
  std::uint32_t ambiguity = 0;  // ambiguity class id + 1, or 0 when unknown
  std::uint32_t headline = 0;   // 1 if the token's sentence looks like a title (mostly capitalized)
  std::int32_t dict_label = -1; // label from the tag dictionary, or -1
  // Hashes of the Brown cluster path prefixes (kClusterPrefixLengths bits), or all 0 when the word
  // has no cluster (or the model has no clusters).
  std::array<std::uint64_t, 4> cluster{};
};

// Prefix lengths (bits) of the Brown cluster paths used as features.
inline constexpr std::array<std::size_t, 4> kClusterPrefixLengths = {4, 6, 10, 20};

// Lexicons learned from the training data.
struct Lexicon {
  ml::HashIndex ambiguity;  // hash(lower) -> class id
  ml::HashIndex tagdict;    // hash(form) -> label id
  // Brown clusters (empty when the model has none): hash(word) -> index into cluster_paths.
  ml::HashIndex cluster_of;
  std::vector<std::string> cluster_paths;
  // cluster_prefixes[c][k]: hash of the first kClusterPrefixLengths[k] bits of cluster_paths[c].
  std::vector<std::array<std::uint64_t, 4>> cluster_prefixes;

  // Fills cluster_prefixes from cluster_paths.
  void index_clusters();
};

// Computes the word features of a token from its normalized form and raw text. `scratch` is
// caller-owned working memory.
void word_features(std::string_view norm, std::string_view raw, const Lexicon& lexicon, std::string& scratch,
                   WordFeatures& out);

// Padding for positions before the first / after the last token of a sentence.
const WordFeatures& pad_before() noexcept;
const WordFeatures& pad_after() noexcept;

// The features of position i of a sentence. `words` points at the sentence's first token and has
// two valid pad entries on each side (words[-2], words[-1], words[n], words[n+1]). prev1 / prev2
// are the predicted labels of i-1 / i-2, or kStartLabel before the sentence start.
inline constexpr int kStartLabel = 0x7FFF0001;
void extract(const WordFeatures* words, std::size_t i, int prev1, int prev2, ml::FeatureBuffer& buf);

// Sets WordFeatures::headline of words[0 .. n) from their shapes' capitalization: a sentence whose
// words of two or more letters mostly start with a capital is a title or heading.
void mark_headline(WordFeatures* words, std::size_t n, const std::string_view* forms);

}  // namespace erx::tagger

namespace erx {

struct Tagger::Impl {
  ModelFile file;
  std::vector<tagger::Label> labels;
  ml::LinearModel weights;
  tagger::Lexicon lexicon;
  tagger::Lemmatizer lemmatizer;

  explicit Impl(ModelFile f) : file(std::move(f)) {}

  // Tags tokens [first, end) of doc as one sentence. Scratch vectors are caller-owned.
  struct Scratch {
    std::vector<tagger::WordFeatures> words;
    std::vector<float> scores;
    std::vector<StrRef> xpos_refs;
    std::string forms;                  // the sentence's normalized forms, concatenated
    std::vector<std::size_t> form_ends;  // end of each token's form in `forms`
    std::vector<std::string_view> form_views;
    // Per-document caches, direct-mapped (a repeated word costs one hash instead of ~15; a
    // repeated (word, label) reuses its stored lemma). Sized to the document, at most kCacheSize.
    struct CachedWord {
      std::uint64_t key = 0;
      tagger::WordFeatures features;
    };
    struct CachedLemma {
      std::uint64_t key = 0;
      StrRef lemma;
    };
    std::vector<CachedWord> word_cache;
    std::vector<CachedLemma> lemma_cache;
    std::vector<std::uint64_t> form_hashes;
    std::string text, lemma, lemma_scratch;
    ml::FeatureBuffer features;
  };
  static constexpr std::size_t kCacheSize = 8192;
  void tag_sentence(Document& doc, std::uint32_t first, std::uint32_t end, Scratch& scratch) const;
  void tag(Document& doc) const;

  // Builds the model file sections from the members (training) and parses them (loading).
  [[nodiscard]] ModelFile to_file() const;
  static std::shared_ptr<Impl> from_file(const ModelFile& file);
};

}  // namespace erx
