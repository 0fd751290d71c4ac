// Tests of gazetteer_build/gazetteer_builder.hpp (an internal module: `erx build gazetteers`), on
// the hand-written fixture in tests/data/gazetteers.
#include "gazetteer_build/gazetteer_builder.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "catch.hpp"
#include "erx/error.hpp"

namespace gb = erx::gazetteer_build;
namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

namespace {

fs::path fixture() { return fs::path(ERX_SOURCE_DIR) / "tests" / "data" / "gazetteers"; }

std::map<std::string, gb::GazetteerList> by_name(const gb::Build& build) {
  std::map<std::string, gb::GazetteerList> lists;
  for (const auto& list : build.lists) lists[list.file_name] = list;
  return lists;
}

}  // namespace

TEST_CASE("Country names are rewritten as text writes them") {
  CHECK(gb::country_name_variants("France") == Strings{"France"});
  CHECK(gb::country_name_variants("Korea, Republic of") == Strings{"Korea", "Republic of Korea"});
  CHECK(gb::country_name_variants("Congo, the Democratic Republic of the") ==
        Strings{"Congo", "the Democratic Republic of the Congo"});
  CHECK(gb::country_name_variants("Taiwan, Province of China") == Strings{"Taiwan"});
  CHECK(gb::country_name_variants("Cocos (Keeling) Islands") == Strings{"Cocos (Keeling) Islands", "Cocos Islands"});
  CHECK(gb::country_name_variants("  Bahamas,  The ") == Strings{"Bahamas", "The Bahamas"});
}

TEST_CASE("Nationality plurals") {
  CHECK(gb::nationality_plural("American") == "Americans");
  CHECK(gb::nationality_plural("Iraqi") == "Iraqis");
  CHECK(gb::nationality_plural("Chinese").empty());
  CHECK(gb::nationality_plural("British").empty());
  CHECK(gb::nationality_plural("French").empty());
  CHECK(gb::nationality_plural("Swiss").empty());
  CHECK(gb::nationality_plural("North Korean").empty());
}

TEST_CASE("Common-word filter uses lower-case frequency") {
  const auto freq = gb::WordFrequencies::parse("0\tmobile\t300\n0\tMobile\t40\n1\tnice\t25\n1\tNice\t30\nparis\t1\n", "f.txt");
  CHECK(freq.size() == 5);
  CHECK(freq.count("mobile") == 300);
  CHECK(freq.count("paris") == 1);
  CHECK(freq.count("Rome") == 0);
  CHECK(gb::is_common_word("Mobile", freq, 20));
  CHECK_FALSE(gb::is_common_word("Mobile", freq, 301));  // below the minimum count
  CHECK_FALSE(gb::is_common_word("Nice", freq, 20));     // written capitalised more often
  CHECK_FALSE(gb::is_common_word("Paris", freq, 20));
  CHECK_FALSE(gb::is_common_word("Mobile Bay", freq, 20));  // several words
  CHECK(gb::is_common_word("Of", freq, 20));                // two characters
  CHECK(gb::is_common_word("mobile", freq, 20));            // written in lower case, frequent
  CHECK_FALSE(gb::is_common_word("eMbalenhle", freq, 20));  // written in lower case, rare
  CHECK_FALSE(gb::is_common_word("\xC3\x96rebro", freq, 0));  // "Örebro": no ASCII capital to fold
  CHECK_THROWS_AS(gb::WordFrequencies::parse("0\tthe\tmany\n", "f.txt"), erx::Error);
  try {
    (void)gb::WordFrequencies::parse("a\t1\nb\n", "f.txt");
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(std::string(e.what()) == "f.txt:2: expected '[bits<TAB>]word<TAB>count'");
  }
}

TEST_CASE("Gazetteers are built from the fixture corpora") {
  const auto freq = gb::WordFrequencies::load((fixture() / "frequencies.txt").string());
  gb::BuildOptions options;
  options.corpora = fixture();
  options.frequencies = &freq;
  const auto lists = by_name(gb::build_gazetteers(options));

  CHECK(lists.at("GPE.cities.txt").entries == Strings{"Ho Chi Minh City", "Nice", "Paris", "Yacuiba"});
  CHECK(lists.at("GPE.cities.txt").dropped == Strings{"Central", "Mobile", "Of", "Reading"});
  CHECK(lists.at("GPE.countries.txt").entries ==
        Strings{"Afghanistan", "Bolivia", "Cocos (Keeling) Islands", "Cocos Islands", "France", "Hong Kong", "Korea",
                "Plurinational State of Bolivia", "Republic of Korea", "Taiwan", "Turkey", "United Kingdom",
                "United States", "Vietnam", "\xC3\x85land Islands"});  // Latin-1 "Åland" read as UTF-8
  CHECK(lists.at("GPE.states.txt").entries ==
        Strings{"Alabama", "Alberta", "Baja California", "Central and Western", "England", "Ho Chi Minh", "New York",
                "Provence-Alpes-C\xC3\xB4te d'Azur", "Tarija Department", "Texas", "Trabzon", "\xC3\x8Ele-de-France"});
  CHECK(lists.at("GPE.state_abbreviations.txt").entries == Strings{"Ala.", "N. Mex."});
  CHECK(lists.at("NORP.nationalities.txt").entries == Strings{"American", "Americans", "Chinese", "French", "Iraqi", "Iraqis"});
  CHECK(lists.at("PERSON.first_names.female.txt").entries == Strings{"Ann", "Mary"});
  CHECK(lists.at("PERSON.first_names.male.txt").entries == Strings{"Ann", "John"});
}

TEST_CASE("Without frequencies no city is filtered") {
  gb::BuildOptions options;
  options.corpora = fixture();
  const auto lists = by_name(gb::build_gazetteers(options));
  CHECK(lists.at("GPE.cities.txt").entries.size() == 8);
  CHECK(lists.at("GPE.cities.txt").dropped.empty());
}

TEST_CASE("Gazetteers are written with a comment header, one entry per line") {
  gb::BuildOptions options;
  options.corpora = fixture();
  const gb::Build build = gb::build_gazetteers(options);
  const fs::path out = fs::temp_directory_path() / "erx_test_gazetteers";
  fs::remove_all(out);
  fs::create_directories(out);
  { std::ofstream(out / "LOC.hand_written.txt") << "Europe\n"; }
  gb::write_gazetteers(build, out);
  std::ifstream in(out / "NORP.nationalities.txt");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Strings entries;
  std::size_t comments = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("# ", 0) == 0) {
      CHECK(entries.empty());  // comments only at the top
      ++comments;
    } else {
      entries.push_back(line);
    }
  }
  CHECK(comments >= 2);
  CHECK(entries == Strings{"American", "Americans", "Chinese", "French", "Iraqi", "Iraqis"});
  CHECK(fs::is_regular_file(out / "NAMES-README"));
  CHECK(fs::is_regular_file(out / "LOC.hand_written.txt"));  // other files are left alone
  fs::remove_all(out);
}

TEST_CASE("Missing sources are reported by name") {
  gb::BuildOptions options;
  options.corpora = "/nonexistent/erx/corpora";
  try {
    (void)gb::build_gazetteers(options);
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kIo);
    CHECK(std::string(e.what()).find("/nonexistent/erx/corpora/world-cities/world-cities.csv") == 0);
  }
}
