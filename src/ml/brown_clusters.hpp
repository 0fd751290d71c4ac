// ml/brown_clusters.hpp — Brown word clusters (Brown et al. 1992), learned with Liang's (2005)
// window algorithm, and a table to look them up.
//
// Brown clustering groups words into a binary hierarchy so that the classes of adjacent words
// predict each other well (it greedily keeps the average mutual information of class bigrams
// high). A word's cluster is a bit string, the path from the root to its class; prefixes of the
// bit string are coarser classes. Named-entity taggers use prefixes of length 4, 6, 10 and 20 as
// features (Miller et al. 2004; Ratinov & Roth 2009).
//
//   ml::BrownCorpus corpus = ml::BrownCorpus::from_files({"text.txt"}, /*min_count=*/3);
//   ml::BrownClusters clusters = ml::learn_brown_clusters(corpus, {.clusters = 256});
//   clusters.write("clusters.txt");          // "bitstring<TAB>word<TAB>count" lines
//
//   ml::ClusterTable table = ml::ClusterTable::load("models/en/clusters.txt");
//   std::string_view path = table.find("Paris");   // e.g. "0111010011"; empty when unknown
//
// Algorithm (Liang 2005, "Semi-supervised learning for natural language", sec. 3.2): words are
// taken in order of decreasing frequency; the first C start as one cluster each; each further
// word enters as a new cluster and the pair of clusters whose merge loses the least mutual
// information is merged, so C clusters stay active. At the end the C clusters are merged down to
// one, and that last phase gives the hierarchy. The loss of every pair is kept up to date in
// O(C^2) per merge, which makes the whole run O(V C^2) for V words. Details in brown_clusters.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace erx::ml {

// Vocabulary and bigram counts of a tokenized corpus: one sentence per line, tokens separated by
// spaces or tabs. Words seen fewer than `min_count` times are dropped, and a bigram is counted only
// between two kept words that are adjacent in one line (lines are not joined). Word ids run in
// order of decreasing count, ties broken by byte order, so equal input gives equal ids.
// Immutable after construction; const members are thread-safe.
class BrownCorpus {
 public:
  // One bigram count: `count` times word `left` was followed by word `right`.
  struct Bigram {
    std::uint32_t left;
    std::uint32_t right;
    std::uint64_t count;
  };

  // Counts `texts` (each any number of lines). Throws Error(kInvalidArgument) when min_count is 0.
  static BrownCorpus from_texts(const std::vector<std::string_view>& texts, std::uint64_t min_count);

  // Counts the files at `paths`, read twice (vocabulary, then bigrams) in blocks so that a file
  // larger than memory works. Throws Error(kIo) naming a file that cannot be read, and
  // Error(kInvalidArgument) when min_count is 0.
  static BrownCorpus from_files(const std::vector<std::string>& paths, std::uint64_t min_count);

  // The kept words, by decreasing count.
  [[nodiscard]] const std::vector<std::string>& words() const noexcept { return words_; }
  // counts()[w] is how often word w occurs.
  [[nodiscard]] const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }
  // Distinct bigrams of kept words, sorted by (left, right).
  [[nodiscard]] const std::vector<Bigram>& bigrams() const noexcept { return bigrams_; }
  // All tokens read, kept or not.
  [[nodiscard]] std::uint64_t tokens() const noexcept { return tokens_; }
  // Lines with at least one token.
  [[nodiscard]] std::uint64_t sentences() const noexcept { return sentences_; }
  // Distinct word forms read, kept or not.
  [[nodiscard]] std::uint64_t types() const noexcept { return types_; }

 private:
  class Builder;

  std::vector<std::string> words_;
  std::vector<std::uint64_t> counts_;
  std::vector<Bigram> bigrams_;
  std::uint64_t tokens_ = 0;
  std::uint64_t sentences_ = 0;
  std::uint64_t types_ = 0;
};

// Options of learn_brown_clusters().
struct BrownOptions {
  // C: the number of clusters, which is also the number kept active while words are added.
  // Time grows with C^2; Liang used 1000 for English.
  std::uint32_t clusters = 1000;
  // Called now and then with a progress line (words added, merges, elapsed seconds); may be empty.
  std::function<void(const std::string&)> progress;
  // Testing aid: after every step, recompute every merge loss from scratch and throw
  // Error(kModel) if an incrementally kept one differs. O(C^4) per step: tiny corpora only.
  bool verify = false;
};

// The learned clusters: each kept word with the bit string of its cluster.
struct BrownClusters {
  struct Entry {
    std::string bits;   // path from the root: '0' = first child, '1' = second
    std::string word;
    std::uint64_t count;
  };
  // Sorted by bit string, then decreasing count, then word.
  std::vector<Entry> entries;
  // The number of distinct bit strings (min(C, number of kept words)).
  std::uint32_t cluster_count = 0;
  // Average mutual information (nats) of adjacent clusters at C clusters, over all bigrams.
  double mutual_information = 0.0;

  // Writes "bits<TAB>word<TAB>count" lines (the format of Liang's wcluster "paths" file).
  // Throws Error(kIo) naming the file.
  void write(const std::string& path) const;
};

// Learns Brown clusters from `corpus`. Deterministic: the same corpus and options give the same
// clusters. Single-threaded. Throws Error(kInvalidArgument) when options.clusters is 0 or the
// corpus has no kept word. Thread-safe (no shared state).
BrownClusters learn_brown_clusters(const BrownCorpus& corpus, const BrownOptions& options = {});

// Word -> cluster bit string, read from a "bits<TAB>word<TAB>count" file (Liang's format; the
// count column may be missing). Immutable after loading; find() is thread-safe.
class ClusterTable {
 public:
  ClusterTable() = default;

  // Reads a clusters file. Throws Error(kIo) when it cannot be read and Error(kFormat) naming the
  // file and line of a malformed line (no tab, empty field, bits other than 0/1, a word twice).
  static ClusterTable load(const std::string& path);
  // Parses the text of a clusters file; `name` is used in error messages.
  static ClusterTable parse(std::string_view text, std::string_view name);

  // The bit string of `word`, or an empty view when the word has no cluster.
  [[nodiscard]] std::string_view find(std::string_view word) const noexcept;
  // The number of words.
  [[nodiscard]] std::size_t size() const noexcept { return bits_of_.size(); }
  // Calls f(word, bits) for every word, in unspecified order (for copying the table elsewhere).
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& [word, bits] : bits_of_) f(std::string_view(word), std::string_view(bits));
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> bits_of_;
};

}  // namespace erx::ml
