// relations/sentence_extractor.hpp — the relation patterns of one sentence (internal header).
//
// SentenceExtractor walks one sentence's dependency tree (a DependencyView) and appends the
// relations it finds. Its methods are split by construction:
//   arguments.cpp       arguments: entities behind nominal heads, relative pronouns, coordination,
//                       subjects through control/raising/participles, modality and negation
//   verb_relations.cpp  verb-mediated relations and nominalizations ("Macron's visit to Berlin")
//   noun_relations.cpp  relational nouns, titles, appositions, copulas, "of"-affiliations,
//                       "X-based Y"
//   extractor.cpp       the driver (RelationExtractor::extract) and relation assembly
//   open_clauses.cpp    open mode: every clause as an n-ary tuple, appositions, possessives and
//                       adjective modifiers
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/relations.hpp"
#include "relations/dependency_view.hpp"

namespace erx::detail {

// A resolved argument: an entity (or, in open mode, a phrase) and the words that name it.
struct Arg {
  std::int32_t entity = -1;  // index into Document::entities(), -1 for a plain phrase
  std::uint32_t token = 0;   // the syntactic head token in the sentence
  std::uint32_t begin = 0;   // byte span of the argument as the sentence words it
  std::uint32_t end = 0;
  float confidence = 1.0f;  // how sure the argument is (mention confidence, coreference)
};

// How a clause is asserted.
struct ClauseContext {
  bool negated = false;
  Modality modality = Modality::kAsserted;
};

// A relation candidate before assembly.
struct Candidate {
  Arg subject;
  Arg object;
  std::string predicate;             // normalized
  std::vector<std::uint32_t> words;  // tokens of the predicate as the sentence words it
  std::string type;                  // "" = look up `predicate` (then `fallback`) in the schema
  std::string fallback;              // predicate to look up when `predicate` is not listed
  std::string fallback2;             // and when `fallback` is not listed either
  ClauseContext context;
  float confidence = 0.9f;
  std::vector<Arg> extra;  // open mode: further arguments of an n-ary clause, in order
  bool passive = false;    // subject is the agent of a passive predicate (Relation::passive)
  std::string implicit_text;  // predicate text when no word says it (an apposition's "is")
};

class SentenceExtractor {
 public:
  SentenceExtractor(const RelationSchema& schema, const RelationOptions& options,
                    const Document& doc, const DependencyView& view, std::vector<Candidate>& out)
      : schema_(schema), options_(options), doc_(doc), view_(view), out_(out) {}

  // Appends the candidates of every construction in the sentence.
  void run();

  // --- arguments.cpp ---
  // The argument named by nominal head `t` (through relative pronouns to their antecedent), or
  // false when it is not an entity (and not a phrase in open mode).
  bool make_arg(std::uint32_t t, Arg& out) const;
  // `t` and the nominals coordinated with it ("Canada and Mexico"), in order. With `before`
  // set, only conjuncts before that token.
  void conjuncts(std::uint32_t t, std::vector<std::uint32_t>& out, std::int64_t before = -1) const;
  // The arguments of nominal `t` and its conjuncts.
  void args_of(std::uint32_t t, std::vector<Arg>& out, std::int64_t before = -1) const;
  // The surface subjects of predicate `p`: its own nsubj, or the controller through xcomp,
  // conj, participial advcl and acl. `inherited` is set when they come from another predicate.
  void surface_subjects(std::uint32_t p, std::vector<std::uint32_t>& out, bool& inherited,
                        int depth = 0) const;
  // True if `p` is a passive verb (aux:pass, nsubj:pass, or a passive participle modifier).
  bool is_passive(std::uint32_t p) const;
  // A main verb a parser hung inside the subject's apposition or relative clause ("Jake
  // Sullivan, the US adviser, visited Riyadh" with "visited" a participle modifying "adviser";
  // "Scholz, who visited Paris, praised Macron" with "praised" an adverbial clause of
  // "visited"): when `p` is a past form without auxiliary, subject or marker, with an object,
  // after a comma, below such a modifier of a sentence-root name, returns that name's head
  // token (the real subject), else -1.
  std::int32_t appositive_misparse_subject(std::uint32_t p) const;
  // Modality and negation of the clause headed by predicate `p`.
  ClauseContext context_of(std::uint32_t p) const;
  // True if `t` is a relative pronoun ("which", "who", "that" introducing a relative clause).
  bool is_relative_pronoun(std::uint32_t t) const;
  // The noun a relative clause containing `t` modifies, or -1.
  std::int32_t antecedent(std::uint32_t t) const;
  // True if `t` has a negation child ("not", "never").
  bool has_negation(std::uint32_t t) const;
  // True if entity type `type` is a value type (DATE, MONEY, ...).
  static bool is_value_type(std::string_view type) noexcept;

  // --- verb_relations.cpp ---
  void verb_relations(std::uint32_t p);
  void adjective_relations(std::uint32_t p);
  void event_noun_relations(std::uint32_t n);

  // --- open_clauses.cpp (open mode) ---
  // The clause headed by verbal or copular predicate `p` as n-ary tuples: its subject, the
  // predicate as the sentence words it (with the preposition of a prepositional object), the
  // object and the other complements and adjuncts as extra arguments; coordinated subjects and
  // objects are split into one tuple each.
  void clause_relations(std::uint32_t p);
  // "X, a Y, ...": X is Y.
  void apposition_relations(std::uint32_t n);
  // "X's Y": X has Y.
  void possessive_relations(std::uint32_t n);
  // "a gaping loophole": the loophole is gaping.
  void modifier_relations(std::uint32_t n);

  // --- noun_relations.cpp ---
  void relational_noun_relations(std::uint32_t n);
  void affiliation_relations(std::uint32_t name);
  void hyphen_participle_relations(std::uint32_t b);
  // "Seattle-based Amazon" read off the words whatever the tree: a place's mention, a hyphen
  // touching both, "based"/"headquartered", and an organization's mention right after.
  void hyphen_token_relations(std::uint32_t b);
  void location_relations(std::uint32_t name);
  void origin_relations(std::uint32_t t);
  // "US Forces Korea commander General Xavier Brunson" parsed as one flat name: the role between
  // the names around it. Returns true if it found the relation.
  bool flat_title_relations(std::uint32_t n, std::string_view key, std::string_view type,
                            const std::vector<std::uint32_t>& words);

 private:
  // Adds a candidate unless the two arguments are the same entity.
  void emit(Candidate c);
  // Lower-cased noun-phrase key of relational noun `n`: its non-entity adjective and noun
  // modifiers and its lemma ("largest trading partner"); `words` receives their tokens.
  std::string noun_phrase_key(std::uint32_t n, std::vector<std::uint32_t>& words) const;
  // The role subjects of relational noun `n` (who holds the role).
  void role_subjects(std::uint32_t n, std::vector<Arg>& out, float& confidence,
                     ClauseContext& context, int depth = 0) const;
  // Open mode: the noun phrase headed by `h` as a contiguous token range [lo, hi]: its subtree
  // without relative clauses, appositions, clauses and (with `split`) its conjuncts, nor the
  // token `skip` and its subtree; `with_case` keeps a preposition before the head. Punctuation
  // at the edges is trimmed.
  void phrase_range(std::uint32_t h, bool split, bool with_case, std::int64_t skip,
                    std::uint32_t& lo, std::uint32_t& hi) const;
  // Open mode: the argument for nominal (or clause) head `h`: a relative pronoun stands for its
  // antecedent; `entity` is set when the phrase is exactly an entity's mention.
  Arg phrase_arg(std::uint32_t h, bool split, bool with_case, std::int64_t skip = -1) const;
  // Open mode: a whole clause or phrase under `c` as an argument (its full subtree, edges
  // trimmed), without a leading marker when `drop_mark`.
  Arg subtree_arg(std::uint32_t c, bool drop_mark) const;

  const RelationSchema& schema_;
  const RelationOptions& options_;
  const Document& doc_;
  const DependencyView& view_;
  std::vector<Candidate>& out_;
};

}  // namespace erx::detail
