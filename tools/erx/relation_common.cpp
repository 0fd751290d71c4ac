// Helpers shared by `erx train relations` and `erx eval relations`.
#include "erx/relation_common.hpp"

#include "erx/model.hpp"

namespace erx::cli {

SyntaxStages SyntaxStages::english() {
  SyntaxStages s;
  const ModelBundle& bundle = ModelBundle::english();
  if (bundle.has(Tagger::kStage)) s.tagger = Tagger::english();
  if (bundle.has("parser")) s.parser = Parser::english();
  return s;
}

Document SyntaxStages::document(const RelationCorpusSentence& sentence) const {
  Document doc = relation_corpus_document(sentence);
  if (tagger) tagger->tag(doc);
  if (parser) parser->parse(doc);
  return doc;
}

RelationSample SyntaxStages::sample(const RelationCorpusSentence& sentence) const {
  return RelationSample{document(sentence), relation_corpus_links(sentence)};
}

}  // namespace erx::cli
