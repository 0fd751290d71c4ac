// Implementation of ml/hash.hpp.
//
// hash_bytes is a small word-at-a-time multiply/xorshift hash: each 8-byte little-endian word is
// scrambled by mix64 and folded into the state with a multiply and a rotation; the tail (< 8
// bytes) is packed into one more word together with the length. It is not cryptographic; it only
// has to spread feature strings well and be identical everywhere.
#include "ml/hash.hpp"

#include <bit>

namespace erx::ml {
namespace {

std::uint64_t load_le64(const unsigned char* p) noexcept {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

std::uint64_t hash_bytes(const void* data, std::size_t size, std::uint64_t seed) noexcept {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = mix64(seed + 0x2545f4914f6cdd1dULL) ^ (static_cast<std::uint64_t>(size) * 0x9e3779b97f4a7c15ULL);
  std::size_t n = size;
  while (n >= 8) {
    std::uint64_t w;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&w, p, 8);
    } else {
      w = load_le64(p);
    }
    h = std::rotl((h ^ mix64(w)) * 0x9fb21c651e98df25ULL, 29);
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; i < n; ++i) tail |= static_cast<std::uint64_t>(p[i]) << (8 * i);
  h ^= mix64(tail ^ (static_cast<std::uint64_t>(n) << 59));
  return mix64(h);
}

}  // namespace erx::ml
