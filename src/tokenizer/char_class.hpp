// tokenizer/char_class.hpp — the character classes the tokenizer scans by (internal header).
//
// ASCII is classified from a 128-entry table; everything else from ICU's Unicode character data
// (the UAX #29 Word_Break property, the general category and the emoji properties), so that word
// characters, combining marks, ZWJ sequences and regional indicators follow Unicode text
// segmentation.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"

namespace erx::tok {

enum class CharClass : std::uint8_t {
  kSpace,       // white space that does not end a line (also BOM, ZWSP)
  kNewline,     // LF, CR, VT, FF, NEL, LS, PS
  kControl,     // other control characters, private use, unassigned, surrogates
  kLetter,      // Word_Break ALetter / Hebrew_Letter / Katakana
  kDigit,       // Word_Break Numeric and other numbers (½, ²)
  kMark,        // Extend / Format / ZWJ: belongs to the character before it
  kIdeograph,   // letters of scripts written without spaces (Han, Hiragana, Thai, ...)
  kApostrophe,  // ' ’ ʼ
  kQuote,       // " “ ” „ ‘ « » ` and other quotation marks
  kHyphen,      // - ‐ ‑
  kDash,        // ‒ – — ― −
  kPeriod,      // .
  kEllipsis,    // …
  kFinal,       // ! ? and their variants
  kComma,       // ,
  kColon,       // :
  kSemicolon,   // ;
  kSlash,       // /
  kAmpersand,   // &
  kAt,          // @
  kHash,        // #
  kConnector,   // _ and other connector punctuation
  kOpen,        // ( [ { and other opening brackets
  kClose,       // ) ] } and other closing brackets
  kCurrency,    // $ € £ ¥ ...
  kSymbol,      // % + < = > ^ | ~ and other math / modifier / other symbols
  kEmoji,       // an emoji (Emoji_Presentation, or Extended_Pictographic above U+1F000)
  kRegional,    // a regional indicator (two make a flag)
  kPunct,       // other punctuation (* \ § · ...)
  kInvalid,     // a byte that is not part of well-formed UTF-8
};

// One decoded character.
struct Char {
  char32_t cp;     // code point; 0xFFFD for an invalid byte
  std::uint8_t len;  // bytes (1 for an invalid byte)
  CharClass cls;
};

namespace detail {
extern const std::array<CharClass, 128> kAsciiClass;
Char decode_non_ascii(std::string_view text, std::size_t i) noexcept;
}  // namespace detail

// Classifies a non-ASCII code point (ICU character data). Thread-safe.
CharClass classify(char32_t cp) noexcept;

// The character at text[i] (requires i < text.size()). Invalid bytes come back one at a time.
inline Char char_at(std::string_view text, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {c, 1, detail::kAsciiClass[c]};
  return detail::decode_non_ascii(text, i);
}

// The class of text[i] only.
inline CharClass class_at(std::string_view text, std::size_t i) noexcept { return char_at(text, i).cls; }

// True for letters in upper or title case (ICU for non-ASCII).
bool is_upper(char32_t cp) noexcept;
// True for lower-case letters (ICU for non-ASCII).
bool is_lower(char32_t cp) noexcept;

// True if the class ends a chunk (white space of any kind).
inline bool is_space(CharClass c) noexcept { return c == CharClass::kSpace || c == CharClass::kNewline; }

// True for the classes that make up words: letters, digits, marks.
inline bool is_alnum(CharClass c) noexcept {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
}

}  // namespace erx::tok
