// tokenizer/sentence_model.hpp — the loaded sentence-boundary model (Tokenizer::Model).
//
// Model file stage "tokenizer", payload version 1, labels {"inside", "end"}. Section "weights":
// an ml::LinearModel over the features of tokenizer/sentence_splitter.cpp (boundary_features).
#pragma once

#include <cstdint>
#include <memory>

#include "erx/model.hpp"
#include "erx/tokenizer.hpp"
#include "ml/linear_model.hpp"

namespace erx {

struct Tokenizer::Model {
  static constexpr std::uint32_t kPayloadVersion = 1;

  ModelFile file;
  ml::LinearModel weights;

  // Reads and checks a model file. Throws Error(kModel) naming the file.
  static std::shared_ptr<const Model> from_file(const ModelFile& file);

  // Wraps trained weights into a model file.
  static ModelFile to_file(const ml::LinearModel& weights);
};

}  // namespace erx
