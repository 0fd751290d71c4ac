// Implementation of relations/dependency_view.hpp.
#include "relations/dependency_view.hpp"

#include <algorithm>

namespace erx::detail {

namespace {

struct Name {
  std::string_view text;
  Dep dep;
};

constexpr Name kDeps[] = {
    {"root", Dep::kRoot},
    {"nsubj", Dep::kNsubj},
    {"csubj", Dep::kCsubj},
    {"obj", Dep::kObj},
    {"dobj", Dep::kObj},
    {"iobj", Dep::kIobj},
    {"obl", Dep::kObl},
    {"nmod", Dep::kNmod},
    {"appos", Dep::kAppos},
    {"conj", Dep::kConj},
    {"cc", Dep::kCc},
    {"case", Dep::kCase},
    {"mark", Dep::kMark},
    {"aux", Dep::kAux},
    {"cop", Dep::kCop},
    {"advmod", Dep::kAdvmod},
    {"amod", Dep::kAmod},
    {"compound", Dep::kCompound},
    {"flat", Dep::kFlat},
    {"acl", Dep::kAcl},
    {"advcl", Dep::kAdvcl},
    {"xcomp", Dep::kXcomp},
    {"ccomp", Dep::kCcomp},
    {"parataxis", Dep::kParataxis},
    {"det", Dep::kDet},
    {"punct", Dep::kPunct},
    {"fixed", Dep::kFixed},
    {"nummod", Dep::kNummod},
    {"expl", Dep::kExpl},
    {"dep", Dep::kDep},
    {"list", Dep::kList},
    {"discourse", Dep::kDiscourse},
    {"vocative", Dep::kVocative},
    {"orphan", Dep::kOrphan},
    {"goeswith", Dep::kGoeswith},
    {"reparandum", Dep::kReparandum},
    {"dislocated", Dep::kDislocated},
    {"neg", Dep::kAdvmod},
    {"nsubjpass", Dep::kNsubj},
    {"auxpass", Dep::kAux},
    {"poss", Dep::kNmod},
    {"name", Dep::kFlat},
    {"mwe", Dep::kFixed},
    {"prep", Dep::kCase},
    {"pobj", Dep::kObl},
};

void append_lower(std::string& out, std::string_view s) {
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

DepLabel parse_deprel(std::string_view deprel) noexcept {
  DepLabel label;
  const std::size_t colon = deprel.find(':');
  const std::string_view base = deprel.substr(0, colon);
  // The table is short, but this runs for every token of every sentence: compare only the names
  // that start with the same letter.
  if (!base.empty()) {
    for (const Name& n : kDeps) {
      if (n.text[0] == base[0] && n.text == base) {
        label.dep = n.dep;
        break;
      }
    }
  }
  // Stanford-style labels some parsers still emit.
  if (base == "nsubjpass" || base == "auxpass") label.sub = Sub::kPass;
  if (base == "poss") label.sub = Sub::kPoss;
  if (colon == std::string_view::npos) return label;
  const std::string_view sub = deprel.substr(colon + 1);
  if (sub == "pass")
    label.sub = Sub::kPass;
  else if (sub == "poss")
    label.sub = Sub::kPoss;
  else if (sub == "relcl")
    label.sub = Sub::kRelcl;
  else if (sub == "agent")
    label.sub = Sub::kAgent;
  else if (sub == "prt")
    label.sub = Sub::kPrt;
  else if (sub == "desc")
    label.sub = Sub::kDesc;
  else if (sub == "tmod")
    label.sub = Sub::kTmod;
  else if (sub == "npmod")
    label.sub = Sub::kNpmod;
  else if (sub == "unmarked")
    label.sub = Sub::kUnmarked;
  else if (sub == "outer")
    label.sub = Sub::kOuter;
  else
    label.sub = Sub::kOther;
  return label;
}

void DependencyView::build(const Document& doc, const Sentence& s,
                           std::span<const std::int32_t> mention_of) {
  doc_ = &doc;
  first_ = s.first_token;
  end_ = s.end_token;
  mention_of_ = mention_of;
  const std::uint32_t n = end_ - first_;
  heads_.assign(n, -1);
  labels_.assign(n, DepLabel{});
  child_begin_.assign(n + 1, 0);
  strings_.resize(n);
  chars_.clear();
  const auto& tokens = doc.tokens();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[first_ + i];
    if (t.head >= static_cast<std::int64_t>(first_) && t.head < static_cast<std::int64_t>(end_) &&
        t.head != static_cast<std::int64_t>(first_ + i))
      heads_[i] = t.head;
    labels_[i] = parse_deprel(doc.deprel(t));
    Strings& str = strings_[i];
    str.lower_begin = static_cast<std::uint32_t>(chars_.size());
    append_lower(chars_, doc.norm(t));
    str.lower_end = static_cast<std::uint32_t>(chars_.size());
    const std::string_view lemma = doc.lemma(t);
    if (lemma.empty() || lemma == "_") {
      str.lemma_begin = str.lower_begin;
      str.lemma_end = str.lower_end;
    } else {
      str.lemma_begin = static_cast<std::uint32_t>(chars_.size());
      append_lower(chars_, lemma);
      str.lemma_end = static_cast<std::uint32_t>(chars_.size());
    }
  }
  // Punctuation has no dependents in UD. A word the parser hung on a punctuation mark ("adviser ,
  // Wi" with Wi as appos of the comma) is read as a dependent of the mark's own head.
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t step = 0; step < n && heads_[i] >= 0 && labels_[i].dep != Dep::kPunct; ++step) {
      const auto h = static_cast<std::uint32_t>(heads_[i]);
      if (tokens[h].upos != Upos::kPUNCT || labels_[h - first_].dep != Dep::kPunct) break;
      const std::int32_t up = heads_[h - first_];
      // Never below i itself: that would make a cycle.
      bool below_i = false;
      for (std::int32_t a = up, k = 0; a >= 0 && k < static_cast<std::int32_t>(n); a = heads_[static_cast<std::uint32_t>(a) - first_], ++k)
        if (a == static_cast<std::int32_t>(first_ + i)) below_i = true;
      if (up < 0 || below_i) break;
      heads_[i] = up;
    }
    if (heads_[i] >= 0) ++child_begin_[static_cast<std::uint32_t>(heads_[i]) - first_ + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.assign(child_begin_[n], 0);
  std::vector<std::uint32_t>& fill = scratch_;
  fill.assign(child_begin_.begin(), child_begin_.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i)
    if (heads_[i] >= 0)
      children_[fill[static_cast<std::uint32_t>(heads_[i]) - first_]++] = first_ + i;
}

std::string_view DependencyView::lemma(std::uint32_t t) const noexcept {
  const Strings& s = strings_[t - first_];
  return std::string_view(chars_).substr(s.lemma_begin, s.lemma_end - s.lemma_begin);
}

std::string_view DependencyView::lower(std::uint32_t t) const noexcept {
  const Strings& s = strings_[t - first_];
  return std::string_view(chars_).substr(s.lower_begin, s.lower_end - s.lower_begin);
}

std::span<const std::uint32_t> DependencyView::children(std::uint32_t t) const noexcept {
  const std::uint32_t i = t - first_;
  return std::span<const std::uint32_t>(children_.data() + child_begin_[i],
                                        child_begin_[i + 1] - child_begin_[i]);
}

std::int32_t DependencyView::child(std::uint32_t t, Dep dep, Sub sub) const noexcept {
  for (std::uint32_t c : children(t)) {
    const DepLabel l = label(c);
    if (l.dep == dep && (sub == Sub::kOther || l.sub == sub)) return static_cast<std::int32_t>(c);
  }
  return -1;
}

std::string DependencyView::preposition(std::uint32_t t) const {
  std::string out;
  for (std::uint32_t c : children(t)) {
    if (dep(c) != Dep::kCase || c > t) continue;
    const std::string_view w = lower(c);
    if (w == "'s" || w == "'" || w == "’s" || w == "’") continue;
    if (!out.empty()) out += ' ';
    out += w;
    for (std::uint32_t f : children(c)) {
      if (dep(f) != Dep::kFixed) continue;
      out += ' ';
      out += lower(f);
    }
  }
  return out;
}

bool DependencyView::is_verb(std::uint32_t t) const noexcept {
  const Upos u = upos(t);
  if (u == Upos::kVERB) return true;
  // "have"/"be"/"do" as main verbs are AUX in EWT only when they are auxiliaries; a main-verb AUX
  // (the head of a clause, not attached as aux/cop) is a predicate.
  return u == Upos::kAUX && dep(t) != Dep::kAux && dep(t) != Dep::kCop;
}

bool DependencyView::is_nominal(std::uint32_t t) const noexcept {
  const Upos u = upos(t);
  return u == Upos::kNOUN || u == Upos::kPROPN || u == Upos::kPRON || u == Upos::kNUM;
}

}  // namespace erx::detail
