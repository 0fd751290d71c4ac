// Character classification for the tokenizer: an ASCII table plus ICU's Unicode data.
#include "tokenizer/char_class.hpp"

#include <array>

#include <unicode/uchar.h>

namespace erx::tok {

namespace detail {

namespace {
constexpr CharClass build_entry(unsigned c) {
  using C = CharClass;
  if (c == '\t' || c == ' ') return C::kSpace;
  if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return C::kNewline;
  if (c < 0x20 || c == 0x7F) return C::kControl;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return C::kLetter;
  if (c >= '0' && c <= '9') return C::kDigit;
  switch (c) {
    case '!': case '?': return C::kFinal;
    case '"': case '`': return C::kQuote;
    case '#': return C::kHash;
    case '$': return C::kCurrency;
    case '&': return C::kAmpersand;
    case '\'': return C::kApostrophe;
    case '(': case '[': case '{': return C::kOpen;
    case ')': case ']': case '}': return C::kClose;
    case ',': return C::kComma;
    case '-': return C::kHyphen;
    case '.': return C::kPeriod;
    case '/': return C::kSlash;
    case ':': return C::kColon;
    case ';': return C::kSemicolon;
    case '@': return C::kAt;
    case '_': return C::kConnector;
    case '%': case '+': case '<': case '=': case '>': case '^': case '|': case '~': return C::kSymbol;
    default: return C::kPunct;  // * \ and the rest
  }
}

constexpr std::array<CharClass, 128> build_table() {
  std::array<CharClass, 128> table{};
  for (unsigned c = 0; c < 128; ++c) table[c] = build_entry(c);
  return table;
}
}  // namespace

const std::array<CharClass, 128> kAsciiClass = build_table();

Char decode_non_ascii(std::string_view text, std::size_t i) noexcept {
  const std::size_t n = utf8::sequence_length(text, i);
  if (n == 0) return {0xFFFD, 1, CharClass::kInvalid};
  const char32_t cp = utf8::decode(text, i, n);
  return {cp, static_cast<std::uint8_t>(n), classify(cp)};
}

}  // namespace detail

CharClass classify(char32_t cp) noexcept {
  using C = CharClass;
  if (cp < 0x80) return detail::kAsciiClass[cp];
  switch (cp) {  // characters whose Unicode classes do not say what English tokenization needs
    case 0x2019: case 0x02BC: case 0xFF07: return C::kApostrophe;
    case 0x2018: case 0x201A: case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x2E42: case 0x301D: case 0x301E:
    case 0x301F: case 0xFF02:
      return C::kQuote;
    case 0x2010: case 0x2011: case 0xFE63: case 0xFF0D: return C::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0x2E3A: case 0x2E3B:
      return C::kDash;
    case 0x2026: return C::kEllipsis;
    case 0xFF0E: case 0x3002: case 0xFF61: return C::kPeriod;
    case 0xFF01: case 0xFF1F: case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0x00A1:
    case 0x00BF:
      return C::kFinal;
    case 0xFF0C: case 0x3001: return C::kComma;
    case 0x0085: case 0x2028: case 0x2029: return C::kNewline;
    case 0x200B: case 0xFEFF: case 0x2060: return C::kSpace;  // invisible separators: gaps
    case 0x00A9: case 0x00AE: case 0x2122: return C::kSymbol;  // © ® ™ stay symbols
    default: break;
  }
  const auto c = static_cast<UChar32>(cp);
  if (u_isUWhiteSpace(c)) return C::kSpace;
  const auto wb = static_cast<UWordBreakValues>(u_getIntPropertyValue(c, UCHAR_WORD_BREAK));
  switch (wb) {
    case U_WB_REGIONAL_INDICATOR: return C::kRegional;
    case U_WB_EXTEND: case U_WB_FORMAT: case U_WB_ZWJ: return C::kMark;
    case U_WB_ALETTER: case U_WB_HEBREW_LETTER: case U_WB_KATAKANA:
      return C::kLetter;
    case U_WB_NUMERIC: return C::kDigit;
    case U_WB_EXTENDNUMLET: return C::kConnector;
    default: break;
  }
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
      (cp >= 0x1F000 && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)))
    return C::kEmoji;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
      return C::kIdeograph;  // letters that UAX #29 does not join into words (Han, Thai, ...)
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
      return C::kMark;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER: return C::kDigit;
    case U_DASH_PUNCTUATION: return C::kDash;
    case U_START_PUNCTUATION: return C::kOpen;
    case U_END_PUNCTUATION: return C::kClose;
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: return C::kQuote;
    case U_CONNECTOR_PUNCTUATION: return C::kConnector;
    case U_OTHER_PUNCTUATION: return C::kPunct;
    case U_CURRENCY_SYMBOL: return C::kCurrency;
    case U_MATH_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL: return C::kSymbol;
    case U_SPACE_SEPARATOR: return C::kSpace;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: return C::kNewline;
    default: return C::kControl;  // Cc, Co, Cn, Cs
  }
}

bool is_upper(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

}  // namespace erx::tok
