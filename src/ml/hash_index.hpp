// ml/hash_index.hpp — an immutable map from 64-bit hashes to 32-bit values.
//
// For run-time lexicons keyed by feature or string hashes (tag dictionaries, ambiguity classes,
// lemma exceptions): one flat open-addressing array, one probe sequence per lookup, no allocation.
// Keys are full 64-bit hashes (exact match), so distinct keys never alias.
//
//   std::vector<std::pair<std::uint64_t, std::uint32_t>> items = {{ml::hash_string("the"), 7}};
//   ml::HashIndex index(items);
//   std::uint32_t v = index.find(ml::hash_string("the"));   // 7, or HashIndex::kMissing
//
// Immutable after construction; find() is thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "ml/bytes.hpp"

namespace erx::ml {

class HashIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;

  HashIndex() = default;
  // Builds the index from (key, value) pairs; a repeated key keeps its first value. Values must
  // not be kMissing.
  explicit HashIndex(std::span<const std::pair<std::uint64_t, std::uint32_t>> items);

  // The value of `key`, or kMissing.
  [[nodiscard]] std::uint32_t find(std::uint64_t key) const noexcept {
    if (keys_.empty()) return kMissing;
    const std::size_t mask = keys_.size() - 1;
    const std::uint64_t k = key == 0 ? 1 : key;
    for (std::size_t i = static_cast<std::size_t>(k) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == k) return values_[i];
      if (keys_[i] == 0) return kMissing;
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  // Calls f(value) for every stored value (for validating loaded ids).
  template <typename F>
  void for_each_value(F&& f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(values_[i]);
  }

  // Serialization (ByteWriter encoding). read() validates the table and throws Error(kModel)
  // naming in.context().
  void write(ByteWriter& out) const;
  [[nodiscard]] static HashIndex read(ByteReader& in);

 private:
  std::vector<std::uint64_t> keys_;    // power-of-two size, 0 = empty (key 0 is stored as 1)
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace erx::ml
