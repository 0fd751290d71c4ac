// Gazetteer matching and word-cluster lookup for the entity model.
#include "entities/lexicons.hpp"

#include <algorithm>
#include <bit>

#include "entities/word_shape.hpp"
#include "erx/error.hpp"
#include "erx/tokenizer.hpp"
#include "ml/hash.hpp"

namespace erx::entities {

std::uint64_t phrase_hash(const std::uint64_t* token_hashes, std::size_t n) noexcept {
  std::uint64_t h = 0x7a3f1c2be4d59a61ULL;
  for (std::size_t i = 0; i < n; ++i) h = ml::combine(h, token_hashes[i]);
  return h;
}

namespace {

// An entry as lower-cased tokens joined by single spaces.
std::string normalize_entry(const Tokenizer& tokenizer, std::string_view entry) {
  Document doc = tokenizer.tokenize(entry);
  std::string out;
  for (const Token& t : doc.tokens()) {
    std::string w = ascii_lower(doc.norm(t));
    if (w.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::vector<std::uint64_t> token_hashes(std::string_view joined) {
  std::vector<std::uint64_t> out;
  for (std::size_t s = 0; s <= joined.size();) {
    std::size_t sp = joined.find(' ', s);
    std::string_view w = joined.substr(s, sp == std::string_view::npos ? std::string_view::npos : sp - s);
    if (!w.empty()) out.push_back(ml::hash_string(w));
    s = sp == std::string_view::npos ? joined.size() + 1 : sp + 1;
  }
  return out;
}

}  // namespace

Gazetteer::Gazetteer(const std::map<std::string, std::vector<std::string>>& lists) {
  if (lists.size() > 64) throw Error(ErrorCode::kInvalidArgument, "gazetteer: more than 64 lists");
  Tokenizer tokenizer(TokenizerOptions{.split_sentences = false});
  for (const auto& [name, entries] : lists) {
    names_.push_back(name);
    std::vector<std::string> norm;
    norm.reserve(entries.size());
    for (const std::string& e : entries) {
      std::string n = normalize_entry(tokenizer, e);
      if (!n.empty()) norm.push_back(std::move(n));
    }
    std::sort(norm.begin(), norm.end());
    norm.erase(std::unique(norm.begin(), norm.end()), norm.end());
    entries_.push_back(std::move(norm));
  }
  index();
}

void Gazetteer::index() {
  phrases_.clear();
  prefixes_.clear();
  max_tokens_ = 0;
  for (std::size_t l = 0; l < entries_.size(); ++l) {
    for (const std::string& e : entries_[l]) {
      std::vector<std::uint64_t> h = token_hashes(e);
      if (h.empty()) continue;
      max_tokens_ = std::max(max_tokens_, h.size());
      phrases_[phrase_hash(h.data(), h.size())] |= std::uint64_t{1} << l;
      for (std::size_t k = 1; k < h.size(); ++k) prefixes_.insert(phrase_hash(h.data(), k));
    }
  }
}

int Gazetteer::list_index(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return static_cast<int>(i);
  return -1;
}

std::size_t Gazetteer::num_entries() const noexcept {
  std::size_t n = 0;
  for (const auto& e : entries_) n += e.size();
  return n;
}

void Gazetteer::match(const std::vector<std::uint64_t>& lower_hashes, std::vector<Match>& out) const {
  if (phrases_.empty()) return;
  const std::size_t n = lower_hashes.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 0x7a3f1c2be4d59a61ULL;
    for (std::size_t j = i; j < n && j - i < max_tokens_; ++j) {
      h = ml::combine(h, lower_hashes[j]);
      auto it = phrases_.find(h);
      if (it != phrases_.end()) {
        std::uint64_t mask = it->second;
        while (mask) {
          int l = std::countr_zero(mask);
          mask &= mask - 1;
          out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j + 1), static_cast<std::uint16_t>(l)});
        }
      }
      if (!prefixes_.count(h)) break;
    }
  }
}

std::uint64_t Gazetteer::lists_of(const std::uint64_t* lower_hashes, std::size_t n) const {
  auto it = phrases_.find(phrase_hash(lower_hashes, n));
  return it == phrases_.end() ? 0 : it->second;
}

void Gazetteer::write(ml::ByteWriter& out) const {
  out.u32(static_cast<std::uint32_t>(names_.size()));
  for (std::size_t l = 0; l < names_.size(); ++l) {
    out.str(names_[l]);
    out.u32(static_cast<std::uint32_t>(entries_[l].size()));
    for (const std::string& e : entries_[l]) out.str(e);
  }
}

Gazetteer Gazetteer::read(ml::ByteReader& in) {
  Gazetteer g;
  std::uint32_t lists = in.u32();
  in.check(lists <= 64, "more than 64 gazetteer lists");
  for (std::uint32_t l = 0; l < lists; ++l) {
    g.names_.push_back(in.str());
    std::uint32_t n = in.u32();
    in.check(n <= in.remaining() / 4, "gazetteer entry count larger than the data");
    std::vector<std::string> entries;
    entries.reserve(n);
    for (std::uint32_t k = 0; k < n; ++k) entries.push_back(in.str());
    g.entries_.push_back(std::move(entries));
  }
  g.index();
  return g;
}

ClusterTable::ClusterTable(const std::vector<std::pair<std::string, std::string>>& clusters) {
  std::unordered_map<std::string, std::uint32_t> path_ids;
  std::unordered_set<std::string> seen;
  for (const auto& [word, path] : clusters) {
    if (word.empty() || path.empty() || !seen.insert(word).second) continue;
    auto [it, added] = path_ids.emplace(path, static_cast<std::uint32_t>(paths_.size()));
    if (added) paths_.push_back(path);
    words_.push_back(word);
    word_cluster_.push_back(it->second);
  }
  index();
}

void ClusterTable::index() {
  by_word_.clear();
  by_word_.reserve(words_.size());
  for (std::size_t i = 0; i < words_.size(); ++i) by_word_.emplace(ml::hash_string(words_[i]), word_cluster_[i]);
  prefix_hashes_.assign(paths_.size() * kPrefixes, 0);
  for (std::size_t c = 0; c < paths_.size(); ++c)
    for (int k = 0; k < kPrefixes; ++k) {
      std::string_view p = paths_[c];
      p = p.substr(0, std::min<std::size_t>(p.size(), static_cast<std::size_t>(kPrefixLengths[k])));
      prefix_hashes_[c * kPrefixes + static_cast<std::size_t>(k)] = ml::hash_string(p, static_cast<std::uint64_t>(k));
    }
}

int ClusterTable::find(std::string_view word, std::string_view lower) const noexcept {
  if (by_word_.empty()) return -1;
  auto it = by_word_.find(ml::hash_string(word));
  if (it != by_word_.end()) return static_cast<int>(it->second);
  if (lower != word) {
    it = by_word_.find(ml::hash_string(lower));
    if (it != by_word_.end()) return static_cast<int>(it->second);
  }
  // "JAPAN" -> "Japan"
  if (!lower.empty() && lower.size() < 64) {
    char buf[64];
    std::copy(lower.begin(), lower.end(), buf);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = static_cast<char>(buf[0] - 'a' + 'A');
    it = by_word_.find(ml::hash_string(std::string_view(buf, lower.size())));
    if (it != by_word_.end()) return static_cast<int>(it->second);
  }
  return -1;
}

void ClusterTable::write(ml::ByteWriter& out) const {
  out.u32(static_cast<std::uint32_t>(paths_.size()));
  for (const std::string& p : paths_) out.str(p);
  out.u32(static_cast<std::uint32_t>(words_.size()));
  for (std::size_t i = 0; i < words_.size(); ++i) {
    out.str(words_[i]);
    out.u32(word_cluster_[i]);
  }
}

ClusterTable ClusterTable::read(ml::ByteReader& in) {
  ClusterTable t;
  std::uint32_t np = in.u32();
  in.check(np <= in.remaining() / 4, "cluster path count larger than the data");
  for (std::uint32_t i = 0; i < np; ++i) t.paths_.push_back(in.str());
  std::uint32_t nw = in.u32();
  in.check(nw <= in.remaining() / 8, "cluster word count larger than the data");
  t.words_.reserve(nw);
  t.word_cluster_.reserve(nw);
  for (std::uint32_t i = 0; i < nw; ++i) {
    t.words_.push_back(in.str());
    std::uint32_t c = in.u32();
    in.check(c < np, "cluster id out of range");
    t.word_cluster_.push_back(c);
  }
  t.index();
  return t;
}

}  // namespace erx::entities
