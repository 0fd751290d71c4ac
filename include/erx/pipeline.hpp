// erx/pipeline.hpp — the whole chain, loaded once and shared.
//
//   auto pipeline = erx::Pipeline::english();            // built-in model, no files needed
//   erx::Document doc = pipeline.run("Lee visited Beijing on Monday.");
//
// A Pipeline is immutable once loaded and cheap to copy (copies share the loaded models); run() is
// const and thread-safe, so one Pipeline serves any number of threads.
#pragma once

#include <memory>
#include <string_view>

#include "erx/document.hpp"
#include "erx/export.hpp"
#include "erx/tokenizer.hpp"

namespace erx {

// Options of a pipeline run.
struct PipelineOptions {
  TokenizerOptions tokenizer;  // how text is split into tokens and sentences
};

class ERX_API Pipeline {
 public:
  // The built-in English pipeline. Needs no files. Thread-safe; loads once per process.
  static Pipeline english(PipelineOptions options = {});

  // Runs every stage on `text` and returns the annotated document. Throws Error(kLimit) for text
  // over 4 GiB; any other byte string is processed.
  [[nodiscard]] Document run(std::string_view text) const;

  // Runs every stage on `doc` in place (its text is kept; all layers are recomputed).
  void run(Document& doc) const;

  // The tokenizer stage.
  [[nodiscard]] const Tokenizer& tokenizer() const noexcept;

 private:
  struct Impl;
  explicit Pipeline(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace erx
