// Implementation of tagger/word_form.hpp.
#include "tagger/word_form.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace erx::tagger {
namespace {

bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Decodes the code point at s[i], advancing i; invalid bytes give a negative value and advance 1.
UChar32 next_cp(std::string_view s, std::size_t& i) noexcept {
  UChar32 c;
  auto idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(idx);
  return c;
}

void append_cp(UChar32 c, std::string& out) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

bool append_folded(std::string_view word, std::string& out) {
  bool changed = false;
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const std::size_t start = i;
    const UChar32 c = next_cp(word, i);
    std::string_view repl;
    switch (c) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0xFF07: case 0x2039: case 0x203A:
        repl = "'";
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2E42: case 0x301D:
      case 0x301E: case 0x301F: case 0xFF02:
        repl = "\"";
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
        repl = "-";
        break;
      case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
        repl = "--";
        break;
      case 0x2026:
        repl = "...";
        break;
      case 0x00AD:
        changed = true;
        continue;
      default:
        out.append(word.substr(start, i - start));
        continue;
    }
    out.append(repl);
    changed = true;
  }
  return changed;
}

void append_lower(std::string_view word, std::string& out) {
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    const std::size_t start = i;
    const UChar32 c = next_cp(word, i);
    if (c < 0) {
      out.append(word.substr(start, i - start));
    } else {
      append_cp(u_tolower(c), out);
    }
  }
}

void append_lower_digits(std::string_view word, std::string& out) {
  const std::size_t from = out.size();
  append_lower(word, out);
  for (std::size_t i = from; i < out.size(); ++i)
    if (out[i] >= '0' && out[i] <= '9') out[i] = '0';
}

void append_shape(std::string_view word, std::string& out) {
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    char s;
    if (b < 0x80) {
      ++i;
      if (b >= 'A' && b <= 'Z') s = 'X';
      else if (b >= 'a' && b <= 'z') s = 'x';
      else if (b >= '0' && b <= '9') s = 'd';
      else s = static_cast<char>(b);
    } else {
      const UChar32 c = next_cp(word, i);
      if (c < 0) s = '?';
      else if (u_isupper(c) || u_istitle(c)) s = 'X';
      else if (u_isalpha(c)) s = 'x';
      else if (u_isdigit(c)) s = 'd';
      else s = 'o';
    }
    run = (s == last) ? run + 1 : 1;
    last = s;
    if (run <= 3) out.push_back(s);
  }
}

std::size_t suffix_start(std::string_view s, std::size_t k) noexcept {
  std::size_t i = s.size();
  while (k > 0 && i > 0) {
    --i;
    // Step back over continuation bytes, at most 3, to the lead byte.
    std::size_t back = 0;
    while (i > 0 && back < 3 && is_continuation(s[i])) {
      --i;
      ++back;
    }
    --k;
  }
  return i;
}

std::size_t prefix_length(std::string_view s, std::size_t k) noexcept {
  std::size_t i = 0;
  while (k > 0 && i < s.size()) {
    next_cp(s, i);
    --k;
  }
  return i;
}

std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

Case case_of(std::string_view word) noexcept {
  int upper = 0, lower = 0;
  bool first_upper = false;
  bool first = true;
  for (std::size_t i = 0; i < word.size();) {
    const UChar32 c = next_cp(word, i);
    if (c < 0) continue;
    const bool up = u_isupper(c) || u_istitle(c);
    const bool lo = u_islower(c);
    if (first && (up || lo)) {
      first_upper = up;
      first = false;
    }
    upper += up;
    lower += lo;
  }
  if (upper == 0 && lower == 0) return Case::kNone;
  if (upper == 0) return Case::kLower;
  if (lower == 0) return Case::kUpper;
  if (first_upper && upper == 1) return Case::kTitle;
  return Case::kMixed;
}

}  // namespace erx::tagger
