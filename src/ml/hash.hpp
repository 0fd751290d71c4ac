// ml/hash.hpp — stable 64-bit hashing for feature extraction.
//
// Model files store feature hashes, so these functions are part of the model format: they give the
// same value on every platform, compiler and run (no std::hash, no per-process seed). Changing any
// of them invalidates every trained model.
//
// A feature is one 64-bit value built from a *template id* (which kind of feature: "word",
// "suffix3", "prev tag + word", ...) and the hashes of its parts:
//
//   enum Tmpl : std::uint64_t { kBias, kWord, kSuffix3, kPrevTagWord };   // stage-private ids
//   std::uint64_t w = ml::hash_string(word);                               // hash a string once ...
//   buf.add(ml::feature(kWord, w));                                        // ... reuse it cheaply
//   buf.add(ml::feature(kPrevTagWord, prev_tag, w));
//
// Hash each token's strings once per token (word, lower case, suffixes) and combine them with
// feature(), which costs a few multiplications and allocates nothing.
//
// All functions are pure, noexcept and thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace erx::ml {

// A strong 64-bit finalizer (the splitmix64 / Stafford "mix13" bijection). mix64(x) != mix64(y)
// for x != y.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of the bytes of `s` (any bytes, not necessarily UTF-8), mixed with `seed`. Reads 8 bytes
// at a time as little-endian words, so it is identical on every platform.
[[nodiscard]] std::uint64_t hash_bytes(const void* data, std::size_t size, std::uint64_t seed = 0) noexcept;

// Hash of a string's bytes.
[[nodiscard]] inline std::uint64_t hash_string(std::string_view s, std::uint64_t seed = 0) noexcept {
  return hash_bytes(s.data(), s.size(), seed);
}

// Combines a running hash `h` with one more part `v` (order matters: combine(a, b) != combine(b, a)).
[[nodiscard]] constexpr std::uint64_t combine(std::uint64_t h, std::uint64_t v) noexcept {
  return mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

// A feature from a template id and zero or more parts (string hashes, tag ids, small integers).
// Different templates never share a value space: feature(1, x) and feature(2, x) are unrelated.
template <typename... Parts>
[[nodiscard]] constexpr std::uint64_t feature(std::uint64_t template_id, Parts... parts) noexcept {
  std::uint64_t h = mix64(template_id + 0x51afd7ed558ccd1dULL);
  ((h = combine(h, static_cast<std::uint64_t>(parts))), ...);
  return h;
}

}  // namespace erx::ml
