// Implementation of erx/pipeline.hpp.
#include "erx/pipeline.hpp"

#include "erx/model.hpp"

namespace erx {

namespace {

// The built-in entity recognizer (patterns and user rules only while the bundle has no entity
// model), with the user rules of `options`.
EntityRecognizer english_entities(const PipelineOptions& options) {
  EntityRecognizer r = ModelBundle::english().has("entities") ? EntityRecognizer::english(options.entities)
                                                              : EntityRecognizer::rules_only(options.entities);
  return options.entity_rules.empty() ? r : r.with_rules(options.entity_rules);
}

}  // namespace

struct Pipeline::Impl {
  Tokenizer tokenizer;
  std::optional<Tagger> tagger = std::nullopt;
  std::optional<Parser> parser = std::nullopt;
  EntityRecognizer entities = EntityRecognizer::rules_only();
  Linker linker = Linker();
  RelationExtractor relations = RelationExtractor();
  std::optional<RelationClassifier> relation_classifier = std::nullopt;
};

Pipeline::Pipeline(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Pipeline Pipeline::english(PipelineOptions options) {
  auto impl = std::make_shared<Impl>(Impl{Tokenizer(options.tokenizer)});
  if (ModelBundle::english().has(Tagger::kStage)) impl->tagger = Tagger::english();
  if (ModelBundle::english().has("parser")) impl->parser = Parser::english();
  impl->entities = english_entities(options);
  impl->linker = Linker(LinkerLexicon::english(), options.linker);
  impl->relations = RelationExtractor(RelationSchema::english(), options.relations);
  return Pipeline(std::move(impl));
}

Pipeline Pipeline::load(const std::string& path, PipelineOptions options) {
  const ModelBundle bundle = ModelBundle::load(path);
  Pipeline english = Pipeline::english(options);
  auto impl = std::make_shared<Impl>(*english.impl_);
  if (bundle.has(Tokenizer::kStage)) impl->tokenizer = Tokenizer::load(bundle.get(Tokenizer::kStage), options.tokenizer);
  if (bundle.has(Tagger::kStage)) impl->tagger = Tagger::load(bundle.get(Tagger::kStage));
  if (bundle.has("parser")) impl->parser = Parser(bundle.get("parser"));
  if (bundle.has("entities")) {
    impl->entities = EntityRecognizer::from_model(bundle.get("entities"), options.entities);
    if (!options.entity_rules.empty()) impl->entities = impl->entities.with_rules(options.entity_rules);
  }
  if (bundle.has(RelationClassifier::kStage))
    impl->relation_classifier =
        RelationClassifier::from_model(bundle.get(RelationClassifier::kStage), options.relation_classifier);
  return Pipeline(std::move(impl));
}

Document Pipeline::run(std::string_view text) const {
  Document doc(text);
  run(doc);
  return doc;
}

void Pipeline::run(Document& doc) const {
  impl_->tokenizer.tokenize(doc);
  if (impl_->tagger) impl_->tagger->tag(doc);
  if (impl_->parser) impl_->parser->parse(doc);
  impl_->entities.recognize(doc);
  impl_->linker.link(doc);
  impl_->relations.extract(doc);
  if (impl_->relation_classifier) impl_->relation_classifier->add_relations(doc);
}

const Tokenizer& Pipeline::tokenizer() const noexcept { return impl_->tokenizer; }

const Tagger* Pipeline::tagger() const noexcept { return impl_->tagger ? &*impl_->tagger : nullptr; }

const Parser* Pipeline::parser() const noexcept { return impl_->parser ? &*impl_->parser : nullptr; }

const EntityRecognizer& Pipeline::entity_recognizer() const noexcept { return impl_->entities; }

const Linker& Pipeline::linker() const noexcept { return impl_->linker; }

const RelationExtractor& Pipeline::relation_extractor() const noexcept { return impl_->relations; }

const RelationClassifier* Pipeline::relation_classifier() const noexcept {
  return impl_->relation_classifier ? &*impl_->relation_classifier : nullptr;
}

Pipeline Pipeline::with_relation_classifier(std::optional<RelationClassifier> classifier) const {
  auto impl = std::make_shared<Impl>(*impl_);
  impl->relation_classifier = std::move(classifier);
  return Pipeline(std::move(impl));
}

Pipeline Pipeline::with_relation_schema(RelationSchema schema) const {
  auto impl = std::make_shared<Impl>(*impl_);
  impl->relations = RelationExtractor(std::move(schema), impl_->relations.options());
  return Pipeline(std::move(impl));
}

Pipeline Pipeline::with_entity_rules(EntityRuler rules) const {
  auto impl = std::make_shared<Impl>(*impl_);
  impl->entities = impl_->entities.with_rules(std::move(rules));
  return Pipeline(std::move(impl));
}

}  // namespace erx
