// The tokenizer's English word lists. Sorted arrays searched with std::lower_bound; the keys are
// lower case ASCII and lookups lower-case the query into a small stack buffer.
#include "tokenizer/lexicon.hpp"

#include <algorithm>
#include <array>

namespace erx::tok {

namespace {

constexpr std::size_t kMaxKey = 16;

// Lower-cases ASCII `word` into `buf`; returns false if it is too long or not ASCII.
bool lower(std::string_view word, char (&buf)[kMaxKey], std::string_view& out) noexcept {
  if (word.empty() || word.size() > kMaxKey) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    buf[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out = std::string_view(buf, word.size());
  return true;
}

template <std::size_t N>
constexpr bool sorted(const std::array<std::string_view, N>& a) {
  for (std::size_t i = 1; i < N; ++i)
    if (!(a[i - 1] < a[i])) return false;
  return true;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& a, std::string_view word) noexcept {
  char buf[kMaxKey];
  std::string_view key;
  if (!lower(word, buf, key)) return false;
  auto it = std::lower_bound(a.begin(), a.end(), key);
  return it != a.end() && *it == key;
}

struct AbbreviationEntry {
  std::string_view key;
  Abbreviation kind;
  bool capitalised_only;
};

constexpr Abbreviation T = Abbreviation::kTitle;
constexpr Abbreviation G = Abbreviation::kGeneral;
constexpr Abbreviation N = Abbreviation::kNumeral;

// Abbreviations written with a final period. Single letters ("J.") and dotted forms ("U.S.",
// "e.g.") are recognised by shape, not listed.
constexpr auto kAbbreviations = std::to_array<AbbreviationEntry>({
    {"adm", T, false},    {"al", G, false},     {"ala", G, true},     {"approx", G, false},
    {"apr", G, false},    {"apt", G, false},    {"ariz", G, true},    {"ark", G, true},
    {"assn", G, false},   {"assoc", G, false},  {"asst", T, false},   {"attn", G, false},
    {"aug", G, false},    {"ave", G, false},    {"bldg", G, false},   {"blvd", G, false},
    {"bros", G, false},   {"calif", G, false},  {"capt", T, false},   {"cf", G, false},
    {"ch", N, false},     {"cmdr", T, false},   {"co", G, false},     {"col", T, false},
    {"colo", G, true},    {"conn", G, true},    {"corp", G, false},   {"cpl", T, false},
    {"dec", G, false},    {"dept", G, false},   {"dist", G, false},   {"div", G, false},
    {"dr", T, false},     {"esp", G, false},    {"esq", G, false},    {"est", G, false},
    {"etc", G, false},    {"ext", G, false},    {"feb", G, false},    {"fig", N, false},
    {"figs", N, false},   {"fla", G, true},     {"fr", T, true},      {"fri", G, false},
    {"ft", G, false},     {"ga", G, true},      {"gen", T, false},    {"gov", T, false},
    {"govt", G, false},   {"hon", T, false},    {"hr", G, false},     {"hrs", G, false},
    {"hwy", G, false},    {"inc", G, false},    {"intl", G, false},   {"jan", G, false},
    {"jr", G, false},     {"jul", G, false},    {"jun", G, false},    {"kans", G, true},
    {"ky", G, true},      {"lb", G, false},     {"lbs", G, false},    {"llc", G, false},
    {"lt", T, false},     {"ltd", G, false},    {"maj", T, false},    {"mar", G, true},
    {"mass", G, true},    {"md", G, true},      {"messrs", T, false}, {"mfg", G, false},
    {"mich", G, true},    {"min", G, false},    {"minn", G, true},    {"mins", G, false},
    {"misc", G, false},   {"mme", T, false},    {"mon", G, true},     {"mr", T, false},
    {"mrs", T, false},    {"ms", T, false},     {"mt", T, false},     {"natl", G, false},
    {"nev", G, true},     {"no", N, false},     {"nos", N, false},    {"nov", G, false},
    {"oct", G, false},    {"okla", G, true},    {"oz", G, false},     {"pa", G, true},
    {"penn", G, true},    {"pp", N, false},     {"pres", T, false},   {"prof", T, false},
    {"pvt", T, false},    {"rd", G, false},     {"rep", T, true},     {"reps", T, true},
    {"rev", T, true},     {"sat", G, true},     {"sec", G, false},    {"sen", T, true},
    {"sep", G, false},    {"sept", G, false},   {"sgt", T, false},    {"sr", G, false},
    {"st", G, false},     {"sun", G, true},     {"supt", T, false},   {"tenn", G, true},
    {"tex", G, true},     {"thu", G, false},    {"thur", G, false},   {"thurs", G, false},
    {"tue", G, false},    {"tues", G, false},   {"univ", G, false},   {"vol", N, false},
    {"vols", N, false},   {"vs", G, false},     {"wed", G, true},     {"wis", G, true},
    {"yr", G, false},
});

constexpr bool abbreviations_sorted() {
  for (std::size_t i = 1; i < kAbbreviations.size(); ++i)
    if (!(kAbbreviations[i - 1].key < kAbbreviations[i].key)) return false;
  return true;
}

constexpr auto kHyphenPrefixes = std::to_array<std::string_view>({
    "anti",  "arch",   "co",    "counter", "cross", "e",     "ex",     "hyper", "intra", "macro",
    "mega",  "micro",  "mid",   "mini",    "multi", "neo",   "non",    "over",  "post",  "pre",
    "pro",   "pseudo", "psycho", "quasi",  "re",    "semi",  "socio",  "sub",   "super", "trans",
    "ultra", "un",
});

constexpr auto kUnits = std::to_array<std::string_view>({
    "am",  "cm",  "ft",   "g",  "gb",  "ghz", "hr",  "hrs", "hz", "k",   "kb",  "kg", "km", "kw",
    "kwh", "lb",  "lbs",  "m",  "mb",  "mg",  "mhz", "min", "mins", "mm", "mph", "mw",  "mwh", "oz", "pm",
});

constexpr auto kClitics = std::to_array<std::string_view>({"d", "ll", "m", "re", "s", "ve"});

constexpr auto kApostropheWords = std::to_array<std::string_view>({"bout", "cause", "em", "n",
                                                                 "nuff", "til", "tis", "twas"});

constexpr auto kTlds = std::to_array<std::string_view>({
    "au", "biz", "ca", "cn", "com", "de", "edu", "es", "eu", "fr", "gov", "info", "io", "jp",
    "kr", "ly", "mil", "mobi", "net", "nl", "org", "ru", "se", "tv", "uk",
});

constexpr auto kFileExtensions = std::to_array<std::string_view>({
    "asp", "aspx", "csv", "doc", "docx", "exe", "gif", "htm", "html", "jpeg", "jpg", "mov", "mp3",
    "mp4", "pdf", "php", "png", "ppt", "pptx", "txt", "url", "xls", "xlsx", "xml", "zip",
});

constexpr auto kSentenceStarters = std::to_array<std::string_view>({
    "a",      "after",   "all",    "also",  "an",    "and",    "any",    "are",   "as",
    "at",     "but",     "can",    "could", "did",   "do",     "does",   "for",   "from",
    "he",     "her",     "here",   "his",   "how",   "i",      "if",     "in",    "is",
    "it",     "its",     "let",    "many",  "maybe", "most",   "my",     "no",    "now",
    "on",     "once",    "one",    "our",   "please", "she",   "since",  "so",    "some",
    "that",   "the",     "then",   "there", "these", "they",   "this",   "those", "thus",
    "to",     "we",      "what",   "when",  "where", "while",  "why",    "yes",   "you",
});

// Contractions without an apostrophe, packed into integers (up to 8 lower-case ASCII letters, first
// letter in the lowest byte) so that the lookup, which runs for every short word, compares
// integers instead of strings.
constexpr std::uint64_t pack(std::string_view word) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < word.size() && i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  return v;
}

struct FusedEntry {
  std::uint64_t key;
  std::uint8_t first;  // length of the first word
};

constexpr auto kFused = [] {
  struct Source {
    std::string_view word;
    std::uint8_t first;
  };
  constexpr Source sources[] = {
      {"aint", 2},   {"arent", 3},  {"cannot", 3}, {"cant", 2},     {"couldnt", 5}, {"didnt", 3},
      {"doesnt", 4}, {"dont", 2},   {"gimme", 3},  {"gonna", 3},    {"gotta", 3},   {"hadnt", 3},
      {"hasnt", 3},  {"havent", 4}, {"im", 1},     {"isnt", 2},     {"ive", 1},     {"shouldnt", 6},
      {"thats", 4},  {"theres", 5}, {"wanna", 3},  {"wasnt", 3},    {"werent", 4},  {"whats", 4},
      {"wouldnt", 5}, {"youre", 3},
  };
  std::array<FusedEntry, std::size(sources)> out{};
  for (std::size_t i = 0; i < std::size(sources); ++i) out[i] = {pack(sources[i].word), sources[i].first};
  std::sort(out.begin(), out.end(), [](const FusedEntry& x, const FusedEntry& y) { return x.key < y.key; });
  return out;
}();

static_assert(abbreviations_sorted());
static_assert(sorted(kUnits));
static_assert(sorted(kTlds));
static_assert(sorted(kFileExtensions));
static_assert(sorted(kHyphenPrefixes));
static_assert(sorted(kClitics));
static_assert(sorted(kApostropheWords));
static_assert(sorted(kSentenceStarters));

}  // namespace

Abbreviation abbreviation(std::string_view word) noexcept {
  char buf[kMaxKey];
  std::string_view key;
  if (!lower(word, buf, key)) return Abbreviation::kNone;
  auto it = std::lower_bound(kAbbreviations.begin(), kAbbreviations.end(), key,
                             [](const AbbreviationEntry& e, std::string_view k) { return e.key < k; });
  if (it == kAbbreviations.end() || it->key != key) return Abbreviation::kNone;
  if (it->capitalised_only && !(word[0] >= 'A' && word[0] <= 'Z')) return Abbreviation::kNone;
  return it->kind;
}

bool is_hyphen_prefix(std::string_view word) noexcept {
  char buf[kMaxKey];
  std::string_view key;
  if (!lower(word, buf, key)) return false;
  return std::binary_search(kHyphenPrefixes.begin(), kHyphenPrefixes.end(), key);
}

bool is_unit(std::string_view word) noexcept { return contains(kUnits, word); }
bool is_clitic(std::string_view word) noexcept { return contains(kClitics, word); }
bool is_apostrophe_word(std::string_view word) noexcept { return contains(kApostropheWords, word); }

namespace {
// True if `word` is all lower case or all upper case ASCII letters and digits.
bool one_case(std::string_view word) noexcept {
  bool lower_seen = false, upper_seen = false;
  for (char c : word) {
    lower_seen |= c >= 'a' && c <= 'z';
    upper_seen |= c >= 'A' && c <= 'Z';
  }
  return !(lower_seen && upper_seen);
}
}  // namespace

bool is_tld(std::string_view label) noexcept { return one_case(label) && contains(kTlds, label); }

bool is_file_extension(std::string_view label) noexcept {
  return one_case(label) && contains(kFileExtensions, label);
}

bool is_sentence_starter(std::string_view word) noexcept {
  if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  return contains(kSentenceStarters, word);
}

// A one-word Bloom filter over (length, last letter) of the fused entries: most words are
// rejected without a search.
constexpr std::uint64_t fused_bit(std::size_t size, unsigned char last) {
  return std::uint64_t{1} << ((size * 7 + last) & 63);
}

constexpr std::uint64_t kFusedFilter = [] {
  std::uint64_t bits = 0;
  for (const FusedEntry& e : kFused) {
    std::size_t size = 0;
    unsigned char last = 0;
    for (std::uint64_t k = e.key; k != 0; k >>= 8, ++size) last = static_cast<unsigned char>(k & 0xFF);
    bits |= fused_bit(size, last);
  }
  return bits;
}();

std::size_t fused_split(std::string_view word) noexcept {
  if (word.size() < 2 || word.size() > 8) return 0;
  auto last = static_cast<unsigned char>(word.back());
  if (last >= 'A' && last <= 'Z') last = static_cast<unsigned char>(last + 32);
  if ((kFusedFilter & fused_bit(word.size(), last)) == 0) return 0;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    key |= static_cast<std::uint64_t>(c) << (8 * i);
  }
  auto it = std::lower_bound(kFused.begin(), kFused.end(), key,
                             [](const FusedEntry& e, std::uint64_t k) { return e.key < k; });
  return (it != kFused.end() && it->key == key) ? it->first : 0;
}

}  // namespace erx::tok
