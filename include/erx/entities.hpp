// erx/entities.hpp — named entities: a statistical recognizer, gazetteers, patterns and user rules.
//
//   erx::Tokenizer tokenizer;
//   erx::EntityRecognizer ner = erx::EntityRecognizer::english();   // built-in model, no files
//   erx::Document doc = tokenizer.tokenize("Chinese President Xi Jinping visited Seoul on Monday.");
//   ner.recognize(doc);                                             // fills doc.mentions()
//   for (const erx::Mention& m : doc.mentions())
//     std::cout << doc.text(m) << '\t' << m.type << '\n';
//   // Chinese NORP · President TITLE · Xi Jinping PERSON · Seoul GPE · Monday DATE
//
//   erx::EntityRuler rules;                                         // user entities
//   rules.add_phrase("Hankuk University of Foreign Studies", "ORG");
//   rules.add_pattern("[lower=vice] [text=-]? [lower=president]", "TITLE");
//   erx::EntityRecognizer mine = ner.with_rules(rules);             // shares the loaded model
//
// Where mentions come from, and who wins when they overlap (highest first):
//   1. user rules (EntityRuler, MentionSource::kUser) with RulePriority::kOverride (the default);
//   2. the statistical model (kModel): a BILOU sequence labeler (averaged structured perceptron
//      with Viterbi decoding, two passes: the second sees how the first labeled the same words
//      elsewhere in the document) over word, shape, affix, context, POS, gazetteer and word-cluster
//      features (Ratinov & Roth 2009). It finds PERSON, ORG, LOC and MISC names; gazetteers and
//      name cues then split LOC into GPE (countries, cities, states) and LOC (regions, seas, ...)
//      and MISC into NORP / EVENT / LAW / LANGUAGE / PRODUCT / WORK_OF_ART where they can;
//   3. patterns (kPattern): DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL and TITLE;
//   4. user rules with RulePriority::kFillGaps: only where nothing above matched.
// Within one level a longer mention beats a shorter one, then the earlier start, then the rule
// added first. The result never overlaps and is sorted by position.
//
// Thread-safety: EntityRecognizer is immutable once built; recognize() is const and safe from any
// number of threads (its scratch memory is per call). EntityRuler is a plain value: build it on one
// thread, then share it read-only (match() is const and thread-safe).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

class ModelFile;

// ------------------------------------------------------------------------------------------------
// User rules
// ------------------------------------------------------------------------------------------------

// Where a user rule stands relative to the model and the patterns (see the header comment).
enum class RulePriority : std::uint8_t {
  kOverride,  // the rule's match replaces any model or pattern mention it overlaps
  kFillGaps,  // the rule's match is kept only where no model or pattern mention overlaps it
};

// Options of one user rule.
struct EntityRuleOptions {
  // Match regardless of letter case ("apple" also matches "Apple" and "APPLE"). Phrases are
  // case-sensitive by default; pattern attributes say their own case (text= vs lower=).
  bool ignore_case = false;
  RulePriority priority = RulePriority::kOverride;
};

// User-defined entities: phrase lists and token patterns, matched token by token.
//
// Phrases are tokenized with erx's Tokenizer when added, so whitespace inside a phrase and in the
// text does not matter ("New  York" with two spaces or a line break matches "New York"), and
// typographic apostrophes and quotes match their ASCII forms (Token::norm).
//
// A token pattern is a space-separated list of token tests, each optionally followed by a
// quantifier ?, *, + or {m,n} (n <= 8). A test is
//   "word"            the token's text is exactly word (use \" for a quote)
//   [attr=value ...]  every attribute holds; attributes:
//                       text=S  lower=S (lower-cased text)  shape=S ("Xxxx", "dd", "X.X.")
//                       upos=NOUN  xpos=NNP (need the tagger)  kind=word|number|punct|symbol
//                       is_title  is_upper  is_lower  is_digit  is_punct  (flags, no value)
//                     a value may list alternatives: lower=president|chancellor; a value with
//                     spaces or ']' is quoted: text="]".
//   [] or _           any token.
// Example: [lower=vice] [text=-]? [lower=president|chancellor]
//
// Rule files are UTF-8 text, one rule per line, fields separated by a TAB:
//   TYPE <TAB> phrase [<TAB> options]
//   TYPE <TAB> pattern: token-pattern [<TAB> options]
// options is a comma-separated list of ignore_case, fill_gaps. Empty lines and lines starting with
// '#' are ignored. Example:
//   ORG	Hankuk University of Foreign Studies
//   PRODUCT	pattern: "Ascend" [is_digit]	fill_gaps
//
// Matching: at each position the longest match of any rule wins, then the rule added first;
// matches never overlap. A plain value type (copyable, movable).
class ERX_API EntityRuler {
 public:
  EntityRuler();
  ~EntityRuler();
  EntityRuler(const EntityRuler& other);
  EntityRuler& operator=(const EntityRuler& other);
  EntityRuler(EntityRuler&&) noexcept;
  EntityRuler& operator=(EntityRuler&&) noexcept;

  // Adds a phrase of type `type`. Throws Error(kInvalidArgument) if the phrase has no token or the
  // type is empty or contains whitespace.
  void add_phrase(std::string_view phrase, std::string_view type, EntityRuleOptions options = {});

  // Adds a token pattern (syntax above). Throws Error(kFormat) naming the column of the problem if
  // the pattern is malformed, Error(kInvalidArgument) for a bad type.
  void add_pattern(std::string_view pattern, std::string_view type, EntityRuleOptions options = {});

  // Adds every rule of a rule file's text; `source` names it in error messages, which give the
  // line ("rules.tsv:12: unknown option 'ignorecase'"). Throws Error(kFormat).
  void add_rules(std::string_view text, std::string_view source = "<rules>");

  // Reads a rule file. Throws Error(kIo) if it cannot be read, Error(kFormat) as add_rules().
  void load(const std::string& path);

  // Number of rules.
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }

  // The matches of all rules in `doc` (which must be tokenized), non-overlapping, in text order,
  // with source kUser and confidence 1. `priorities`, if not null, receives the priority of each
  // returned mention. Thread-safe.
  [[nodiscard]] std::vector<Mention> match(const Document& doc, std::vector<RulePriority>* priorities = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ------------------------------------------------------------------------------------------------
// The recognizer
// ------------------------------------------------------------------------------------------------

// Which mention layers recognize() produces.
struct EntityRecognizerOptions {
  bool model = true;     // statistical names: PERSON, ORG, GPE, LOC, NORP, MISC, ...
  bool patterns = true;  // DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL
  bool titles = true;    // TITLE (President, prime minister, chief executive, professor, ...)
  // Refine model types to the OntoNotes set (LOC -> GPE/LOC, MISC -> NORP/EVENT/...). When false
  // the model's own types are kept (for CoNLL-2003 models: PER, ORG, LOC, MISC).
  bool refine_types = true;
  // Use the two-pass document-level (non-local) features if the model has them.
  bool two_pass = true;
};

// Options of EntityRecognizer::train.
struct EntityTrainOptions {
  int max_epochs = 30;          // upper bound on passes over the training data
  int patience = 4;             // early stopping: epochs without a dev improvement
  std::uint64_t seed = 1;       // shuffling seed (training is deterministic for a given seed)
  bool two_pass = true;         // also train the second, document-level pass
  int folds = 5;                // jackknife folds producing first-pass labels for the second pass
  float prune_threshold = 0.0f; // CompileOptions::prune_threshold of the final models
  bool use_pos = true;          // POS features, when the documents are tagged
  // Also train on a copy of every document re-tokenized by erx's Tokenizer where that splits a
  // word ("Jun-young" -> "Jun - young"), so the model knows both tokenizations.
  bool retokenize = true;
  // Give tokens of sentences written without capitals their own shape features (and a sentence
  // flag), so that lower-case names learned from lower-cased training copies do not teach the
  // model that lower-case words in ordinary cased text are names. Stored in the model.
  bool lower_sentences = false;
  std::ostream* log = nullptr;  // progress lines (per epoch: train accuracy, dev F1), if set
};

// Resources the feature extractor uses: gazetteer lists and word clusters. They are stored inside
// the trained model, so a model always runs with the lists it was trained with.
struct EntityResources {
  // Gazetteer lists: list name (e.g. "GPE.cities", "PERSON.first_names") -> entries, one name
  // per element ("South Korea", "Xi"). Entries are tokenized with erx's Tokenizer and matched
  // token by token, ignoring case (the model's features also see the word's capitalization).
  std::map<std::string, std::vector<std::string>> gazetteers;
  // Word clusters: word -> bit string path ("0110100"), as written by Brown clustering.
  std::vector<std::pair<std::string, std::string>> clusters;

  // Reads every "*.txt" of directory `dir` (except README and LICENSE files) as a gazetteer list
  // named after the file, e.g. "GPE.cities" — a "<TYPE>." prefix tells the type refiner the type (lines
  // starting with '#' and empty lines skipped; a TAB ends the name). Throws Error(kIo).
  void load_gazetteers(const std::string& dir);
  // Reads a clusters file: lines "path<TAB>word[<TAB>count]" (the output of wcluster / erx's own
  // clusterer). Throws Error(kIo) or Error(kFormat) naming the line.
  void load_clusters(const std::string& path);
};

// One training / evaluation sentence: words with their gold tags (IOB1, IOB2, BILOU or IOBES; the
// scheme is detected) and optional POS tags.
struct LabeledSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // entity tags ("B-PER", "I-LOC", "O", ...); may be empty
  std::vector<std::string> pos;   // PTB tags, or empty
};

// A document: the unit over which non-local features look.
struct LabeledDocument {
  std::vector<LabeledSentence> sentences;
};

class ERX_API EntityRecognizer {
 public:
  // The built-in English recognizer (from ModelBundle::english()). Thread-safe; loads once per
  // process. Throws Error(kModel) if the built-in bundle has no entity model.
  [[nodiscard]] static EntityRecognizer english(EntityRecognizerOptions options = {});

  // A recognizer from an entity model file ("entities" stage). Throws Error(kIo)/Error(kModel)
  // naming the file.
  [[nodiscard]] static EntityRecognizer load(const std::string& path, EntityRecognizerOptions options = {});
  // The same from a loaded model file.
  [[nodiscard]] static EntityRecognizer from_model(const ModelFile& model, EntityRecognizerOptions options = {});

  // A recognizer with patterns, titles and user rules only (no statistical model). Never throws.
  [[nodiscard]] static EntityRecognizer rules_only(EntityRecognizerOptions options = {});

  // Trains a model on `train` (dev, if not empty, drives early stopping). Deterministic for given
  // data, options and resources. Throws Error(kInvalidArgument) if train has no tagged sentence or
  // Error(kFormat) for a malformed tag ("sentence 12, word 3: bad tag 'B_PER'").
  [[nodiscard]] static EntityRecognizer train(const std::vector<LabeledDocument>& train,
                                              const std::vector<LabeledDocument>& dev,
                                              const EntityResources& resources,
                                              const EntityTrainOptions& options = {});

  // The model as a model file (stage "entities"), e.g. to save() it or add it to a bundle.
  // Throws Error(kInvalidArgument) for a rules_only() recognizer.
  [[nodiscard]] ModelFile to_model() const;

  // A copy that also applies `rules` (replacing the rules of this one). Shares the loaded model;
  // cheap. This is how rules are added at run time.
  [[nodiscard]] EntityRecognizer with_rules(EntityRuler rules) const;
  // A copy with other options. Shares the loaded model.
  [[nodiscard]] EntityRecognizer with_options(EntityRecognizerOptions options) const;

  [[nodiscard]] const EntityRecognizerOptions& options() const noexcept;
  [[nodiscard]] const EntityRuler& rules() const noexcept;
  // True if a statistical model is loaded.
  [[nodiscard]] bool has_model() const noexcept;
  // The types the statistical model predicts before refinement ("LOC", "MISC", "ORG", "PER").
  [[nodiscard]] std::vector<std::string> model_types() const;

  // Finds the mentions of `doc` (tokens and sentences required; POS tags used if present) and
  // replaces doc.mutable_mentions() with them, sorted and non-overlapping. Thread-safe.
  void recognize(Document& doc) const;

  // Labels pre-tokenized sentences of one document (for CoNLL files) and returns, per sentence,
  // the mentions as token ranges with their types (Mention::begin/end are byte offsets into the
  // words joined by single spaces). Thread-safe.
  [[nodiscard]] std::vector<std::vector<Mention>> recognize(const LabeledDocument& doc) const;

 private:
  struct Impl;
  explicit EntityRecognizer(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// ------------------------------------------------------------------------------------------------
// CoNLL files and conlleval scoring
// ------------------------------------------------------------------------------------------------
namespace ner {

// Entity tag encodings.
enum class TagScheme : std::uint8_t {
  kAuto,   // detect from the tags (L-/U- -> BILOU, S-/E- with B- -> IOBES, else IOB as is)
  kIob1,   // I- by default, B- only between two adjacent entities of one type (CoNLL-2003)
  kIob2,   // B- starts every entity
  kBilou,  // B- I- L- U-
  kIobes,  // B- I- E- S-
};

// Parses "auto", "iob1", "iob2", "bilou" (also "bioul") or "iobes" (also "bioes"). Throws
// Error(kInvalidArgument) otherwise.
ERX_API TagScheme tag_scheme_from_string(std::string_view name);

// The scheme of a tag column: kBilou if any tag starts with L- or U-, kIobes if any starts with S-
// or E- and some with B-, kIob2 if every entity starts with B-, else kIob1.
ERX_API TagScheme detect_scheme(const std::vector<std::string>& tags);

// A typed token range [first, end).
struct TagSpan {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::string type;
  friend bool operator==(const TagSpan&, const TagSpan&) = default;
};

// The entities of one sentence's tags. BILOU and IOBES are read as such; IOB tags are decoded the
// way conlleval does (an I- after O or after another type starts an entity). Tags without a
// prefix other than "O" are single-token entities of that type.
ERX_API std::vector<TagSpan> spans_from_tags(const std::vector<std::string>& tags, TagScheme scheme = TagScheme::kAuto);

// The tags of `n` tokens holding `spans` (non-overlapping, sorted) in `scheme` (kAuto = kIob2).
ERX_API std::vector<std::string> tags_from_spans(std::size_t n, const std::vector<TagSpan>& spans, TagScheme scheme);

// One token line of a token-per-line file.
struct ConllLine {
  std::size_t line_number = 0;   // 1-based, for messages
  std::string text;              // the line as read, without its line break
  std::vector<std::string> fields;
  bool doc_start = false;        // a "-DOCSTART-" line (kept as a token line, as conlleval does)
};

// A sentence of a token-per-line file: its comment lines and token lines.
struct ConllSentence {
  std::vector<std::string> comments;  // "# ..." lines before it (without the line break)
  std::vector<ConllLine> lines;       // token lines, -DOCSTART- lines included
  bool new_document = false;          // a -DOCSTART- or "# newdoc" precedes it
};

// A token-per-line file (CoNLL-2003: WORD POS CHUNK TAG; UNER / IOB2: INDEX WORD TAG ...).
struct ConllFile {
  std::string name;
  std::vector<ConllSentence> sentences;
  char delimiter = ' ';        // TAB if the data lines are tab-separated, else space
  std::size_t width = 0;       // fields per token line
  int word_column = 0;         // 0-based column of the word (1 when column 0 is an index)
  int tag_column = -1;         // 0-based column of the gold tag (first tag-like column after the
                               // word; -1 if none)
  int pos_column = -1;         // 0-based column of PTB POS tags if recognizable, else -1

  // The file as documents of labeled sentences (-DOCSTART- lines dropped), with gold tags from
  // tag_column and POS from pos_column when present.
  [[nodiscard]] std::vector<LabeledDocument> documents() const;
};

// Parses a token-per-line file. Blank lines end sentences; "-DOCSTART-" lines and "# newdoc"
// comments start documents; lines starting with '#' whose field count differs from the data lines
// (or that look like "# key = value") are comments. Fields are split on TABs if the file's first
// data line has one, else on runs of spaces. Throws Error(kFormat) naming the file and line when a
// token line has a different number of fields than the first.
ERX_API ConllFile parse_conll(std::string_view text, std::string_view name = "<conll>");
// Reads and parses a file. Throws Error(kIo) if it cannot be read.
ERX_API ConllFile read_conll(const std::string& path);

// Scores of one entity type (or of all, for the micro average), as conlleval computes them.
struct TypeScore {
  std::string type;
  std::size_t gold = 0;       // entities in the gold tags ("phrases")
  std::size_t predicted = 0;  // entities in the guessed tags ("found")
  std::size_t correct = 0;    // exact matches in span and type
  [[nodiscard]] double precision() const noexcept;  // percent, 0 if nothing predicted
  [[nodiscard]] double recall() const noexcept;     // percent, 0 if nothing gold
  [[nodiscard]] double f1() const noexcept;         // percent, 0 if precision + recall is 0
};

// The result of a conlleval run.
struct ConllevalResult {
  std::size_t tokens = 0;          // token lines (sentence boundaries excluded)
  std::size_t correct_tags = 0;    // tokens whose guessed tag equals the gold tag
  TypeScore overall;               // micro average over all types
  std::vector<TypeScore> types;    // per type, sorted by name
  [[nodiscard]] double accuracy() const noexcept;  // percent
  // The report, formatted exactly as conlleval.pl prints it.
  [[nodiscard]] std::string report() const;
};

// A re-implementation of conlleval.pl (CoNLL-2000/2003, version 2004-01-26): feed it the gold and
// guessed tag of every line, and a boundary for every blank line; finish() gives the scores.
// IOB1, IOB2 (and IOE) tags are scored exactly as conlleval does. BILOU and IOBES columns are
// converted to IOB2 first (conlleval itself mis-reads U-/L-/S-/E- tags); pass their scheme to the
// constructor or use ner::evaluate(). Types are what follows the first '-' of a tag.
class ERX_API Conlleval {
 public:
  Conlleval() = default;
  // Adds one token line.
  void add(std::string_view gold, std::string_view guessed);
  // Adds a sentence boundary (an empty line or a line whose first field is "-X-").
  void boundary();
  // The scores so far (the state is not changed; more lines may follow).
  [[nodiscard]] ConllevalResult result() const;

 private:
  void step(std::string_view gold, std::string_view guessed, bool is_boundary);
  std::string last_gold_ = "O", last_guessed_ = "O", last_gold_type_, last_guessed_type_;
  bool in_correct_ = false;
  std::size_t tokens_ = 0, correct_tags_ = 0;
  std::map<std::string, TypeScore, std::less<>> types_;
  TypeScore overall_;
};

// Scores guessed tag sequences against gold ones, sentence by sentence, converting BILOU / IOBES
// columns (as given or detected per column over all sentences) to IOB2 before conlleval.
// `doc_start_tokens` extra O/O tokens are counted (conlleval counts -DOCSTART- lines as tokens).
// Throws Error(kInvalidArgument) if the sentence or token counts differ.
ERX_API ConllevalResult evaluate(const std::vector<std::vector<std::string>>& gold,
                                 const std::vector<std::vector<std::string>>& guessed,
                                 TagScheme gold_scheme = TagScheme::kAuto,
                                 TagScheme guessed_scheme = TagScheme::kAuto, std::size_t doc_start_tokens = 0);

// Maps an erx entity type to the type set of an evaluation corpus: "conll" (PER ORG LOC MISC:
// PERSON->PER, GPE/LOC/FAC->LOC, NORP/EVENT/...->MISC, numeric types -> "") or "uner" (PER ORG LOC,
// no MISC). Types of the set itself map to themselves. Returns "" for types outside the set.
ERX_API std::string_view map_type(std::string_view type, std::string_view type_set);

}  // namespace ner
}  // namespace erx
