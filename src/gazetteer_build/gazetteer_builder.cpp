#include "gazetteer_build/gazetteer_builder.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <set>

#include "core/utf8.hpp"
#include "erx/error.hpp"

namespace erx::gazetteer_build {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path.string() + ": cannot open for reading");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::kIo, path.string() + ": read error");
  return data;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8::sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// nltk's isocountries.txt is Latin-1; everything else is UTF-8. Text that is not valid UTF-8 is
// taken as Latin-1, whose bytes are the code points U+0000..U+00FF.
std::string to_utf8(std::string text) {
  if (is_valid_utf8(text)) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) utf8::append(out, static_cast<char32_t>(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::string squeeze_spaces(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// The non-empty, trimmed lines of a list file.
std::vector<std::string> read_list(const fs::path& path) {
  const std::string text = to_utf8(read_file(path));
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = squeeze_spaces(std::string_view(text).substr(pos, end - pos));
    if (!line.empty()) lines.push_back(std::move(line));
    pos = end + 1;
  }
  return lines;
}

// Splits one CSV record (RFC 4180: fields may be quoted, "" is a quote inside quotes).
std::vector<std::string> split_csv(std::string_view line, const fs::path& path, std::size_t line_number) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) throw Error(ErrorCode::kFormat, path.string() + ":" + std::to_string(line_number) + ": unterminated quoted field");
  return fields;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Collects entries of one list; sorted and deduplicated on finish().
class ListBuilder {
 public:
  ListBuilder(std::string file_name, std::vector<std::string> header) {
    list_.file_name = std::move(file_name);
    list_.header = std::move(header);
    list_.header.push_back("Built by `erx build gazetteers`; see README.md. One entry per line, as written in text.");
  }
  void add(std::string_view entry) {
    std::string e = squeeze_spaces(entry);
    if (!e.empty()) entries_.insert(std::move(e));
  }
  // Adds `name` unless it is a common word (then it is recorded as dropped).
  void add_filtered(std::string_view name, const BuildOptions& options) {
    std::string e = squeeze_spaces(name);
    if (e.empty()) return;
    if (options.frequencies && is_common_word(e, *options.frequencies, options.common_word_min_count)) {
      dropped_.insert(std::move(e));
    } else {
      entries_.insert(std::move(e));
    }
  }
  GazetteerList finish() {
    for (const auto& e : entries_) dropped_.erase(e);  // kept through another source
    list_.entries.assign(entries_.begin(), entries_.end());
    list_.dropped.assign(dropped_.begin(), dropped_.end());
    return std::move(list_);
  }

 private:
  GazetteerList list_;
  std::set<std::string> entries_;
  std::set<std::string> dropped_;
};

}  // namespace

WordFrequencies WordFrequencies::load(const std::string& path) { return parse(read_file(path), path); }

WordFrequencies WordFrequencies::parse(std::string_view text, std::string_view name) {
  WordFrequencies result;
  std::size_t pos = 0;
  std::size_t line_number = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::size_t last_tab = line.rfind('\t');
    std::uint64_t count = 0;
    const std::string_view number = last_tab == std::string_view::npos ? std::string_view() : line.substr(last_tab + 1);
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), count);
    if (number.empty() || ec != std::errc() || ptr != number.data() + number.size())
      throw Error(ErrorCode::kFormat, std::string(name) + ":" + std::to_string(line_number) + ": expected '[bits<TAB>]word<TAB>count'");
    std::string_view word = line.substr(0, last_tab);
    if (const std::size_t tab = word.find('\t'); tab != std::string_view::npos) word = word.substr(tab + 1);
    result.counts_[std::string(word)] += count;
  }
  return result;
}

std::uint64_t WordFrequencies::count(std::string_view word) const {
  auto it = counts_.find(std::string(word));
  return it == counts_.end() ? 0 : it->second;
}

bool is_common_word(std::string_view name, const WordFrequencies& frequencies, std::uint64_t min_count) {
  if (name.find(' ') != std::string_view::npos) return false;
  if (name.size() <= 2) return true;
  if (name.front() >= 'a' && name.front() <= 'z') return frequencies.count(name) >= min_count;  // "eMbalenhle"
  const std::string lower = ascii_lower(name);
  if (lower == name) return false;  // no ASCII capital ("Örebro"): nothing to compare with
  const std::uint64_t as_lower = frequencies.count(lower);
  return as_lower >= min_count && as_lower >= frequencies.count(name);
}

std::vector<std::string> country_name_variants(std::string_view raw) {
  std::set<std::string> variants;
  std::string name = squeeze_spaces(raw);
  // "Cocos (Keeling) Islands": also without the parenthesised part.
  if (const std::size_t open = name.find(" ("); open != std::string::npos) {
    const std::size_t close = name.find(')', open);
    if (close != std::string::npos) {
      std::string without = squeeze_spaces(name.substr(0, open) + name.substr(close + 1));
      for (auto& v : country_name_variants(without)) variants.insert(std::move(v));
    }
  }
  const std::size_t comma = name.find(", ");
  if (comma == std::string::npos) {
    variants.insert(name);
  } else {
    const std::string head = squeeze_spaces(std::string_view(name).substr(0, comma));
    const std::string tail = squeeze_spaces(std::string_view(name).substr(comma + 2));
    variants.insert(head);
    if (ends_with(tail, " of") || ends_with(tail, " of the") || tail == "The") {
      variants.insert(tail == "The" ? "The " + head : tail + " " + head);
    }
  }
  return {variants.begin(), variants.end()};
}

std::string nationality_plural(std::string_view adjective) {
  if (adjective.empty() || adjective.find(' ') != std::string_view::npos) return {};
  if (ends_with(adjective, "ese") || ends_with(adjective, "ish") || ends_with(adjective, "ch") ||
      ends_with(adjective, "s") || ends_with(adjective, "x"))
    return {};
  if (ends_with(adjective, "n") || ends_with(adjective, "i")) return std::string(adjective) + "s";
  return {};
}

Build build_gazetteers(const BuildOptions& options) {
  const fs::path nltk = options.corpora / "nltk-data";
  const fs::path gazetteers = nltk / "gazetteers";
  const fs::path cities_csv = options.corpora / "world-cities" / "world-cities.csv";
  const std::string geonames_credit =
      "World cities (datasets/world-cities), from GeoNames (https://www.geonames.org), CC BY 4.0.";
  Build build;

  // World cities: name, country, subcountry, geonameid.
  ListBuilder cities("GPE.cities.txt", {"Cities of 15,000 inhabitants or more, without names that are common English words.",
                                        "Source: " + geonames_credit});
  ListBuilder countries("GPE.countries.txt",
                        {"Countries and territories.",
                         "Sources: nltk-data gazetteers/isocountries.txt (public domain);",
                         "country names of " + geonames_credit});
  ListBuilder states("GPE.states.txt",
                     {"States, provinces and other first-level divisions of countries.",
                      "Sources: nltk-data gazetteers usstates.txt, caprovinces.txt, mexstates.txt (no licence stated; "
                      "complete enumerations of official names);",
                      "subcountry names of " + geonames_credit});
  {
    const std::string text = read_file(cities_csv);
    std::size_t pos = 0;
    std::size_t line_number = 0;
    while (pos < text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view line = std::string_view(text).substr(pos, end - pos);
      pos = end + 1;
      ++line_number;
      if (line_number == 1 || trim(line).empty()) continue;  // header
      const std::vector<std::string> fields = split_csv(line, cities_csv, line_number);
      if (fields.size() != 4)
        throw Error(ErrorCode::kFormat, cities_csv.string() + ":" + std::to_string(line_number) + ": expected 4 fields, found " +
                                            std::to_string(fields.size()));
      cities.add_filtered(fields[0], options);
      for (const auto& v : country_name_variants(fields[1])) countries.add(v);
      states.add_filtered(fields[2], options);
    }
  }
  for (const auto& name : read_list(gazetteers / "isocountries.txt"))
    for (const auto& v : country_name_variants(name)) countries.add(v);
  for (const char* file : {"usstates.txt", "caprovinces.txt", "mexstates.txt"})
    for (const auto& name : read_list(gazetteers / file)) states.add(name);

  ListBuilder abbreviations("GPE.state_abbreviations.txt",
                            {"Abbreviations of US states as written in newspapers (\"Calif.\", \"N.Y.\"); the two-letter",
                             "postal codes are left out (IN, OR, ME, OK are words).",
                             "Source: nltk-data gazetteers/usstateabbrev.txt (no licence stated)."});
  for (const auto& a : read_list(gazetteers / "usstateabbrev.txt"))
    if (a.find('.') != std::string::npos) abbreviations.add(a);

  ListBuilder nationalities("NORP.nationalities.txt",
                            {"Nationality adjectives and their -s plurals (\"American\", \"Americans\").",
                             "Source: nltk-data gazetteers/nationalities.txt (public domain); plurals made by erx."});
  for (const auto& n : read_list(gazetteers / "nationalities.txt")) {
    nationalities.add(n);
    if (std::string plural = nationality_plural(n); !plural.empty()) nationalities.add(plural);
  }

  const std::string names_credit =
      "Source: nltk-data names/ (Names Corpus 1.3, (C) 1991 Mark Kantrowitz, additions by Bill Ross);";
  ListBuilder female("PERSON.first_names.female.txt",
                     {"English female first names.", names_credit, "redistributed with its README (NAMES-README)."});
  for (const auto& n : read_list(nltk / "names" / "female.txt")) female.add(n);
  ListBuilder male("PERSON.first_names.male.txt",
                   {"English male first names.", names_credit, "redistributed with its README (NAMES-README)."});
  for (const auto& n : read_list(nltk / "names" / "male.txt")) male.add(n);
  const fs::path names_readme = nltk / "names" / "README";
  if (!fs::is_regular_file(names_readme)) throw Error(ErrorCode::kIo, names_readme.string() + ": cannot open for reading");
  build.copies.emplace_back(names_readme, "NAMES-README");

  for (ListBuilder* list : {&countries, &states, &abbreviations, &cities, &nationalities, &female, &male})
    build.lists.push_back(list->finish());
  return build;
}

void write_gazetteers(const Build& build, const std::filesystem::path& out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw Error(ErrorCode::kIo, out_dir.string() + ": cannot create directory: " + ec.message());
  for (const GazetteerList& list : build.lists) {
    std::string text;
    for (const auto& h : list.header) text += "# " + h + '\n';
    for (const auto& e : list.entries) text += e + '\n';
    const fs::path path = out_dir / list.file_name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::kIo, path.string() + ": cannot open for writing");
    out << text;
    out.flush();
    if (!out) throw Error(ErrorCode::kIo, path.string() + ": write error");
  }
  for (const auto& [source, name] : build.copies) {
    fs::copy_file(source, out_dir / name, fs::copy_options::overwrite_existing, ec);
    if (ec) throw Error(ErrorCode::kIo, (out_dir / name).string() + ": cannot copy from " + source.string() + ": " + ec.message());
  }
}

}  // namespace erx::gazetteer_build
