// Tests of ml/brown_clusters.hpp (an internal module: Brown word clusters).
#include "ml/brown_clusters.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "erx/error.hpp"
#include "ml/training.hpp"

namespace {

using erx::ml::BrownClusters;
using erx::ml::BrownCorpus;
using erx::ml::BrownOptions;

// Word classes of a tiny synthetic language; each sentence pattern takes words from them.
const std::map<std::string, std::vector<std::string>> kClasses = {
    {"NAME", {"alice", "bob", "carol", "dave", "erin", "frank"}},
    {"CITY", {"paris", "london", "rome", "berlin", "madrid"}},
    {"DAY", {"monday", "tuesday", "wednesday", "thursday", "friday"}},
    {"ANIMAL", {"cat", "dog", "cow", "horse", "sheep"}},
    {"FOOD", {"grass", "fish", "bread", "apples", "corn"}},
};
const std::vector<std::vector<std::string>> kPatterns = {
    {"NAME", "met", "NAME", "in", "CITY", "on", "DAY", "."},
    {"the", "ANIMAL", "ate", "the", "FOOD", "."},
    {"NAME", "saw", "the", "ANIMAL", "in", "CITY", "."},
};

// `count` sentences drawn with a fixed seed, one per line.
std::string synthetic_corpus(int count, std::uint64_t seed = 7) {
  erx::ml::Rng rng(seed);
  std::string text;
  for (int i = 0; i < count; ++i) {
    const auto& pattern = kPatterns[rng.below(kPatterns.size())];
    for (std::size_t k = 0; k < pattern.size(); ++k) {
      auto it = kClasses.find(pattern[k]);
      text += it == kClasses.end() ? pattern[k] : it->second[rng.below(it->second.size())];
      text += k + 1 < pattern.size() ? ' ' : '\n';
    }
  }
  return text;
}

std::map<std::string, std::string> bits_by_word(const BrownClusters& clusters) {
  std::map<std::string, std::string> bits;
  for (const auto& e : clusters.entries) bits[e.word] = e.bits;
  return bits;
}

}  // namespace

TEST_CASE("BrownCorpus counts words and bigrams of kept words only") {
  const std::string text = "a b a c\n\nb a  b\nz a\n";
  const BrownCorpus corpus = BrownCorpus::from_texts({text}, /*min_count=*/2);
  CHECK(corpus.tokens() == 9);
  CHECK(corpus.sentences() == 3);
  CHECK(corpus.types() == 4);
  REQUIRE(corpus.words() == std::vector<std::string>{"a", "b"});  // c and z are seen once
  CHECK(corpus.counts() == std::vector<std::uint64_t>{4, 3});
  // Bigrams: a b, b a (x2), a b; "a c", "z a" involve a dropped word; lines are not joined.
  REQUIRE(corpus.bigrams().size() == 2);
  CHECK(corpus.bigrams()[0].left == 0);
  CHECK(corpus.bigrams()[0].right == 1);
  CHECK(corpus.bigrams()[0].count == 2);
  CHECK(corpus.bigrams()[1].left == 1);
  CHECK(corpus.bigrams()[1].right == 0);
  CHECK(corpus.bigrams()[1].count == 2);
  CHECK_THROWS_AS(BrownCorpus::from_texts({text}, 0), erx::Error);
}

TEST_CASE("BrownCorpus reads files the same as texts") {
  const std::string text = synthetic_corpus(300);
  const auto path = std::filesystem::temp_directory_path() / "erx_test_clusters_corpus.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << text.substr(0, 1000) << text.substr(1000);
  }
  const BrownCorpus from_file = BrownCorpus::from_files({path.string()}, 1);
  const BrownCorpus from_text = BrownCorpus::from_texts({text}, 1);
  std::filesystem::remove(path);
  CHECK(from_file.words() == from_text.words());
  CHECK(from_file.tokens() == from_text.tokens());
  REQUIRE(from_file.bigrams().size() == from_text.bigrams().size());
  for (std::size_t i = 0; i < from_file.bigrams().size(); ++i) CHECK(from_file.bigrams()[i].count == from_text.bigrams()[i].count);
  CHECK_THROWS_AS(BrownCorpus::from_files({"/nonexistent/erx/corpus.txt"}, 1), erx::Error);
}

TEST_CASE("Incrementally kept merge losses equal losses computed from scratch") {
  const BrownCorpus corpus = BrownCorpus::from_texts({synthetic_corpus(200, 11)}, 1);
  for (std::uint32_t c : {2U, 3U, 5U, 8U}) {
    BrownOptions options;
    options.clusters = c;
    options.verify = true;  // throws on any mismatch, at every step of both phases
    BrownClusters clusters;
    REQUIRE_NOTHROW(clusters = erx::ml::learn_brown_clusters(corpus, options));
    CHECK(clusters.cluster_count == c);
  }
}

TEST_CASE("Brown clusters recover the word classes of a synthetic language") {
  const BrownCorpus corpus = BrownCorpus::from_texts({synthetic_corpus(3000)}, 1);
  // 5 classes + 7 function words ("met", "in", "on", ".", "the", "ate", "saw").
  for (std::uint32_t c : {12U, 16U, 20U}) {
    BrownOptions options;
    options.clusters = c;
    const BrownClusters clusters = erx::ml::learn_brown_clusters(corpus, options);
    REQUIRE(clusters.entries.size() == corpus.words().size());
    CHECK(clusters.cluster_count == c);
    CHECK(clusters.mutual_information > 0.0);
    const auto bits = bits_by_word(clusters);
    // No cluster mixes two classes, or a class and a function word.
    std::map<std::string, std::string> class_of_bits;
    for (const auto& [word, b] : bits) {
      std::string cls = word;
      for (const auto& [name, members] : kClasses)
        if (std::find(members.begin(), members.end(), word) != members.end()) cls = name;
      auto [it, fresh] = class_of_bits.emplace(b, cls);
      INFO("C=" << c << " word " << word << " bits " << b);
      if (!fresh && kClasses.count(cls)) CHECK(it->second == cls);
    }
    // Each class is exactly one subtree of the hierarchy: the words under the longest common
    // prefix of its members' bit strings are its members and nothing else.
    for (const auto& [name, members] : kClasses) {
      std::string prefix = bits.at(members.front());
      for (const auto& word : members) {
        const std::string& b = bits.at(word);
        std::size_t k = 0;
        while (k < prefix.size() && k < b.size() && prefix[k] == b[k]) ++k;
        prefix.resize(k);
      }
      std::set<std::string> under;
      for (const auto& [word, b] : bits)
        if (b.rfind(prefix, 0) == 0) under.insert(word);
      INFO("C=" << c << " class " << name << " prefix " << prefix);
      CHECK(under == std::set<std::string>(members.begin(), members.end()));
    }
  }
}

TEST_CASE("Brown cluster bit strings form a prefix-free code with one string per cluster") {
  const BrownCorpus corpus = BrownCorpus::from_texts({synthetic_corpus(1000, 3)}, 1);
  for (std::uint32_t c : {1U, 4U, 9U, 100U}) {
    BrownOptions options;
    options.clusters = c;
    const BrownClusters clusters = erx::ml::learn_brown_clusters(corpus, options);
    std::set<std::string> distinct;
    for (const auto& e : clusters.entries) {
      CHECK(!e.bits.empty());
      CHECK(e.bits.find_first_not_of("01") == std::string::npos);
      distinct.insert(e.bits);
    }
    const auto expected = std::min<std::size_t>(c, corpus.words().size());
    CHECK(distinct.size() == expected);
    CHECK(clusters.cluster_count == expected);
    for (const auto& x : distinct)
      for (const auto& y : distinct)
        if (x != y) CHECK(y.rfind(x, 0) != 0);  // x is no prefix of y
  }
}

TEST_CASE("Brown clustering is deterministic and sorted") {
  const BrownCorpus corpus = BrownCorpus::from_texts({synthetic_corpus(500, 5)}, 1);
  BrownOptions options;
  options.clusters = 6;
  const BrownClusters first = erx::ml::learn_brown_clusters(corpus, options);
  const BrownClusters second = erx::ml::learn_brown_clusters(corpus, options);
  REQUIRE(first.entries.size() == second.entries.size());
  for (std::size_t i = 0; i < first.entries.size(); ++i) {
    CHECK(first.entries[i].bits == second.entries[i].bits);
    CHECK(first.entries[i].word == second.entries[i].word);
  }
  for (std::size_t i = 1; i < first.entries.size(); ++i) CHECK(first.entries[i - 1].bits <= first.entries[i].bits);
  BrownOptions zero;
  zero.clusters = 0;
  CHECK_THROWS_AS(erx::ml::learn_brown_clusters(corpus, zero), erx::Error);
}

TEST_CASE("ClusterTable reads what BrownClusters writes") {
  const BrownCorpus corpus = BrownCorpus::from_texts({synthetic_corpus(500)}, 1);
  BrownOptions options;
  options.clusters = 12;
  const BrownClusters clusters = erx::ml::learn_brown_clusters(corpus, options);
  const auto path = std::filesystem::temp_directory_path() / "erx_test_clusters.txt";
  clusters.write(path.string());
  const auto table = erx::ml::ClusterTable::load(path.string());
  std::filesystem::remove(path);
  CHECK(table.size() == clusters.entries.size());
  for (const auto& e : clusters.entries) CHECK(table.find(e.word) == e.bits);
  CHECK(table.find("zebra").empty());
  CHECK_THROWS_AS(erx::ml::ClusterTable::load("/nonexistent/erx/clusters.txt"), erx::Error);
}

TEST_CASE("ClusterTable reports malformed lines with file and line") {
  using erx::ml::ClusterTable;
  const ClusterTable ok = ClusterTable::parse("0\tthe\t10\n10\tParis\n\n11\tRome\t3\r\n", "c.txt");
  CHECK(ok.size() == 3);
  CHECK(ok.find("Paris") == "10");
  CHECK(ok.find("Rome") == "11");
  auto message = [](std::string_view text) {
    try {
      (void)ClusterTable::parse(text, "c.txt");
    } catch (const erx::Error& e) {
      CHECK(e.code() == erx::ErrorCode::kFormat);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("0\tthe\t1\n0 the 1\n") == "c.txt:2: expected 'bits<TAB>word<TAB>count'");
  CHECK(message("012\tthe\t1\n").find("c.txt:1: bit string '012'") == 0);
  CHECK(message("0\tthe\n1\tthe\n") == "c.txt:2: word 'the' appears twice");
  CHECK(message("\tthe\n") == "c.txt:1: empty bit string or word");
}

TEST_CASE("The shipped English clusters load and group obvious word classes") {
  const std::string path = std::string(ERX_SOURCE_DIR) + "/models/en/clusters.txt";
  if (!std::filesystem::is_regular_file(path)) ERX_SKIP("models/en/clusters.txt is not there");
  const auto table = erx::ml::ClusterTable::load(path);
  CHECK(table.size() > 50000);
  auto shared_prefix = [&](std::string_view x, std::string_view y) {
    const std::string_view bx = table.find(x);
    const std::string_view by = table.find(y);
    REQUIRE(!bx.empty());
    REQUIRE(!by.empty());
    std::size_t k = 0;
    while (k < bx.size() && k < by.size() && bx[k] == by[k]) ++k;
    return k;
  };
  CHECK(shared_prefix("Monday", "Friday") >= 6);
  CHECK(shared_prefix("January", "March") >= 6);
  CHECK(shared_prefix("France", "Germany") >= 6);
  CHECK(shared_prefix("John", "David") >= 6);
  CHECK(shared_prefix("France", "said") < 4);
}
