// core/utf8.hpp — UTF-8 decoding shared by every module (internal header).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace erx::utf8 {

// Length (1-4) of the well-formed UTF-8 sequence starting at text[i], or 0 if the byte there does
// not start one; such a byte is then treated as a single invalid byte. Follows the Unicode table
// of well-formed byte sequences (no overlongs, no surrogates, nothing above U+10FFFF).
// Requires i < text.size().
inline std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) { n = 3; lo = 0xA0; }
  else if (c == 0xED) { n = 3; hi = 0x9F; }
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) { n = 4; lo = 0x90; }
  else if (c == 0xF4) { n = 4; hi = 0x8F; }
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else return 0;
  if (i + n > text.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return n;
}

// Decodes the well-formed sequence of length n (from sequence_length) at text[i].
inline char32_t decode(std::string_view text, std::size_t i, std::size_t n) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[k])); };
  switch (n) {
    case 1: return b(i);
    case 2: return ((b(i) & 0x1F) << 6) | (b(i + 1) & 0x3F);
    case 3: return ((b(i) & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    default:
      return ((b(i) & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
             (b(i + 3) & 0x3F);
  }
}

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
template <typename String>
inline void append(String& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace erx::utf8

namespace erx::utf8 {

// Returns `text` with every byte that is not part of a well-formed UTF-8 sequence replaced by
// U+FFFD, one replacement per byte, so that code-point offsets computed by OffsetConverter stay
// right. Valid text is returned unchanged.
template <typename String>
inline void append_repaired(String& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = sequence_length(text, i);
    if (n == 0) {
      append(out, U'\uFFFD');
      ++i;
    } else {
      out.append(std::string_view(text.data() + i, n));
      i += n;
    }
  }
}

}  // namespace erx::utf8
