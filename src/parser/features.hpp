// parser/features.hpp — the parser's feature templates (after Zhang & Nivre 2011).
//
// Templates read the word form (lower-cased), PTB tag, UPOS and lemma of the stack items s0, s1,
// s2, the buffer items b0, b1, b2, the two leftmost / rightmost dependents of s0, s1 and b0, the
// labels of those dependents, the label sets and valencies of s0, s1 and b0, and the distances
// s0–b0 and s1–s0, alone and in the word/tag pairs and triples of Zhang & Nivre (2011), mapped
// onto arc-hybrid (s1 plays the role of the arc-eager "head of s0": RIGHT attaches s0 to it).
//
// Every feature is a 64-bit hash (ml/hash.hpp) written into a caller-owned FeatureBuffer: no
// allocation per state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "erx/document.hpp"
#include "ml/feature_buffer.hpp"
#include "parser/arc_hybrid.hpp"

namespace erx::parser {

// Per-position attributes, hashed once per sentence. Index 0 is ROOT, n + 1 the "none" sentinel.
struct WordAttrs {
  std::uint64_t word = 0;   // lower-cased form
  std::uint64_t tag = 0;    // PTB tag (XPOS), or the UPOS name when there is no XPOS
  std::uint64_t upos = 0;   // UPOS
  std::uint64_t lemma = 0;  // lemma (lower-cased form when there is none)
  std::uint64_t shape = 0;  // coarse word class for unseen words: suffix + capitalisation
};

// Fills attrs[0 .. n+1] for the tokens [first, end) of `doc` (n = end - first). `lower` is
// scratch reused between calls.
void fill_attrs(const Document& doc, std::uint32_t first, std::uint32_t end, std::vector<WordAttrs>& attrs,
                std::string& lower);

// Writes the features of `state` (both buffers are cleared first): `moves` gets every template and
// is scored against the three moves (SHIFT, LEFT, RIGHT); `actions` gets the small subset that
// matters for the choice of label and is scored against every labelled action. The score of an
// action is the sum of the two, so the decision stays joint while the costly per-label scoring
// reads only a few features.
void extract_features(const State& state, const WordAttrs* attrs, ml::FeatureBuffer& moves,
                      ml::FeatureBuffer& actions);

}  // namespace erx::parser
