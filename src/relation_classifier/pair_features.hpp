// relation_classifier/pair_features.hpp — features of a pair of mentions in one sentence.
//
// The feature set of the relation classifier, in the tradition of Kambhatla (2004), Zhou et al.
// (2005) and Mintz et al. (2009): entity types and head words of both mentions; the words between
// them (bag, first, last, and the whole sequence when short) and around them; their token distance
// and the number of mentions between; the dependency path between the two mention heads (edge
// labels with directions, unlexicalised and lexicalised with the lemmas on it), the words on the
// path and the predicate lemma at its top (the lowest common ancestor), alone and conjoined with
// the entity types. The pair is always given in text order (a before b); the classes say which of
// the two is the subject.
//
// Feature hashes are part of the model format (see ml/hash.hpp): changing a template or its parts
// invalidates trained relation models.
//
// A PairFeatures object is per-call scratch for one sentence (never part of a model); not
// thread-safe, cheap to build.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "ml/feature_buffer.hpp"

namespace erx::relclf {

class PairFeatures {
 public:
  // Precomputes the per-token hashes of sentence `sentence` of `doc` (which must be tokenized;
  // lemmas, tags and the parse are used when present).
  PairFeatures(const Document& doc, std::uint32_t sentence);

  // Adds the features of the pair (a, b) to `out` (which is not cleared). a must start before b;
  // both must lie in the sentence. `between` is the number of other mentions between them.
  // Returns the document token index of the predicate word of the path: its top (the lowest
  // common ancestor), or when that is a mention's head, the next word down the path; -1 when the
  // path has no such word or the sentence has no parse connecting the two.
  std::int32_t extract(const Mention& a, const Mention& b, int between, ml::FeatureBuffer& out);

 private:
  struct TokenInfo {
    std::uint64_t lemma = 0;   // lower-cased lemma (or lower-cased form)
    std::uint64_t upos = 0;
    std::uint64_t deprel = 0;  // full UD relation ("nsubj:pass"), or 0
    std::int32_t head = -1;    // sentence-relative head, -1 for the root / no parse
    bool verb = false;
  };
  [[nodiscard]] std::uint32_t head_of(const Mention& m) const noexcept;  // sentence-relative

  const Document& doc_;
  std::uint32_t first_ = 0;  // first token of the sentence
  std::vector<TokenInfo> tokens_;
  std::vector<std::int32_t> depth_of_a_;  // scratch: position of a token on a's path to the root
  std::vector<std::uint32_t> up_, down_;  // scratch: the two halves of the path
};

}  // namespace erx::relclf
