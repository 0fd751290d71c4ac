// erx/pipeline.hpp — the whole chain, loaded once and shared.
//
//   auto pipeline = erx::Pipeline::english();            // built-in model, no files needed
//   erx::Document doc = pipeline.run("Lee visited Beijing on Monday.");
//
// A Pipeline is immutable once loaded and cheap to copy (copies share the loaded models); run() is
// const and thread-safe, so one Pipeline serves any number of threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "erx/document.hpp"
#include "erx/entities.hpp"
#include "erx/export.hpp"
#include "erx/linker.hpp"
#include "erx/parser.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/relations.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"

namespace erx {

// Options of a pipeline run.
struct PipelineOptions {
  TokenizerOptions tokenizer;  // how text is split into tokens and sentences
  EntityRecognizerOptions entities;  // which mention layers the entity recognizer adds
  EntityRuler entity_rules;          // user entities (phrases, token patterns) applied at load
  LinkerOptions linker;              // how mentions are grouped into entities
  RelationOptions relations;         // which relations are kept (schema-only, open mode, ...)
  RelationClassifierOptions relation_classifier;  // the trained relation model, if the bundle has one
};

class ERX_API Pipeline {
 public:
  // The built-in English pipeline. Needs no files. Thread-safe; loads once per process.
  static Pipeline english(PipelineOptions options = {});

  // A pipeline from the model bundle directory `path` (see erx/model.hpp): each stage whose
  // "<stage>.erxm" file is in the bundle is loaded from it, the others are the built-in English
  // ones. A "relations.erxm" (RelationClassifier::kStage) adds the trained relation classifier,
  // with options.relation_classifier. Throws Error(kIo) if `path` is not a directory,
  // Error(kModel) for an invalid model file.
  static Pipeline load(const std::string& path, PipelineOptions options = {});

  // Runs every stage on `text` and returns the annotated document. Throws Error(kLimit) for text
  // over 4 GiB; any other byte string is processed.
  [[nodiscard]] Document run(std::string_view text) const;

  // Runs every stage on `doc` in place (its text is kept; all layers are recomputed).
  void run(Document& doc) const;

  // The tokenizer stage.
  [[nodiscard]] const Tokenizer& tokenizer() const noexcept;

  // The part-of-speech tagger and lemmatizer, or nullptr if the bundle has no tagger model.
  [[nodiscard]] const Tagger* tagger() const noexcept;

  // The dependency parser (runs after the tagger), or nullptr if the bundle has no parser model.
  [[nodiscard]] const Parser* parser() const noexcept;

  // The entity recognizer stage (fills Document::mentions()).
  [[nodiscard]] const EntityRecognizer& entity_recognizer() const noexcept;

  // A copy of this pipeline whose entity recognizer applies `rules` (replacing its user rules).
  // Shares every loaded model, so it is cheap: this is how user entities are added at run time.
  [[nodiscard]] Pipeline with_entity_rules(EntityRuler rules) const;

  // The linker stage (fills Document::entities()).
  [[nodiscard]] const Linker& linker() const noexcept;

  // The relation extraction stage (fills Document::relations()).
  [[nodiscard]] const RelationExtractor& relation_extractor() const noexcept;

  // A copy of this pipeline that types relations with `schema` (e.g. the built-in schema with
  // lines a user added), sharing every loaded model.
  [[nodiscard]] Pipeline with_relation_schema(RelationSchema schema) const;

  // The trained relation classifier (a bundle's "relations.erxm"), or nullptr if there is none.
  // It runs after the relation extractor; its relations are merged into Document::relations()
  // (see RelationClassifier::add_relations: a pattern relation of the same type between the same
  // entities wins).
  [[nodiscard]] const RelationClassifier* relation_classifier() const noexcept;

  // A copy of this pipeline that also runs `classifier` (a user's own schema, e.g.
  // RelationClassifier::load("my/relations.erxm")), or none if `classifier` is empty. Shares
  // every other loaded model.
  [[nodiscard]] Pipeline with_relation_classifier(std::optional<RelationClassifier> classifier) const;

 private:
  struct Impl;
  explicit Pipeline(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace erx
