// Feature extraction of the tagger (tagger/tagger_model.hpp).
//
// The feature set follows Collins (2002) / Ratnaparkhi (1996) as popularized by Honnibal's
// averaged-perceptron tagger, with two additions that matter for web text: ambiguity classes of
// the current and following words (the set of labels a word had in training, Brill/Stanford
// style), which stand in for the right context's not-yet-predicted tags; the raw token text when
// normalization changed it (curly vs straight quotes); and a "headline" flag for sentences whose
// words are mostly capitalized (titles, headings), where capitals say little about PROPN.
#include <string>

#include "tagger/tagger_model.hpp"
#include "tagger/word_form.hpp"

namespace erx::tagger {
namespace {

// Template ids: part of the model format (changing them invalidates trained models).
enum Template : std::uint64_t {
  kBias = 1,
  kLower, kForm, kRaw, kShape, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kPrevLower, kPrev2Lower, kNextLower, kNext2Lower,
  kPrevSuffix3, kNextSuffix3, kPrevShape, kNextShape,
  kTag1, kTag2, kTag12, kTag1Lower, kTag1Suffix3,
  kPrevLowerPair, kLowerNextPair,
  kAmb, kNextAmb, kNext2Amb, kPrevAmb, kTag1Amb, kAmbNextAmb, kTag1NextAmb,
  kFirstShape, kFirstLower,
  kHeadShape, kHeadLower,
  kCluster4, kCluster6, kCluster10, kCluster20, kPrevCluster4, kPrevCluster10, kNextCluster4, kNextCluster10,
  kTag1Cluster6,
};

WordFeatures make_pad(std::string_view name) {
  WordFeatures w;
  const std::uint64_t h = ml::hash_string(name);
  w.lower = w.form = w.shape = h;
  for (auto& p : w.prefix) p = h;
  for (auto& s : w.suffix) s = h;
  for (auto& c : w.cluster) c = h;
  w.ambiguity = 0xFFFFFFFFu;
  return w;
}

}  // namespace

void Lexicon::index_clusters() {
  cluster_prefixes.clear();
  cluster_prefixes.reserve(cluster_paths.size());
  for (const std::string& path : cluster_paths) {
    std::array<std::uint64_t, 4> p{};
    for (std::size_t k = 0; k < p.size(); ++k)
      p[k] = ml::hash_string(std::string_view(path).substr(0, kClusterPrefixLengths[k])) | 1;  // never 0
    cluster_prefixes.push_back(p);
  }
}

const WordFeatures& pad_before() noexcept {
  static const WordFeatures w = make_pad("<s>");
  return w;
}
const WordFeatures& pad_after() noexcept {
  static const WordFeatures w = make_pad("</s>");
  return w;
}

void word_features(std::string_view norm, std::string_view raw, const Lexicon& lexicon, std::string& scratch,
                   WordFeatures& out) {
  out.form = ml::hash_string(norm);
  out.raw = raw == norm ? 0 : ml::hash_string(raw);
  scratch.clear();
  append_lower_digits(norm, scratch);
  const std::string_view lower = scratch;
  out.lower = ml::hash_string(lower);
  for (std::size_t k = 0; k < out.prefix.size(); ++k) out.prefix[k] = ml::hash_string(lower.substr(0, prefix_length(lower, k + 1)));
  for (std::size_t k = 0; k < out.suffix.size(); ++k) out.suffix[k] = ml::hash_string(lower.substr(suffix_start(lower, k + 1)));
  const std::uint32_t amb = lexicon.ambiguity.find(out.lower);
  out.ambiguity = amb == ml::HashIndex::kMissing ? 0 : amb + 1;
  const std::uint32_t dict = lexicon.tagdict.find(out.form);
  out.dict_label = dict == ml::HashIndex::kMissing ? -1 : static_cast<std::int32_t>(dict);
  out.cluster = {};
  if (!lexicon.cluster_prefixes.empty()) {
    // The word's own casing first, then its lower-case form ("Apple" at a sentence start).
    std::uint32_t c = lexicon.cluster_of.find(out.form);
    if (c == ml::HashIndex::kMissing) c = lexicon.cluster_of.find(out.lower);
    if (c != ml::HashIndex::kMissing) out.cluster = lexicon.cluster_prefixes[c];
  }
  scratch.clear();
  append_shape(norm, scratch);
  out.shape = ml::hash_string(scratch);
}

void extract(const WordFeatures* words, std::size_t i, int prev1, int prev2, ml::FeatureBuffer& buf) {
  using ml::feature;
  const WordFeatures& w = words[i];
  const WordFeatures& p1 = words[i - 1];
  const WordFeatures& p2 = words[i - 2];
  const WordFeatures& n1 = words[i + 1];
  const WordFeatures& n2 = words[i + 2];
  const auto t1 = static_cast<std::uint64_t>(static_cast<std::uint32_t>(prev1));
  const auto t2 = static_cast<std::uint64_t>(static_cast<std::uint32_t>(prev2));
  buf.clear();
  buf.add(feature(kBias));
  buf.add(feature(kLower, w.lower));
  buf.add(feature(kForm, w.form));
  if (w.raw != 0) buf.add(feature(kRaw, w.raw));
  buf.add(feature(kShape, w.shape));
  buf.add(feature(kPrefix1, w.prefix[0]));
  buf.add(feature(kPrefix2, w.prefix[1]));
  buf.add(feature(kPrefix3, w.prefix[2]));
  buf.add(feature(kSuffix1, w.suffix[0]));
  buf.add(feature(kSuffix2, w.suffix[1]));
  buf.add(feature(kSuffix3, w.suffix[2]));
  buf.add(feature(kSuffix4, w.suffix[3]));
  buf.add(feature(kPrevLower, p1.lower));
  buf.add(feature(kPrev2Lower, p2.lower));
  buf.add(feature(kNextLower, n1.lower));
  buf.add(feature(kNext2Lower, n2.lower));
  buf.add(feature(kPrevSuffix3, p1.suffix[2]));
  buf.add(feature(kNextSuffix3, n1.suffix[2]));
  buf.add(feature(kPrevShape, p1.shape));
  buf.add(feature(kNextShape, n1.shape));
  buf.add(feature(kTag1, t1));
  buf.add(feature(kTag2, t2));
  buf.add(feature(kTag12, t1, t2));
  buf.add(feature(kTag1Lower, t1, w.lower));
  buf.add(feature(kTag1Suffix3, t1, w.suffix[2]));
  buf.add(feature(kPrevLowerPair, p1.lower, w.lower));
  buf.add(feature(kLowerNextPair, w.lower, n1.lower));
  buf.add(feature(kAmb, w.ambiguity));
  buf.add(feature(kNextAmb, n1.ambiguity));
  buf.add(feature(kNext2Amb, n2.ambiguity));
  buf.add(feature(kPrevAmb, p1.ambiguity));
  buf.add(feature(kTag1Amb, t1, w.ambiguity));
  buf.add(feature(kAmbNextAmb, w.ambiguity, n1.ambiguity));
  buf.add(feature(kTag1NextAmb, t1, n1.ambiguity));
  if (w.cluster[0] != 0) {
    buf.add(feature(kCluster4, w.cluster[0]));
    buf.add(feature(kCluster6, w.cluster[1]));
    buf.add(feature(kCluster10, w.cluster[2]));
    buf.add(feature(kCluster20, w.cluster[3]));
    buf.add(feature(kTag1Cluster6, t1, w.cluster[1]));
  }
  if (n1.cluster[0] != 0 && n1.ambiguity == 0) buf.add(feature(kNextCluster4, n1.cluster[0]));
  if (prev1 == kStartLabel) {
    buf.add(feature(kFirstShape, w.shape));
    buf.add(feature(kFirstLower, w.lower));
  }
  if (w.headline) {
    buf.add(feature(kHeadShape, w.shape));
    buf.add(feature(kHeadLower, w.lower));
  }
}

void mark_headline(WordFeatures* words, std::size_t n, const std::string_view* forms) {
  std::size_t capitalized = 0, total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view f = forms[i];
    if (f.size() < 2) continue;
    const auto c = static_cast<unsigned char>(f[0]);
    const auto d = static_cast<unsigned char>(f[1]);
    const bool letters = ((c | 32) >= 'a' && (c | 32) <= 'z') && ((d | 32) >= 'a' && (d | 32) <= 'z');
    if (!letters) continue;
    ++total;
    capitalized += c >= 'A' && c <= 'Z';
  }
  const std::uint32_t flag = total >= 3 && capitalized * 4 >= total * 3 ? 1 : 0;
  for (std::size_t i = 0; i < n; ++i) words[i].headline = flag;
}

}  // namespace erx::tagger
