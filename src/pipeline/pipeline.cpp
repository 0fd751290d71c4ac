// Implementation of erx/pipeline.hpp.
#include "erx/pipeline.hpp"

namespace erx {

struct Pipeline::Impl {
  Tokenizer tokenizer;
};

Pipeline::Pipeline(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Pipeline Pipeline::english(PipelineOptions options) {
  auto impl = std::make_shared<Impl>(Impl{Tokenizer(options.tokenizer)});
  return Pipeline(std::move(impl));
}

Document Pipeline::run(std::string_view text) const {
  Document doc(text);
  run(doc);
  return doc;
}

void Pipeline::run(Document& doc) const { impl_->tokenizer.tokenize(doc); }

const Tokenizer& Pipeline::tokenizer() const noexcept { return impl_->tokenizer; }

}  // namespace erx
