// entities/lexicons.hpp — the gazetteer matcher and the word-cluster table of the entity model.
//
// Both are built from EntityResources when training and stored inside the model file, so a model
// always runs with the lists it was trained with. Immutable after construction; const members are
// thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ml/bytes.hpp"

namespace erx::entities {

// Gazetteer lists matched on lower-cased token sequences.
class Gazetteer {
 public:
  struct Match {
    std::uint32_t first = 0, end = 0;  // token range within the matched span of tokens
    std::uint16_t list = 0;            // index into names()
  };

  Gazetteer() = default;
  // Lists: name -> entries. Entries are tokenized with erx's Tokenizer and lower-cased. At most 64
  // lists (Error(kInvalidArgument) beyond).
  explicit Gazetteer(const std::map<std::string, std::vector<std::string>>& lists);

  [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
  // Index of list `name`, or -1.
  [[nodiscard]] int list_index(std::string_view name) const noexcept;
  [[nodiscard]] bool empty() const noexcept { return names_.empty(); }
  [[nodiscard]] std::size_t num_entries() const noexcept;

  // Appends every match (all lists, all lengths) of the token sequence `lower_hashes` (the
  // ml::hash_string of each lower-cased token) to `out`.
  void match(const std::vector<std::uint64_t>& lower_hashes, std::vector<Match>& out) const;

  // Bit mask of the lists containing the phrase of these lower-cased token hashes (bit i = list i).
  [[nodiscard]] std::uint64_t lists_of(const std::uint64_t* lower_hashes, std::size_t n) const;

  void write(ml::ByteWriter& out) const;
  [[nodiscard]] static Gazetteer read(ml::ByteReader& in);

 private:
  void index();
  std::vector<std::string> names_;
  std::vector<std::vector<std::string>> entries_;  // per list: entries as lower-cased tokens joined by ' '
  std::unordered_map<std::uint64_t, std::uint64_t> phrases_;  // phrase hash -> list mask
  std::unordered_set<std::uint64_t> prefixes_;                // hashes of proper prefixes
  std::size_t max_tokens_ = 0;
};

// Hash of a token sequence given its token hashes (shared by the gazetteer and its users).
[[nodiscard]] std::uint64_t phrase_hash(const std::uint64_t* token_hashes, std::size_t n) noexcept;

// Word -> Brown cluster path, with the hashes of the path prefixes used as features.
class ClusterTable {
 public:
  static constexpr int kPrefixes = 4;
  static constexpr int kPrefixLengths[kPrefixes] = {4, 6, 10, 20};

  ClusterTable() = default;
  // From (word, bit path) pairs; later duplicates of a word are ignored.
  explicit ClusterTable(const std::vector<std::pair<std::string, std::string>>& clusters);

  [[nodiscard]] bool empty() const noexcept { return paths_.empty(); }
  [[nodiscard]] std::size_t num_words() const noexcept { return words_.size(); }

  // The cluster id of `word` (exact, then lower case, then capitalized), or -1.
  [[nodiscard]] int find(std::string_view word, std::string_view lower) const noexcept;
  // Hash of the prefix of cluster `id`'s path of kPrefixLengths[k] bits (the whole path if shorter).
  [[nodiscard]] std::uint64_t prefix_hash(int id, int k) const noexcept {
    return prefix_hashes_[static_cast<std::size_t>(id) * kPrefixes + static_cast<std::size_t>(k)];
  }

  void write(ml::ByteWriter& out) const;
  [[nodiscard]] static ClusterTable read(ml::ByteReader& in);

 private:
  void index();
  std::vector<std::string> words_;
  std::vector<std::uint32_t> word_cluster_;
  std::vector<std::string> paths_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_word_;  // hash(word) -> cluster id
  std::vector<std::uint64_t> prefix_hashes_;
};

}  // namespace erx::entities
