// Implementation of ml/hash_index.hpp. Linear probing at load <= 1/2 over the key's low bits
// (keys are already well-mixed hashes).
#include "ml/hash_index.hpp"

#include <bit>

namespace erx::ml {

HashIndex::HashIndex(std::span<const std::pair<std::uint64_t, std::uint32_t>> items) {
  if (items.empty()) return;
  const std::size_t capacity = std::bit_ceil(items.size() * 2 + 1);
  keys_.assign(capacity, 0);
  values_.assign(capacity, kMissing);
  const std::size_t mask = capacity - 1;
  for (const auto& [key, value] : items) {
    const std::uint64_t k = key == 0 ? 1 : key;
    std::size_t i = static_cast<std::size_t>(k) & mask;
    while (keys_[i] != 0 && keys_[i] != k) i = (i + 1) & mask;
    if (keys_[i] == k) continue;
    keys_[i] = k;
    values_[i] = value;
    ++size_;
  }
}

void HashIndex::write(ByteWriter& out) const {
  out.array(keys_);
  out.array(values_);
}

HashIndex HashIndex::read(ByteReader& in) {
  HashIndex h;
  h.keys_ = in.array<std::uint64_t>();
  h.values_ = in.array<std::uint32_t>();
  in.check(h.keys_.size() == h.values_.size(), "hash index: key and value counts differ");
  if (h.keys_.empty()) return h;
  in.check(std::has_single_bit(h.keys_.size()), "hash index: size is not a power of two");
  for (std::size_t i = 0; i < h.keys_.size(); ++i) {
    if (h.keys_[i] != 0) {
      ++h.size_;
      in.check(h.values_[i] != kMissing, "hash index: stored value is invalid");
    }
  }
  in.check(h.size_ < h.keys_.size(), "hash index: table has no empty slot");
  return h;
}

}  // namespace erx::ml
