// Features of a pair of mentions (relation_classifier/pair_features.hpp).
#include "relation_classifier/pair_features.hpp"

#include <algorithm>
#include <string>

#include "ml/hash.hpp"

namespace erx::relclf {

namespace {

// Template ids. Part of the model format: append only.
enum Tmpl : std::uint64_t {
  kBias = 1,
  kTypes,
  kTypeA,
  kTypeB,
  kHeadA,
  kHeadB,
  kHeadATypes,
  kHeadBTypes,
  kTextA,
  kTextB,
  kBetweenWord,
  kBetweenWordTypes,
  kBetweenFirst,
  kBetweenLast,
  kBetweenSeq,
  kBetweenNone,
  kBeforeA1,
  kBeforeA2,
  kAfterB1,
  kAfterB2,
  kDistance,
  kDistanceTypes,
  kMentionsBetween,
  kVerbBetween,
  kPath,
  kPathTypes,
  kLexPath,
  kLexPathTypes,
  kPathWord,
  kPathWordTypes,
  kTop,
  kTopTypes,
  kTopEdges,
  kEdgeA,
  kEdgeB,
  kEdgeABTypes,
  kPathLength,
  kNoPath,
  kBetweenBigram,
  kBeforeATypes,
  kAfterBTypes,
  kPosPath,
  kTopPath,
  kBetweenFirstTypes,
  kBetweenLastTypes,
};

// Words of a path / between list considered at most (longer ones keep their first ones).
constexpr std::size_t kMaxListed = 40;
// Between-sequences and lexicalised paths are only used up to this length (beyond it they are
// unique to a sentence and only add noise).
constexpr std::size_t kMaxSequence = 5;
constexpr std::size_t kMaxLexPathEdges = 5;

std::uint64_t lower_hash(std::string_view s, std::string& scratch) {
  scratch.assign(s);
  for (char& c : scratch)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ml::hash_string(scratch);
}

std::uint64_t distance_bucket(std::uint32_t d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 7;
  if (d <= 14) return 10;
  if (d <= 20) return 15;
  return 21;
}

constexpr std::uint64_t kUp = 0x75, kDown = 0x64;

}  // namespace

PairFeatures::PairFeatures(const Document& doc, std::uint32_t sentence) : doc_(doc) {
  const Sentence& s = doc.sentences()[sentence];
  first_ = s.first_token;
  const std::uint32_t n = s.end_token - s.first_token;
  tokens_.resize(n);
  depth_of_a_.assign(n, -1);
  std::string scratch;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens()[first_ + i];
    TokenInfo& info = tokens_[i];
    const std::string_view lemma = doc.lemma(t);
    info.lemma = lower_hash(lemma.empty() ? doc.norm(t) : lemma, scratch);
    info.upos = static_cast<std::uint64_t>(t.upos);
    const std::string_view dep = doc.deprel(t);
    info.deprel = dep.empty() ? 0 : ml::hash_string(dep);
    if (t.head >= static_cast<std::int32_t>(first_) && t.head < static_cast<std::int32_t>(s.end_token) &&
        t.head != static_cast<std::int32_t>(first_ + i))
      info.head = t.head - static_cast<std::int32_t>(first_);
    info.verb = t.upos == Upos::kVERB;
  }
}

std::uint32_t PairFeatures::head_of(const Mention& m) const noexcept {
  const std::uint32_t b = m.first_token - first_, e = m.end_token - first_;
  // The first token whose head lies outside the mention; the last token if none does.
  for (std::uint32_t i = b; i < e; ++i) {
    const std::int32_t h = tokens_[i].head;
    if (h < static_cast<std::int32_t>(b) || h >= static_cast<std::int32_t>(e)) return i;
  }
  return e - 1;
}

std::int32_t PairFeatures::extract(const Mention& a, const Mention& b, int between, ml::FeatureBuffer& out) {
  std::string scratch;
  const std::uint64_t ta = ml::hash_string(a.type), tb = ml::hash_string(b.type);
  const std::uint64_t types = ml::combine(ta, tb);
  const std::uint32_t ha = head_of(a), hb = head_of(b);
  const auto n = static_cast<std::uint32_t>(tokens_.size());

  out.add(ml::feature(kBias));
  out.add(ml::feature(kTypes, types));
  out.add(ml::feature(kTypeA, ta));
  out.add(ml::feature(kTypeB, tb));
  out.add(ml::feature(kHeadA, tokens_[ha].lemma));
  out.add(ml::feature(kHeadB, tokens_[hb].lemma));
  out.add(ml::feature(kHeadATypes, tokens_[ha].lemma, types));
  out.add(ml::feature(kHeadBTypes, tokens_[hb].lemma, types));

  // Words between and around.
  const std::uint32_t a_begin = a.first_token - first_, a_end = a.end_token - first_;
  const std::uint32_t b_begin = b.first_token - first_, b_end = b.end_token - first_;
  const std::uint32_t gap_begin = std::min(a_end, b_begin), gap_end = b_begin;
  const std::uint32_t gap = gap_end > gap_begin ? gap_end - gap_begin : 0;
  if (gap == 0) {
    out.add(ml::feature(kBetweenNone, types));
  } else {
    out.add(ml::feature(kBetweenFirst, tokens_[gap_begin].lemma));
    out.add(ml::feature(kBetweenLast, tokens_[gap_end - 1].lemma));
    out.add(ml::feature(kBetweenFirstTypes, tokens_[gap_begin].lemma, types));
    out.add(ml::feature(kBetweenLastTypes, tokens_[gap_end - 1].lemma, types));
    bool verb = false;
    std::uint64_t seq = 0;
    for (std::uint32_t i = gap_begin; i < gap_end && i - gap_begin < kMaxListed; ++i) {
      out.add(ml::feature(kBetweenWord, tokens_[i].lemma));
      out.add(ml::feature(kBetweenWordTypes, tokens_[i].lemma, types));
      if (i + 1 < gap_end) out.add(ml::feature(kBetweenBigram, tokens_[i].lemma, tokens_[i + 1].lemma));
      verb = verb || tokens_[i].verb;
      seq = ml::combine(seq, tokens_[i].lemma);
    }
    if (gap <= kMaxSequence) out.add(ml::feature(kBetweenSeq, seq, types));
    out.add(ml::feature(kVerbBetween, verb ? 1 : 0, types));
  }
  constexpr std::uint64_t kPad = 0x5e9;
  const std::uint64_t before1 = a_begin >= 1 ? tokens_[a_begin - 1].lemma : kPad;
  const std::uint64_t before2 = a_begin >= 2 ? tokens_[a_begin - 2].lemma : kPad;
  const std::uint64_t after1 = b_end < n ? tokens_[b_end].lemma : kPad;
  const std::uint64_t after2 = b_end + 1 < n ? tokens_[b_end + 1].lemma : kPad;
  out.add(ml::feature(kBeforeA1, before1));
  out.add(ml::feature(kBeforeA2, before2, before1));
  out.add(ml::feature(kAfterB1, after1));
  out.add(ml::feature(kAfterB2, after1, after2));
  out.add(ml::feature(kBeforeATypes, before1, types));
  out.add(ml::feature(kAfterBTypes, after1, types));
  out.add(ml::feature(kDistance, distance_bucket(gap)));
  out.add(ml::feature(kDistanceTypes, distance_bucket(gap), types));
  out.add(ml::feature(kMentionsBetween, static_cast<std::uint64_t>(std::min(between, 4)), types));

  // The dependency path: a's head up to the lowest common ancestor, then down to b's head.
  std::fill(depth_of_a_.begin(), depth_of_a_.end(), -1);
  std::int32_t depth = 0;
  for (std::int32_t x = static_cast<std::int32_t>(ha); x >= 0 && depth_of_a_[static_cast<std::size_t>(x)] < 0;
       x = tokens_[static_cast<std::size_t>(x)].head)
    depth_of_a_[static_cast<std::size_t>(x)] = depth++;
  down_.clear();
  std::int32_t top = static_cast<std::int32_t>(hb);
  std::size_t guard = 0;
  while (top >= 0 && depth_of_a_[static_cast<std::size_t>(top)] < 0 && guard++ <= n) {
    down_.push_back(static_cast<std::uint32_t>(top));
    top = tokens_[static_cast<std::size_t>(top)].head;
  }
  if (top < 0 || depth_of_a_[static_cast<std::size_t>(top)] < 0) {
    out.add(ml::feature(kNoPath, types));
    return -1;
  }
  up_.clear();
  for (std::int32_t x = static_cast<std::int32_t>(ha); x != top; x = tokens_[static_cast<std::size_t>(x)].head)
    up_.push_back(static_cast<std::uint32_t>(x));
  std::reverse(down_.begin(), down_.end());  // from just below the top down to b's head

  // Unlexicalised and lexicalised path strings as hashes; words strictly inside the path.
  std::uint64_t path = 0x9a7, lex = 0x1e7, pos = 0x905;
  const std::size_t edges = up_.size() + down_.size();
  std::size_t listed = 0;
  const auto word = [&](std::uint32_t t) {
    lex = ml::combine(lex, tokens_[t].lemma);
    pos = ml::combine(pos, tokens_[t].upos);
    if (listed++ < kMaxListed) {
      out.add(ml::feature(kPathWord, tokens_[t].lemma));
      out.add(ml::feature(kPathWordTypes, tokens_[t].lemma, types));
    }
  };
  for (std::size_t i = 0; i < up_.size(); ++i) {
    path = ml::combine(path, ml::combine(tokens_[up_[i]].deprel, kUp));
    lex = ml::combine(lex, ml::combine(tokens_[up_[i]].deprel, kUp));
    pos = ml::combine(pos, ml::combine(tokens_[up_[i]].deprel, kUp));
    if (i > 0) word(up_[i]);
  }
  const auto top_index = static_cast<std::uint32_t>(top);
  const bool top_inside = top_index == ha || top_index == hb;
  if (!top_inside) word(top_index);
  for (std::size_t i = 0; i < down_.size(); ++i) {
    if (i > 0) word(down_[i - 1]);
    path = ml::combine(path, ml::combine(tokens_[down_[i]].deprel, kDown));
    lex = ml::combine(lex, ml::combine(tokens_[down_[i]].deprel, kDown));
    pos = ml::combine(pos, ml::combine(tokens_[down_[i]].deprel, kDown));
  }
  out.add(ml::feature(kPath, path));
  out.add(ml::feature(kPathTypes, path, types));
  out.add(ml::feature(kPathLength, std::min<std::uint64_t>(edges, 8), types));
  out.add(ml::feature(kPosPath, pos, types));
  if (edges <= kMaxLexPathEdges) {
    out.add(ml::feature(kLexPath, lex));
    out.add(ml::feature(kLexPathTypes, lex, types));
  }
  // The predicate: the top of the path, unless it is one of the mentions' heads.
  const std::uint64_t top_lemma = top_inside ? (top_index == ha ? 0xa : 0xb) : tokens_[top_index].lemma;
  const std::uint64_t edge_a = up_.empty() ? 0 : ml::combine(tokens_[up_.front()].deprel, kUp);
  const std::uint64_t edge_b = down_.empty() ? 0 : ml::combine(tokens_[down_.back()].deprel, kDown);
  const std::uint64_t top_edge_a = up_.empty() ? 0 : tokens_[up_.back()].deprel;
  const std::uint64_t top_edge_b = down_.empty() ? 0 : tokens_[down_.front()].deprel;
  out.add(ml::feature(kTop, top_lemma));
  out.add(ml::feature(kTopTypes, top_lemma, types));
  out.add(ml::feature(kTopEdges, top_lemma, top_edge_a, top_edge_b));
  out.add(ml::feature(kTopPath, top_lemma, path));
  out.add(ml::feature(kEdgeA, edge_a, tb));
  out.add(ml::feature(kEdgeB, edge_b, ta));
  out.add(ml::feature(kEdgeABTypes, edge_a, edge_b, types));
  // The predicate word: the top, or when the top is a mention's head the next word down the path.
  std::uint32_t predicate = top_index;
  if (top_index == ha && down_.size() > 1) predicate = down_.front();
  if (top_index == hb && up_.size() > 1) predicate = up_.back();
  if (predicate == ha || predicate == hb) return -1;
  return static_cast<std::int32_t>(first_ + predicate);
}

}  // namespace erx::relclf
