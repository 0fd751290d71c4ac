// tokenizer/scanner.hpp — splits text into tokens (internal header).
//
// The scanner walks the text once. White space separates chunks; each chunk is split into tokens
// by English rules that reproduce UD English EWT: URLs, e-mail addresses, domains and file names
// stay whole; clitics are split off ("do" "n't", "Korea" "'s") with Token::fused_with_next set
// on the first part; abbreviations, initials and dotted acronyms keep their period; numbers keep
// their separators; hyphens split words except after prefixes ("non-", "e-") and inside phone and
// zip numbers; punctuation runs ("...", "?!", "--") are one token.
#pragma once

#include "erx/document.hpp"

namespace erx::tok {

// Replaces doc's tokens with the tokens of doc.text() (no sentences). Linear in the text size;
// never throws except std::bad_alloc. Normalized forms are stored in doc's string pool.
void scan(Document& doc);

// True if `t` is a word token that ends with an abbreviation period ("etc.", "U.S.", "J.").
inline bool has_abbreviation_period(const Document& doc, const Token& t) noexcept {
  return t.kind == TokenKind::kWord && t.end - t.begin >= 2 && doc.text()[t.end - 1] == '.';
}

}  // namespace erx::tok
