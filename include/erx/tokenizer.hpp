// erx/tokenizer.hpp — lossless Unicode tokenization and sentence splitting for English.
//
//   erx::Tokenizer tokenizer;                       // default options
//   erx::Document doc = tokenizer.tokenize("Dr. Lee didn't visit the U.S. in 1990.");
//   for (const erx::Token& t : doc.tokens()) std::cout << doc.text(t) << '\n';
//   // Dr.  Lee  did  n't  visit  the  U.S.  in  1990  .
//
// Tokens follow Universal Dependencies English (EWT) conventions. The tokens plus the gaps between
// them give back the input exactly. Invalid UTF-8 bytes become tokens of kind kInvalidUtf8 whose
// spans cover exactly those bytes; they are never dropped.
#pragma once

#include <string_view>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

// Options of the tokenizer. The defaults suit English news and web text.
struct TokenizerOptions {
  // Split the text into sentences. When false, the whole text is one sentence.
  bool split_sentences = true;
};

// Splits text into tokens and sentences. Immutable after construction; tokenize() is const and
// thread-safe, so one Tokenizer may serve any number of threads.
class ERX_API Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options = {});

  // Tokenizes doc.text(), replacing any tokens and sentences doc already has. Never throws on any
  // byte string.
  void tokenize(Document& doc) const;

  // Convenience: a new Document holding `text`, tokenized. Throws Error(kLimit) over 4 GiB.
  [[nodiscard]] Document tokenize(std::string_view text) const;

  [[nodiscard]] const TokenizerOptions& options() const noexcept { return options_; }

 private:
  TokenizerOptions options_;
};

}  // namespace erx
