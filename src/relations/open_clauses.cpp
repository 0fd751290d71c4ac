// Open mode: every clause as an n-ary tuple, and the implicit relations of noun phrases (see
// relations/sentence_extractor.hpp).
//
// A clause is read off its predicate p, a verb or a copular nominal/adjective:
//   subject    p's nsubj, or the controller through xcomp, conj, participles (surface_subjects),
//              a relative pronoun standing for its antecedent (for "X is a Y who ...", X);
//   predicate  the words of p as the sentence says them: auxiliaries, negation, particle, adverbs
//              inside the verb group, the governing verbs of a control chain ("was designed to
//              appear", "were able to reinforce"), the copula; the preposition of a
//              prepositional object ("was born in", "taught at"); for a copular noun with an "of"
//              phrase the noun too ("is the capital of"); for a light verb its event noun ("paid
//              a visit to");
//   object     the first complement (object, nominal xcomp, clausal complement), else the agent of
//              a passive, else the first prepositional object after p, else the first adjunct;
//   extra      every other complement and adjunct (prepositional phrases with their preposition,
//              bare temporal nouns, marked adverbial clauses), in sentence order.
// Arguments are noun phrases, minimal but complete: the head's subtree without relative clauses,
// appositions, clauses of their own and (when split) its conjuncts. Coordinated subjects and
// objects give one tuple per conjunct; coordinated verbs share a following object.
// Noun phrases add "be" tuples for appositions ("X, a Y") and adjective modifiers ("a gaping
// loophole"), and "has" tuples for possessives ("X's Y").
// Confidence: main clauses first, then subordinate, adverbial and participial clauses, fewer and
// shorter arguments before more and longer ones, and the noun-phrase tuples last.
#include <algorithm>

#include "relations/sentence_extractor.hpp"

namespace erx::detail {

namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Dependents that are clauses or arguments of their own, never part of a noun phrase.
bool outside_phrase(const DependencyView& v, std::uint32_t c) noexcept {
  const DepLabel l = v.label(c);
  switch (l.dep) {
    case Dep::kAcl:
      return l.sub == Sub::kRelcl;
    case Dep::kAppos:
    case Dep::kParataxis:
    case Dep::kAdvcl:
    case Dep::kDep:
    case Dep::kList:
    case Dep::kDislocated:
    case Dep::kVocative:
    case Dep::kReparandum:
      return true;
    default:
      return false;
  }
}

bool is_punct(const DependencyView& v, std::uint32_t t) noexcept {
  return v.upos(t) == Upos::kPUNCT;
}

bool is_negation(const DependencyView& v, std::uint32_t c) noexcept {
  return v.dep(c) == Dep::kAdvmod && is_one_of(v.lemma(c), {"not", "never", "n't"});
}

// Subordinating conjunctions whose adverbial clause is an argument of the clause it modifies.
bool is_adverbial_marker(std::string_view lemma) noexcept {
  return is_one_of(lemma, {"until", "because", "after", "before", "when", "while", "since",
                           "unless", "once", "if", "as"});
}

// Heads that can name an argument (a verb heading a "noun phrase" is a misparse).
bool can_head_phrase(const DependencyView& v, std::uint32_t t) noexcept {
  switch (v.upos(t)) {
    case Upos::kNOUN:
    case Upos::kPROPN:
    case Upos::kPRON:
    case Upos::kNUM:
    case Upos::kDET:
    case Upos::kADJ:
    case Upos::kSYM:
    case Upos::kX:
      return true;
    default:
      return false;
  }
}

// Adverbs of the predicate that CaRB-style relations keep ("generally consisted of", "died
// suddenly"): inside the verb group, or right after the verb.
void add_adverbs(const DependencyView& v, std::uint32_t p, std::vector<std::uint32_t>& words) {
  std::uint32_t first = p;
  for (std::uint32_t w : words) first = std::min(first, w);
  for (std::uint32_t c : v.children(p)) {
    if (v.dep(c) != Dep::kAdvmod || v.upos(c) != Upos::kADV || is_negation(v, c)) continue;
    if (!v.children(c).empty()) continue;
    if (is_one_of(v.lemma(c), {"where", "when", "how", "why", "so", "then", "there", "here"})) continue;
    if ((c > first && c < p) || c == p + 1) words.push_back(c);
  }
}

// The words of verbal predicate `p`: the verb, its auxiliaries, negation, particle and infinitive
// marker, and up a control chain ("is expected to persuade") while the controller is the
// governing verb's subject.
void relation_words(const DependencyView& v, std::uint32_t p, std::vector<std::uint32_t>& words) {
  std::uint32_t t = p;
  for (int step = 0; step < 6; ++step) {
    words.push_back(t);
    for (std::uint32_t c : v.children(t)) {
      const DepLabel l = v.label(c);
      if (l.dep == Dep::kAux || l.dep == Dep::kCop || (l.dep == Dep::kCompound && l.sub == Sub::kPrt) ||
          (l.dep == Dep::kMark && v.lower(c) == "to" && c < t) || is_negation(v, c))
        words.push_back(c);
    }
    const std::int32_t h = v.head(t);
    if (v.dep(t) != Dep::kXcomp || h < 0 || v.child(t, Dep::kNsubj) >= 0) break;
    const auto hu = static_cast<std::uint32_t>(h);
    if (v.upos(hu) == Upos::kADJ && v.child(hu, Dep::kCop) >= 0) {
      // "were able to reinforce", "is likely to win": the copula and the adjective.
      words.push_back(hu);
      for (std::uint32_t c : v.children(hu))
        if (v.dep(c) == Dep::kCop || v.dep(c) == Dep::kAux || is_negation(v, c)) words.push_back(c);
      break;
    }
    if (!v.is_verb(hu) || v.child(hu, Dep::kObj) >= 0 || v.child(hu, Dep::kIobj) >= 0) break;
    t = hu;
  }
}

void add_case_words(const DependencyView& v, std::uint32_t t, std::vector<std::uint32_t>& words) {
  for (std::uint32_t c : v.children(t)) {
    if (v.dep(c) != Dep::kCase || c > t) continue;
    words.push_back(c);
    for (std::uint32_t f : v.children(c))
      if (v.dep(f) == Dep::kFixed) words.push_back(f);
  }
}

// One complement or adjunct of a clause.
struct Slot {
  // kCore: object or nominal complement; kPrep: prepositional phrase whose preposition may join
  // the predicate; kBare: any other nominal adjunct (kept with its own words); kClause: clausal
  // complement; kAdverbial: marked adverbial clause.
  enum Kind : std::uint8_t { kCore, kPrep, kBare, kClause, kAdverbial };
  Kind kind;
  std::uint32_t head;
  std::string prep;  // the preposition of a kPrep slot
  bool agent = false;
};

}  // namespace

void SentenceExtractor::phrase_range(std::uint32_t h, bool split, bool with_case, std::int64_t skip,
                                     std::uint32_t& lo, std::uint32_t& hi) const {
  const std::uint32_t first = view_.first(), end = view_.end();
  std::vector<char> kept(end - first, 0);
  kept[h - first] = 1;
  std::vector<std::uint32_t> stack{h};
  while (!stack.empty()) {
    const std::uint32_t x = stack.back();
    stack.pop_back();
    for (std::uint32_t c : view_.children(x)) {
      if (static_cast<std::int64_t>(c) == skip || outside_phrase(view_, c)) continue;
      if (x == h) {
        const Dep d = view_.dep(c);
        if (split && (d == Dep::kConj || d == Dep::kCc)) continue;
        if (!with_case && d == Dep::kCase && c < h) continue;
        // Dependents of a head that is itself a predicate belong to its clause, and so do
        // coordinated clauses ("was never vaulted and retains a wooden ceiling").
        const bool predicate = view_.child(h, Dep::kCop) >= 0 || view_.is_verb(h);
        if (predicate && (d == Dep::kNsubj || d == Dep::kCsubj || d == Dep::kCop || d == Dep::kAux ||
                          d == Dep::kMark || d == Dep::kCcomp || d == Dep::kExpl || d == Dep::kObl ||
                          is_negation(view_, c)))
          continue;
        if (d == Dep::kConj && (view_.is_verb(c) || view_.child(c, Dep::kNsubj) >= 0 ||
                                view_.child(c, Dep::kCop) >= 0))
          continue;
      }
      kept[c - first] = 1;
      stack.push_back(c);
    }
  }
  lo = hi = h;
  while (lo > first && kept[lo - 1 - first]) --lo;
  while (hi + 1 < end && kept[hi + 1 - first]) ++hi;
  while (lo < h && (is_punct(view_, lo) || view_.dep(lo) == Dep::kCc)) ++lo;
  while (hi > h && is_punct(view_, hi)) --hi;
}

Arg SentenceExtractor::phrase_arg(std::uint32_t h, bool split, bool with_case,
                                  std::int64_t skip) const {
  std::uint32_t t = h;
  if (is_relative_pronoun(h)) {
    const std::int32_t a = antecedent(h);
    if (a >= 0) t = static_cast<std::uint32_t>(a);
  }
  std::uint32_t lo = t, hi = t;
  phrase_range(t, split, with_case, skip, lo, hi);
  const auto& tokens = doc_.tokens();
  Arg arg;
  arg.token = t;
  arg.begin = tokens[lo].begin;
  arg.end = tokens[hi].end;
  arg.confidence = 1.0f;
  if (const std::int32_t m = view_.mention(t); m >= 0) {
    const Mention& mention = doc_.mentions()[static_cast<std::size_t>(m)];
    if (mention.entity >= 0 && mention.first_token == lo && mention.end_token == hi + 1)
      arg.entity = mention.entity;
  }
  return arg;
}

Arg SentenceExtractor::subtree_arg(std::uint32_t c, bool drop_mark) const {
  std::uint32_t lo = c, hi = c;
  std::vector<std::uint32_t> stack{c};
  while (!stack.empty()) {
    const std::uint32_t x = stack.back();
    stack.pop_back();
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (std::uint32_t k : view_.children(x)) stack.push_back(k);
  }
  while (lo < c && (is_punct(view_, lo) || (drop_mark && view_.dep(lo) == Dep::kMark &&
                                            view_.head(lo) == static_cast<std::int64_t>(c))))
    ++lo;
  while (hi > c && is_punct(view_, hi)) --hi;
  const auto& tokens = doc_.tokens();
  Arg arg;
  arg.token = c;
  arg.begin = tokens[lo].begin;
  arg.end = tokens[hi].end;
  return arg;
}

void SentenceExtractor::clause_relations(std::uint32_t p) {
  const bool copular = view_.child(p, Dep::kCop) >= 0;
  const bool verb = !copular && view_.is_verb(p);
  if (!copular && !verb) return;
  if (verb && view_.mention(p) >= 0) return;  // a verb-looking word inside a name
  const DepLabel pl = view_.label(p);
  const auto unresolved_relative = [&](std::uint32_t t) {
    return is_one_of(view_.lemma(t), {"which", "who", "whom", "that"}) && view_.xpos(t) != "DT" &&
           antecedent(t) < 0;
  };
  // Conjuncts inside one name ("the London, Midland and Scottish Railway") are not split.
  const auto one_name = [&](const std::vector<std::uint32_t>& heads) {
    if (heads.size() < 2) return false;
    const std::int32_t m = view_.mention(heads.front());
    if (m < 0) return false;
    return std::all_of(heads.begin(), heads.end(), [&](std::uint32_t h) { return view_.mention(h) == m; });
  };

  // A verb whose clause goes on in a controlled verb ("was designed to appear as ...") is said by
  // that verb's tuple, unless it has an object of its own ("persuaded China to play").
  const bool has_object = view_.child(p, Dep::kObj) >= 0 || view_.child(p, Dep::kIobj) >= 0;
  std::int32_t controlled = -1;
  for (std::uint32_t c : view_.children(p))
    if (view_.dep(c) == Dep::kXcomp && view_.is_verb(c) && view_.child(c, Dep::kNsubj) < 0)
      controlled = static_cast<std::int32_t>(c);
  if (controlled >= 0 && !has_object && (verb || view_.upos(p) == Upos::kADJ)) return;

  std::vector<std::uint32_t> subject_heads;
  bool inherited = false;
  surface_subjects(p, subject_heads, inherited);
  if (subject_heads.empty()) return;
  const bool passive = verb && is_passive(p);

  // The predicate's own words.
  std::vector<std::uint32_t> words;
  if (verb) {
    relation_words(view_, p, words);
    add_adverbs(view_, p, words);
  } else {
    for (std::uint32_t c : view_.children(p)) {
      const Dep d = view_.dep(c);
      if (d == Dep::kCop || d == Dep::kAux || is_negation(view_, c) ||
          (d == Dep::kMark && view_.lower(c) == "to" && c < p))
        words.push_back(c);
    }
  }

  // Complements and adjuncts.
  std::vector<Slot> slots;
  for (std::uint32_t c : view_.children(p)) {
    const DepLabel l = view_.label(c);
    switch (l.dep) {
      case Dep::kObj:
      case Dep::kIobj:
        slots.push_back({Slot::kCore, c, {}, false});
        break;
      case Dep::kXcomp:
        if (static_cast<std::int32_t>(c) == controlled) {
          if (has_object) slots.push_back({Slot::kClause, c, {}, false});
        } else if (view_.is_verb(c)) {
          slots.push_back({Slot::kClause, c, {}, false});
        } else {
          slots.push_back({Slot::kCore, c, {}, false});
        }
        break;
      case Dep::kCcomp:
        slots.push_back({Slot::kClause, c, {}, false});
        break;
      case Dep::kObl: {
        if (l.sub == Sub::kTmod || l.sub == Sub::kNpmod || l.sub == Sub::kUnmarked) {
          slots.push_back({Slot::kBare, c, {}, false});
          break;
        }
        std::string prep = view_.preposition(c);
        if (prep.empty()) {
          slots.push_back({Slot::kBare, c, {}, false});
          break;
        }
        const bool agent = l.sub == Sub::kAgent || (passive && prep == "by");
        // "according to X", "including X": an adjunct, never the predicate's preposition.
        if (schema_.is_cue(CueKind::kSkipPreposition, prep)) {
          slots.push_back({Slot::kBare, c, {}, false});
          break;
        }
        slots.push_back({Slot::kPrep, c, std::move(prep), agent});
        break;
      }
      case Dep::kAdvcl: {
        if (l.sub == Sub::kRelcl) break;
        const std::int32_t mark = view_.child(c, Dep::kMark);
        if (mark >= 0 && is_adverbial_marker(view_.lemma(static_cast<std::uint32_t>(mark))))
          slots.push_back({Slot::kAdverbial, c, {}, false});
        break;
      }
      default:
        break;
    }
  }

  // "bought and sold shares": a coordinated verb without complements shares the object that
  // follows it.
  if (verb && slots.empty() && pl.dep == Dep::kConj && view_.head(p) >= 0) {
    const auto h = static_cast<std::uint32_t>(view_.head(p));
    const std::int32_t o = view_.child(h, Dep::kObj);
    if (o > static_cast<std::int32_t>(p) && view_.is_verb(h))
      slots.push_back({Slot::kCore, static_cast<std::uint32_t>(o), {}, false});
  }
  if (verb && slots.empty())
    for (std::uint32_t c : view_.children(p))
      if (view_.dep(c) == Dep::kConj && view_.is_verb(c) && view_.child(c, Dep::kNsubj) < 0) {
        if (const std::int32_t o = view_.child(c, Dep::kObj); o >= 0)
          slots.push_back({Slot::kCore, static_cast<std::uint32_t>(o), {}, false});
        break;
      }

  // The object: the first complement; else the agent of a passive; else the first prepositional
  // object after the predicate (its preposition joins the predicate).
  std::int64_t object = -1;
  for (std::size_t i = 0; i < slots.size() && object < 0 && verb; ++i)
    if (slots[i].kind == Slot::kCore || (slots[i].kind == Slot::kClause && slots[i].head > p))
      object = static_cast<std::int64_t>(i);
  if (object < 0 && verb && passive)
    for (std::size_t i = 0; i < slots.size() && object < 0; ++i)
      if (slots[i].agent) object = static_cast<std::int64_t>(i);
  if (object < 0 && verb)
    for (std::size_t i = 0; i < slots.size() && object < 0; ++i)
      if (slots[i].kind == Slot::kPrep && slots[i].head > p) object = static_cast<std::int64_t>(i);
  // "..., Mr. Hatch argues.": a reporting verb hung on the clause it reports has that clause as
  // its object.
  bool reported_object = false;
  Arg reported;
  if (verb && slots.empty() && (pl.dep == Dep::kParataxis || pl.dep == Dep::kAdvcl) &&
      schema_.is_cue(CueKind::kReporting, view_.lemma(p)) && view_.head(p) >= 0 &&
      static_cast<std::uint32_t>(view_.head(p)) < p && view_.child(p, Dep::kMark) < 0) {
    const auto h = static_cast<std::uint32_t>(view_.head(p));
    reported = subtree_arg(h, false);
    // The reported clause ends before the reporting clause begins.
    std::uint32_t first = p;
    std::vector<std::uint32_t> stack{p};
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      first = std::min(first, x);
      for (std::uint32_t k : view_.children(x)) stack.push_back(k);
    }
    std::uint32_t last = first;
    while (last > view_.first() && is_punct(view_, last - 1)) --last;
    if (last > view_.first() && doc_.tokens()[last - 1].end > reported.begin) {
      reported.end = doc_.tokens()[last - 1].end;
      reported_object = true;
    }
  }
  // Nothing after the predicate: the first adjunct, as the sentence words it ("In 1879 he died").
  bool adjunct_object = false;
  if (object < 0 && verb && !slots.empty()) {
    object = 0;
    adjunct_object = true;
  }

  std::string lemma(view_.lemma(p));
  if (const std::int32_t prt = view_.child(p, Dep::kCompound, Sub::kPrt); prt >= 0) {
    lemma += ' ';
    lemma += view_.lower(static_cast<std::uint32_t>(prt));
  }
  std::string predicate, fallback;
  std::string light_type;       // the event noun's relation type, for a light verb
  std::int64_t light_slot = -1;  // a slot the light verb's predicate took
  bool agent_subject = false;
  std::vector<std::uint32_t> object_heads;  // conjuncts of the object (one unless coordinated)
  bool object_split = false;
  Arg object_clause;                         // a clausal object
  bool object_is_clause = false;
  bool objects_with_case = false;            // an adjunct object keeps its preposition

  if (reported_object) {
    object_clause = reported;
    object_is_clause = true;
    predicate = lemma;
  } else if (copular) {
    // "X is Y", "X is in Y", "X is independent from Y", "X is the capital of Y".
    const Upos u = view_.upos(p);
    std::string case_prep = view_.preposition(p);
    if (!case_prep.empty() && u != Upos::kADJ) {
      add_case_words(view_, p, words);
      predicate = "be " + case_prep;
      object_heads.push_back(p);
    } else if (u == Upos::kADJ || u == Upos::kADV || u == Upos::kVERB) {
      words.push_back(p);
      predicate = "be " + std::string(view_.lemma(p));
      for (std::size_t i = 0; i < slots.size() && object < 0; ++i)
        if (slots[i].kind == Slot::kPrep && slots[i].head > p) object = static_cast<std::int64_t>(i);
      if (object < 0) {
        // "X is happy": the adjective is the object.
        words.pop_back();
        predicate = "be";
        object_heads.push_back(p);
      }
    } else {
      // A noun with an "of" phrase right after it moves into the predicate with its modifiers.
      std::int32_t of = -1;
      for (std::uint32_t c : view_.children(p))
        if (c > p && view_.dep(c) == Dep::kNmod && view_.sub(c) != Sub::kPoss &&
            view_.preposition(c) == "of") {
          of = static_cast<std::int32_t>(c);
          break;
        }
      if (of >= 0) {
        const auto o = static_cast<std::uint32_t>(of);
        std::string key;
        for (std::uint32_t c : view_.children(p)) {
          if (c > p) break;
          const Dep d = view_.dep(c);
          if (d == Dep::kDet || d == Dep::kAmod || d == Dep::kCompound || d == Dep::kNummod ||
              (d == Dep::kNmod && view_.sub(c) == Sub::kPoss)) {
            std::uint32_t lo = c, hi = c;
            phrase_range(c, false, true, -1, lo, hi);
            for (std::uint32_t w = lo; w <= hi; ++w) words.push_back(w);
            if (d != Dep::kDet) key += std::string(view_.lower(c)) + " ";
          }
        }
        words.push_back(p);
        add_case_words(view_, o, words);
        predicate = key + std::string(view_.lemma(p)) + " of";
        object_heads.push_back(o);
      } else {
        predicate = "be";
        object_heads.push_back(p);
      }
    }
  } else if (object >= 0) {
    const Slot& s = slots[static_cast<std::size_t>(object)];
    std::int64_t light = -1;  // the prepositional phrase of a light verb's object noun
    std::string light_prep;
    if (s.kind == Slot::kCore && view_.dep(s.head) == Dep::kObj && view_.upos(s.head) == Upos::kNOUN &&
        view_.mention(s.head) < 0 && schema_.is_cue(CueKind::kLightVerb, view_.lemma(p)) &&
        schema_.is_event_noun(view_.lemma(s.head))) {
      // "paid a visit to Tokyo", "held talks with Xi": the event noun and its preposition join
      // the predicate. The phrase hangs on the noun, or on the verb when the schema lists the
      // noun with that preposition ("held talks in Seoul with Xi" keeps "in Seoul" an adjunct).
      for (std::uint32_t c : view_.children(s.head))
        if (c > s.head && view_.dep(c) == Dep::kNmod && view_.sub(c) != Sub::kPoss &&
            !view_.preposition(c).empty()) {
          light = c;
          light_prep = view_.preposition(c);
          break;
        }
      if (light < 0)
        for (std::size_t i = 0; i < slots.size(); ++i)
          if (slots[i].kind == Slot::kPrep && slots[i].head > s.head &&
              schema_.event_noun(view_.lemma(s.head), slots[i].prep)) {
            light = slots[i].head;
            light_prep = slots[i].prep;
            light_slot = static_cast<std::int64_t>(i);
            break;
          }
    }
    if (light >= 0) {
      const auto l = static_cast<std::uint32_t>(light);
      std::uint32_t lo = s.head, hi = s.head;
      phrase_range(s.head, false, true, light, lo, hi);
      for (std::uint32_t w = lo; w <= hi; ++w) words.push_back(w);
      add_case_words(view_, l, words);
      const std::string_view noun = view_.lemma(s.head);
      if (const EventNoun* entry = schema_.event_noun(noun, light_prep)) {
        predicate = entry->predicate;
        light_type = entry->type;
      } else {
        predicate = lemma + " " + std::string(noun) + " " + light_prep;
      }
      object_heads.push_back(l);
    } else if (adjunct_object) {
      if (s.kind == Slot::kClause || s.kind == Slot::kAdverbial) {
        object_clause = subtree_arg(s.head, false);
        object_is_clause = true;
      } else {
        objects_with_case = true;
        object_heads.push_back(s.head);
      }
      predicate = lemma;
    } else if (s.kind == Slot::kClause) {
      // "said that ...": the complementizer joins the predicate.
      const std::int32_t mark = view_.child(s.head, Dep::kMark);
      if (mark >= 0 && view_.lower(static_cast<std::uint32_t>(mark)) != "to" &&
          static_cast<std::uint32_t>(mark) < s.head)
        words.push_back(static_cast<std::uint32_t>(mark));
      object_clause = subtree_arg(s.head, true);
      object_is_clause = true;
      predicate = lemma;
    } else if (s.kind == Slot::kPrep) {
      add_case_words(view_, s.head, words);
      if (s.agent && passive) {
        agent_subject = true;
        predicate = lemma;
      } else if (passive) {
        predicate = std::string(view_.lower(p)) + " " + s.prep;
        fallback = lemma;
      } else {
        predicate = lemma + " " + s.prep;
        fallback = lemma;
      }
      object_heads.push_back(s.head);
    } else {
      predicate = lemma;
      object_heads.push_back(s.head);
    }
  } else {
    return;  // nothing but a subject
  }

  // Conjuncts of the object and of the subjects.
  if (!object_is_clause && object_heads.size() == 1) {
    const std::uint32_t o = object_heads.front();
    object_heads.clear();
    conjuncts(o, object_heads);
    if (one_name(object_heads)) object_heads.resize(1);
    object_split = object_heads.size() > 1;
  }
  std::vector<Arg> objects;
  if (object_is_clause) {
    objects.push_back(object_clause);
  } else {
    // A copular nominal is the object without its clause (phrase_range keeps out its subject,
    // copula and adjuncts).
    for (std::uint32_t o : object_heads)
      if (can_head_phrase(view_, o) || view_.child(o, Dep::kCop) >= 0)
        objects.push_back(phrase_arg(o, object_split, objects_with_case));
  }
  std::vector<Arg> subjects;
  bool subject_split = false, relative = false;
  for (std::uint32_t s : subject_heads) {
    std::uint32_t head = s;
    if (unresolved_relative(s)) {
      // "X, which ..." that the parser did not attach to X: the noun right before the comma.
      if (s < view_.first() + 2 || view_.text(s - 1) != "," || !view_.is_nominal(s - 2)) continue;
      head = s - 2;
      relative = true;
    } else if (is_relative_pronoun(s)) {
      const std::int32_t a = antecedent(s);
      if (a < 0) continue;
      head = static_cast<std::uint32_t>(a);
      relative = true;
      // "X is a footballer who plays ...": the one who plays is X.
      if (view_.child(head, Dep::kCop) >= 0)
        if (const std::int32_t ns = view_.child(head, Dep::kNsubj); ns >= 0 && !is_relative_pronoun(static_cast<std::uint32_t>(ns)))
          head = static_cast<std::uint32_t>(ns);
    }
    if (!can_head_phrase(view_, head)) continue;
    std::vector<std::uint32_t> heads;
    conjuncts(head, heads);
    if (one_name(heads)) heads.resize(1);
    const bool split = heads.size() > 1;
    subject_split = subject_split || split;
    // The subject of a participle is the noun it modifies, without the participle's clause.
    const std::int64_t skip = view_.dep(p) == Dep::kAcl ? static_cast<std::int64_t>(p) : -1;
    for (std::uint32_t h : heads) subjects.push_back(phrase_arg(h, split, false, skip));
  }
  if (subjects.empty() || objects.empty()) return;

  // Extra arguments: every other slot, with its preposition.
  std::vector<Arg> extra;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (static_cast<std::int64_t>(i) == object || static_cast<std::int64_t>(i) == light_slot) continue;
    const Slot& s = slots[i];
    if (s.kind == Slot::kClause || s.kind == Slot::kAdverbial)
      extra.push_back(subtree_arg(s.head, false));
    else
      extra.push_back(phrase_arg(s.head, false, true));
  }

  // Confidence: direct readings first.
  float confidence = 0.9f;
  if (inherited) confidence *= 0.85f;
  if (relative) confidence *= 0.95f;
  if (copular) confidence *= 0.95f;
  if (subject_split || object_split) confidence *= 0.9f;
  if (object_is_clause) confidence *= 0.85f;
  if (adjunct_object) confidence *= 0.8f;
  // A clause inside another one's complement is often what someone said or thought, not a fact.
  if (pl.dep == Dep::kCcomp || pl.dep == Dep::kCsubj) confidence *= 0.8f;
  // The main clause is what the sentence asserts most directly; subordinate clauses rank below
  // it, adverbial and participial ones lower still.
  // Climbing coordinated verbs ("sold the house and moved") and control chains whose governor
  // this tuple speaks for ("wants to build", "were able to reinforce").
  bool main_clause = false;
  for (std::int64_t t = p, step = 0; t >= 0 && step < 8; ++step) {
    const auto tu = static_cast<std::uint32_t>(t);
    const Dep d = view_.dep(tu);
    if (d == Dep::kRoot) {
      main_clause = true;
      break;
    }
    if (d != Dep::kConj && !(d == Dep::kXcomp && view_.child(tu, Dep::kNsubj) < 0)) break;
    t = view_.head(tu);
  }
  if (!main_clause) confidence *= 0.8f;
  if (pl.dep == Dep::kAdvcl) confidence *= 0.85f;
  if (pl.dep == Dep::kAcl && pl.sub != Sub::kRelcl) confidence *= 0.9f;
  if ((pl.dep == Dep::kDep || pl.dep == Dep::kParataxis || pl.dep == Dep::kList ||
       pl.dep == Dep::kCsubj) && !reported_object)
    confidence *= 0.7f;
  for (std::size_t i = 0; i < extra.size(); ++i) confidence *= 0.95f;
  std::size_t bytes = 0;
  for (const Arg& a : objects) bytes = std::max<std::size_t>(bytes, a.end - a.begin);
  for (const Arg& a : extra) bytes += a.end - a.begin;
  if (bytes > 120) confidence *= 0.85f;
  if (bytes > 240) confidence *= 0.85f;

  const ClauseContext ctx = context_of(p);
  std::size_t emitted = 0;
  for (const Arg& s : subjects) {
    for (const Arg& o : objects) {
      if (++emitted > 16) return;
      Candidate cand;
      cand.subject = agent_subject ? o : s;
      cand.object = agent_subject ? s : o;
      cand.passive = agent_subject;
      cand.predicate = predicate;
      cand.fallback = fallback;
      cand.type = light_type;
      cand.words = words;
      cand.context = ctx;
      cand.confidence = confidence;
      for (const Arg& e : extra) {
        const bool overlaps = (e.begin < s.end && s.begin < e.end) || (e.begin < o.end && o.begin < e.end);
        if (!overlaps) cand.extra.push_back(e);
      }
      emit(std::move(cand));
    }
  }
}

void SentenceExtractor::apposition_relations(std::uint32_t n) {
  if (view_.dep(n) != Dep::kAppos) return;
  const std::int32_t head = view_.head(n);
  if (head < 0 || !view_.is_nominal(static_cast<std::uint32_t>(head)) || !view_.is_nominal(n)) return;
  Candidate cand;
  cand.subject = phrase_arg(static_cast<std::uint32_t>(head), false, false);
  cand.object = phrase_arg(n, false, false);
  cand.predicate = "be";
  cand.implicit_text = "be";  // the sentence says no copula, so no tense either
  cand.confidence = 0.45f;  // below the clauses: an apposition is often a list or a misparse
  emit(std::move(cand));
}

void SentenceExtractor::modifier_relations(std::uint32_t n) {
  // "a gaping loophole": the loophole is gaping. Only plain adjectives of common nouns.
  if (view_.dep(n) != Dep::kAmod || view_.upos(n) != Upos::kADJ || view_.mention(n) >= 0) return;
  const std::int32_t head = view_.head(n);
  if (head < 0 || static_cast<std::uint32_t>(head) < n ||
      view_.upos(static_cast<std::uint32_t>(head)) != Upos::kNOUN)
    return;
  const auto h = static_cast<std::uint32_t>(head);
  Candidate cand;
  // The noun without this adjective: its phrase from after the adjective on.
  std::uint32_t lo = h, hi = h;
  phrase_range(h, true, false, n, lo, hi);
  const auto& tokens = doc_.tokens();
  cand.subject.token = h;
  cand.subject.begin = tokens[std::max(lo, n + 1)].begin;
  cand.subject.end = tokens[hi].end;
  cand.object = phrase_arg(n, false, false);
  cand.predicate = "be";
  cand.implicit_text = "be";
  cand.confidence = 0.35f;  // low: true by construction, rarely what the sentence is about
  emit(std::move(cand));
}

void SentenceExtractor::possessive_relations(std::uint32_t n) {
  // "Nissan's morale": Nissan has morale. Possessive pronouns ("its") name nobody by themselves.
  if (view_.dep(n) != Dep::kNmod || view_.sub(n) != Sub::kPoss || view_.upos(n) == Upos::kPRON) return;
  const std::int32_t head = view_.head(n);
  if (head < 0 || view_.upos(static_cast<std::uint32_t>(head)) != Upos::kNOUN) return;
  const auto h = static_cast<std::uint32_t>(head);
  Candidate cand;
  cand.subject = phrase_arg(n, false, false);
  // Without the possessive "'s".
  std::uint32_t last = n;
  for (std::uint32_t c : view_.children(n))
    if (c > last) last = c;
  if (last > n && view_.dep(last) == Dep::kCase && cand.subject.end == doc_.tokens()[last].end) {
    cand.subject.end = doc_.tokens()[last - 1].end;
    cand.subject.entity = -1;
  }
  // The possessed thing without its possessor: "morale", "the church's recruitment efforts" ->
  // "recruitment efforts".
  std::uint32_t lo = h, hi = h;
  phrase_range(h, true, false, n, lo, hi);
  while (lo < h && (view_.dep(lo) == Dep::kCase || view_.dep(lo) == Dep::kDet)) ++lo;
  const auto& tokens = doc_.tokens();
  cand.object.token = h;
  cand.object.begin = tokens[lo].begin;
  cand.object.end = tokens[hi].end;
  cand.predicate = "have";
  cand.implicit_text = "has";
  cand.confidence = 0.25f;  // the lowest: often true, rarely what the sentence is about
  emit(std::move(cand));
}

}  // namespace erx::detail
