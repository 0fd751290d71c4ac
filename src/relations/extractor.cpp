// Implementation of erx::RelationExtractor (erx/relations.hpp): the per-sentence driver and the
// assembly of candidates into Relations (type lookup, predicate text, evidence, de-duplication).
#include <algorithm>
#include <tuple>

#include "erx/relations.hpp"
#include "relations/dependency_view.hpp"
#include "relations/sentence_extractor.hpp"

namespace erx {

namespace detail {

void SentenceExtractor::emit(Candidate c) {
  if (c.subject.entity >= 0 && c.subject.entity == c.object.entity) return;
  if (c.subject.begin < c.object.end && c.object.begin < c.subject.end)
    return;  // overlapping spans
  out_.push_back(std::move(c));
}

void SentenceExtractor::run() {
  for (std::uint32_t t = view_.first(); t < view_.end(); ++t) {
    const Upos u = view_.upos(t);
    if (options_.open) {
      // Open mode reads every clause as a tuple (open_clauses.cpp) instead of the typed
      // verb-mediated links; noun-mediated links are read as in typed mode.
      clause_relations(t);
      apposition_relations(t);
      possessive_relations(t);
      modifier_relations(t);
    } else if (view_.is_verb(t)) {
      verb_relations(t);
    } else if (u == Upos::kADJ) {
      adjective_relations(t);
    }
    const std::size_t clause_end = out_.size();
    if (u == Upos::kNOUN || u == Upos::kPROPN) {
      if (schema_.is_event_noun(view_.lemma(t))) event_noun_relations(t);
      relational_noun_relations(t);
    }
    if (u == Upos::kPROPN || u == Upos::kNOUN) {
      affiliation_relations(t);
      location_relations(t);
      origin_relations(t);
    }
    const Dep d = view_.dep(t);
    if (d == Dep::kAmod || d == Dep::kAcl || d == Dep::kCompound || d == Dep::kNmod ||
        d == Dep::kAdvcl)
      hyphen_participle_relations(t);
    hyphen_token_relations(t);
    // In open mode the clauses say most; a link read off a noun phrase alone ("French President
    // Macron") ranks below them.
    if (options_.open)
      for (std::size_t i = clause_end; i < out_.size(); ++i) out_[i].confidence *= 0.3f;
  }
}

namespace {

// The words of `tokens` (sorted, unique) joined as the text spaces them: no space between tokens
// that touch ("vice-defence"), one space otherwise.
std::string join_words(const Document& doc, std::vector<std::uint32_t>& tokens) {
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  std::string out;
  const auto& all = doc.tokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 &&
        !(tokens[i] == tokens[i - 1] + 1 && all[tokens[i - 1]].end == all[tokens[i]].begin))
      out += ' ';
    out += doc.text(all[tokens[i]]);
  }
  return out;
}

}  // namespace

}  // namespace detail

RelationExtractor::RelationExtractor(RelationSchema schema, RelationOptions options)
    : schema_(std::make_shared<const RelationSchema>(std::move(schema))), options_(options) {}

void RelationExtractor::extract(Document& doc) const {
  auto& relations = doc.mutable_relations();
  relations.clear();
  if (!doc.has_parse() || doc.tokens().empty()) return;

  const auto& tokens = doc.tokens();
  std::vector<std::int32_t> mention_of(tokens.size(), -1);
  const auto& mentions = doc.mentions();
  for (std::size_t m = 0; m < mentions.size(); ++m)
    for (std::uint32_t t = mentions[m].first_token; t < mentions[m].end_token && t < tokens.size();
         ++t)
      mention_of[t] = static_cast<std::int32_t>(m);

  detail::DependencyView view;
  std::vector<detail::Candidate> candidates;
  const auto& sentences = doc.sentences();
  for (std::uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (s.end_token <= s.first_token) continue;
    view.build(doc, s, mention_of);
    candidates.clear();
    detail::SentenceExtractor(*schema_, options_, doc, view, candidates).run();

    const std::size_t first_relation = relations.size();
    for (detail::Candidate& c : candidates) {
      Relation r;
      r.subject = Argument{c.subject.entity, c.subject.begin, c.subject.end};
      r.object = Argument{c.object.entity, c.object.begin, c.object.end};
      r.predicate = std::move(c.predicate);
      std::string_view type = c.type;
      if (type.empty()) type = schema_->predicate_type(r.predicate);
      if (type.empty() && !c.fallback.empty()) type = schema_->predicate_type(c.fallback);
      if (type.empty() && !c.fallback2.empty()) type = schema_->predicate_type(c.fallback2);
      const bool other = type.empty();
      if (other && options_.schema_only) continue;
      r.type = other ? std::string(kOtherRelationType) : std::string(type);
      for (const detail::Arg& a : c.extra) r.arguments.push_back(Argument{a.entity, a.begin, a.end});
      r.passive = c.passive;
      r.negated = c.context.negated;
      r.modality = c.context.modality;
      r.confidence = c.confidence * std::min(c.subject.confidence, c.object.confidence) *
                     (other ? 0.9f : 1.0f);
      if (r.confidence < options_.min_confidence) continue;
      r.sentence = si;
      std::uint32_t begin = std::min(c.subject.begin, c.object.begin);
      std::uint32_t end = std::max(c.subject.end, c.object.end);
      for (std::uint32_t w : c.words) {
        begin = std::min(begin, tokens[w].begin);
        end = std::max(end, tokens[w].end);
      }
      for (const detail::Arg& a : c.extra) {
        begin = std::min(begin, a.begin);
        end = std::max(end, a.end);
      }
      r.evidence_begin = begin;
      r.evidence_end = end;
      r.predicate_text = c.words.empty() ? c.implicit_text : detail::join_words(doc, c.words);
      // The same link said twice in one sentence (e.g. by two constructions) is kept once, with
      // the higher confidence.
      const auto key = [](const Relation& x) {
        return std::tie(x.subject.entity, x.subject.begin, x.object.entity, x.object.begin,
                        x.predicate);
      };
      bool merged = false;
      for (std::size_t i = first_relation; i < relations.size(); ++i) {
        if (key(relations[i]) != key(r)) continue;
        if (r.confidence > relations[i].confidence) relations[i] = std::move(r);
        merged = true;
        break;
      }
      if (!merged) relations.push_back(std::move(r));
    }
    // Sentence order, then evidence position.
    std::stable_sort(relations.begin() + static_cast<std::ptrdiff_t>(first_relation),
                     relations.end(), [](const Relation& a, const Relation& b) {
                       return std::tie(a.evidence_begin, a.evidence_end) <
                              std::tie(b.evidence_begin, b.evidence_end);
                     });
  }
}

}  // namespace erx
