// Noun-mediated relations: relational nouns and titles, appositions, copulas, "of"-affiliations
// and "X-based Y" (see relations/sentence_extractor.hpp).
#include <algorithm>

#include "relations/sentence_extractor.hpp"

namespace erx::detail {

namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Adjectives that date a role rather than name it; they are left out of the predicate.
bool is_dating_adjective(std::string_view lemma) noexcept {
  return is_one_of(lemma, {"current", "then", "now", "new", "incumbent", "sitting"});
}

bool is_entity_token(const Document& doc, const DependencyView& view, std::uint32_t t) {
  const std::int32_t m = view.mention(t);
  return m >= 0 && doc.mentions()[static_cast<std::size_t>(m)].entity >= 0;
}

void add_case_words(const DependencyView& view, std::uint32_t t,
                    std::vector<std::uint32_t>& words) {
  for (std::uint32_t c : view.children(t)) {
    if (view.dep(c) != Dep::kCase || c > t) continue;
    words.push_back(c);
    for (std::uint32_t f : view.children(c))
      if (view.dep(f) == Dep::kFixed) words.push_back(f);
  }
}

}  // namespace

std::string SentenceExtractor::noun_phrase_key(std::uint32_t n,
                                               std::vector<std::uint32_t>& words) const {
  words.clear();
  // Words of another entity are holders, not part of the role ("US" in "US national security
  // adviser"); words of the noun's own mention are ("Prime" in a PERSON "Prime Minister Takaichi").
  const std::int32_t own = view_.mention(n);
  const auto other_entity = [&](std::uint32_t t) {
    if (view_.mention(t) == own || !is_entity_token(doc_, view_, t)) return false;
    const Mention& m = doc_.mentions()[static_cast<std::size_t>(view_.mention(t))];
    return !is_value_type(
        doc_.entities()[static_cast<std::size_t>(m.entity)].type);  // "fourth-largest"
  };
  for (std::uint32_t c : view_.children(n)) {
    if (c > n) break;
    const DepLabel l = view_.label(c);
    if (!(l.dep == Dep::kAmod || (l.dep == Dep::kCompound && l.sub != Sub::kPrt))) continue;
    if (other_entity(c) || is_dating_adjective(view_.lemma(c))) continue;
    // The modifier with its own modifiers ("vice - defence", "most important").
    std::vector<std::uint32_t> stack{c};
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      words.push_back(x);
      for (std::uint32_t y : view_.children(x)) {
        const Dep d = view_.dep(y);
        if (d == Dep::kDet || d == Dep::kCase || d == Dep::kCc || d == Dep::kConj ||
            other_entity(y))
          continue;
        if (d == Dep::kPunct && view_.text(y) != "-") continue;
        if (d == Dep::kNmod && view_.sub(y) == Sub::kPoss) continue;
        stack.push_back(y);
      }
    }
  }
  std::sort(words.begin(), words.end());
  const auto& tokens = doc_.tokens();
  std::string key;
  std::int64_t prev = -1;
  for (std::uint32_t w : words) {
    if (prev >= 0 &&
        !(w == prev + 1 && tokens[static_cast<std::size_t>(prev)].end == tokens[w].begin))
      key += ' ';
    key += view_.lower(w);
    prev = w;
  }
  if (!key.empty()) {
    if (!(n == prev + 1 && tokens[static_cast<std::size_t>(prev)].end == tokens[n].begin))
      key += ' ';
  }
  key += view_.lemma(n);
  return key;
}

void SentenceExtractor::role_subjects(std::uint32_t n, std::vector<Arg>& out, float& confidence,
                                      ClauseContext& context, int depth) const {
  // The title is part of the person's own mention ("President Xi Jinping" as one PERSON).
  if (const std::int32_t m = view_.mention(n); m >= 0) {
    const Mention& mention = doc_.mentions()[static_cast<std::size_t>(m)];
    if (mention.entity >= 0 &&
        doc_.entities()[static_cast<std::size_t>(mention.entity)].type == "PERSON") {
      Arg a;
      if (make_arg(n, a)) out.push_back(a);
      confidence = 0.9f;
      return;
    }
  }
  const std::int32_t head = view_.head(n);
  const DepLabel l = view_.label(n);
  // A title before a name: "French President Emmanuel Macron" (nmod:desc or compound).
  if (head > static_cast<std::int64_t>(n) && ((l.dep == Dep::kNmod && l.sub == Sub::kDesc) ||
                                              l.dep == Dep::kCompound || l.dep == Dep::kFlat)) {
    Arg a;
    if (is_entity_token(doc_, view_, static_cast<std::uint32_t>(head)) &&
        make_arg(static_cast<std::uint32_t>(head), a)) {
      out.push_back(a);
      confidence = 0.9f;
    }
    return;
  }
  // The role noun heads its name: "President Xi" with the name flat, or "South Korea's national
  // security adviser, Wi Sung-lac" with the name in apposition.
  for (std::uint32_t c : view_.children(n)) {
    if (c < n || (view_.dep(c) != Dep::kFlat && view_.dep(c) != Dep::kAppos)) continue;
    Arg a;
    if (make_arg(c, a)) {
      out.push_back(a);
      confidence = view_.dep(c) == Dep::kFlat ? 0.9f : 0.85f;
      return;
    }
  }
  // "South Korea's national security adviser, Wi Sung-lac, spoke" parsed with two subjects: the
  // name right after the comma is the role's apposition.
  if (head >= 0 && (l.dep == Dep::kNsubj || l.dep == Dep::kObj)) {
    std::uint32_t end = n;
    std::vector<std::uint32_t> stack{n};
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      end = std::max(end, x);
      for (std::uint32_t c : view_.children(x))
        if (view_.dep(c) != Dep::kPunct) stack.push_back(c);
    }
    const std::uint32_t name = end + 2;
    if (name < view_.end() && view_.text(end + 1) == "," && view_.head(name) == head &&
        view_.dep(name) == l.dep) {
      Arg a;
      if (make_arg(name, a) && a.entity >= 0 &&
          doc_.entities()[static_cast<std::size_t>(a.entity)].type == "PERSON") {
        out.push_back(a);
        confidence = 0.75f;
        return;
      }
    }
  }
  // Apposition: "Jake Sullivan, the US national security adviser"; "Canada and Mexico, the United
  // States' closest allies" (conjuncts before the apposition share it).
  if (l.dep == Dep::kAppos && head >= 0) {
    args_of(static_cast<std::uint32_t>(head), out, n);
    confidence = 0.85f;
    return;
  }
  // Copula: "China is South Korea's largest trading partner"; relative clauses resolve their
  // pronoun to the antecedent ("Germany, which is France's largest trading partner").
  if (const std::int32_t s = view_.child(n, Dep::kNsubj); s >= 0) {
    args_of(static_cast<std::uint32_t>(s), out);
    confidence = 0.85f;
    context = context_of(n);
    return;
  }
  if (head < 0) return;
  const auto h = static_cast<std::uint32_t>(head);
  // "remains France's largest trading partner", "continues to be", "named him chief executive".
  if (l.dep == Dep::kXcomp) {
    std::vector<std::uint32_t> heads;
    const std::int32_t obj = view_.child(h, Dep::kObj);
    if (obj >= 0) {
      heads.push_back(static_cast<std::uint32_t>(obj));
    } else {
      bool inherited = false;
      surface_subjects(h, heads, inherited);
    }
    for (std::uint32_t s : heads) args_of(s, out);
    confidence = 0.8f;
    context = context_of(n);
    return;
  }
  // "which remains France's largest trading partner" parsed with the noun as the object of
  // "remain"/"become"/"stay": the verb's subject holds the role, as with a copula.
  if (l.dep == Dep::kObj) {
    const std::string_view verb = view_.lemma(h);
    if (verb == "remain" || verb == "become" || verb == "stay") {
      if (const std::int32_t s = view_.child(h, Dep::kNsubj); s >= 0) {
        args_of(static_cast<std::uint32_t>(s), out);
        confidence = 0.8f;
        context = context_of(h);
        return;
      }
    }
  }
  // "Canada and Mexico, the United States' closest allies, rejected the plan" parsed with two
  // subjects: a role noun phrase set off by commas right after the first subject is its apposition.
  if (l.dep == Dep::kNsubj) {
    std::uint32_t start = n;
    std::vector<std::uint32_t> stack{n};
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      start = std::min(start, x);
      for (std::uint32_t c : view_.children(x))
        if (c < n && view_.dep(c) != Dep::kPunct) stack.push_back(c);
    }
    const std::int32_t first_subject =
        view_.find_child(h, [&](std::uint32_t c) { return c < start && view_.dep(c) == Dep::kNsubj; });
    if (first_subject >= 0 && start > view_.first() && view_.text(start - 1) == ",") {
      args_of(static_cast<std::uint32_t>(first_subject), out);
      confidence = 0.75f;
      return;
    }
  }
  // Coordinated roles share their holder: "a former minister and senior research fellow at X".
  if (l.dep == Dep::kConj && depth < 3) role_subjects(h, out, confidence, context, depth + 1);
}

void SentenceExtractor::relational_noun_relations(std::uint32_t n) {
  const Upos u = view_.upos(n);
  if (u != Upos::kNOUN && u != Upos::kPROPN) return;
  if (!schema_.is_relational_noun_head(view_.lemma(n))) return;
  if (const std::int32_t m = view_.mention(n); m >= 0) {
    const std::int32_t e = doc_.mentions()[static_cast<std::size_t>(m)].entity;
    if (e >= 0 && doc_.entities()[static_cast<std::size_t>(e)].type != "PERSON")
      return;  // part of a name ("Korea Trade Partner Agency")
  }
  std::vector<std::uint32_t> modifier_words;
  const std::string key = noun_phrase_key(n, modifier_words);
  const std::string_view type = schema_.relational_noun_type(key);
  if (type.empty()) return;

  // Holders: "X's partner", "leader of X", "fellow at X", "US adviser", "Chinese President".
  struct Holder {
    Arg arg;
    std::string prep;
    std::uint32_t head;
  };
  std::vector<Holder> holders;
  std::vector<Arg> found;
  for (std::uint32_t c : view_.children(n)) {
    const DepLabel l = view_.label(c);
    found.clear();
    std::string prep;
    if (l.dep == Dep::kNmod && l.sub == Sub::kPoss) {
      args_of(c, found);
      prep = "of";
    } else if (l.dep == Dep::kNmod && c > n) {
      prep = view_.preposition(c);
      if (!is_one_of(prep, {"of", "at", "for", "to", "with"})) continue;
      // "a former minister and senior research fellow at the Sejong Institute": a phrase after
      // a coordinated role belongs to the nearest one, however the parser attached it.
      bool nearer = false;
      for (std::uint32_t k : view_.children(n))
        if (view_.dep(k) == Dep::kConj && k > n && k < c &&
            schema_.is_relational_noun_head(view_.lemma(k)))
          nearer = true;
      if (nearer) continue;
      // "the CEO of Huawei's South Korea": the holder is itself owned; too ambiguous to use.
      const std::int32_t poss = view_.child(c, Dep::kNmod, Sub::kPoss);
      if (poss >= 0 && is_entity_token(doc_, view_, static_cast<std::uint32_t>(poss))) continue;
      args_of(c, found);
    } else if ((l.dep == Dep::kCompound || l.dep == Dep::kAmod) && c < n &&
               is_entity_token(doc_, view_, c)) {
      Arg a;
      if (make_arg(c, a)) found.push_back(a);
      prep = "of";
    } else {
      continue;
    }
    for (const Arg& a : found) {
      if (a.entity >= 0 && doc_.entities()[static_cast<std::size_t>(a.entity)].type == "NORP")
        continue;
      holders.push_back({a, prep, c});
    }
  }
  // A name right before the role that the parser left unattached (the root, or "dep"): "Chinese
  // President Xi" parsed with "Chinese" as the root still names the holder.
  if (holders.empty()) {
    std::uint32_t first = n;
    for (std::uint32_t w : modifier_words) first = std::min(first, w);
    if (first > view_.first()) {
      const std::uint32_t before = first - 1;
      const std::int32_t m = view_.mention(before);
      const std::int32_t bh = view_.head(before);
      const std::int32_t nh = view_.head(n);
      // Hung on a verb, or on the name the role describes ("Japanese Prime Minister Sanae
      // Takaichi" with "Japanese" on "Takaichi").
      const bool on_described_name = bh >= 0 && nh >= 0 &&
                                     view_.mention(static_cast<std::uint32_t>(bh)) >= 0 &&
                                     view_.mention(static_cast<std::uint32_t>(bh)) ==
                                         view_.mention(static_cast<std::uint32_t>(nh));
      const bool misattached =
          bh < 0 || view_.dep(before) == Dep::kDep || on_described_name ||
          (bh != static_cast<std::int64_t>(n) && !view_.is_nominal(static_cast<std::uint32_t>(bh)));
      if (m >= 0 && doc_.mentions()[static_cast<std::size_t>(m)].end_token == first &&
          misattached) {
        Arg a;
        if (make_arg(before, a) && a.entity >= 0 &&
            doc_.entities()[static_cast<std::size_t>(a.entity)].type != "NORP")
          holders.push_back({a, "of", before});
      }
    }
  }
  // The converse: this role is the last of a coordination and the phrase hangs on the first.
  if (view_.dep(n) == Dep::kConj && view_.head(n) >= 0) {
    const auto first_role = static_cast<std::uint32_t>(view_.head(n));
    for (std::uint32_t c : view_.children(first_role)) {
      if (c < n || view_.dep(c) != Dep::kNmod || view_.sub(c) == Sub::kPoss) continue;
      const std::string prep = view_.preposition(c);
      if (!is_one_of(prep, {"of", "at", "for", "to", "with"})) continue;
      found.clear();
      args_of(c, found);
      for (const Arg& a : found)
        if (a.entity >= 0 && doc_.entities()[static_cast<std::size_t>(a.entity)].type != "NORP")
          holders.push_back({a, prep, c});
    }
  }
  if (holders.empty()) {
    flat_title_relations(n, key, type, modifier_words);
    return;
  }

  std::vector<Arg> subjects;
  float confidence = 0.85f;
  ClauseContext context;
  role_subjects(n, subjects, confidence, context);
  for (const Arg& s : subjects) {
    for (const Holder& h : holders) {
      Candidate cand;
      cand.subject = s;
      cand.object = h.arg;
      cand.predicate = key + " " + h.prep;
      cand.type = std::string(type);
      cand.words = modifier_words;
      cand.words.push_back(n);
      if (h.prep != "of" || view_.dep(h.head) == Dep::kNmod)
        add_case_words(view_, h.head, cand.words);
      if (const std::int32_t cop = view_.child(n, Dep::kCop); cop >= 0)
        cand.words.push_back(static_cast<std::uint32_t>(cop));
      cand.context = context;
      cand.confidence = confidence;
      emit(std::move(cand));
    }
  }
}

void SentenceExtractor::affiliation_relations(std::uint32_t name) {
  // "Professor Ada Byron of Oxford University", "John Smith of Acme": a person's name with an
  // "of" phrase naming an organization or place.
  const std::int32_t m = view_.mention(name);
  if (m < 0) return;
  const Mention& mention = doc_.mentions()[static_cast<std::size_t>(m)];
  if (mention.entity < 0 ||
      doc_.entities()[static_cast<std::size_t>(mention.entity)].type != "PERSON")
    return;
  const std::int32_t head = view_.head(name);
  if (head >= 0 && view_.mention(static_cast<std::uint32_t>(head)) == m)
    return;  // not the name's head
  Arg person;
  if (!make_arg(name, person)) return;

  // The "of" phrase hangs on the name's head, or, when a parser split a hyphenated name ("Kang
  // Jun-young"), on another of its words.
  std::vector<std::uint32_t> phrases;
  for (std::uint32_t t = mention.first_token; t < mention.end_token; ++t)
    for (std::uint32_t c : view_.children(t))
      if (c >= mention.end_token && (view_.dep(c) == Dep::kNmod || view_.dep(c) == Dep::kObl) &&
          view_.sub(c) != Sub::kPoss &&
          (view_.preposition(c) == "of" || view_.preposition(c) == "at"))
        phrases.push_back(c);
  for (std::uint32_t c : phrases) {
    std::vector<Arg> places;
    args_of(c, places);
    for (const Arg& a : places) {
      if (a.entity < 0) continue;
      const std::string& type = doc_.entities()[static_cast<std::size_t>(a.entity)].type;
      const bool org = type == "ORG";
      const bool at = view_.preposition(c) == "at";
      if (!org && (at || (type != "GPE" && type != "LOC" && type != "FAC")))
        continue;  // "at" + ORG only
      Candidate cand;
      cand.subject = person;
      cand.object = a;
      cand.confidence = 0.75f;
      // A title without a holder of its own names the affiliation: "Professor ... of Oxford".
      std::vector<std::uint32_t> title_words;
      for (std::uint32_t t : view_.children(name)) {
        if (t > name) break;
        const DepLabel l = view_.label(t);
        if (!((l.dep == Dep::kNmod && l.sub == Sub::kDesc) || l.dep == Dep::kCompound)) continue;
        if (!schema_.is_relational_noun_head(view_.lemma(t))) continue;
        const std::string key = noun_phrase_key(t, title_words);
        const std::string_view title_type = schema_.relational_noun_type(key);
        if (title_type.empty()) continue;
        bool own_holder = false;
        for (std::uint32_t x : view_.children(t))
          if ((view_.dep(x) == Dep::kNmod && (view_.sub(x) == Sub::kPoss || x > t)) ||
              is_entity_token(doc_, view_, x))
            own_holder = true;
        if (own_holder) continue;
        cand.predicate = key + (at ? " at" : " of");
        cand.type = std::string(title_type);
        cand.words = title_words;
        cand.words.push_back(t);
        cand.confidence = 0.8f;
        break;
      }
      if (cand.predicate.empty()) cand.predicate = org ? "affiliated with" : "from";
      add_case_words(view_, c, cand.words);
      emit(std::move(cand));
    }
  }
}

void SentenceExtractor::hyphen_participle_relations(std::uint32_t b) {
  // "Seattle-based Amazon" -> Amazon based in Seattle; "Iran-backed militia" -> Iran back militia.
  const std::int32_t head = view_.head(b);
  if (head < 0) return;
  const Dep d = view_.dep(b);
  if (d != Dep::kAmod && d != Dep::kAcl && d != Dep::kCompound && d != Dep::kNmod &&
      d != Dep::kAdvcl)
    return;
  const auto y = static_cast<std::uint32_t>(head);
  // The thing described: the noun the participle modifies or, for a common noun in apposition
  // with a name ("Pfizer, the New York-based drugmaker"; "a Seattle-based retailer, Amazon"),
  // that name.
  const auto described_arg = [&](std::uint32_t noun, Arg& out) {
    if (make_arg(noun, out)) return true;
    if (view_.upos(noun) != Upos::kNOUN) return false;
    if (view_.dep(noun) == Dep::kAppos && view_.head(noun) >= 0 &&
        view_.head(noun) < static_cast<std::int64_t>(noun))
      return make_arg(static_cast<std::uint32_t>(view_.head(noun)), out) && out.entity >= 0;
    for (std::uint32_t c : view_.children(noun))
      if (c > noun && view_.dep(c) == Dep::kAppos) return make_arg(c, out) && out.entity >= 0;
    return false;
  };
  // One token "Toronto-based" whose place the linker made a mention of ("Toronto").
  for (std::string_view suffix : {"-based", "-headquartered"}) {
    if (!view_.lower(b).ends_with(suffix) || view_.lower(b).size() == suffix.size()) continue;
    Arg place, thing;
    std::uint32_t described = y;
    if (!view_.is_nominal(y) && b + 1 < view_.end() && view_.mention(b + 1) >= 0) described = b + 1;
    if (!make_arg(b, place) || !described_arg(described, thing)) return;
    Candidate cand;
    cand.words = {b};
    cand.confidence = 0.85f;
    cand.subject = thing;
    cand.object = place;
    cand.predicate = std::string(suffix.substr(1)) + " in";
    emit(std::move(cand));
    return;
  }
  if (view_.xpos(b) != "VBN" && view_.lower(b) != "based") return;
  for (std::uint32_t x : view_.children(b)) {
    if (x > b) break;
    const Dep xd = view_.dep(x);
    if (xd == Dep::kPunct || xd == Dep::kCase || xd == Dep::kDet || xd == Dep::kAdvmod) continue;
    bool hyphen = false;
    for (std::uint32_t t = x + 1; t < b; ++t)
      if (view_.text(t) == "-" || view_.text(t) == "‐" || view_.text(t) == "–") hyphen = true;
    if (!hyphen) continue;
    Arg place, thing;
    std::uint32_t described = y;
    if (!view_.is_nominal(y) && b + 1 < view_.end() && view_.mention(b + 1) >= 0) described = b + 1;
    const bool based = view_.lemma(b) == "base" || view_.lower(b) == "based" ||
                       view_.lemma(b) == "headquarter" || view_.lower(b) == "headquartered";
    if (!make_arg(x, place) ||
        !(based ? described_arg(described, thing) : make_arg(described, thing)))
      continue;
    Candidate cand;
    cand.words = {b};
    cand.confidence = 0.85f;
    if (based) {
      cand.subject = thing;
      cand.object = place;
      cand.predicate = std::string(view_.lower(b)) + " in";
    } else {
      cand.subject = place;
      cand.object = thing;
      cand.predicate = std::string(view_.lemma(b));
      cand.confidence = 0.75f;
    }
    emit(std::move(cand));
  }
}

void SentenceExtractor::hyphen_token_relations(std::uint32_t b) {
  const std::string_view word = view_.lower(b);
  if (word != "based" && word != "headquartered") return;
  if (b < view_.first() + 2 || b + 1 >= view_.end()) return;
  const std::uint32_t dash = b - 1;
  const std::string_view d = view_.text(dash);
  if (d != "-" && d != "\u2010" && d != "\u2013") return;
  const auto& tokens = doc_.tokens();
  if (tokens[dash - 1].end != tokens[dash].begin || tokens[dash].end != tokens[b].begin) return;
  const auto entity_of = [&](std::uint32_t t) -> const Entity* {
    const std::int32_t m = view_.mention(t);
    if (m < 0) return nullptr;
    const Mention& mention = doc_.mentions()[static_cast<std::size_t>(m)];
    if (mention.entity < 0) return nullptr;
    // The mention must end (the place) or start (the organization) at the hyphen.
    if (t == dash - 1 && mention.end_token != dash) return nullptr;
    if (t == b + 1 && mention.first_token != b + 1) return nullptr;
    return &doc_.entities()[static_cast<std::size_t>(mention.entity)];
  };
  const Entity* place_entity = entity_of(dash - 1);
  const Entity* thing_entity = entity_of(b + 1);
  if (!place_entity || !thing_entity || thing_entity->type != "ORG" ||
      (place_entity->type != "GPE" && place_entity->type != "LOC"))
    return;
  Arg place, thing;
  if (!make_arg(dash - 1, place) || !make_arg(b + 1, thing)) return;
  Candidate cand;
  cand.subject = thing;
  cand.object = place;
  cand.predicate = std::string(word) + " in";
  cand.words = {b};
  cand.confidence = 0.85f;
  emit(std::move(cand));
}

void SentenceExtractor::location_relations(std::uint32_t name) {
  // "the Sejong Institute in Seoul", "a plant in Texas" (an "in" phrase on a named place or
  // organization) and "Busan, South Korea" (a place in apposition to a place).
  const std::int32_t m = view_.mention(name);
  if (m < 0) return;
  const Mention& mention = doc_.mentions()[static_cast<std::size_t>(m)];
  if (mention.entity < 0) return;
  const std::int32_t head = view_.head(name);
  if (head >= 0 && view_.mention(static_cast<std::uint32_t>(head)) == m)
    return;  // not the name's head
  const std::string& type = doc_.entities()[static_cast<std::size_t>(mention.entity)].type;
  if (type != "ORG" && type != "FAC" && type != "GPE" && type != "LOC") return;
  // An agent or an origin ("signed by Japan in Tokyo", "officials from Japan in Seoul"): an "in"
  // phrase after it mostly belongs to the clause, however a parser attached it.
  const std::string own_prep = view_.preposition(name);
  const bool agent_or_origin =
      own_prep == "by" || own_prep == "from" || view_.sub(name) == Sub::kAgent;
  Arg thing;
  if (!make_arg(name, thing)) return;
  for (std::uint32_t c : view_.children(name)) {
    if (c < name) continue;
    const Dep d = view_.dep(c);
    const bool in_phrase = d == Dep::kNmod && view_.sub(c) != Sub::kPoss &&
                           view_.preposition(c) == "in" && !agent_or_origin;
    // Apposition, or a "conj" without a conjunction, which is how parsers often read "Busan,
    // South Korea".
    bool comma_conj = false;
    if (d == Dep::kConj && view_.child(c, Dep::kCc) < 0 && view_.mention(c) >= 0) {
      // Exactly one such "conjunct", and no conjunction anywhere: not a list ("Colombia,
      // Bolivia, Ecuador and Peru", "Aloha, America West, American, ...").
      int conjuncts = 0;
      bool conjunction = false;
      for (std::uint32_t k : view_.children(name)) {
        if (view_.dep(k) != Dep::kConj) continue;
        ++conjuncts;
        if (view_.child(k, Dep::kCc) >= 0) conjunction = true;
      }
      comma_conj = conjuncts == 1 && !conjunction;
    }
    const bool apposition = (d == Dep::kAppos || comma_conj) && (type == "GPE" || type == "LOC");
    if (!in_phrase && !apposition) continue;
    Arg place;
    if (!make_arg(c, place) || place.entity < 0) continue;
    const std::string& place_type = doc_.entities()[static_cast<std::size_t>(place.entity)].type;
    if (place_type != "GPE" && place_type != "LOC") continue;
    Candidate cand;
    cand.subject = thing;
    cand.object = place;
    cand.predicate = "located in";
    if (in_phrase) {
      add_case_words(view_, c, cand.words);
    } else {
      for (std::uint32_t p : view_.children(c))
        if (p < c && view_.dep(p) == Dep::kPunct) cand.words.push_back(p);  // the comma
    }
    cand.confidence = in_phrase ? 0.75f : 0.7f;
    emit(std::move(cand));
  }
}

bool SentenceExtractor::flat_title_relations(std::uint32_t n, std::string_view key,
                                             std::string_view type,
                                             const std::vector<std::uint32_t>& words) {
  // Only where the tree gives nothing better: the role noun sits in a flat/compound chain.
  const Dep d = view_.dep(n);
  if (d != Dep::kFlat && d != Dep::kCompound && d != Dep::kDep) return false;
  // The holder: an entity ending right before the role (and its modifiers).
  std::uint32_t first = n;
  for (std::uint32_t w : words) first = std::min(first, w);
  if (first <= view_.first()) return false;
  const std::int32_t hm = view_.mention(first - 1);
  if (hm < 0 || doc_.mentions()[static_cast<std::size_t>(hm)].end_token != first) return false;
  Arg holder;
  if (!make_arg(first - 1, holder) || holder.entity < 0 ||
      doc_.entities()[static_cast<std::size_t>(holder.entity)].type == "NORP")
    return false;
  // The person: the first name after the role, past other titles ("commander General X").
  std::uint32_t t = n + 1;
  while (t < view_.end()) {
    const std::int32_t m = view_.mention(t);
    if (m >= 0 && doc_.mentions()[static_cast<std::size_t>(m)].entity >= 0) break;
    const bool title = (m >= 0 && doc_.mentions()[static_cast<std::size_t>(m)].type == "TITLE") ||
                       schema_.is_relational_noun_head(view_.lemma(t));
    if (!title || t > n + 3) return false;
    ++t;
  }
  if (t >= view_.end()) return false;
  const std::int32_t pm = view_.mention(t);
  if (doc_.entities()[static_cast<std::size_t>(
                          doc_.mentions()[static_cast<std::size_t>(pm)].entity)]
          .type != "PERSON")
    return false;
  Arg person;
  if (!make_arg(t, person)) return false;
  Candidate cand;
  cand.subject = person;
  cand.object = holder;
  cand.predicate = std::string(key) + " of";
  cand.type = std::string(type);
  cand.words = words;
  cand.words.push_back(n);
  cand.confidence = 0.7f;
  emit(std::move(cand));
  return true;
}

void SentenceExtractor::origin_relations(std::uint32_t t) {
  // Where an organization or person comes from, said by a place modifying it or a noun that
  // describes it: "the U.S. Congress", "Chilean copper company Codelco", "Sun Hung Kai
  // Properties, a Hong Kong construction firm", "dissident Soviet historian Roy Medvedev",
  // "Derwinski, a Republican from Chicago". Roles ("French President Macron") are relational
  // nouns and are left to relational_noun_relations.
  const auto entity_type = [&](const Arg& a) -> const std::string& {
    return doc_.entities()[static_cast<std::size_t>(a.entity)].type;
  };
  const auto emit_origin = [&](const Arg& thing, const Arg& place, std::vector<std::uint32_t> words,
                               float conf) {
    const std::string& type = entity_type(thing);
    if (type != "ORG" && type != "PERSON") return;
    Candidate cand;
    cand.subject = thing;
    cand.object = place;
    cand.predicate = type == "ORG" ? "based in" : "from";
    cand.words = std::move(words);
    cand.confidence = conf;
    emit(std::move(cand));
  };
  const auto place_arg = [&](std::uint32_t g, Arg& out) {
    if (!make_arg(g, out) || out.entity < 0) return false;
    const std::string& type = entity_type(out);
    return type == "GPE";
  };
  const std::int32_t own = view_.mention(t);
  if (own >= 0 && doc_.mentions()[static_cast<std::size_t>(own)].entity >= 0) {
    // Case A: an organization's name modified by a place outside it: "the U.S. Congress".
    const std::int32_t h = view_.head(t);
    if (h >= 0 && view_.mention(static_cast<std::uint32_t>(h)) == own)
      return;  // not the name's head
    Arg thing;
    if (!make_arg(t, thing) || thing.entity < 0 || entity_type(thing) != "ORG") return;
    for (std::uint32_t g : view_.children(t)) {
      if (g > t || view_.mention(g) == own) continue;
      if (view_.dep(g) != Dep::kCompound && view_.dep(g) != Dep::kAmod) continue;
      Arg place;
      if (place_arg(g, place)) emit_origin(thing, place, {g, t}, 0.7f);
    }
    return;
  }
  // Case B: a describing noun, not itself a role.
  if (view_.upos(t) != Upos::kNOUN || schema_.is_relational_noun_head(view_.lemma(t))) return;
  std::vector<std::pair<Arg, std::uint32_t>> places;  // place and the word that says it
  for (std::uint32_t g : view_.children(t)) {
    Arg place;
    const Dep d = view_.dep(g);
    if (g < t && (d == Dep::kCompound || d == Dep::kAmod) && place_arg(g, place))
      places.emplace_back(place, g);
    if (g > t && d == Dep::kNmod && view_.preposition(g) == "from" && place_arg(g, place))
      places.emplace_back(place, g);
  }
  if (places.empty()) return;
  std::vector<Arg> things;
  const std::int32_t head = view_.head(t);
  const Dep d = view_.dep(t);
  if (d == Dep::kAppos && head >= 0) {
    args_of(static_cast<std::uint32_t>(head), things, t);
  } else if ((d == Dep::kCompound || (d == Dep::kNmod && view_.sub(t) == Sub::kDesc)) &&
             head > static_cast<std::int64_t>(t)) {
    Arg a;
    if (make_arg(static_cast<std::uint32_t>(head), a)) things.push_back(a);
  } else if (const std::int32_t s = view_.child(t, Dep::kNsubj);
             s >= 0 && view_.child(t, Dep::kCop) >= 0) {
    args_of(static_cast<std::uint32_t>(s), things);
  }
  for (std::uint32_t c : view_.children(t)) {
    if (c > t && view_.dep(c) == Dep::kAppos) {
      Arg a;
      if (make_arg(c, a)) things.push_back(a);
    }
  }
  for (const Arg& thing : things) {
    if (thing.entity < 0) continue;
    for (const auto& [place, word] : places) emit_origin(thing, place, {t, word}, 0.7f);
  }
}

}  // namespace erx::detail
