// Brown clustering with Liang's window algorithm. See brown_clusters.hpp for the overview.
//
// Notation. N(x, y) is the number of bigrams whose left word is in cluster x and right word in
// cluster y; l(x) and r(y) are the left and right marginals (all bigrams of the words of x as left
// word, of y as right word, including bigrams with words that are not clustered yet); T is the
// number of bigrams. Everything below is scaled by T, so that with F(n) = n log n
//
//   Q(x, y) = T p(x,y) log(p(x,y) / (p_l(x) p_r(y))) = F(N) - N (log l(x) + log r(y) - log T)
//
// and the (scaled) average mutual information of the active clusters A is I = sum_{x,y in A} Q(x,y).
// L(c, d), the loss of I when c and d are merged, is
//
//   L(c, d) = s(c) + s(d) - Q(c,d) - Q(d,c) - s'(c+d),   s(c) = sum_x [Q(c,x) + Q(x,c)] - Q(c,c),
//
// s'(c+d) being s of the merged cluster. After a merge of a and b into m, the loss of every other
// pair (c, d) changes only through the terms that involve a, b and m (Liang 2005, sec. 3.2):
//
//   L'(c,d) = L(c,d) + delta(c) + delta(d)
//             + [Q(c+d, a) + Q(c+d, b) - Q(c+d, m)] + [Q(a, c+d) + Q(b, c+d) - Q(m, c+d)]
//
// with delta(c) = Q(c,m) + Q(m,c) - Q(c,a) - Q(a,c) - Q(c,b) - Q(b,c). In the bracketed terms the
// log l(c+d) parts cancel, so each costs three F() values, which come from a table for all but
// large counts: no logarithm is computed in the O(C^2) loop. Counts are integers, so N, Q and the
// row sums are exact recomputations at every step; only the L matrix is carried incrementally,
// and `BrownOptions::verify` checks it against a from-scratch computation.
//
// When a new word z enters, the loss of (c, d) grows by Q(c,z) + Q(z,c) + Q(d,z) + Q(z,d) -
// Q(c+d, z) - Q(z, c+d), which is zero unless c or d is adjacent to z, and the losses L(z, c) are
// computed from z's few neighbours: for a d that z is not adjacent to, Q(z+c, d) = Q(c, d) +
// N(c,d) (log l(c) - log l(z+c)), so the sum over such d follows from row sums of c.
#include "ml/brown_clusters.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>

#include "erx/error.hpp"

namespace erx::ml {

namespace {

// Calls `on_line` for every line of `text` (without its end of line).
template <typename OnLine>
void for_each_line(std::string_view text, OnLine&& on_line) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    on_line(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

// Calls `on_token` for every space/tab separated token of `line`.
template <typename OnToken>
void for_each_token(std::string_view line, OnToken&& on_token) {
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t start = i;
    while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) on_token(line.substr(start, i - start));
  }
}

// Reads `path` in blocks of whole lines and calls `on_text` with each block.
template <typename OnText>
void for_each_block(const std::string& path, OnText&& on_text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open for reading");
  constexpr std::size_t kBlock = std::size_t{1} << 24;
  std::string buffer;
  std::string carry;
  std::vector<char> raw(kBlock);
  while (in) {
    in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    buffer.assign(carry);
    buffer.append(raw.data(), got);
    const std::size_t last_newline = buffer.rfind('\n');
    if (last_newline == std::string::npos) {
      carry = std::move(buffer);
      continue;
    }
    carry.assign(buffer, last_newline + 1);
    buffer.resize(last_newline + 1);
    on_text(std::string_view(buffer));
  }
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  if (!carry.empty()) on_text(std::string_view(carry));
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

// Two passes over the same text source: vocabulary, then bigrams of kept words.
class BrownCorpus::Builder {
 public:
  explicit Builder(std::uint64_t min_count) : min_count_(min_count) {
    if (min_count == 0) throw Error(ErrorCode::kInvalidArgument, "brown clusters: min_count must be at least 1");
  }

  void count_words(std::string_view text) {
    for_each_line(text, [&](std::string_view line) {
      bool any = false;
      for_each_token(line, [&](std::string_view token) {
        any = true;
        ++corpus_.tokens_;
        auto it = word_counts_.find(token);
        if (it == word_counts_.end()) it = word_counts_.emplace(std::string(token), 0).first;
        ++it->second;
      });
      if (any) ++corpus_.sentences_;
    });
  }

  void choose_vocabulary() {
    corpus_.types_ = word_counts_.size();
    std::vector<std::pair<std::string, std::uint64_t>> kept;
    for (auto& [word, count] : word_counts_)
      if (count >= min_count_) kept.emplace_back(word, count);
    word_counts_.clear();
    std::sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    for (auto& [word, count] : kept) {
      ids_.emplace(word, static_cast<std::uint32_t>(corpus_.words_.size()));
      corpus_.words_.push_back(std::move(word));
      corpus_.counts_.push_back(count);
    }
  }

  void count_bigrams(std::string_view text) {
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    for_each_line(text, [&](std::string_view line) {
      std::uint32_t previous = kNone;
      for_each_token(line, [&](std::string_view token) {
        auto it = ids_.find(token);
        const std::uint32_t id = it == ids_.end() ? kNone : it->second;
        if (previous != kNone && id != kNone) {
          pending_.push_back((std::uint64_t{previous} << 32) | id);
          if (pending_.size() >= kPendingLimit) flush();
        }
        previous = id;
      });
    });
  }

  BrownCorpus finish() {
    flush();
    return std::move(corpus_);
  }

 private:
  static constexpr std::size_t kPendingLimit = std::size_t{1} << 24;

  // Sorts the pending bigram keys and merges their run lengths into the sorted bigram list.
  void flush() {
    if (pending_.empty()) return;
    std::sort(pending_.begin(), pending_.end());
    std::vector<Bigram> fresh;
    for (std::size_t i = 0; i < pending_.size();) {
      std::size_t j = i;
      while (j < pending_.size() && pending_[j] == pending_[i]) ++j;
      fresh.push_back({static_cast<std::uint32_t>(pending_[i] >> 32), static_cast<std::uint32_t>(pending_[i]), j - i});
      i = j;
    }
    pending_.clear();
    std::vector<Bigram> merged;
    merged.reserve(fresh.size() + corpus_.bigrams_.size());
    auto key = [](const Bigram& b) { return (std::uint64_t{b.left} << 32) | b.right; };
    std::size_t i = 0;
    std::size_t j = 0;
    auto& old = corpus_.bigrams_;
    while (i < old.size() || j < fresh.size()) {
      if (j == fresh.size() || (i < old.size() && key(old[i]) < key(fresh[j]))) {
        merged.push_back(old[i++]);
      } else if (i == old.size() || key(fresh[j]) < key(old[i])) {
        merged.push_back(fresh[j++]);
      } else {
        merged.push_back({old[i].left, old[i].right, old[i].count + fresh[j].count});
        ++i;
        ++j;
      }
    }
    old = std::move(merged);
  }

  std::uint64_t min_count_;
  BrownCorpus corpus_;
  std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>> word_counts_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids_;
  std::vector<std::uint64_t> pending_;
};

BrownCorpus BrownCorpus::from_texts(const std::vector<std::string_view>& texts, std::uint64_t min_count) {
  Builder builder(min_count);
  for (std::string_view text : texts) builder.count_words(text);
  builder.choose_vocabulary();
  for (std::string_view text : texts) builder.count_bigrams(text);
  return builder.finish();
}

BrownCorpus BrownCorpus::from_files(const std::vector<std::string>& paths, std::uint64_t min_count) {
  Builder builder(min_count);
  for (const std::string& path : paths) for_each_block(path, [&](std::string_view text) { builder.count_words(text); });
  builder.choose_vocabulary();
  for (const std::string& path : paths) for_each_block(path, [&](std::string_view text) { builder.count_bigrams(text); });
  return builder.finish();
}

namespace {

// The state of one clustering run. Cluster "slots" index the dense matrices; a merge keeps the
// merged cluster in the lower slot and frees the other, which the next word then takes.
class BrownLearner {
 public:
  BrownLearner(const BrownCorpus& corpus, const BrownOptions& options)
      : corpus_(corpus), options_(options), vocabulary_(static_cast<std::uint32_t>(corpus.words().size())) {
    if (options.clusters == 0) throw Error(ErrorCode::kInvalidArgument, "brown clusters: the number of clusters must be at least 1");
    if (vocabulary_ == 0) throw Error(ErrorCode::kInvalidArgument, "brown clusters: the corpus has no word seen often enough");
    window_ = std::min(options.clusters, vocabulary_);
    slots_ = window_ + 1;
    build_adjacency();
    const std::size_t cells = std::size_t{slots_} * slots_;
    n_.assign(cells, 0);
    nt_.assign(cells, 0);
    qt_.assign(cells, 0.0);
    q_.assign(cells, 0.0);
    loss_.assign(cells, 0.0);
    for (auto* v : {&l_, &r_, &rn_, &cn_}) v->assign(slots_, 0);
    for (auto* v : {&log_l_, &log_r_, &s_, &rq_, &cq_, &g_, &delta_}) v->assign(slots_, 0.0);
    for (auto* v : {&xa_, &xb_, &ya_, &yb_}) v->assign(slots_, 0);
    mark_.assign(slots_, 0);
    slot_word_root_.assign(slots_, 0);
    parent_.resize(vocabulary_);
    std::iota(parent_.begin(), parent_.end(), 0U);
    root_slot_.assign(vocabulary_, kNoSlot);
    for (std::uint32_t slot = slots_; slot-- > 0;) free_slots_.push_back(slot);
    const std::size_t table_size = static_cast<std::size_t>(std::min<std::uint64_t>(total_ + 1, kTableSize));
    f_table_.resize(table_size);
    for (std::size_t i = 1; i < table_size; ++i) f_table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
    log_total_ = std::log(static_cast<double>(total_));
  }

  BrownClusters run() {
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    // Phase 1: add words by decreasing frequency, merging whenever more than C are active.
    for (std::uint32_t w = 0; w < vocabulary_; ++w) {
      add_word(w);
      if (active_.size() > window_) merge_best();
      if (options_.verify) verify();
      if (options_.progress && ((w + 1) % 1000 == 0 || w + 1 == vocabulary_))
        options_.progress("brown clusters: " + std::to_string(w + 1) + " of " + std::to_string(vocabulary_) +
                          " words, " + std::to_string(static_cast<long long>(elapsed())) + " s");
    }
    BrownClusters result;
    result.cluster_count = static_cast<std::uint32_t>(active_.size());
    double information = 0.0;
    for (std::uint32_t c : active_)
      for (std::uint32_t d : active_) information += q(c, d);
    result.mutual_information = information / static_cast<double>(total_);

    // Phase 2: merge the C clusters down to one; these merges form the hierarchy.
    std::vector<std::array<std::uint32_t, 2>> children;  // of internal node k + C
    std::vector<std::uint32_t> node_of_slot(slots_, 0);
    std::vector<std::uint32_t> leaf_of_slot(slots_, 0);
    std::uint32_t leaf = 0;
    for (std::uint32_t c : active_) {
      leaf_of_slot[c] = leaf;
      node_of_slot[c] = leaf++;
    }
    const std::uint32_t leaves = leaf;
    while (active_.size() > 1) {
      auto [a, b] = best_pair();
      children.push_back({node_of_slot[a], node_of_slot[b]});
      merge(a, b, /*track_words=*/false);
      node_of_slot[a] = leaves + static_cast<std::uint32_t>(children.size()) - 1;
      if (options_.verify) verify();
    }
    if (options_.progress) options_.progress("brown clusters: hierarchy done, " + std::to_string(static_cast<long long>(elapsed())) + " s");

    // Bit strings: '0' for the first child (the lower slot), '1' for the second.
    std::vector<std::string> bits_of_leaf(leaves);
    std::vector<std::pair<std::uint32_t, std::string>> stack;
    stack.emplace_back(children.empty() ? 0 : leaves + static_cast<std::uint32_t>(children.size()) - 1, "");
    while (!stack.empty()) {
      auto [node, bits] = std::move(stack.back());
      stack.pop_back();
      if (node < leaves) {
        bits_of_leaf[node] = bits.empty() ? "0" : bits;
        continue;
      }
      const auto& kids = children[node - leaves];
      stack.emplace_back(kids[1], bits + '1');
      stack.emplace_back(kids[0], bits + '0');
    }
    result.entries.reserve(vocabulary_);
    for (std::uint32_t w = 0; w < vocabulary_; ++w)
      result.entries.push_back({bits_of_leaf[leaf_of_slot[root_slot_[find(w)]]], corpus_.words()[w], corpus_.counts()[w]});
    std::sort(result.entries.begin(), result.entries.end(), [](const auto& x, const auto& y) {
      if (x.bits != y.bits) return x.bits < y.bits;
      if (x.count != y.count) return x.count > y.count;
      return x.word < y.word;
    });
    return result;
  }

 private:
  static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint64_t kTableSize = std::uint64_t{1} << 18;

  struct Neighbour {
    std::uint32_t word;
    std::uint64_t count;
  };

  // CSR adjacency lists of the word bigram graph, in both directions, and the word marginals.
  void build_adjacency() {
    const auto& bigrams = corpus_.bigrams();
    right_begin_.assign(vocabulary_ + 1, 0);
    left_begin_.assign(vocabulary_ + 1, 0);
    word_left_total_.assign(vocabulary_, 0);
    word_right_total_.assign(vocabulary_, 0);
    for (const auto& b : bigrams) {
      ++right_begin_[b.left + 1];
      ++left_begin_[b.right + 1];
      word_left_total_[b.left] += b.count;
      word_right_total_[b.right] += b.count;
      total_ += b.count;
    }
    if (total_ == 0) throw Error(ErrorCode::kInvalidArgument, "brown clusters: the corpus has no bigram of kept words");
    for (std::uint32_t w = 0; w < vocabulary_; ++w) {
      right_begin_[w + 1] += right_begin_[w];
      left_begin_[w + 1] += left_begin_[w];
    }
    right_.resize(bigrams.size());
    left_.resize(bigrams.size());
    std::vector<std::size_t> fill(left_begin_.begin(), left_begin_.end() - 1);
    for (std::size_t i = 0; i < bigrams.size(); ++i) {
      right_[i] = {bigrams[i].right, bigrams[i].count};  // bigrams are sorted by left word
      left_[fill[bigrams[i].right]++] = {bigrams[i].left, bigrams[i].count};
    }
  }

  // Union-find over words: the root of a word's set knows the slot of its cluster.
  std::uint32_t find(std::uint32_t w) {
    while (parent_[w] != w) {
      parent_[w] = parent_[parent_[w]];
      w = parent_[w];
    }
    return w;
  }
  std::uint32_t slot_of_word(std::uint32_t w) { return root_slot_[find(w)]; }

  [[nodiscard]] std::size_t at(std::uint32_t x, std::uint32_t y) const noexcept { return std::size_t{x} * slots_ + y; }
  [[nodiscard]] std::int64_t n(std::uint32_t x, std::uint32_t y) const noexcept { return n_[at(x, y)]; }
  [[nodiscard]] double q(std::uint32_t x, std::uint32_t y) const noexcept { return q_[at(x, y)]; }
  double& loss(std::uint32_t x, std::uint32_t y) noexcept { return x < y ? loss_[at(x, y)] : loss_[at(y, x)]; }
  // N(y, x) and Q(y, x), read from the transposed copies so that column scans are contiguous.
  [[nodiscard]] std::int64_t n_col(std::uint32_t x, std::uint32_t y) const noexcept { return nt_[at(x, y)]; }
  [[nodiscard]] double q_col(std::uint32_t x, std::uint32_t y) const noexcept { return qt_[at(x, y)]; }
  void add_n(std::uint32_t x, std::uint32_t y, std::int64_t value) noexcept {
    n_[at(x, y)] += value;
    nt_[at(y, x)] += value;
  }
  void set_n(std::uint32_t x, std::uint32_t y, std::int64_t value) noexcept {
    n_[at(x, y)] = value;
    nt_[at(y, x)] = value;
  }
  void set_q(std::uint32_t x, std::uint32_t y, double value) noexcept {
    q_[at(x, y)] = value;
    qt_[at(y, x)] = value;
  }

  [[nodiscard]] double f(std::int64_t count) const noexcept {
    if (static_cast<std::uint64_t>(count) < f_table_.size()) return f_table_[static_cast<std::size_t>(count)];
    const auto x = static_cast<double>(count);
    return x * std::log(x);
  }
  static double safe_log(std::int64_t x) noexcept { return x > 0 ? std::log(static_cast<double>(x)) : 0.0; }
  // Q for a bigram count with the given log marginals.
  [[nodiscard]] double q_of(std::int64_t count, double log_left, double log_right) const noexcept {
    return count == 0 ? 0.0 : f(count) - static_cast<double>(count) * (log_left + log_right - log_total_);
  }

  std::uint32_t take_free_slot() {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  void activate(std::uint32_t slot) { active_.insert(std::lower_bound(active_.begin(), active_.end(), slot), slot); }
  void deactivate(std::uint32_t slot) { active_.erase(std::lower_bound(active_.begin(), active_.end(), slot)); }

  // Row and column sums of N and Q over the active clusters, and s(), recomputed exactly.
  void recompute_sums() {
    for (std::uint32_t c : active_) {
      double row_q = 0.0;
      double col_q = 0.0;
      std::int64_t row_n = 0;
      std::int64_t col_n = 0;
      const double* q_row = &q_[at(c, 0)];
      const double* q_column = &qt_[at(c, 0)];
      const std::int64_t* n_row = &n_[at(c, 0)];
      const std::int64_t* n_column = &nt_[at(c, 0)];
      for (std::uint32_t d : active_) {
        row_q += q_row[d];
        col_q += q_column[d];
        row_n += n_row[d];
        col_n += n_column[d];
      }
      rq_[c] = row_q;
      cq_[c] = col_q;
      rn_[c] = row_n;
      cn_[c] = col_n;
      s_[c] = row_q + col_q - q(c, c);
    }
  }

  // L(z, c) computed from z's neighbours (lists of active d with N(z,d) > 0 and N(d,z) > 0).
  double loss_from_neighbours(std::uint32_t z, std::uint32_t c, const std::vector<std::uint32_t>& out,
                              const std::vector<std::uint32_t>& in) const {
    const double log_lm = safe_log(l_[z] + l_[c]);
    const double log_rm = safe_log(r_[z] + r_[c]);
    double row = 0.0;
    double seen_q = 0.0;
    std::int64_t seen_n = 0;
    for (std::uint32_t d : out) {
      if (d == z || d == c) continue;
      row += q_of(n(z, d) + n(c, d), log_lm, log_r_[d]);
      seen_q += q(c, d);
      seen_n += n(c, d);
    }
    const std::int64_t rest_row_n = rn_[c] - n(c, c) - n(c, z) - seen_n;
    row += rq_[c] - q(c, c) - q(c, z) - seen_q;
    if (rest_row_n != 0) row += static_cast<double>(rest_row_n) * (log_l_[c] - log_lm);
    double col = 0.0;
    seen_q = 0.0;
    seen_n = 0;
    for (std::uint32_t d : in) {
      if (d == z || d == c) continue;
      col += q_of(n_col(z, d) + n_col(c, d), log_l_[d], log_rm);
      seen_q += q_col(c, d);
      seen_n += n_col(c, d);
    }
    const std::int64_t rest_col_n = cn_[c] - n(c, c) - n(z, c) - seen_n;
    col += cq_[c] - q(c, c) - q(z, c) - seen_q;
    if (rest_col_n != 0) col += static_cast<double>(rest_col_n) * (log_r_[c] - log_rm);
    const double self = q_of(n(z, z) + n(z, c) + n(c, z) + n(c, c), log_lm, log_rm);
    return s_[z] + s_[c] - q(z, c) - q(c, z) - (row + col + self);
  }

  // The active clusters adjacent to `x` as left word (out) and as right word (in).
  void neighbours_of(std::uint32_t x, std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& in) const {
    out.clear();
    in.clear();
    const std::int64_t* row = &n_[at(x, 0)];
    const std::int64_t* column = &nt_[at(x, 0)];
    for (std::uint32_t d : active_) {
      if (row[d] != 0) out.push_back(d);
      if (column[d] != 0) in.push_back(d);
    }
  }

  // Losses of every pair that includes `z`. L(z, c) = L(c, z) is computed from the neighbours of
  // whichever of the two has fewer (a new word has few; a merged cluster often has many).
  void compute_losses_of(std::uint32_t z) {
    neighbours_of(z, out_z_, in_z_);
    const std::size_t z_degree = out_z_.size() + in_z_.size();
    for (std::uint32_t c : active_) {
      if (c == z) continue;
      if (z_degree > 64) {
        neighbours_of(c, out_c_, in_c_);
        if (out_c_.size() + in_c_.size() < z_degree) {
          loss(z, c) = loss_from_neighbours(c, z, out_c_, in_c_);
          continue;
        }
      }
      loss(z, c) = loss_from_neighbours(z, c, out_z_, in_z_);
    }
  }

  void add_word(std::uint32_t w) {
    const std::uint32_t z = take_free_slot();
    root_slot_[w] = z;  // w is still a singleton set, its own root
    slot_word_root_[z] = w;
    for (std::uint32_t d = 0; d < slots_; ++d) {
      set_n(z, d, 0);
      set_n(d, z, 0);
    }
    for (std::size_t i = right_begin_[w]; i < right_begin_[w + 1]; ++i) {
      const std::uint32_t v = right_[i].word;
      if (v > w) continue;  // not clustered yet (words enter in id order)
      add_n(z, v == w ? z : slot_of_word(v), static_cast<std::int64_t>(right_[i].count));
    }
    for (std::size_t i = left_begin_[w]; i < left_begin_[w + 1]; ++i) {
      const std::uint32_t u = left_[i].word;
      if (u >= w) continue;  // u == w was counted above
      add_n(slot_of_word(u), z, static_cast<std::int64_t>(left_[i].count));
    }
    l_[z] = static_cast<std::int64_t>(word_left_total_[w]);
    r_[z] = static_cast<std::int64_t>(word_right_total_[w]);
    log_l_[z] = safe_log(l_[z]);
    log_r_[z] = safe_log(r_[z]);
    for (std::uint32_t c : active_) {
      set_q(z, c, q_of(n(z, c), log_l_[z], log_r_[c]));
      set_q(c, z, q_of(n(c, z), log_l_[c], log_r_[z]));
    }
    set_q(z, z, q_of(n(z, z), log_l_[z], log_r_[z]));

    // Old pairs gain the terms with z; only pairs with a neighbour of z change.
    std::vector<std::uint32_t> neighbours;
    for (std::uint32_t c : active_) {
      mark_[c] = (n_col(z, c) != 0 || n(z, c) != 0) ? 1 : 0;
      g_[c] = q_col(z, c) + q(z, c);
      if (mark_[c]) neighbours.push_back(c);
    }
    for (std::uint32_t c : neighbours) {
      for (std::uint32_t d : active_) {
        if (d == c || (mark_[d] && d < c)) continue;
        const std::int64_t n1 = n_col(z, c) + n_col(z, d);
        const std::int64_t n2 = n(z, c) + n(z, d);
        double change = g_[c] + g_[d];
        if (n1 != 0) change -= q_of(n1, safe_log(l_[c] + l_[d]), log_r_[z]);
        if (n2 != 0) change -= q_of(n2, log_l_[z], safe_log(r_[c] + r_[d]));
        loss(c, d) += change;
      }
    }
    // Sums: every old row and column gains its entry for z; z's own are summed afresh.
    for (std::uint32_t c : active_) {
      s_[c] += g_[c];
      rq_[c] += q(c, z);
      cq_[c] += q(z, c);
      rn_[c] += n(c, z);
      cn_[c] += n(z, c);
    }
    activate(z);
    double row_q = 0.0;
    double col_q = 0.0;
    std::int64_t row_n = 0;
    std::int64_t col_n = 0;
    for (std::uint32_t d : active_) {
      row_q += q(z, d);
      col_q += q_col(z, d);
      row_n += n(z, d);
      col_n += n_col(z, d);
    }
    rq_[z] = row_q;
    cq_[z] = col_q;
    rn_[z] = row_n;
    cn_[z] = col_n;
    s_[z] = row_q + col_q - q(z, z);
    compute_losses_of(z);
  }

  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> best_pair() const {
    double best = std::numeric_limits<double>::infinity();
    std::pair<std::uint32_t, std::uint32_t> pair{active_[0], active_[1]};
    for (std::size_t i = 0; i < active_.size(); ++i) {
      const std::uint32_t c = active_[i];
      const double* row = &loss_[at(c, 0)];
      for (std::size_t j = i + 1; j < active_.size(); ++j) {
        const double value = row[active_[j]];
        if (value < best) {
          best = value;
          pair = {c, active_[j]};
        }
      }
    }
    return pair;
  }

  void merge_best() {
    auto [a, b] = best_pair();
    merge(a, b, /*track_words=*/true);
  }

  // Merges cluster b into cluster a (a < b), updating every loss (see the file comment).
  void merge(std::uint32_t a, std::uint32_t b, bool track_words) {
    const std::int64_t lm = l_[a] + l_[b];
    const std::int64_t rm = r_[a] + r_[b];
    const double log_lm = safe_log(lm);
    const double log_rm = safe_log(rm);
    std::vector<std::uint32_t> others;
    for (std::uint32_t c : active_) {
      if (c == a || c == b) continue;
      others.push_back(c);
      xa_[c] = n_col(a, c);
      xb_[c] = n_col(b, c);
      ya_[c] = n(a, c);
      yb_[c] = n(b, c);
      const double q_mc = q_of(ya_[c] + yb_[c], log_lm, log_r_[c]);
      const double q_cm = q_of(xa_[c] + xb_[c], log_l_[c], log_rm);
      delta_[c] = q_mc + q_cm - (q_col(a, c) + q(a, c) + q_col(b, c) + q(b, c));
      mark_[c] = (xa_[c] | xb_[c] | ya_[c] | yb_[c]) != 0 ? 1 : 0;
    }
    const double la = log_l_[a];
    const double lb = log_l_[b];
    const double ra = log_r_[a];
    const double rb = log_r_[b];
    for (std::size_t i = 0; i < others.size(); ++i) {
      const std::uint32_t c = others[i];
      double* row = &loss_[at(c, 0)];
      for (std::size_t j = i + 1; j < others.size(); ++j) {
        const std::uint32_t d = others[j];
        if (!(mark_[c] | mark_[d])) continue;
        double change = delta_[c] + delta_[d];
        const std::int64_t n1 = xa_[c] + xa_[d];
        const std::int64_t n2 = xb_[c] + xb_[d];
        if ((n1 | n2) != 0)
          change += f(n1) + f(n2) - f(n1 + n2) - static_cast<double>(n1) * ra - static_cast<double>(n2) * rb +
                    static_cast<double>(n1 + n2) * log_rm;
        const std::int64_t m1 = ya_[c] + ya_[d];
        const std::int64_t m2 = yb_[c] + yb_[d];
        if ((m1 | m2) != 0)
          change += f(m1) + f(m2) - f(m1 + m2) - static_cast<double>(m1) * la - static_cast<double>(m2) * lb +
                    static_cast<double>(m1 + m2) * log_lm;
        row[d] += change;  // c < d: others is sorted
      }
    }

    // Apply the merge to the counts.
    const std::int64_t self = n(a, a) + n(a, b) + n(b, a) + n(b, b);
    for (std::uint32_t d : others) {
      add_n(a, d, n(b, d));
      add_n(d, a, n_col(b, d));
    }
    set_n(a, a, self);
    for (std::uint32_t d = 0; d < slots_; ++d) {
      set_n(b, d, 0);
      set_n(d, b, 0);
    }
    l_[a] = lm;
    r_[a] = rm;
    log_l_[a] = log_lm;
    log_r_[a] = log_rm;
    for (std::uint32_t d : others) {
      set_q(a, d, q_of(n(a, d), log_lm, log_r_[d]));
      set_q(d, a, q_of(n(d, a), log_l_[d], log_rm));
    }
    set_q(a, a, q_of(self, log_lm, log_rm));
    if (track_words) {
      std::uint32_t root_a = slot_word_root_[a];
      std::uint32_t root_b = slot_word_root_[b];
      parent_[root_b] = root_a;
      root_slot_[root_a] = a;
    }
    deactivate(b);
    free_slots_.push_back(b);
    recompute_sums();
    compute_losses_of(a);
  }

  // Recomputes every loss from scratch and compares (BrownOptions::verify).
  void verify() {
    auto information = [&](const std::vector<std::uint32_t>& clusters, auto count, auto left, auto right) {
      double total = 0.0;
      for (std::uint32_t c : clusters)
        for (std::uint32_t d : clusters) total += q_of(count(c, d), safe_log(left(c)), safe_log(right(d)));
      return total;
    };
    const double before = information(
        active_, [&](std::uint32_t c, std::uint32_t d) { return n(c, d); }, [&](std::uint32_t c) { return l_[c]; },
        [&](std::uint32_t c) { return r_[c]; });
    for (std::size_t i = 0; i < active_.size(); ++i) {
      for (std::size_t j = i + 1; j < active_.size(); ++j) {
        const std::uint32_t a = active_[i];
        const std::uint32_t b = active_[j];
        auto rep = [&](std::uint32_t c) { return c == b ? a : c; };
        std::vector<std::uint32_t> merged;
        for (std::uint32_t c : active_)
          if (c != b) merged.push_back(c);
        auto count = [&](std::uint32_t c, std::uint32_t d) {
          std::int64_t total = 0;
          for (std::uint32_t x : active_)
            for (std::uint32_t y : active_)
              if (rep(x) == c && rep(y) == d) total += n(x, y);
          return total;
        };
        auto left = [&](std::uint32_t c) { return c == a ? l_[a] + l_[b] : l_[c]; };
        auto right = [&](std::uint32_t c) { return c == a ? r_[a] + r_[b] : r_[c]; };
        const double expected = before - information(merged, count, left, right);
        const double kept = loss(a, b);
        if (std::abs(expected - kept) > 1e-7 * std::max(1.0, std::abs(before)))
          throw Error(ErrorCode::kModel, "brown clusters: kept loss " + std::to_string(kept) + " of slots " +
                                             std::to_string(a) + "," + std::to_string(b) + " differs from " +
                                             std::to_string(expected));
      }
    }
  }

  const BrownCorpus& corpus_;
  const BrownOptions& options_;
  std::uint32_t vocabulary_;
  std::uint32_t window_ = 0;
  std::uint32_t slots_ = 0;
  std::uint64_t total_ = 0;
  double log_total_ = 0.0;
  std::vector<double> f_table_;

  std::vector<std::size_t> right_begin_, left_begin_;
  std::vector<Neighbour> right_, left_;
  std::vector<std::uint64_t> word_left_total_, word_right_total_;
  std::vector<std::uint32_t> parent_, root_slot_;

  std::vector<std::int64_t> n_, nt_;  // N and its transpose, slots_ x slots_
  std::vector<double> q_, qt_, loss_;  // Q, its transpose, and L for slot pairs x < y at (x, y)
  std::vector<std::int64_t> l_, r_, rn_, cn_;
  std::vector<double> log_l_, log_r_, s_, rq_, cq_, g_, delta_;
  std::vector<std::int64_t> xa_, xb_, ya_, yb_;
  std::vector<char> mark_;
  std::vector<std::uint32_t> slot_word_root_;
  std::vector<std::uint32_t> active_, free_slots_;
  std::vector<std::uint32_t> out_z_, in_z_, out_c_, in_c_;  // scratch of compute_losses_of
};

}  // namespace

BrownClusters learn_brown_clusters(const BrownCorpus& corpus, const BrownOptions& options) {
  return BrownLearner(corpus, options).run();
}

void BrownClusters::write(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(ErrorCode::kIo, path + ": cannot open for writing");
  std::string buffer;
  for (const Entry& e : entries) {
    buffer += e.bits;
    buffer += '\t';
    buffer += e.word;
    buffer += '\t';
    buffer += std::to_string(e.count);
    buffer += '\n';
  }
  out << buffer;
  out.flush();
  if (!out) throw Error(ErrorCode::kIo, path + ": write error");
}

ClusterTable ClusterTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open for reading");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  return parse(text, path);
}

ClusterTable ClusterTable::parse(std::string_view text, std::string_view name) {
  ClusterTable table;
  std::size_t line_number = 0;
  for_each_line(text, [&](std::string_view line) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return;
    auto fail = [&](const std::string& problem) {
      throw Error(ErrorCode::kFormat, std::string(name) + ":" + std::to_string(line_number) + ": " + problem);
    };
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) fail("expected 'bits<TAB>word<TAB>count'");
    const std::string_view bits = line.substr(0, tab);
    std::string_view word = line.substr(tab + 1);
    word = word.substr(0, word.find('\t'));
    if (bits.empty() || word.empty()) fail("empty bit string or word");
    if (bits.find_first_not_of("01") != std::string_view::npos) fail("bit string '" + std::string(bits) + "' has a character other than 0 and 1");
    if (!table.bits_of_.emplace(std::string(word), std::string(bits)).second) fail("word '" + std::string(word) + "' appears twice");
  });
  return table;
}

std::string_view ClusterTable::find(std::string_view word) const noexcept {
  auto it = bits_of_.find(word);
  return it == bits_of_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace erx::ml
