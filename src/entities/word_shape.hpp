// entities/word_shape.hpp — small string helpers shared by the features, patterns and rules.
#pragma once

#include <string>
#include <string_view>

namespace erx::entities {

// ASCII lower case (other bytes unchanged).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The word shape: A-Z -> X, a-z -> x, 0-9 -> d, other bytes kept; runs of one class longer than
// four are cut to four ("Beijing" -> "Xxxxx", "1996-08-22" -> "dddd-dd-dd", "U.S." -> "X.X.").
// Non-ASCII bytes of letters become 'x' (lower) — UTF-8 lead bytes are not cased here.
inline std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte: counted with its lead byte
      k = 'x';
    } else k = static_cast<char>(c);
    if (k == last) {
      if (++run > 4) continue;
    } else {
      run = 1;
      last = k;
    }
    out += k;
  }
  return out;
}

// The short shape: runs collapsed to one character ("Beijing" -> "Xx", "1996-08-22" -> "d-d-d").
inline std::string short_shape(std::string_view s) {
  std::string full = word_shape(s), out;
  for (char c : full)
    if (out.empty() || out.back() != c) out += c;
  return out;
}

}  // namespace erx::entities
