// Feature extraction for the entity recognizer (see features.hpp).
#include "entities/features.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "entities/word_shape.hpp"
#include "ml/hash.hpp"

namespace erx::entities {
namespace {

// Template ids: part of the model format. Append only.
enum Template : std::uint64_t {
  kBias = 1, kWord, kLower, kShape, kShortShape, kPrefix, kSuffix, kLowerAt, kShapeAt, kShortShapeTri,
  kBigramLeft, kBigramRight, kFirstShape, kCapsSentence, kGaz, kGazCap, kGazPrev, kGazNext, kCluster,
  kClusterPrev, kClusterNext, kPos, kPosPrev, kPosNext, kPosBigram, kDocCase, kDocCaseShape,
  kNlMajor, kNlHas, kNlPrev, kP1Label, kP1Prev, kP1Next, kNlMajorShape, kGazLen, kLowerShapeNext,
  kWordInCapsSentence, kLowerSentence,
};

constexpr std::uint64_t kBoundary = 0x5e17b0a2d0c4e11fULL;  // hash of the position beyond a sentence

// Casing classes of a token, for the document-level case feature.
enum CaseClass : std::uint8_t { kCaseLower = 0, kCaseTitle = 1, kCaseUpper = 2, kCaseOther = 3, kCaseNone = 4 };

CaseClass case_class(std::string_view w) {
  bool has_lower = false, has_upper = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c >= 'A' && c <= 'Z') has_upper = true;
  }
  if (!has_lower && !has_upper) return kCaseNone;
  if (!has_upper) return kCaseLower;
  if (!has_lower) return w.size() == 1 ? kCaseTitle : kCaseUpper;
  return (w[0] >= 'A' && w[0] <= 'Z') ? kCaseTitle : kCaseOther;
}

bool sentence_all_caps(const NerInput& in, std::uint32_t first, std::uint32_t end) {
  std::size_t letters = 0, upper = 0;
  for (std::uint32_t i = first; i < end; ++i)
    for (char c : in.words[i]) {
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        ++letters;
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
      }
    }
  return letters >= 6 && upper * 10 >= letters * 9;
}

// A sentence written without capitals (web text, chat, lower-cased copies of training text): at
// least four letters and no capital except the pronoun "I" ("I", "I'm").
bool sentence_all_lower(const NerInput& in, std::uint32_t first, std::uint32_t end) {
  std::size_t letters = 0;
  for (std::uint32_t i = first; i < end; ++i) {
    std::string_view w = in.words[i];
    const bool pronoun = !w.empty() && w[0] == 'I' && (w.size() == 1 || w[1] == '\'');
    for (std::size_t k = 0; k < w.size(); ++k) {
      const char c = w[k];
      if (c >= 'A' && c <= 'Z') {
        if (!(pronoun && k == 0)) return false;
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
      }
    }
  }
  return letters >= 4;
}

}  // namespace

void FeatureExtractor::local(const NerInput& in, DocFeatures& out, std::vector<std::uint64_t>& lower_hashes) const {
  const std::size_t n = in.words.size();
  out.clear();
  out.feats.reserve(n * 72);
  lower_hashes.resize(n);
  std::vector<std::uint64_t> word_h(n), shape_h(n), sshape_h(n), pos_h(n, 0);
  std::vector<int> cluster(n, -1);
  std::vector<std::uint8_t> caps_sentence(n, 0), first_in_sentence(n, 0);
  std::vector<std::string> lowers(n);
  const bool pos = use_pos_ && in.pos.size() == n;
  // Shapes in sentences without capitals are kept apart from shapes in cased text: a lower-case
  // word is weak evidence against a name only where the writer uses capitals at all.
  std::vector<std::uint8_t> lower_sentence(n, 0);
  for (const auto& [first, end] : in.sentences)
    if (lower_sentences_ && sentence_all_lower(in, first, end)) std::fill(lower_sentence.begin() + first, lower_sentence.begin() + end, std::uint8_t{1});
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view w = in.words[i];
    lowers[i] = ascii_lower(w);
    word_h[i] = ml::hash_string(w);
    lower_hashes[i] = ml::hash_string(lowers[i]);
    shape_h[i] = ml::hash_string(word_shape(w), lower_sentence[i]);
    sshape_h[i] = ml::hash_string(short_shape(w), lower_sentence[i]);
    if (pos) pos_h[i] = ml::hash_string(in.pos[i]);
    if (clusters_ && !clusters_->empty()) cluster[i] = clusters_->find(w, lowers[i]);
  }
  // Document-level casing: how each lower-cased word is written where casing is informative (not
  // sentence-initial, not in an all-capitals sentence).
  std::unordered_map<std::uint64_t, std::array<std::uint16_t, 4>> doc_case;
  for (const auto& [first, end] : in.sentences) {
    bool caps = sentence_all_caps(in, first, end);
    if (first < end) first_in_sentence[first] = 1;
    for (std::uint32_t i = first; i < end; ++i) {
      caps_sentence[i] = caps ? 1 : 0;
      if (caps || i == first) continue;
      CaseClass c = case_class(in.words[i]);
      if (c == kCaseNone) continue;
      auto& counts = doc_case[lower_hashes[i]];
      if (counts[c] < 0xFFFF) ++counts[c];
    }
  }
  // Gazetteer matches, per sentence.
  std::vector<std::vector<std::uint64_t>> gaz(n);  // per token: (list, BILU position) features
  if (gazetteer_ && !gazetteer_->empty()) {
    std::vector<Gazetteer::Match> matches;
    std::vector<std::uint64_t> hashes;
    for (const auto& [first, end] : in.sentences) {
      hashes.assign(lower_hashes.begin() + first, lower_hashes.begin() + end);
      matches.clear();
      gazetteer_->match(hashes, matches);
      for (const Gazetteer::Match& m : matches) {
        std::uint32_t len = m.end - m.first;
        for (std::uint32_t k = m.first; k < m.end; ++k) {
          std::uint64_t position = len == 1 ? 3 : k == m.first ? 0 : k + 1 == m.end ? 2 : 1;  // U B L I
          gaz[first + k].push_back((static_cast<std::uint64_t>(m.list) << 8) | position |
                                   (static_cast<std::uint64_t>(std::min<std::uint32_t>(len, 4)) << 4));
        }
      }
    }
    for (auto& g : gaz) {
      std::sort(g.begin(), g.end());
      g.erase(std::unique(g.begin(), g.end()), g.end());
    }
  }

  for (const auto& [first, end] : in.sentences) {
    auto lower_at = [&](std::int64_t j) {
      return j < first || j >= end ? kBoundary : lower_hashes[static_cast<std::size_t>(j)];
    };
    auto shape_at = [&](std::int64_t j) {
      return j < first || j >= end ? kBoundary : shape_h[static_cast<std::size_t>(j)];
    };
    auto sshape_at = [&](std::int64_t j) {
      return j < first || j >= end ? kBoundary : sshape_h[static_cast<std::size_t>(j)];
    };
    auto pos_at = [&](std::int64_t j) {
      return j < first || j >= end ? kBoundary : pos_h[static_cast<std::size_t>(j)];
    };
    for (std::uint32_t i = first; i < end; ++i) {
      auto& f = out.feats;
      const std::int64_t ii = i;
      const std::string& low = lowers[i];
      f.push_back(ml::feature(kBias));
      f.push_back(ml::feature(kWord, word_h[i]));
      f.push_back(ml::feature(kLower, lower_hashes[i]));
      f.push_back(ml::feature(kShape, shape_h[i]));
      f.push_back(ml::feature(kShortShape, sshape_h[i]));
      // Affixes by bytes of the lower case (UTF-8 sequences may be cut; the hash does not care).
      for (std::size_t k = 1; k <= 4 && k < low.size(); ++k) {
        f.push_back(ml::feature(kPrefix, k, ml::hash_string(std::string_view(low).substr(0, k))));
        f.push_back(ml::feature(kSuffix, k, ml::hash_string(std::string_view(low).substr(low.size() - k))));
      }
      for (std::int64_t d : {-2, -1, 1, 2}) f.push_back(ml::feature(kLowerAt, static_cast<std::uint64_t>(d + 8), lower_at(ii + d)));
      f.push_back(ml::feature(kShapeAt, 7, shape_at(ii - 1)));
      f.push_back(ml::feature(kShapeAt, 9, shape_at(ii + 1)));
      f.push_back(ml::feature(kShortShapeTri, sshape_at(ii - 1), sshape_h[i], sshape_at(ii + 1)));
      f.push_back(ml::feature(kBigramLeft, lower_at(ii - 1), lower_hashes[i]));
      f.push_back(ml::feature(kBigramRight, lower_hashes[i], lower_at(ii + 1)));
      f.push_back(ml::feature(kLowerShapeNext, lower_hashes[i], sshape_at(ii + 1)));
      if (first_in_sentence[i]) f.push_back(ml::feature(kFirstShape, sshape_h[i]));
      if (lower_sentence[i]) f.push_back(ml::feature(kLowerSentence));
      if (caps_sentence[i]) {
        f.push_back(ml::feature(kCapsSentence));
        f.push_back(ml::feature(kWordInCapsSentence, lower_hashes[i]));
      }
      // How the word is cased elsewhere in the document.
      {
        auto it = doc_case.find(lower_hashes[i]);
        std::uint64_t cls = kCaseNone;
        if (it != doc_case.end()) {
          const auto& c = it->second;
          cls = static_cast<std::uint64_t>(std::max_element(c.begin(), c.end()) - c.begin());
        }
        f.push_back(ml::feature(kDocCase, cls));
        f.push_back(ml::feature(kDocCaseShape, cls, sshape_h[i], caps_sentence[i] | (first_in_sentence[i] << 1)));
      }
      // Gazetteers.
      for (std::uint64_t g : gaz[i]) {
        f.push_back(ml::feature(kGaz, g & ~std::uint64_t{0xF0}));
        f.push_back(ml::feature(kGazLen, g));
        f.push_back(ml::feature(kGazCap, g & ~std::uint64_t{0xF0}, sshape_h[i]));
      }
      if (i > first)
        for (std::uint64_t g : gaz[i - 1]) f.push_back(ml::feature(kGazPrev, g & ~std::uint64_t{0xF0}));
      if (i + 1 < end)
        for (std::uint64_t g : gaz[i + 1]) f.push_back(ml::feature(kGazNext, g & ~std::uint64_t{0xF0}));
      // Word clusters.
      if (clusters_ && !clusters_->empty()) {
        if (cluster[i] >= 0)
          for (int k = 0; k < ClusterTable::kPrefixes; ++k)
            f.push_back(ml::feature(kCluster, static_cast<std::uint64_t>(k), clusters_->prefix_hash(cluster[i], k)));
        else
          f.push_back(ml::feature(kCluster, 99));
        if (i > first && cluster[i - 1] >= 0)
          for (int k : {0, 2}) f.push_back(ml::feature(kClusterPrev, static_cast<std::uint64_t>(k), clusters_->prefix_hash(cluster[i - 1], k)));
        if (i + 1 < end && cluster[i + 1] >= 0)
          for (int k : {0, 2}) f.push_back(ml::feature(kClusterNext, static_cast<std::uint64_t>(k), clusters_->prefix_hash(cluster[i + 1], k)));
      }
      if (pos) {
        f.push_back(ml::feature(kPos, pos_h[i]));
        f.push_back(ml::feature(kPosPrev, pos_at(ii - 1)));
        f.push_back(ml::feature(kPosNext, pos_at(ii + 1)));
        f.push_back(ml::feature(kPosBigram, pos_h[i], pos_at(ii + 1)));
      }
      out.offsets.push_back(static_cast<std::uint32_t>(f.size()));
    }
  }
}

void FeatureExtractor::nonlocal(const NerInput& in, const std::vector<std::uint64_t>& lower_hashes,
                                const std::vector<int>& types, const std::vector<int>& labels, int num_types,
                                DocFeatures& out) {
  const std::size_t n = in.words.size();
  out.clear();
  out.feats.reserve(n * 8);
  // Occurrences of each word (tokens with a letter) in document order.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> occurrences;
  std::vector<std::uint8_t> has_letter(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (char c : in.words[i])
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
        has_letter[i] = 1;
        break;
      }
    if (has_letter[i]) occurrences[lower_hashes[i]].push_back(static_cast<std::uint32_t>(i));
  }
  std::vector<int> counts(static_cast<std::size_t>(num_types) + 1);
  for (const auto& [first, end] : in.sentences) {
    for (std::uint32_t i = first; i < end; ++i) {
      auto& f = out.feats;
      auto label_at = [&](std::int64_t j) -> std::uint64_t {
        return j < first || j >= end ? 0xFFFF : static_cast<std::uint64_t>(labels[static_cast<std::size_t>(j)]);
      };
      f.push_back(ml::feature(kP1Label, label_at(i)));
      f.push_back(ml::feature(kP1Prev, label_at(static_cast<std::int64_t>(i) - 1), label_at(i)));
      f.push_back(ml::feature(kP1Next, label_at(i), label_at(static_cast<std::int64_t>(i) + 1)));
      if (has_letter[i]) {
        const std::vector<std::uint32_t>& occ = occurrences[lower_hashes[i]];
        if (occ.size() > 1) {
          std::fill(counts.begin(), counts.end(), 0);
          int prev_type = -1;
          for (std::uint32_t j : occ) {
            if (j == i) continue;
            int t = types[j];
            ++counts[static_cast<std::size_t>(t)];
            if (j < i) prev_type = t;
          }
          // The majority among entity types if any occurrence is an entity, else O.
          int best = num_types;
          for (int t = 0; t < num_types; ++t)
            if (counts[static_cast<std::size_t>(t)] > 0 &&
                (best == num_types || counts[static_cast<std::size_t>(t)] > counts[static_cast<std::size_t>(best)]))
              best = t;
          f.push_back(ml::feature(kNlMajor, static_cast<std::uint64_t>(best)));
          f.push_back(ml::feature(kNlMajorShape, static_cast<std::uint64_t>(best),
                                  static_cast<std::uint64_t>(case_class(in.words[i]))));
          for (int t = 0; t <= num_types; ++t)
            if (counts[static_cast<std::size_t>(t)] > 0) f.push_back(ml::feature(kNlHas, static_cast<std::uint64_t>(t)));
          if (prev_type >= 0) f.push_back(ml::feature(kNlPrev, static_cast<std::uint64_t>(prev_type)));
        }
      }
      out.offsets.push_back(static_cast<std::uint32_t>(f.size()));
    }
  }
}

}  // namespace erx::entities
