// Implementation of ml/training.hpp.
#include "ml/training.hpp"

#include <bit>

#include "ml/hash.hpp"

namespace erx::ml {

Rng::Rng(std::uint64_t seed) noexcept {
  // splitmix64 expands the seed into the four state words (never all zero).
  std::uint64_t x = seed;
  for (std::uint64_t& s : s_) {
    x += 0x9e3779b97f4a7c15ULL;
    s = mix64(x);
  }
}

std::uint64_t Rng::next() noexcept {
  const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = std::rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t bound) noexcept {
  // Rejection sampling: drop the lowest (2^64 mod bound) values so that r % bound is uniform.
  const std::uint64_t threshold = (0 - bound) % bound;
  std::uint64_t r = next();
  while (r < threshold) r = next();
  return r % bound;
}

}  // namespace erx::ml
