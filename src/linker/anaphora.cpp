// Pronouns and definite descriptions (see document_linker.hpp).
//
// The rules lean on salience rather than on learned weights: a pronoun prefers the subject of a
// clause that dominates it, then a lone compatible entity of its sentence, then the subject (or a
// lone compatible entity) of an earlier sentence. "it", "its" and "they" link only through
// subjects, because they refer to unnamed things far more often than to names. Whenever two
// candidates remain, nothing is linked.
#include <algorithm>

#include "linker/document_linker.hpp"
#include "relations/dependency_view.hpp"

namespace erx::detail {

namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

enum class PronounKind { kNone, kMale, kFemale, kNeuter, kPlural };

PronounKind pronoun_kind(std::string_view w) {
  if (is_one_of(w, {"he", "him", "his", "himself"})) return PronounKind::kMale;
  if (is_one_of(w, {"she", "her", "hers", "herself"})) return PronounKind::kFemale;
  if (is_one_of(w, {"it", "its", "itself"})) return PronounKind::kNeuter;
  if (is_one_of(w, {"they", "them", "their", "theirs", "themselves"})) return PronounKind::kPlural;
  return PronounKind::kNone;
}

// An entity occurrence seen so far: where, and which entity.
struct Occurrence {
  std::uint32_t token;  // head token
  std::uint32_t sentence;
  std::int32_t entity;
};

}  // namespace

void DocumentLinker::resolve_anaphora() {
  if (!options_.pronouns && !options_.descriptions) return;
  if (!doc_.has_parse()) return;  // both rules need the tree
  const auto& tokens = doc_.tokens();
  const auto& sentences = doc_.sentences();

  // Occurrences of named entities by head token, in text order.
  std::vector<std::int32_t> entity_at(tokens.size(), -1);
  for (const WorkMention& w : work_) {
    if (w.cluster < 0) continue;
    for (std::uint32_t t = w.mention.first_token; t < w.mention.end_token; ++t)
      entity_at[t] = w.cluster;
  }

  const auto type_of = [&](std::int32_t e) -> const std::string& {
    return entities_[static_cast<std::size_t>(e)].type;
  };
  // Entities whose every name is a plural noun ("the Tsars", "Democrats") are never "he" or "it".
  std::vector<char> plural(entities_.size(), 1);
  for (const WorkMention& w : work_) {
    if (w.cluster < 0) continue;
    const std::string_view xpos = doc_.xpos(tokens[w.mention.end_token - 1]);
    if (xpos != "NNPS" && xpos != "NNS") plural[static_cast<std::size_t>(w.cluster)] = 0;
  }
  const auto is_country = [&](std::int32_t e) {
    const Entity& entity = entities_[static_cast<std::size_t>(e)];
    if (lexicon_.is_country(entity.name)) return true;
    for (const std::string& a : entity.aliases)
      if (lexicon_.is_country(a)) return true;
    return false;
  };
  const auto compatible = [&](PronounKind kind, std::int32_t e, bool strict_gender) {
    const std::string& type = type_of(e);
    if (kind != PronounKind::kPlural && plural[static_cast<std::size_t>(e)]) return false;
    switch (kind) {
      case PronounKind::kMale:
      case PronounKind::kFemale: {
        if (type != "PERSON") return false;
        const Gender g = entity_gender_[static_cast<std::size_t>(e)];
        const Gender want = kind == PronounKind::kMale ? Gender::kMale : Gender::kFemale;
        return strict_gender ? g == want : (g == want || g == Gender::kUnknown);
      }
      case PronounKind::kNeuter:
        return type != "PERSON" && type != "NORP" && type != "TITLE" && type != "DATE" &&
               type != "TIME" && type != "PERCENT" && type != "MONEY" && type != "QUANTITY" &&
               type != "ORDINAL" && type != "CARDINAL";
      case PronounKind::kPlural:
        return type == "NORP" || type == "ORG";
      case PronounKind::kNone:
        return false;
    }
    return false;
  };

  DependencyView view, previous_view;
  std::vector<Occurrence> seen;

  // The subject of the pronoun's own predicate when the pronoun is its object ("She praised him"):
  // a non-reflexive pronoun never refers to it.
  const auto co_argument_subject = [&](std::uint32_t t) -> std::int32_t {
    const Dep d = view.dep(t);
    if (d != Dep::kObj && d != Dep::kIobj && d != Dep::kObl) return -1;
    if (view.lower(t).ends_with("self") || view.lower(t).ends_with("selves")) return -1;
    const std::int32_t h = view.head(t);
    if (h < 0) return -1;
    const std::int32_t s = view.child(static_cast<std::uint32_t>(h), Dep::kNsubj);
    return s < 0 ? -1 : entity_at[static_cast<std::uint32_t>(s)];
  };
  // The entity the subject of the clause containing `t` names: walks up the heads from `t` and
  // returns the first nsubj (before `t`, other than `t` and its co-argument) found, as an entity
  // (-1 if that subject is not an entity, -2 if there is no such subject).
  const auto dominating_subject = [&](std::uint32_t t) -> std::int32_t {
    std::uint32_t x = t;
    const std::int32_t own_head = co_argument_subject(t) >= 0 ? view.head(t) : -1;
    for (int step = 0; step < 8; ++step) {
      for (std::uint32_t c : view.children(x)) {
        if (view.dep(c) != Dep::kNsubj || c >= t || c == t) continue;
        if (static_cast<std::int64_t>(x) == own_head) continue;
        return entity_at[c];
      }
      const std::int32_t h = view.head(x);
      if (h < 0) break;
      x = static_cast<std::uint32_t>(h);
    }
    return -2;
  };
  // The subject entity of sentence `s`'s root (-1 none).
  const auto root_subject = [&](const DependencyView& v) -> std::int32_t {
    for (std::uint32_t t = v.first(); t < v.end(); ++t) {
      if (v.head(t) >= 0) continue;
      for (std::uint32_t c : v.children(t))
        if (v.dep(c) == Dep::kNsubj) return entity_at[c];
      return -1;
    }
    return -1;
  };
  const auto add_mention = [&](std::uint32_t first, std::uint32_t end, std::int32_t entity,
                               float confidence) {
    WorkMention w;
    Mention& m = w.mention;
    m.first_token = first;
    m.end_token = end;
    m.begin = tokens[first].begin;
    m.end = tokens[end - 1].end;
    m.type = type_of(entity);
    m.confidence = confidence;
    m.source = MentionSource::kCoreference;
    w.cluster = entity;
    work_.push_back(std::move(w));
    for (std::uint32_t t = first; t < end; ++t) entity_at[t] = entity;
  };

  std::size_t next_named = 0;  // named occurrences are added to `seen` as the scan passes them
  std::vector<std::size_t> named;
  for (std::size_t i = 0; i < work_.size(); ++i)
    if (work_[i].cluster >= 0) named.push_back(i);
  std::sort(named.begin(), named.end(), [&](std::size_t a, std::size_t b) {
    return work_[a].mention.begin < work_[b].mention.begin;
  });

  for (std::uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (si > 0) std::swap(previous_view, view);
    view.build(doc_, s);
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      while (next_named < named.size() && work_[named[next_named]].mention.first_token <= t) {
        const WorkMention& w = work_[named[next_named]];
        seen.push_back({w.mention.first_token, doc_.sentence_of(w.mention.first_token), w.cluster});
        ++next_named;
      }
      if (entity_at[t] >= 0) continue;
      const std::string_view lower_word = view.lower(t);
      const Upos u = view.upos(t);

      // --- pronouns ---
      const PronounKind kind = pronoun_kind(lower_word);
      if (options_.pronouns && kind != PronounKind::kNone &&
          (u == Upos::kPRON || u == Upos::kDET || u == Upos::kNone)) {
        if (view.dep(t) == Dep::kExpl) continue;
        if (kind == PronounKind::kNeuter && view.dep(t) == Dep::kNsubj) {
          // "it is likely that ...", "it seems ...": an extraposition subject refers to nothing.
          const std::int32_t h = view.head(t);
          if (h >= 0) {
            const auto hh = static_cast<std::uint32_t>(h);
            bool clausal = false;
            for (std::uint32_t c : view.children(hh))
              if (c > t && (view.dep(c) == Dep::kCcomp || view.dep(c) == Dep::kCsubj ||
                            view.dep(c) == Dep::kXcomp))
                clausal = true;
            if (clausal && (view.child(hh, Dep::kCop) >= 0 ||
                            is_one_of(view.lemma(hh), {"seem", "appear", "take", "matter", "be"})))
              continue;
          }
        }
        std::int32_t chosen = -1;
        float confidence = 0.8f;
        const bool personal = kind == PronounKind::kMale || kind == PronounKind::kFemale;
        const std::int32_t excluded = co_argument_subject(t);
        const std::int32_t subject = dominating_subject(t);
        if (subject >= 0 && compatible(kind, subject, false)) {
          chosen = subject;
        } else if (!personal) {
          // it/its/they: only a subject antecedent, here or as the previous sentence's subject.
          if (subject == -2 && si > 0) {
            const std::int32_t prev = root_subject(previous_view);
            if (prev >= 0 && compatible(kind, prev, false)) {
              chosen = prev;
              confidence = 0.7f;
            }
          }
        } else {
          // he/she: a lone compatible entity in this sentence, else in the nearest earlier
          // sentence that has one (its subject if it has several).
          for (std::uint32_t back = 0;
               back <= static_cast<std::uint32_t>(options_.max_sentence_distance) && back <= si;
               ++back) {
            const std::uint32_t target = si - back;
            // Candidates: not of the other gender. Among several, the one whose known gender
            // matches, if it is alone; else the previous sentence's subject.
            std::int32_t only = -1, only_known = -1;
            bool several = false, several_known = false;
            for (auto it = seen.rbegin(); it != seen.rend() && it->sentence >= target; ++it) {
              const Occurrence& o = *it;
              if (o.sentence != target || o.token >= t || o.entity == excluded ||
                  !compatible(kind, o.entity, false))
                continue;
              if (only >= 0 && only != o.entity) several = true;
              only = o.entity;
              if (compatible(kind, o.entity, true)) {
                if (only_known >= 0 && only_known != o.entity) several_known = true;
                only_known = o.entity;
              }
            }
            if (only < 0) continue;
            if (!several) {
              chosen = only;
              confidence = back == 0 ? 0.8f : 0.75f;
            } else if (only_known >= 0 && !several_known) {
              chosen = only_known;
              confidence = 0.7f;
            } else if (back == 1) {
              const std::int32_t prev = root_subject(previous_view);
              if (prev >= 0 && prev != excluded && compatible(kind, prev, false)) {
                chosen = prev;
                confidence = 0.7f;
              }
            }
            break;
          }
        }
        if (chosen >= 0) {
          add_mention(t, t + 1, chosen, confidence);
          seen.push_back({t, si, chosen});
        }
        continue;
      }

      // --- definite descriptions: "the company", "the country" ---
      if (!options_.descriptions || u != Upos::kNOUN || view.xpos(t) == "NNS" ||
          view.xpos(t) == "NNPS")
        continue;
      const std::string_view wanted = lexicon_.description_type(view.lemma(t));
      if (wanted.empty()) continue;
      const Dep d = view.dep(t);
      if (d == Dep::kCompound || d == Dep::kFlat || view.child(t, Dep::kCop) >= 0) continue;
      std::int32_t det = -1;
      bool plain = true;
      for (std::uint32_t c : view.children(t)) {
        const Dep cd = view.dep(c);
        if (cd == Dep::kDet && c < t && (view.lemma(c) == "the" || view.lemma(c) == "this"))
          det = static_cast<std::int32_t>(c);
        else if (cd == Dep::kAmod && c < t && view.upos(c) == Upos::kADJ && entity_at[c] < 0)
          continue;
        else if (cd == Dep::kPunct || cd == Dep::kCase)
          continue;
        else if (c > t && (cd == Dep::kAcl || cd == Dep::kNmod))
          plain = false;  // "the company that ...", "the city of X"
        else if (c < t)
          plain = false;  // "the Chinese company", "its company"
      }
      if (det < 0 || !plain) continue;
      const std::size_t colon = wanted.find(':');
      const std::string_view type = wanted.substr(0, colon);
      const std::string_view refinement =
          colon == std::string_view::npos ? std::string_view() : wanted.substr(colon + 1);
      std::int32_t chosen = -1;
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        if (it->sentence + static_cast<std::uint32_t>(options_.max_sentence_distance) < si) break;
        if (type_of(it->entity) != type) continue;
        if (refinement == "country" && !is_country(it->entity)) continue;
        if (refinement == "city" && is_country(it->entity)) continue;
        chosen = it->entity;
        break;
      }
      if (chosen >= 0) {
        add_mention(static_cast<std::uint32_t>(det), t + 1, chosen, 0.75f);
        seen.push_back({t, si, chosen});
      }
    }
  }
}

}  // namespace erx::detail
