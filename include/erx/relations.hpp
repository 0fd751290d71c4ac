// erx/relations.hpp — typed relations read off the dependency tree.
//
//   erx::RelationExtractor extractor;                    // built-in English schema
//   extractor.extract(doc);    // doc has tokens, tags, lemmas, a parse, mentions and entities
//   for (const erx::Relation& r : doc.relations())
//     std::cout << doc.entities()[r.subject.entity].name << " --" << r.predicate << "--> "
//               << doc.entities()[r.object.entity].name << '\n';
//   // Lee Jae Myung --visit--> Beijing
//
// What is extracted, from Universal Dependencies trees (as erx's parser and the UD treebanks
// produce them):
// - Verb-mediated links: the subject of a predicate with its object or prepositional objects,
//   through auxiliaries and modals ("would meet with Scholz"), passives ("the treaty was signed by
//   France" -> France sign treaty), control and raising ("is expected to persuade Germany"),
//   participles ("before visiting Lyon"), relative clauses, coordinated subjects, objects and
//   verbs, and nominalizations ("Macron's visit to Berlin", "invited Lee to a state visit to
//   Tokyo").
// - Noun-mediated links: titles ("French President Emmanuel Macron" -> president of France),
//   appositions ("Jake Sullivan, the US national security adviser"), copulas and relative clauses
//   with relational nouns ("Germany, which remains France's largest trading partner"),
//   "of"-affiliations ("Professor Ada Byron of Oxford University") and "X-based Y".
// Each relation gets a normalized predicate, a type from the RelationSchema (OTHER when the
// predicate is not listed), negation, modality, a confidence, its sentence and an evidence span.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

// The type given to predicates that the schema does not list.
inline constexpr std::string_view kOtherRelationType = "OTHER";

// Kinds of cue words a schema lists (see models/en/relation_schema.txt, section [cues]).
enum class CueKind : std::uint8_t {
  kReporting,        // verbs of saying: their complement clause is reported ("said that ...")
  kHypothetical,     // words whose complement is not asserted ("is expected to", "plans to")
  kModal,            // auxiliaries that make their clause hypothetical ("might", "could")
  kNegation,         // adverbs that negate their predicate ("not", "never")
  kLightVerb,        // verbs whose object noun carries the meaning ("pay a visit")
  kSkipPreposition,  // prepositions that never introduce an argument ("according to")
  kObjectControl,    // verbs whose object is the subject of their "to" complement ("persuade X to")
};

// Returns "reporting", "hypothetical", "modal", "negation", "light-verb", "skip-preposition" or
// "object-control".
ERX_API std::string_view to_string(CueKind kind) noexcept;

// A nominalization entry: "visit to => visit VISIT".
struct EventNoun {
  std::string noun;         // noun lemma(s), e.g. "visit"
  std::string preposition;  // preposition of its object ("to")
  std::string predicate;    // normalized predicate of the relation ("visit")
  std::string type;         // relation type ("VISIT")
};

// The relation schema: predicates, relational nouns and event nouns mapped to relation types, and
// the cue words of modality and negation. It is a plain-text file users can read and extend; the
// format is described at the top of models/en/relation_schema.txt.
//
// A RelationSchema is a regular value. Reading it from many threads is safe; the add_* members
// are not synchronized (finish editing before sharing it with an extractor).
class ERX_API RelationSchema {
 public:
  // An empty schema (every relation is OTHER, no cues).
  RelationSchema();
  ~RelationSchema();
  RelationSchema(const RelationSchema&);
  RelationSchema& operator=(const RelationSchema&);
  RelationSchema(RelationSchema&&) noexcept;
  RelationSchema& operator=(RelationSchema&&) noexcept;

  // The built-in English schema (models/en/relation_schema.txt as it was when erx was built).
  // Never throws.
  static RelationSchema english();

  // Reads a schema file. Throws Error(kIo) if it cannot be read, Error(kFormat) naming the file
  // and line for a malformed line.
  static RelationSchema from_file(const std::string& path);

  // Parses schema text. `name` is used in error messages. Throws Error(kFormat) naming `name` and
  // the line for a malformed line.
  static RelationSchema parse(std::string_view text, std::string_view name = "<schema>");

  // Adds the entries of schema text to this schema (later entries override earlier ones).
  // Throws Error(kFormat) as parse(); on error the schema is left unchanged.
  void add_text(std::string_view text, std::string_view name = "<schema>");

  // Adds one entry. `predicate`/`noun` are lower-case lemmas separated by single spaces; `type`
  // must be a non-empty upper-case identifier. Throws Error(kInvalidArgument) otherwise.
  void add_predicate(std::string_view predicate, std::string_view type);
  void add_relational_noun(std::string_view noun, std::string_view type);
  void add_event_noun(const EventNoun& entry);
  void add_cue(CueKind kind, std::string_view word);

  // The type of a normalized predicate ("meet with" -> "MEET"), or "" when it is not listed.
  [[nodiscard]] std::string_view predicate_type(std::string_view predicate) const noexcept;

  // The type of a relational noun phrase given as lower-case words ("largest trading partner"):
  // the type of the longest listed ending ("trading partner" -> "TRADE"), or "" if no ending is
  // listed. `matched_words`, when given, receives the number of words of the matched ending.
  [[nodiscard]] std::string_view relational_noun_type(
      std::string_view noun_phrase, std::size_t* matched_words = nullptr) const noexcept;

  // True if `lemma` is the last word of a listed relational noun ("partner" for "trading partner").
  [[nodiscard]] bool is_relational_noun_head(std::string_view lemma) const noexcept;

  // The event-noun entry for `noun` whose object has `preposition`, or nullptr.
  [[nodiscard]] const EventNoun* event_noun(std::string_view noun,
                                            std::string_view preposition) const noexcept;

  // True if `noun` is the noun of any event-noun entry.
  [[nodiscard]] bool is_event_noun(std::string_view noun) const noexcept;

  // True if `word` (a lower-case lemma or phrase) is a cue of `kind`.
  [[nodiscard]] bool is_cue(CueKind kind, std::string_view word) const noexcept;

  // Every relation type the schema mentions, sorted, without duplicates.
  [[nodiscard]] std::vector<std::string> types() const;

  // Number of predicate, relational-noun and event-noun entries.
  [[nodiscard]] std::size_t size() const noexcept;

  // The schema as text in the file format (parse(to_text()) gives an equal schema).
  [[nodiscard]] std::string to_text() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Options of relation extraction, with their defaults.
struct RelationOptions {
  // Keep only relations whose predicate the schema lists (drop type OTHER).
  bool schema_only = false;
  // Open mode: arguments may be any noun phrase, not only entities (Argument::entity == -1 and the
  // span of the phrase, unless the phrase is exactly an entity's mention). Every clause becomes a
  // relation: its subject; its predicate as the sentence words it in predicate_text (auxiliaries,
  // negation, particle, control verbs, and the preposition of a prepositional object: "was born
  // in", "wants to build", "is the capital of"); its first complement as the object; its other
  // complements and adjuncts, with their prepositions, in Relation::arguments. Coordinated
  // subjects and objects give one relation each; a passive with an agent has the agent as subject
  // and Relation::passive set. Appositions and adjective modifiers give "be" relations ("a
  // gaping loophole": loophole be gaping), possessives "has" relations; they and the
  // noun-mediated links of typed mode rank below the clauses.
  bool open = false;
  // Allow value entities (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) as arguments.
  bool value_arguments = false;
  // Drop relations whose confidence is below this.
  float min_confidence = 0.0f;
};

// Reads relations off a parsed document. Immutable after construction; extract() is const and
// thread-safe (all scratch memory is per call), so one extractor serves any number of threads.
class ERX_API RelationExtractor {
 public:
  // An extractor using `schema` (the built-in English schema by default).
  explicit RelationExtractor(RelationSchema schema = RelationSchema::english(),
                             RelationOptions options = {});

  // Replaces doc's relations with the ones found in it. Needs tokens with UPOS, lemmas and a
  // parse (Document::has_parse()); without a parse it finds nothing. Arguments are entities
  // (mentions linked by the Linker); in open mode plain noun phrases too. Relations come in
  // sentence order. Never throws except std::bad_alloc.
  void extract(Document& doc) const;

  [[nodiscard]] const RelationSchema& schema() const noexcept { return *schema_; }
  [[nodiscard]] const RelationOptions& options() const noexcept { return options_; }

 private:
  std::shared_ptr<const RelationSchema> schema_;  // shared by copies: copying an extractor is cheap
  RelationOptions options_;
};

}  // namespace erx
