// Arguments, subjects, modality and negation (see relations/sentence_extractor.hpp).
#include <algorithm>

#include "relations/sentence_extractor.hpp"

namespace erx::detail {

namespace {

// True if `name` looks like a proper name rather than web-page debris or a common phrase: it has
// an upper-case letter, a digit or a non-ASCII character.
bool looks_like_name(std::string_view name) noexcept {
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80) return true;
  }
  return false;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

bool SentenceExtractor::is_value_type(std::string_view type) noexcept {
  return is_one_of(type, {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"});
}

bool SentenceExtractor::is_relative_pronoun(std::uint32_t t) const {
  const std::string_view lemma = view_.lemma(t);
  if (!is_one_of(lemma, {"which", "who", "whom", "whose", "that"})) return false;
  if (lemma == "that" && view_.xpos(t) == "DT") return false;  // demonstrative "that"
  return antecedent(t) >= 0;
}

std::int32_t SentenceExtractor::antecedent(std::uint32_t t) const {
  std::uint32_t c = t;
  for (int step = 0; step < 5; ++step) {
    const std::int32_t h = view_.head(c);
    if (h < 0) return -1;
    const DepLabel l = view_.label(c);
    if ((l.dep == Dep::kAcl || l.dep == Dep::kAdvcl) && l.sub == Sub::kRelcl) return h;
    c = static_cast<std::uint32_t>(h);
  }
  return -1;
}

bool SentenceExtractor::make_arg(std::uint32_t t, Arg& out) const {
  std::uint32_t h = t;
  if (is_relative_pronoun(t)) {
    h = static_cast<std::uint32_t>(antecedent(t));
    // A parser may hang "X, which ..." on a verb; a name right before the comma is then the
    // antecedent.
    // So may "Canada and the EU, which remains ..." be hung on the first conjunct, where the
    // name right before the comma is meant.
    if (t >= view_.first() + 2 && view_.text(t - 1) == ",") {
      const std::uint32_t before = t - 2;
      const std::int32_t m = view_.mention(before);
      const bool adjacent_name =
          m >= 0 && doc_.mentions()[static_cast<std::size_t>(m)].end_token == t - 1;
      bool conjunct = false;
      if (adjacent_name && view_.is_nominal(h))
        for (std::uint32_t c : view_.children(h))
          if (view_.dep(c) == Dep::kConj && view_.mention(c) == m) conjunct = true;
      if (adjacent_name && (!view_.is_nominal(h) || conjunct)) h = before;
    }
  }
  const auto& mentions = doc_.mentions();
  // A pronoun linked by the linker carries its own mention; otherwise the head's (or the
  // antecedent's) mention names the argument.
  std::int32_t m = view_.mention(t);
  std::uint32_t token = t;
  if (m < 0 || mentions[static_cast<std::size_t>(m)].entity < 0) {
    m = view_.mention(h);
    token = h;
  }
  const auto is_value_mention = [&](std::int32_t x) {
    const std::int32_t e = mentions[static_cast<std::size_t>(x)].entity;
    return !options_.value_arguments &&
           is_value_type(doc_.entities()[static_cast<std::size_t>(e)].type);
  };
  if (m < 0 || mentions[static_cast<std::size_t>(m)].entity < 0 || is_value_mention(m)) {
    // A title heading its name ("President Xi" parsed with the title as head and the name
    // flat), or a date a parser took for the head of the name after it ("Yesterday Lee ...").
    for (std::uint32_t c : view_.children(h)) {
      if (view_.dep(c) != Dep::kFlat || c < h) continue;
      const std::int32_t cm = view_.mention(c);
      if (cm >= 0 && cm != m && mentions[static_cast<std::size_t>(cm)].entity >= 0 &&
          !is_value_mention(cm)) {
        m = cm;
        token = c;
        break;
      }
    }
  }
  if (m >= 0 && mentions[static_cast<std::size_t>(m)].entity >= 0) {
    const Mention& mention = mentions[static_cast<std::size_t>(m)];
    const Entity& e = doc_.entities()[static_cast<std::size_t>(mention.entity)];
    // A dateline ("OTTAWA — Canadian Prime Minister ...") names where the story was filed; it
    // takes part in no relation of the sentence.
    if (mention.first_token == view_.first() && mention.end_token < view_.end() &&
        doc_.tokens()[mention.end_token].begin >
            mention.end) {  // a spaced dash, not "Seattle-based"
      const std::string_view next = view_.text(mention.end_token);
      if (next == "\u2014" || next == "\u2013" || next == "-" || next == "--") {
        // "OTTAWA — Mark Carney will travel": a parser may hang the real subject on the dateline.
        for (std::uint32_t c : view_.children(h)) {
          if (c <= h || (view_.dep(c) != Dep::kFlat && view_.dep(c) != Dep::kConj &&
                         view_.dep(c) != Dep::kAppos))
            continue;
          const std::int32_t cm = view_.mention(c);
          if (cm >= 0 && cm != m && mentions[static_cast<std::size_t>(cm)].entity >= 0)
            return make_arg(c, out);
        }
        return false;
      }
    }
    if (!options_.value_arguments && is_value_type(e.type)) return false;
    if (!looks_like_name(e.name)) return false;
    out.entity = mention.entity;
    out.token = token;
    out.begin = mention.begin;
    out.end = mention.end;
    out.confidence = mention.confidence;
    return true;
  }
  if (!options_.open || !view_.is_nominal(h) || is_relative_pronoun(h)) return false;
  // Open mode: the phrase headed by h, without clauses, appositions and coordination.
  std::uint32_t lo = h, hi = h;
  std::vector<std::uint32_t> stack{h};
  while (!stack.empty()) {
    const std::uint32_t x = stack.back();
    stack.pop_back();
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (std::uint32_t c : view_.children(x)) {
      const Dep d = view_.dep(c);
      if (d == Dep::kAcl || d == Dep::kAppos || d == Dep::kConj || d == Dep::kCc ||
          d == Dep::kPunct || d == Dep::kParataxis || d == Dep::kAdvcl || d == Dep::kDep ||
          d == Dep::kMark)
        continue;
      if (x == h && d == Dep::kCase && c < h) continue;  // the preposition is part of the predicate
      stack.push_back(c);
    }
  }
  const auto& tokens = doc_.tokens();
  out.entity = -1;
  out.token = h;
  out.begin = tokens[lo].begin;
  out.end = tokens[hi].end;
  out.confidence = 0.9f;
  return true;
}

void SentenceExtractor::conjuncts(std::uint32_t t, std::vector<std::uint32_t>& out,
                                  std::int64_t before) const {
  out.push_back(t);
  // A coordination has a conjunction ("and", "or") on its last conjunct; "Busan, South Korea"
  // parsed as conj without one is an apposition, not a second argument.
  bool coordinated = false;
  for (std::uint32_t c : view_.children(t))
    if (view_.dep(c) == Dep::kConj && view_.child(c, Dep::kCc) >= 0) coordinated = true;
  if (!coordinated) return;
  for (std::uint32_t c : view_.children(t)) {
    if (view_.dep(c) != Dep::kConj) continue;
    if (before >= 0 && c >= before) continue;
    if (view_.is_nominal(c) || view_.mention(c) >= 0) out.push_back(c);
  }
}

void SentenceExtractor::args_of(std::uint32_t t, std::vector<Arg>& out, std::int64_t before) const {
  std::vector<std::uint32_t> heads;
  conjuncts(t, heads, before);
  for (std::uint32_t h : heads) {
    Arg a;
    if (make_arg(h, a)) out.push_back(a);
  }
}

void SentenceExtractor::surface_subjects(std::uint32_t p, std::vector<std::uint32_t>& out,
                                         bool& inherited, int depth) const {
  for (std::uint32_t c : view_.children(p)) {
    if (view_.dep(c) == Dep::kNsubj) {
      out.push_back(c);
      return;
    }
  }
  if (depth > 6) return;
  const std::int32_t head = view_.head(p);
  if (head < 0) return;
  const auto h = static_cast<std::uint32_t>(head);
  const DepLabel l = view_.label(p);
  const std::string_view xpos = view_.xpos(p);
  switch (l.dep) {
    case Dep::kXcomp: {
      // Object control and raising to object ("persuade China to play", "expect Lee to visit"),
      // else subject control and raising ("wants to visit", "is expected to persuade"). Verbs
      // that are not listed as object-control keep their subject: "approach Beijing to
      // encourage talks" (a purpose clause that parsers often label xcomp).
      std::int32_t obj = view_.child(h, Dep::kObj);
      if (obj < 0) obj = view_.child(h, Dep::kIobj);
      inherited = true;
      if (obj >= 0 && view_.is_nominal(static_cast<std::uint32_t>(obj)) &&
          (schema_.is_cue(CueKind::kObjectControl, view_.lemma(h)) || !view_.is_verb(h))) {
        out.push_back(static_cast<std::uint32_t>(obj));
        return;
      }
      surface_subjects(h, out, inherited, depth + 1);
      return;
    }
    case Dep::kConj: {
      // Coordinated predicates share the subject: "met Xi and visited Shanghai".
      const bool predicate_head =
          view_.is_verb(h) || view_.child(h, Dep::kCop) >= 0 || view_.child(h, Dep::kNsubj) >= 0;
      if (!predicate_head) return;
      inherited = true;
      surface_subjects(h, out, inherited, depth + 1);
      return;
    }
    case Dep::kAdvcl: {
      // Non-finite adverbial clauses take the matrix subject: "before visiting Lyon".
      if (l.sub == Sub::kRelcl) return;
      if (const std::int32_t s = appositive_misparse_subject(p); s >= 0) {
        out.push_back(static_cast<std::uint32_t>(s));  // the sentence's own subject
        return;
      }
      const bool nonfinite =
          xpos == "VBG" || xpos == "VBN" ||
          (xpos == "VB" && view_.child(p, Dep::kMark) >= 0 && view_.child(p, Dep::kAux) < 0);
      if (!nonfinite) return;
      inherited = true;
      surface_subjects(h, out, inherited, depth + 1);
      return;
    }
    case Dep::kAcl: {
      // Participles modifying a noun: "troops stationed in Korea", "a company making chips".
      if (const std::int32_t s = appositive_misparse_subject(p); s >= 0) {
        out.push_back(static_cast<std::uint32_t>(s));  // the sentence's own subject
        return;
      }
      if (l.sub == Sub::kRelcl) return;
      if ((xpos == "VBG" || xpos == "VBN") && view_.is_nominal(h)) {
        inherited = true;
        out.push_back(h);
      }
      return;
    }
    default:
      return;
  }
}

std::int32_t SentenceExtractor::appositive_misparse_subject(std::uint32_t p) const {
  const DepLabel l = view_.label(p);
  // A relative clause needs a subject (or a relative pronoun as one); one without is this too.
  if (!(l.dep == Dep::kAcl && (l.sub == Sub::kNone || l.sub == Sub::kRelcl)) &&
      !(l.dep == Dep::kAdvcl && l.sub == Sub::kNone))
    return -1;
  if (view_.xpos(p) != "VBD" && view_.xpos(p) != "VBN") return -1;
  if (view_.child(p, Dep::kObj) < 0 || view_.child(p, Dep::kAux) >= 0 ||
      view_.child(p, Dep::kNsubj) >= 0 || view_.child(p, Dep::kMark) >= 0)
    return -1;
  if (p <= view_.first() || view_.text(p - 1) != ",") return -1;
  for (std::uint32_t c : view_.children(p))
    if (is_one_of(view_.lemma(c), {"which", "who", "whom", "that"})) return -1;  // a real relative
  // Up from the verb to the modifier (an apposition or a relative clause) of the root name.
  std::int32_t x = view_.head(p);
  for (int step = 0; step < 4 && x >= 0 && x < static_cast<std::int64_t>(p); ++step) {
    const auto m = static_cast<std::uint32_t>(x);
    const DepLabel ml = view_.label(m);
    const std::int32_t name = view_.head(m);
    const bool modifier =
        ml.dep == Dep::kAppos || (ml.dep == Dep::kAcl && ml.sub == Sub::kRelcl);
    if (!modifier || name < 0 || name > x) {
      x = name;
      continue;
    }
    const auto r = static_cast<std::uint32_t>(name);
    // The name is the root: the parser found no other main verb in the sentence.
    if (view_.dep(r) != Dep::kRoot || view_.upos(r) != Upos::kPROPN) return -1;
    const std::int32_t mention = view_.mention(r);
    if (mention < 0 || doc_.mentions()[static_cast<std::size_t>(mention)].entity < 0) return -1;
    return name;
  }
  return -1;
}

bool SentenceExtractor::is_passive(std::uint32_t p) const {
  for (std::uint32_t c : view_.children(p)) {
    const DepLabel l = view_.label(c);
    if ((l.dep == Dep::kAux || l.dep == Dep::kNsubj) && l.sub == Sub::kPass) return true;
  }
  if (appositive_misparse_subject(p) >= 0) return false;  // a main verb with its object
  // Verbs that news uses only in the passive ("headquartered in", "based in"), even when a
  // tagger reads the participle as a past tense.
  if (view_.child(p, Dep::kObj) < 0 && view_.child(p, Dep::kAux) < 0 &&
      is_one_of(view_.lemma(p), {"headquarter", "base", "locate", "situate", "station"}) &&
      (view_.xpos(p) == "VBD" || view_.xpos(p) == "VBN"))
    return true;
  if (view_.xpos(p) != "VBN") return false;
  const DepLabel l = view_.label(p);
  if (l.dep == Dep::kAcl && l.sub != Sub::kRelcl) return true;
  if (view_.child(p, Dep::kAux) >= 0) return false;  // "has visited"
  if (l.dep == Dep::kConj && view_.child(p, Dep::kNsubj) < 0) {
    const std::int32_t h = view_.head(p);
    return h >= 0 && is_passive(static_cast<std::uint32_t>(h));
  }
  // A past participle without any auxiliary cannot be an active finite verb: "Based in Seoul,
  // ...", or "Amazon, headquartered in Seattle" when a parser made the participle the root.
  return l.dep != Dep::kAmod && l.dep != Dep::kXcomp;
}

bool SentenceExtractor::has_negation(std::uint32_t t) const {
  for (std::uint32_t c : view_.children(t)) {
    if (view_.dep(c) == Dep::kAdvmod && schema_.is_cue(CueKind::kNegation, view_.lemma(c)))
      return true;
  }
  return false;
}

ClauseContext SentenceExtractor::context_of(std::uint32_t p) const {
  bool negated = has_negation(p);
  bool hypothetical = false, reported = false, weak_modal = false;
  bool follow_negation = true;  // negation of governing predicates applies through xcomp only
  bool inherit_aux = true;      // auxiliaries of the predicate (or of a subject-sharing conjunct)
  bool inherit_hypothetical = true;  // false above an adverbial clause
  std::uint32_t t = p;
  for (int step = 0; step < 10; ++step) {
    for (std::uint32_t c : view_.children(t)) {
      const Dep d = view_.dep(c);
      const std::string_view lemma = view_.lemma(c);
      if (d == Dep::kAux && inherit_aux && schema_.is_cue(CueKind::kModal, lemma)) {
        if (lemma == "would")
          weak_modal = true;
        else if (inherit_hypothetical)
          hypothetical = true;
      } else if (d == Dep::kMark && is_one_of(lemma, {"if", "unless", "whether"})) {
        hypothetical = true;
      } else if (d == Dep::kMark && lemma == "without" && t == p) {
        negated = true;
      } else if ((d == Dep::kParataxis ||
                  (d == Dep::kAdvcl && c > t && view_.child(c, Dep::kMark) < 0)) &&
                 schema_.is_cue(CueKind::kReporting, view_.lemma(c))) {
        reported = true;  // "Lee will visit Beijing, Wi said." (parsers also label it advcl)
      } else if (d == Dep::kObl && view_.preposition(c) == "according to") {
        reported = true;
      } else if (d == Dep::kAdvmod && inherit_aux) {
        if (is_one_of(lemma, {"reportedly", "allegedly", "purportedly"}))
          reported = true;
        else if (is_one_of(lemma, {"perhaps", "maybe", "possibly", "probably", "potentially"}))
          hypothetical = true;
      }
    }
    const std::int32_t head = view_.head(t);
    if (head < 0) break;
    const auto h = static_cast<std::uint32_t>(head);
    const DepLabel l = view_.label(t);
    if (l.dep == Dep::kXcomp) {
      // Control and raising: "is expected to persuade", "did not want to visit".
      if (inherit_hypothetical && schema_.is_cue(CueKind::kHypothetical, view_.lemma(h)))
        hypothetical = true;
      if (follow_negation && has_negation(h)) negated = true;
    } else if (l.dep == Dep::kCcomp || l.dep == Dep::kCsubj ||
               (l.dep == Dep::kAdvcl && l.sub != Sub::kRelcl)) {
      if (l.dep == Dep::kCcomp && inherit_hypothetical) {
        if (schema_.is_cue(CueKind::kReporting, view_.lemma(h))) reported = true;
        if (schema_.is_cue(CueKind::kHypothetical, view_.lemma(h))) hypothetical = true;
      } else if (l.dep == Dep::kCcomp) {
        if (schema_.is_cue(CueKind::kReporting, view_.lemma(h))) reported = true;
      }
      // "to have Lee visit China would be better": a clausal subject takes its predicate's modal.
      if (l.dep == Dep::kCsubj && inherit_hypothetical)
        for (std::uint32_t c : view_.children(h))
          if (view_.dep(c) == Dep::kAux && schema_.is_cue(CueKind::kModal, view_.lemma(c)))
            hypothetical = true;
      // An adverbial clause ("because China is ...") is asserted on its own: what makes the
      // main clause hypothetical does not reach it (a reporting verb above still does).
      if (l.dep == Dep::kAdvcl) inherit_hypothetical = false;
      follow_negation = false;
      inherit_aux = false;
    } else if (l.dep == Dep::kConj) {
      // A conjunct without its own subject shares the auxiliaries of the first one.
      if (view_.child(t, Dep::kNsubj) >= 0 || view_.child(t, Dep::kAux) >= 0) {
        inherit_aux = false;
        follow_negation = false;
      }
    } else if (l.dep == Dep::kParataxis) {
      if (schema_.is_cue(CueKind::kReporting, view_.lemma(h))) reported = true;
      break;
    } else {
      break;
    }
    t = h;
  }
  ClauseContext ctx;
  ctx.negated = negated;
  if (hypothetical)
    ctx.modality = Modality::kHypothetical;
  else if (reported)
    ctx.modality = Modality::kReported;
  else if (weak_modal)
    ctx.modality = Modality::kHypothetical;
  return ctx;
}

}  // namespace erx::detail
