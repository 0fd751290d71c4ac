// erx/relation_classifier.hpp — trained typed relations between entity mentions, for a fixed schema.
//
// The RelationExtractor (erx/relations.hpp) reads relations off the parse with hand-written
// constructions and an open-ended predicate schema. A RelationClassifier learns a user's own fixed
// schema (CoNLL04's Work_For, Live_In, ... or any other) from annotated sentences: every pair of
// mentions in a sentence is one instance, classified as one of the schema's types (in one of two
// directions) or as no relation by a few averaged perceptrons (the shared learner of src/ml,
// trained with different shuffling seeds, scores summed) over
// features of the pair: the dependency path between the two mentions (labels and directions, with
// and without the words on it), the words between and around them, their entity types and head
// words, the predicate lemma at the top of the path, their distance and order.
//
//   // training (what `erx train relations` does)
//   std::vector<erx::RelationCorpusSentence> train = erx::read_conll04("train.CoNLL04.json");
//   std::vector<erx::RelationSample> samples;
//   for (const auto& s : train) {
//     erx::Document doc = erx::relation_corpus_document(s);     // tokens, sentence, gold mentions
//     tagger.tag(doc);  parser.parse(doc);                       // features need lemmas and a parse
//     samples.push_back({std::move(doc), erx::relation_corpus_links(s)});
//   }
//   erx::RelationClassifier model = erx::RelationClassifier::train(samples, dev_samples);
//   model.to_model().save("relations.erxm");
//
//   // run time: after the entity recognizer (and the linker, to get entity ids)
//   erx::RelationClassifier clf = erx::RelationClassifier::load("relations.erxm");
//   for (const erx::RelationPrediction& p : clf.predict(doc))   // pairs of doc.mentions()
//     std::cout << doc.text(doc.mentions()[p.subject]) << " --" << p.type << "--> "
//               << doc.text(doc.mentions()[p.object]) << '\n';
//   clf.add_relations(doc);   // or merge them into doc.relations() (what the Pipeline does)
//
// A Pipeline loaded from a bundle directory holding "relations.erxm" runs the classifier after
// the pattern extractor and merges its relations (see Pipeline::load).
//
// Thread-safety: a RelationClassifier is immutable once built; predict() and add_relations() are
// const and safe from any number of threads (scratch memory is per call). Copies share the model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

class ModelFile;

// ------------------------------------------------------------------------------------------------
// Annotated corpora (CoNLL04-style JSON)
// ------------------------------------------------------------------------------------------------

// An entity of an annotated sentence: the token range [first, end) and its type ("Peop").
struct RelationCorpusEntity {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::string type;
};

// A relation of an annotated sentence between two of its entities (indices into
// RelationCorpusSentence::entities), directed subject -> object.
struct RelationCorpusRelation {
  std::uint32_t subject = 0;
  std::uint32_t object = 0;
  std::string type;
};

// One annotated sentence: tokens, entities (sorted by position, non-overlapping) and relations.
struct RelationCorpusSentence {
  std::vector<std::string> tokens;
  std::vector<RelationCorpusEntity> entities;
  std::vector<RelationCorpusRelation> relations;
};

// Parses a CoNLL04-style JSON array: one object per sentence with "tokens" (strings), "entities"
// ([start, end, type] with an exclusive end) and "relations" ([head start, head end, tail start,
// tail end, type], pointing at entities by span). Entities are sorted by position; an entity that
// overlaps an earlier (longer or earlier-starting) one is dropped together with its relations.
// `name` is used in messages. Throws Error(kFormat) naming `name` and the sentence index for
// malformed JSON, spans out of range or a relation whose span is not an entity.
ERX_API std::vector<RelationCorpusSentence> parse_conll04(std::string_view json, std::string_view name = "<conll04>");

// Reads and parses a CoNLL04-style JSON file. Throws Error(kIo) if it cannot be read, else as
// parse_conll04().
ERX_API std::vector<RelationCorpusSentence> read_conll04(const std::string& path);

// A document for an annotated sentence: its tokens joined by single spaces (one Token per corpus
// token, one Sentence), and one Mention per entity (same order, source kUser, entity -1). Tagging
// and parsing are left to the caller. Never throws except std::bad_alloc.
ERX_API Document relation_corpus_document(const RelationCorpusSentence& sentence);

// ------------------------------------------------------------------------------------------------
// The classifier
// ------------------------------------------------------------------------------------------------

// A gold relation between two mentions of a document (indices into Document::mentions()).
struct MentionRelation {
  std::uint32_t subject = 0;
  std::uint32_t object = 0;
  std::string type;
};

// The gold relations of an annotated sentence as mention relations of relation_corpus_document()
// (whose mentions are the sentence's entities in order).
ERX_API std::vector<MentionRelation> relation_corpus_links(const RelationCorpusSentence& sentence);

// A training or evaluation instance: a tagged and parsed document whose mentions are the gold
// entities, and its gold relations between them.
struct RelationSample {
  Document doc;
  std::vector<MentionRelation> relations;
};

// A predicted relation: mention indices, type and a confidence in (0, 1].
struct RelationPrediction {
  std::uint32_t subject = 0;  // index into Document::mentions()
  std::uint32_t object = 0;
  std::string type;
  float confidence = 1.0f;
};

// Options of a loaded classifier.
struct RelationClassifierOptions {
  // Predictions whose confidence (the softmax of the class scores over the allowed classes) is
  // below this are dropped.
  float min_confidence = 0.0f;
  // Subtracted from the no-relation score (per ensemble member) before the decision: > 0 trades
  // precision for recall, < 0 the other way. 0 is the classifier as trained.
  float none_bias = 0.0f;
};

// Options of RelationClassifier::train.
struct RelationTrainOptions {
  int max_epochs = 30;           // upper bound on passes over the training pairs
  int patience = 5;              // early stopping: epochs without a dev F1 improvement
  std::uint64_t seed = 1;        // shuffling seed (training is deterministic for a given seed)
  float prune_threshold = 0.0f;  // CompileOptions::prune_threshold of the final model
  // Number of perceptrons trained with seeds seed, seed + 1, ... (each early-stopped on dev);
  // the model sums their scores. Averaging out the shuffling order makes small-data models more
  // stable; the model file grows linearly.
  int ensemble = 5;
  std::ostream* log = nullptr;   // progress lines (per epoch: train errors, dev P/R/F1), if set
};

class ERX_API RelationClassifier {
 public:
  // The stage name of relation classifier model files ("relations.erxm" in a bundle).
  static constexpr std::string_view kStage = "relations";

  // Reads a model file of stage "relations". Throws Error(kIo)/Error(kModel) naming the file.
  [[nodiscard]] static RelationClassifier load(const std::string& path, RelationClassifierOptions options = {});
  // The same from a loaded model file. Throws Error(kModel) naming the file for a wrong stage,
  // a newer payload version or a damaged section.
  [[nodiscard]] static RelationClassifier from_model(const ModelFile& model, RelationClassifierOptions options = {});

  // Trains on `train` an ensemble of options.ensemble perceptrons (shuffling seeds seed, seed+1,
  // ...); for each, `dev` (if not empty) chooses the epoch by its relation micro F1 (gold
  // mentions) and drives early stopping, else the last epoch is kept. Candidate pairs are the
  // mention pairs of one sentence whose two entity types some training relation joins; at run time
  // a type is only predicted for a pair of types seen with it in training. Deterministic for given
  // data and options. Throws Error(kInvalidArgument) if `train` has no relation, or a relation's
  // mention index is out of range or joins two mentions of different sentences.
  [[nodiscard]] static RelationClassifier train(std::span<const RelationSample> train,
                                                std::span<const RelationSample> dev,
                                                const RelationTrainOptions& options = {});

  // The model as a model file (stage "relations"), e.g. to save() it or put it in a bundle.
  [[nodiscard]] ModelFile to_model() const;

  // A copy with other options. Shares the loaded model.
  [[nodiscard]] RelationClassifier with_options(RelationClassifierOptions options) const;
  [[nodiscard]] const RelationClassifierOptions& options() const noexcept;

  // The relation types of the schema the model was trained on, sorted.
  [[nodiscard]] std::vector<std::string> types() const;

  // Classifies every candidate pair of doc.mentions() within one sentence (mentions from the
  // linker's coreference are skipped) and returns the relations found, at most one per pair of
  // mentions, in sentence and mention order. Needs tokens and sentences; uses lemmas, tags and the
  // parse when present (a model trained on parsed text loses accuracy without them). Thread-safe.
  [[nodiscard]] std::vector<RelationPrediction> predict(const Document& doc) const;

  // Adds predict()'s relations to doc.relations(): each argument is its mention's entity
  // (Mention::entity; -1 if unlinked) and span; predicate and type are the relation type,
  // predicate_text the predicate word of the dependency path between the two (its top, or the
  // word next to the top when the top is an argument's head; empty if there is none), evidence the
  // sentence, confidence the prediction's. A prediction is skipped when doc.relations() already has a relation of
  // the same type between the same arguments (same entities, or same spans if unlinked), so
  // pattern relations keep their predicate and evidence. Relations stay in sentence order.
  void add_relations(Document& doc) const;

 private:
  struct Impl;
  explicit RelationClassifier(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// ------------------------------------------------------------------------------------------------
// Strict end-to-end scoring
// ------------------------------------------------------------------------------------------------

// A typed span of a sentence (an entity), by byte offsets into a common text.
struct TypedSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string type;
  friend auto operator<=>(const TypedSpan&, const TypedSpan&) = default;
};

// A relation as the strict setting compares it: both argument spans with their entity types, and
// the relation type.
struct TypedRelation {
  TypedSpan subject;
  TypedSpan object;
  std::string type;
  friend auto operator<=>(const TypedRelation&, const TypedRelation&) = default;
};

// Counts of one scored category (one type, or all of them).
struct PrfCounts {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;
  [[nodiscard]] double precision() const noexcept;  // correct / predicted, 0 if nothing predicted
  [[nodiscard]] double recall() const noexcept;     // correct / gold, 0 if nothing gold
  [[nodiscard]] double f1() const noexcept;         // harmonic mean, 0 if both are 0
};

// Micro-averaged precision, recall and F1 of entities and relations over sentences, in the strict
// setting of the joint entity and relation extraction literature (Bekoulis et al. 2018; Taillé et
// al. 2020): an entity is correct if its span and type are; a relation is correct if its type,
// both argument spans and both argument entity types are. Duplicates within one sentence count
// once. A plain value; not thread-safe to modify.
class ERX_API StrictRelationScorer {
 public:
  // Scores one sentence's (or document's) predictions against its gold annotations.
  void add_entities(std::span<const TypedSpan> gold, std::span<const TypedSpan> predicted);
  void add_relations(std::span<const TypedRelation> gold, std::span<const TypedRelation> predicted);

  // Micro counts over everything added.
  [[nodiscard]] const PrfCounts& entities() const noexcept { return entities_; }
  [[nodiscard]] const PrfCounts& relations() const noexcept { return relations_; }
  // Counts per entity type / relation type.
  [[nodiscard]] const std::map<std::string, PrfCounts>& entity_types() const noexcept { return entity_types_; }
  [[nodiscard]] const std::map<std::string, PrfCounts>& relation_types() const noexcept { return relation_types_; }

 private:
  PrfCounts entities_, relations_;
  std::map<std::string, PrfCounts> entity_types_, relation_types_;
};

}  // namespace erx
