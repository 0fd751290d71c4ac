// Helpers shared by `erx train relations` and `erx eval relations`.
#pragma once

#include <optional>

#include "erx/parser.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/tagger.hpp"

namespace erx::cli {

// The tagger and parser that prepare annotated sentences for the relation classifier.
struct SyntaxStages {
  std::optional<Tagger> tagger;
  std::optional<Parser> parser;

  // erx's built-in tagger and parser (either may be absent from the built-in bundle).
  static SyntaxStages english();

  // The document of `sentence` (relation_corpus_document), tagged and parsed.
  [[nodiscard]] Document document(const RelationCorpusSentence& sentence) const;
  // A training / evaluation sample: document() and the gold relations between its mentions.
  [[nodiscard]] RelationSample sample(const RelationCorpusSentence& sentence) const;
};

}  // namespace erx::cli
