// Implementation of erx/tokenizer.hpp: the scanner makes the tokens, the sentence splitter groups
// them (see scanner.hpp and sentence_splitter.hpp for the rules, sentence_model.hpp for the model).
#include "erx/tokenizer.hpp"

#include "erx/error.hpp"
#include "ml/bytes.hpp"
#include "model/builtin_bundle.hpp"
#include "tokenizer/scanner.hpp"
#include "tokenizer/sentence_model.hpp"
#include "tokenizer/sentence_splitter.hpp"

namespace erx {

namespace {

// The built-in English sentence model, read once; null if the library has none.
std::shared_ptr<const Tokenizer::Model> builtin_model() {
  static const std::shared_ptr<const Tokenizer::Model> model = []() -> std::shared_ptr<const Tokenizer::Model> {
    const std::string file = std::string(Tokenizer::kStage) + std::string(kModelFileExtension);
    for (const detail::BuiltinModel& m : detail::builtin_english()) {
      if (m.file != file) continue;
      const std::string_view bytes(m.begin, static_cast<std::size_t>(m.end - m.begin));
      return Tokenizer::Model::from_file(
          ModelFile::from_memory(bytes, "builtin:en/" + file, Tokenizer::kStage));
    }
    return nullptr;
  }();
  return model;
}

}  // namespace

std::shared_ptr<const Tokenizer::Model> Tokenizer::Model::from_file(const ModelFile& file) {
  if (file.stage() != kStage)
    throw Error(ErrorCode::kModel, file.name() + ": a model of stage '" + file.stage() + "', not '" +
                                       std::string(kStage) + "'");
  file.require_stage_version(kPayloadVersion);
  ml::ByteReader reader(file.section("weights"), file.name() + ": section 'weights'");
  auto model = std::make_shared<Model>(Model{file, ml::LinearModel::read(reader)});
  reader.expect_end();
  if (model->weights.num_classes() != 2)
    throw Error(ErrorCode::kModel, file.name() + ": the sentence model must have 2 classes, not " +
                                       std::to_string(model->weights.num_classes()));
  return model;
}

ModelFile Tokenizer::Model::to_file(const ml::LinearModel& weights) {
  ModelFile file(std::string(kStage), kPayloadVersion, {"inside", "end"});
  ml::ByteWriter writer;
  weights.write(writer);
  file.add_section("weights", writer.take());
  return file;
}

Tokenizer::Tokenizer(TokenizerOptions options) : options_(options), model_(builtin_model()) {}

Tokenizer::Tokenizer(TokenizerOptions options, std::shared_ptr<const Model> model)
    : options_(options), model_(std::move(model)) {}

Tokenizer Tokenizer::load(const ModelFile& model, TokenizerOptions options) {
  return Tokenizer(options, Model::from_file(model));
}

Tokenizer Tokenizer::rules_only(TokenizerOptions options) { return Tokenizer(options, nullptr); }

const ModelFile* Tokenizer::model() const noexcept { return model_ ? &model_->file : nullptr; }

Document Tokenizer::tokenize(std::string_view text) const {
  Document doc(text);
  tokenize(doc);
  return doc;
}

void Tokenizer::tokenize(Document& doc) const {
  tok::scan(doc);
  if (!options_.split_sentences) {
    tok::single_sentence(doc);
    return;
  }
  tok::split_sentences(doc, options_.use_model && model_ ? &model_->weights : nullptr);
}

}  // namespace erx
