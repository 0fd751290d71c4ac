// Verb-mediated relations and nominalizations (see relations/sentence_extractor.hpp).
#include <algorithm>

#include "relations/sentence_extractor.hpp"

namespace erx::detail {

namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Prepositions of place: a prepositional object they introduce is an adjunct ("met Xi in Beijing")
// rather than a participant.
bool is_locative(std::string_view prep) noexcept {
  return is_one_of(prep, {"in", "at", "on", "near", "inside", "outside", "across", "throughout",
                          "within", "around"});
}

// Prepositions that introduce a second participant even when the verb has an object.
bool is_comitative(std::string_view prep) noexcept {
  return is_one_of(prep, {"with", "against", "between"});
}

}  // namespace

namespace {

// Adds the case markers (with their fixed parts) of nominal `t` to `words`.
void add_case_words(const DependencyView& view, std::uint32_t t,
                    std::vector<std::uint32_t>& words) {
  for (std::uint32_t c : view.children(t)) {
    if (view.dep(c) != Dep::kCase || c > t) continue;
    words.push_back(c);
    for (std::uint32_t f : view.children(c))
      if (view.dep(f) == Dep::kFixed) words.push_back(f);
  }
}

// The words of verbal predicate `p` as the sentence says it: the verb, its auxiliaries, negation
// and particle, and, for a controlled verb, the governing verbs ("is expected to persuade").
void add_verb_words(const DependencyView& view, std::uint32_t p,
                    std::vector<std::uint32_t>& words) {
  std::uint32_t t = p;
  for (int step = 0; step < 6; ++step) {
    words.push_back(t);
    for (std::uint32_t c : view.children(t)) {
      const DepLabel l = view.label(c);
      if (l.dep == Dep::kAux || l.dep == Dep::kCop ||
          (l.dep == Dep::kCompound && l.sub == Sub::kPrt) ||
          (l.dep == Dep::kMark && view.lower(c) == "to") ||
          (l.dep == Dep::kAdvmod && (view.lemma(c) == "not" || view.lemma(c) == "never")))
        words.push_back(c);
    }
    const std::int32_t h = view.head(t);
    if (view.dep(t) != Dep::kXcomp || h < 0) break;
    t = static_cast<std::uint32_t>(h);
  }
}

// A preposition that a parser took for the head of its own phrase: "met with Saudi Crown Prince
// Mohammed bin Salman" parsed with "with" as the verb's obl and the words after it below it.
// Returns the last word of the phrase when the preposition's subtree is exactly the words right
// after it, none of them verbal, ending with a name; else -1.
std::int64_t stranded_preposition_object(const Document& doc, const DependencyView& view,
                                         std::uint32_t c) {
  if (view.upos(c) != Upos::kADP || view.children(c).empty()) return -1;
  std::uint32_t lo = c, hi = c, count = 0;
  std::vector<std::uint32_t> stack{c};
  while (!stack.empty()) {
    const std::uint32_t x = stack.back();
    stack.pop_back();
    ++count;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    if (x != c && (view.upos(x) == Upos::kVERB || view.upos(x) == Upos::kAUX ||
                   view.upos(x) == Upos::kADP || view.upos(x) == Upos::kPRON))
      return -1;
    for (std::uint32_t y : view.children(x)) stack.push_back(y);
  }
  if (lo != c || hi == c || hi - lo + 1 != count) return -1;
  const std::int32_t m = view.mention(hi);
  if (m < 0) return -1;
  const Mention& mention = doc.mentions()[static_cast<std::size_t>(m)];
  if (mention.entity < 0 || mention.end_token != hi + 1) return -1;
  return hi;
}

}  // namespace

void SentenceExtractor::verb_relations(std::uint32_t p) {
  if (view_.mention(p) >= 0) return;  // a verb-looking word inside a name
  const bool passive = is_passive(p);
  std::vector<std::uint32_t> subject_heads;
  bool inherited = false;
  surface_subjects(p, subject_heads, inherited);

  std::vector<std::uint32_t> agent_heads, object_heads;
  std::vector<std::pair<std::uint32_t, std::string>> obliques;
  // (phrase, preposition) where a parser made the preposition the phrase's head.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stranded;
  // The preposition of phrase `c` as the sentence words it.
  const auto case_words = [&](std::uint32_t c, std::vector<std::uint32_t>& words) {
    add_case_words(view_, c, words);
    for (const auto& [o, prep] : stranded)
      if (o == c) words.push_back(prep);
  };
  for (std::uint32_t c : view_.children(p)) {
    const DepLabel l = view_.label(c);
    if ((l.dep == Dep::kObj || l.dep == Dep::kIobj) && !passive) {
      object_heads.push_back(c);
    } else if (l.dep == Dep::kObl) {
      if (l.sub == Sub::kAgent) {
        agent_heads.push_back(c);
        continue;
      }
      if (l.sub == Sub::kTmod || l.sub == Sub::kNpmod || l.sub == Sub::kUnmarked) continue;
      if (const std::int64_t o = stranded_preposition_object(doc_, view_, c); o >= 0) {
        const std::string prep(view_.lower(c));
        if (schema_.is_cue(CueKind::kSkipPreposition, prep)) continue;
        stranded.emplace_back(static_cast<std::uint32_t>(o), c);
        if (passive && prep == "by")
          agent_heads.push_back(static_cast<std::uint32_t>(o));
        else
          obliques.emplace_back(static_cast<std::uint32_t>(o), prep);
        continue;
      }
      std::string prep = view_.preposition(c);
      if (prep.empty() || schema_.is_cue(CueKind::kSkipPreposition, prep)) continue;
      if (passive && prep == "by")
        agent_heads.push_back(c);
      else
        obliques.emplace_back(c, std::move(prep));
    }
  }
  if (subject_heads.empty() && agent_heads.empty()) return;

  std::string lemma(view_.lemma(p));
  if (const std::int32_t prt = view_.child(p, Dep::kCompound, Sub::kPrt); prt >= 0) {
    lemma += ' ';
    lemma += view_.lower(static_cast<std::uint32_t>(prt));
  }
  const ClauseContext ctx = context_of(p);
  const float base = inherited ? 0.8f : 0.9f;
  std::vector<std::uint32_t> verb_words;
  add_verb_words(view_, p, verb_words);

  std::vector<Arg> subjects, objects, extra;
  if (!passive) {
    for (std::uint32_t s : subject_heads) args_of(s, subjects);
    for (std::uint32_t o : object_heads) args_of(o, objects);
  } else {
    // Passive: the agent is the logical subject, the surface subject the logical object.
    for (std::uint32_t a : agent_heads) args_of(a, subjects);
    for (std::uint32_t s : subject_heads) args_of(s, objects);
  }
  if (subjects.empty()) {
    // A passive without an agent still relates its surface subject to prepositional objects:
    // "US troops are stationed in South Korea", "Lee was invited to Beijing".
    if (!passive || !agent_heads.empty()) return;
    for (std::uint32_t s : subject_heads) args_of(s, subjects);
    for (const auto& [c, prep] : obliques) {
      extra.clear();
      args_of(c, extra);
      for (const Arg& s : subjects) {
        for (const Arg& o : extra) {
          Candidate cand;
          cand.subject = s;
          cand.object = o;
          cand.predicate = std::string(view_.lower(p)) + " " + prep;
          if (!is_locative(prep)) cand.fallback = lemma;
          cand.words = verb_words;
          case_words(c, cand.words);
          cand.context = ctx;
          cand.confidence = base * 0.9f;
          emit(std::move(cand));
        }
      }
    }
    return;
  }

  for (const Arg& s : subjects) {
    for (const Arg& o : objects) {
      Candidate cand;
      cand.subject = s;
      cand.object = o;
      cand.predicate = lemma;
      cand.words = verb_words;
      if (passive) {
        for (std::uint32_t a : agent_heads) case_words(a, cand.words);
      }
      cand.context = ctx;
      cand.confidence = base;
      emit(std::move(cand));
    }
  }
  // A passive whose surface subject names no entity reads like an active verb with a plain
  // object: "the treaty was signed by France in Paris" -> France sign treaty in Paris.
  // Only a passive clause's own subject: a participle's noun ("stories ..., prepared by Reuters")
  // is too often the wrong one.
  if (passive && (!objects.empty() || subject_heads.empty() || inherited)) return;

  // An object that names no entity belongs in the predicate: "discuss trade with Xi" ->
  // discuss trade with; "launch chips in South Korea" -> launch chip in.
  std::int32_t plain_object = -1;
  if (objects.empty()) {
    const std::vector<std::uint32_t>& heads = passive ? subject_heads : object_heads;
    if (!heads.empty() && view_.upos(heads.front()) == Upos::kNOUN)
      plain_object = static_cast<std::int32_t>(heads.front());
  }
  if (passive && plain_object < 0) return;
  // A place phrase a parser hung on the agent ("signed by Japan in Tokyo") belongs to the clause.
  if (passive)
    for (std::uint32_t a : agent_heads)
      for (std::uint32_t c : view_.children(a))
        if (c > a && view_.dep(c) == Dep::kNmod && view_.sub(c) != Sub::kPoss &&
            is_locative(view_.preposition(c)) && view_.mention(c) >= 0)
          obliques.emplace_back(c, view_.preposition(c));
  const bool light_verb = !passive && schema_.is_cue(CueKind::kLightVerb, view_.lemma(p));
  // A phrase on that object says the same as one on the verb: "held a summit in Vilnius",
  // "imposed sanctions on Russia". Not "of" ("the capital of France"), not on a role ("met the
  // president of"), and not an event noun's own object ("paid a visit to Tokyo"), which
  // event_noun_relations reads.
  if (plain_object >= 0) {
    const auto po = static_cast<std::uint32_t>(plain_object);
    // A time noun as object is a misread adjunct ("leaves a day later for Bolivia").
    const bool time_noun = is_one_of(view_.lemma(po), {"day", "week", "month", "year", "time",
                                                       "hour", "minute", "decade", "season",
                                                       "night", "morning", "weekend"});
    if (!time_noun && !schema_.is_relational_noun_head(view_.lemma(po))) {
      for (std::uint32_t c : view_.children(po)) {
        if (c < po || view_.dep(c) != Dep::kNmod || view_.sub(c) == Sub::kPoss) continue;
        std::string prep = view_.preposition(c);
        if (prep.empty() || is_one_of(prep, {"of", "as", "than", "like"}) ||
            schema_.is_cue(CueKind::kSkipPreposition, prep) ||
            schema_.event_noun(view_.lemma(po), prep) != nullptr)
          continue;
        obliques.emplace_back(c, std::move(prep));
      }
    }
  }

  // Prepositional objects. Place adjuncts are dropped when the verb has another participant
  // ("met with Xi in Beijing" -> meet with Xi, not meet in Beijing).
  bool has_participant = !objects.empty();
  std::vector<std::vector<Arg>> oblique_args(obliques.size());
  for (std::size_t i = 0; i < obliques.size(); ++i) {
    args_of(obliques[i].first, oblique_args[i]);
    if (!oblique_args[i].empty() && !is_locative(obliques[i].second)) has_participant = true;
  }
  for (std::size_t i = 0; i < obliques.size(); ++i) {
    const auto& [c, prep] = obliques[i];
    if (!objects.empty() && !is_comitative(prep)) continue;
    if (has_participant && is_locative(prep)) continue;
    for (const Arg& s : subjects) {
      for (const Arg& o : oblique_args[i]) {
        Candidate cand;
        cand.subject = s;
        cand.object = o;
        cand.words = verb_words;
        // A place adjunct ("in Ottawa") does not make the verb's own type: "told reporters in
        // Ottawa" is no COMMUNICATE link with Ottawa.
        if (plain_object >= 0) {
          const auto po = static_cast<std::uint32_t>(plain_object);
          // "paid a visit to Tokyo": event_noun_relations says it as "visit".
          if (light_verb && schema_.event_noun(view_.lemma(po), prep) != nullptr) continue;
          cand.predicate = lemma + " " + std::string(view_.lemma(po)) + " " + prep;
          cand.fallback = lemma + " " + prep;
          if (!is_locative(prep)) cand.fallback2 = lemma;
          cand.words.push_back(po);
        } else {
          cand.predicate = lemma + " " + prep;
          if (!is_locative(prep)) cand.fallback = lemma;
        }
        case_words(c, cand.words);
        cand.context = ctx;
        cand.confidence = base * 0.95f;
        emit(std::move(cand));
      }
    }
  }
}

void SentenceExtractor::adjective_relations(std::uint32_t p) {
  // "X is close to Y", "X is critical of Y": a copular adjective with a prepositional object.
  if (view_.child(p, Dep::kCop) < 0) return;
  std::vector<std::uint32_t> subject_heads;
  bool inherited = false;
  surface_subjects(p, subject_heads, inherited);
  if (subject_heads.empty()) return;
  std::vector<Arg> subjects;
  for (std::uint32_t s : subject_heads) args_of(s, subjects);
  if (subjects.empty()) return;
  const ClauseContext ctx = context_of(p);
  std::vector<std::uint32_t> words;
  add_verb_words(view_, p, words);
  for (std::uint32_t c : view_.children(p)) {
    if (view_.dep(c) != Dep::kObl || view_.sub(c) == Sub::kTmod || view_.sub(c) == Sub::kNpmod)
      continue;
    const std::string prep = view_.preposition(c);
    if (prep.empty() || is_locative(prep) || schema_.is_cue(CueKind::kSkipPreposition, prep))
      continue;
    std::vector<Arg> objects;
    args_of(c, objects);
    for (const Arg& s : subjects) {
      for (const Arg& o : objects) {
        Candidate cand;
        cand.subject = s;
        cand.object = o;
        cand.predicate = std::string(view_.lemma(p)) + " " + prep;
        cand.words = words;
        add_case_words(view_, c, cand.words);
        cand.context = ctx;
        cand.confidence = inherited ? 0.7f : 0.75f;
        emit(std::move(cand));
      }
    }
  }
}

void SentenceExtractor::event_noun_relations(std::uint32_t n) {
  if (view_.mention(n) >= 0) return;
  const std::string_view noun = view_.lemma(n);
  // Objects: "visit to Berlin", "invasion of Ukraine", "talks with Xi".
  struct Object {
    const EventNoun* entry;
    std::uint32_t head;
    Arg arg;
  };
  std::vector<Object> objects;
  std::vector<Arg> found;
  std::vector<std::uint32_t> phrases;
  for (std::uint32_t c : view_.children(n))
    if (view_.dep(c) == Dep::kNmod && view_.sub(c) != Sub::kPoss && c > n) phrases.push_back(c);
  // "paid a visit to Tokyo" with "to Tokyo" attached to the light verb, as parsers often do.
  const std::int32_t governor = view_.head(n);
  if (governor >= 0 && view_.dep(n) == Dep::kObj &&
      schema_.is_cue(CueKind::kLightVerb, view_.lemma(static_cast<std::uint32_t>(governor))))
    for (std::uint32_t c : view_.children(static_cast<std::uint32_t>(governor)))
      if (view_.dep(c) == Dep::kObl && c > n) phrases.push_back(c);
  for (std::uint32_t c : phrases) {
    const EventNoun* entry = schema_.event_noun(noun, view_.preposition(c));
    if (!entry) continue;
    found.clear();
    args_of(c, found);
    for (const Arg& a : found) objects.push_back({entry, c, a});
  }
  if (objects.empty()) return;

  // Agents: "Macron's visit", "a visit by Macron", "a Chinese attack" (a nationality adjective the
  // linker resolved to its country), "the US invasion".
  std::vector<Arg> agents;
  float confidence = 0.85f;
  for (std::uint32_t c : view_.children(n)) {
    const DepLabel l = view_.label(c);
    if (l.dep == Dep::kNmod && l.sub == Sub::kPoss) {
      args_of(c, agents);
    } else if (l.dep == Dep::kNmod && view_.preposition(c) == "by") {
      args_of(c, agents);
    } else if ((l.dep == Dep::kAmod || l.dep == Dep::kCompound) && c < n) {
      Arg a;
      if (make_arg(c, a) && a.entity >= 0 &&
          doc_.entities()[static_cast<std::size_t>(a.entity)].type != "NORP")
        agents.push_back(a);
    }
  }
  ClauseContext ctx;
  const std::int32_t head = view_.head(n);
  if (head >= 0 && view_.is_verb(static_cast<std::uint32_t>(head))) {
    const auto h = static_cast<std::uint32_t>(head);
    ctx = context_of(h);
    if (schema_.is_cue(CueKind::kHypothetical, view_.lemma(h)))
      ctx.modality = Modality::kHypothetical;
    if (agents.empty()) {
      // The agent of a bare nominalization comes from the verb it depends on: "Lee paid a visit
      // to Tokyo" (light verb), "Xi invited Lee to a state visit to Beijing" (the invitee).
      const Dep d = view_.dep(n);
      std::vector<std::uint32_t> heads;
      if (d == Dep::kObj && schema_.is_cue(CueKind::kLightVerb, view_.lemma(h))) {
        bool inherited = false;
        surface_subjects(h, heads, inherited);
        confidence = inherited ? 0.75f : 0.8f;
      } else if (d == Dep::kObl) {
        // "invited Lee to a state visit", "urged Xi to talks": an invitation's object is the
        // agent; other verbs with an object say nothing about who does the event ("visit China
        // before a summit with Japan").
        const std::string prep = view_.preposition(n);
        const std::int32_t obj = view_.child(h, Dep::kObj);
        if (obj >= 0 && (prep == "to" || prep == "for") &&
            schema_.is_cue(CueKind::kObjectControl, view_.lemma(h))) {
          heads.push_back(static_cast<std::uint32_t>(obj));
          confidence = 0.75f;
        } else if (obj < 0 && is_one_of(prep, {"for", "on"})) {
          bool inherited = false;
          surface_subjects(h, heads, inherited);
          confidence = 0.7f;
        }
      }
      for (std::uint32_t a : heads) args_of(a, agents);
    }
  } else if (head >= 0 && view_.child(static_cast<std::uint32_t>(head), Dep::kCop) >= 0) {
    ctx = context_of(static_cast<std::uint32_t>(head));
  }
  for (const Object& o : objects) {
    for (const Arg& a : agents) {
      Candidate cand;
      cand.subject = a;
      cand.object = o.arg;
      cand.predicate = o.entry->predicate;
      cand.type = o.entry->type;
      cand.words.push_back(n);
      add_case_words(view_, o.head, cand.words);
      cand.context = ctx;
      cand.confidence = confidence;
      emit(std::move(cand));
    }
  }
}

}  // namespace erx::detail
