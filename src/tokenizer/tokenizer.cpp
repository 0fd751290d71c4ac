// Implementation of erx/tokenizer.hpp (placeholder: splits on ASCII whitespace only).
#include "erx/tokenizer.hpp"

namespace erx {

Tokenizer::Tokenizer(TokenizerOptions options) : options_(options) {}

Document Tokenizer::tokenize(std::string_view text) const {
  Document doc(text);
  tokenize(doc);
  return doc;
}

void Tokenizer::tokenize(Document& doc) const {
  auto& tokens = doc.mutable_tokens();
  auto& sentences = doc.mutable_sentences();
  tokens.clear();
  sentences.clear();
  std::string_view text = doc.text();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    std::size_t b = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i > b) {
      Token t;
      t.begin = static_cast<std::uint32_t>(b);
      t.end = static_cast<std::uint32_t>(i);
      tokens.push_back(t);
    }
  }
  if (!tokens.empty())
    sentences.push_back({0, static_cast<std::uint32_t>(tokens.size()), tokens.front().begin, tokens.back().end});
}

}  // namespace erx
