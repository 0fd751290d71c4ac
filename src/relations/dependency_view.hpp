// relations/dependency_view.hpp — one sentence's dependency tree in a form that is fast to walk:
// children lists, dependency labels as enums, lower-cased lemmas and the mention covering each
// token (internal header, shared by the linker and the relation extractor).
//
// A DependencyView is per-call scratch: build() it for a sentence, query it, build() it again for
// the next one; its buffers are reused, so a document costs a handful of allocations.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"

namespace erx::detail {

// The base UD relation (the part before ':').
enum class Dep : std::uint8_t {
  kOther,
  kRoot,
  kNsubj,
  kCsubj,
  kObj,
  kIobj,
  kObl,
  kNmod,
  kAppos,
  kConj,
  kCc,
  kCase,
  kMark,
  kAux,
  kCop,
  kAdvmod,
  kAmod,
  kCompound,
  kFlat,
  kAcl,
  kAdvcl,
  kXcomp,
  kCcomp,
  kParataxis,
  kDet,
  kPunct,
  kFixed,
  kNummod,
  kExpl,
  kDep,
  kList,
  kDiscourse,
  kVocative,
  kOrphan,
  kGoeswith,
  kReparandum,
  kDislocated,
};

// The UD subtype (the part after ':') that relation extraction cares about.
enum class Sub : std::uint8_t {
  kNone,
  kPass,
  kPoss,
  kRelcl,
  kAgent,
  kPrt,
  kDesc,
  kTmod,
  kNpmod,
  kUnmarked,
  kOuter,
  kOther,
};

struct DepLabel {
  Dep dep = Dep::kOther;
  Sub sub = Sub::kNone;
};

// Parses "nsubj:pass" into {kNsubj, kPass}. Unknown relations give kOther.
DepLabel parse_deprel(std::string_view deprel) noexcept;

class DependencyView {
 public:
  // Indexes sentence `s` of `doc`. Token indices in every query are absolute (Document::tokens()).
  // `mention_of`, when not empty, maps each document token to the mention that covers it (-1).
  void build(const Document& doc, const Sentence& s, std::span<const std::int32_t> mention_of = {});

  [[nodiscard]] const Document& doc() const noexcept { return *doc_; }
  [[nodiscard]] std::uint32_t first() const noexcept { return first_; }
  [[nodiscard]] std::uint32_t end() const noexcept { return end_; }
  [[nodiscard]] bool contains(std::int64_t t) const noexcept { return t >= first_ && t < end_; }

  // Head of token t (absolute index), or -1 for the root or a head outside the sentence.
  [[nodiscard]] std::int32_t head(std::uint32_t t) const noexcept { return heads_[t - first_]; }
  [[nodiscard]] DepLabel label(std::uint32_t t) const noexcept { return labels_[t - first_]; }
  [[nodiscard]] Dep dep(std::uint32_t t) const noexcept { return labels_[t - first_].dep; }
  [[nodiscard]] Sub sub(std::uint32_t t) const noexcept { return labels_[t - first_].sub; }
  [[nodiscard]] Upos upos(std::uint32_t t) const noexcept { return doc_->tokens()[t].upos; }
  [[nodiscard]] std::string_view xpos(std::uint32_t t) const noexcept {
    return doc_->xpos(doc_->tokens()[t]);
  }
  // Lower-cased lemma (the lower-cased form when the token has no lemma).
  [[nodiscard]] std::string_view lemma(std::uint32_t t) const noexcept;
  // Lower-cased form.
  [[nodiscard]] std::string_view lower(std::uint32_t t) const noexcept;
  [[nodiscard]] std::string_view text(std::uint32_t t) const noexcept {
    return doc_->text(doc_->tokens()[t]);
  }
  // Children of t in sentence order.
  [[nodiscard]] std::span<const std::uint32_t> children(std::uint32_t t) const noexcept;
  // The mention covering t, or -1.
  [[nodiscard]] std::int32_t mention(std::uint32_t t) const noexcept {
    return mention_of_.empty() ? -1 : mention_of_[t];
  }

  // First child of t with relation `dep` (and subtype `sub` unless sub is kOther = any), or -1.
  [[nodiscard]] std::int32_t child(std::uint32_t t, Dep dep, Sub sub = Sub::kOther) const noexcept;
  // True if t has a child with relation `dep` whose lemma is in `lemmas` (callback).
  template <class Pred>
  [[nodiscard]] std::int32_t find_child(std::uint32_t t, Pred pred) const noexcept {
    for (std::uint32_t c : children(t))
      if (pred(c)) return static_cast<std::int32_t>(c);
    return -1;
  }

  // The preposition of a nominal t: its case children joined with their fixed parts ("according
  // to", "with"), lower-cased; "" when it has none. Possessive "'s" is not a preposition.
  [[nodiscard]] std::string preposition(std::uint32_t t) const;

  // True for a verbal predicate form: VERB, or AUX used as a main verb.
  [[nodiscard]] bool is_verb(std::uint32_t t) const noexcept;
  // True for nominals: NOUN, PROPN, PRON, NUM.
  [[nodiscard]] bool is_nominal(std::uint32_t t) const noexcept;

 private:
  const Document* doc_ = nullptr;
  std::uint32_t first_ = 0, end_ = 0;
  std::vector<std::int32_t> heads_;
  std::vector<DepLabel> labels_;
  std::vector<std::uint32_t> child_begin_;  // CSR offsets, size n + 1
  std::vector<std::uint32_t> children_;
  std::vector<std::uint32_t> scratch_;
  struct Strings {
    std::uint32_t lemma_begin, lemma_end, lower_begin, lower_end;  // offsets into chars_
  };
  std::vector<Strings> strings_;
  std::string chars_;
  std::span<const std::int32_t> mention_of_;
};

}  // namespace erx::detail
