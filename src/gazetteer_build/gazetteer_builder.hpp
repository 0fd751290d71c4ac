// gazetteer_build/gazetteer_builder.hpp — builds erx's gazetteer lists from the shared corpora
// (internal; used by `erx build gazetteers` and its test).
//
//   auto freq = gazetteer_build::WordFrequencies::load("models/en/clusters.txt");
//   gazetteer_build::BuildOptions options{.corpora = "../shared/corpora", .frequencies = &freq};
//   gazetteer_build::Build build = gazetteer_build::build_gazetteers(options);
//   gazetteer_build::write_gazetteers(build, "models/en/gazetteers");
//
// Sources (read from the corpora directory; licences in models/en/gazetteers/README.md):
//   nltk-data/gazetteers/isocountries.txt (public domain, Latin-1)  -> GPE.countries.txt
//   world-cities/world-cities.csv country column (GeoNames, CC BY 4.0) -> GPE.countries.txt
//   world-cities/world-cities.csv name column                        -> GPE.cities.txt
//   world-cities/world-cities.csv subcountry column + nltk usstates, caprovinces, mexstates
//                                                                     -> GPE.states.txt
//   nltk-data/gazetteers/usstateabbrev.txt (dotted forms only)        -> GPE.state_abbreviations.txt
//   nltk-data/gazetteers/nationalities.txt (public domain) + plurals  -> NORP.nationalities.txt
//   nltk-data/names/{female,male}.txt (M. Kantrowitz; README shipped) -> PERSON.first_names.*.txt
// The countries.json of mledoze/countries (ODbL 1.0) and nltk's GFDL lists (countries.txt,
// uscities.txt) are deliberately not read, so that no list is under a share-alike licence.
//
// Output format: UTF-8 text, a few '#' comment lines (source and licence), then one entry per line
// as it is written in running text, sorted by byte order, without duplicates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace erx::gazetteer_build {

// Case-sensitive word counts of unlabeled text, used to recognise place names that are also
// common words ("Of", "Mobile", "Reading"). Immutable after loading.
class WordFrequencies {
 public:
  WordFrequencies() = default;

  // Reads "bits<TAB>word<TAB>count" lines (a clusters file) or "word<TAB>count" lines. Throws
  // Error(kIo) when the file cannot be read and Error(kFormat) naming the file and line of a
  // line without a numeric last field.
  static WordFrequencies load(const std::string& path);
  // Parses the same format from memory; `name` is used in error messages.
  static WordFrequencies parse(std::string_view text, std::string_view name);

  // How often `word` (exactly as written) occurs; 0 when unknown.
  [[nodiscard]] std::uint64_t count(std::string_view word) const;
  // The number of distinct words.
  [[nodiscard]] std::size_t size() const noexcept { return counts_.size(); }

 private:
  std::unordered_map<std::string, std::uint64_t> counts_;
};

// True when the one-word name `name` is used as an ordinary lower-case word at least as often as
// in its written form, and at least `min_count` times: "Mobile" (mobile), "Reading" (reading).
// Names of several words are never common words; names of one or two characters always are. A
// name that starts with a lower-case letter ("eMbalenhle") is common when seen `min_count` times.
// Only ASCII letters are case-folded.
bool is_common_word(std::string_view name, const WordFrequencies& frequencies, std::uint64_t min_count);

// The names under which a country of an ISO-style list is written in text:
// "Korea, Republic of" -> {"Korea", "Republic of Korea"}; "Taiwan, Province of China" -> {"Taiwan"};
// "France" -> {"France"}. Parenthesised parts are dropped: "Cocos (Keeling) Islands" ->
// {"Cocos Islands", "Cocos (Keeling) Islands"}.
std::vector<std::string> country_name_variants(std::string_view name);

// The plural noun of a nationality adjective when English forms it with -s ("American" ->
// "Americans", "Iraqi" -> "Iraqis"), else an empty string ("French", "Chinese", "Swiss").
std::string nationality_plural(std::string_view adjective);

// What build_gazetteers() reads.
struct BuildOptions {
  // The shared corpora directory (with nltk-data/ and world-cities/).
  std::filesystem::path corpora;
  // Word frequencies for the common-word filter of city and state names; nullptr = no filter.
  const WordFrequencies* frequencies = nullptr;
  // See is_common_word().
  std::uint64_t common_word_min_count = 20;
};

// One output list.
struct GazetteerList {
  std::string file_name;             // "GPE.cities.txt"
  std::vector<std::string> header;   // comment lines, written with a leading "# "
  std::vector<std::string> entries;  // sorted by bytes, unique
  std::vector<std::string> dropped;  // names left out as common words, sorted
};

// The result of build_gazetteers().
struct Build {
  std::vector<GazetteerList> lists;
  // Files copied unchanged: (source path, file name in the output directory).
  std::vector<std::pair<std::filesystem::path, std::string>> copies;
};

// Reads the sources and builds every list. Deterministic. Throws Error(kIo) naming a missing or
// unreadable source file and Error(kFormat) naming the file and line of a malformed CSV line.
Build build_gazetteers(const BuildOptions& options);

// Writes every list and copy into `out_dir` (created if needed), replacing files of the same
// names and leaving other files (the hand-written lists) alone. Throws Error(kIo).
void write_gazetteers(const Build& build, const std::filesystem::path& out_dir);

}  // namespace erx::gazetteer_build
