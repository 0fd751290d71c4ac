// tagger/word_form.hpp — the string views of a word that tagger and lemmatizer features use.
//
// Everything here is a pure function of the word's normalized form (Document::norm), computed
// once per token into caller-owned buffers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace erx::tagger {

// Appends `word` with typographic punctuation folded to ASCII, as erx's tokenizer does for
// Token::norm: curly single quotes and primes -> ', curly double quotes and guillemets -> ",
// hyphens, en dashes and minus signs -> -, em dashes -> --, the ellipsis character -> ..., soft
// hyphens removed. Used for tokens that did not come from the tokenizer (CoNLL-U input).
// Returns true if anything changed.
bool append_folded(std::string_view word, std::string& out);

// Appends the lower case of `word` to `out` (full Unicode simple case mapping; invalid UTF-8 bytes
// are copied). ASCII takes a fast path.
void append_lower(std::string_view word, std::string& out);

// The lower case of `word` with every ASCII digit replaced by '0', so that "1990" and "2024"
// share features.
void append_lower_digits(std::string_view word, std::string& out);

// Appends the short shape of `word`: upper-case letters become 'X', lower-case and caseless
// letters 'x', digits 'd', other ASCII characters themselves, other characters 'o'; runs longer
// than 3 are cut to 3 ("Beijing" -> "Xxxx", "McDonald's" -> "XxXxxx'x", "1,500" -> "d,ddd").
void append_shape(std::string_view word, std::string& out);

// Byte offsets of the starts of the last `n` code points of `s` (or fewer if s is shorter): the
// suffix of k code points is s.substr(suffix_start(s, k)). Invalid bytes count as code points.
std::size_t suffix_start(std::string_view s, std::size_t k) noexcept;
// Byte length of the first `k` code points of `s` (all of s if shorter).
std::size_t prefix_length(std::string_view s, std::size_t k) noexcept;
// Number of code points of `s`.
std::size_t code_points(std::string_view s) noexcept;

// Case pattern of a word's letters.
enum class Case : std::uint8_t { kNone, kLower, kTitle, kUpper, kMixed };
Case case_of(std::string_view word) noexcept;

}  // namespace erx::tagger
