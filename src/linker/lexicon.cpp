// Implementation of erx::LinkerLexicon (erx/linker.hpp).
#include <fstream>
#include <sstream>

#include "erx/error.hpp"
#include "erx/linker.hpp"
#include "linker/builtin_lexicon.hpp"
#include "relations/string_hash.hpp"

namespace erx {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open the lexicon file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Calls f(line_number, first field, second field or "") for each non-comment line of `text`.
// With `need_tab`, a line without a TAB is an error naming `name` and the line.
template <class F>
void for_each_line(std::string_view text, std::string_view name, bool need_tab, F f) {
  std::size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      if (need_tab)
        throw Error(ErrorCode::kFormat, std::string(name) + ":" + std::to_string(line_no) +
                                            ": expected two fields separated by a TAB");
      f(t, std::string_view());
    } else {
      f(trim(line.substr(0, tab)), trim(line.substr(tab + 1)));
    }
  }
}

}  // namespace

struct LinkerLexicon::Impl {
  detail::StringMap<std::string> demonyms;  // lower-case demonym -> country
  detail::StringMap<std::string> aliases;   // lower-case alias -> name
  detail::StringSet countries;              // lower-case
  detail::StringMap<Gender> first_names;    // lower-case
  detail::StringMap<std::string> descriptions;

  void add_first_name(std::string_view name, Gender gender) {
    auto [it, inserted] = first_names.emplace(lower(name), gender);
    if (!inserted && it->second != gender) it->second = Gender::kUnknown;
  }
};

LinkerLexicon::LinkerLexicon() : impl_(std::make_unique<Impl>()) {}
LinkerLexicon::~LinkerLexicon() = default;
LinkerLexicon::LinkerLexicon(const LinkerLexicon& other)
    : impl_(std::make_unique<Impl>(*other.impl_)) {}
LinkerLexicon& LinkerLexicon::operator=(const LinkerLexicon& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
LinkerLexicon::LinkerLexicon(LinkerLexicon&&) noexcept = default;
LinkerLexicon& LinkerLexicon::operator=(LinkerLexicon&&) noexcept = default;

LinkerLexicon LinkerLexicon::english() {
  static const LinkerLexicon lexicon = [] {
    LinkerLexicon lex;
    const detail::BuiltinLexicon data = detail::builtin_linker_lexicon();
    for_each_line(data.countries, "countries", false,
                  [&](std::string_view name, std::string_view) { lex.add_country(name); });
    for_each_line(data.demonyms, "demonyms", true,
                  [&](std::string_view demonym, std::string_view country) {
                    lex.add_demonym(demonym, country);
                  });
    for_each_line(
        data.aliases, "aliases", true,
        [&](std::string_view alias, std::string_view name) { lex.add_alias(alias, name); });
    // A name on both lists ("Lee", "Kim", "Jordan") ends up of unknown gender.
    for_each_line(data.male_names, "male first names", false, [&](std::string_view name, std::string_view) {
      lex.impl_->add_first_name(name, Gender::kMale);
    });
    for_each_line(data.female_names, "female first names", false, [&](std::string_view name, std::string_view) {
      lex.impl_->add_first_name(name, Gender::kFemale);
    });
    for_each_line(
        data.descriptions, "descriptions", true,
        [&](std::string_view noun, std::string_view type) { lex.add_description(noun, type); });
    return lex;
  }();
  return lexicon;
}

void LinkerLexicon::add_demonym(std::string_view demonym, std::string_view country) {
  if (trim(demonym).empty() || trim(country).empty()) return;
  impl_->demonyms[lower(trim(demonym))] = std::string(trim(country));
}

void LinkerLexicon::add_alias(std::string_view alias, std::string_view name) {
  if (trim(alias).empty() || trim(name).empty()) return;
  impl_->aliases[lower(trim(alias))] = std::string(trim(name));
}

void LinkerLexicon::add_country(std::string_view name) {
  if (!trim(name).empty()) impl_->countries.insert(lower(trim(name)));
}

void LinkerLexicon::add_first_name(std::string_view name, Gender gender) {
  if (!trim(name).empty()) impl_->add_first_name(trim(name), gender);
}

void LinkerLexicon::add_description(std::string_view noun, std::string_view type) {
  if (trim(noun).empty() || trim(type).empty()) return;
  impl_->descriptions[lower(trim(noun))] = std::string(trim(type));
}

void LinkerLexicon::load_demonyms(const std::string& path) {
  for_each_line(read_file(path), path, true,
                [&](std::string_view a, std::string_view b) { add_demonym(a, b); });
}

void LinkerLexicon::load_aliases(const std::string& path) {
  for_each_line(read_file(path), path, true,
                [&](std::string_view a, std::string_view b) { add_alias(a, b); });
}

void LinkerLexicon::load_countries(const std::string& path) {
  for_each_line(read_file(path), path, false,
                [&](std::string_view a, std::string_view) { add_country(a); });
}

void LinkerLexicon::load_first_names(const std::string& path, Gender gender) {
  for_each_line(read_file(path), path, false, [&](std::string_view name, std::string_view g) {
    Gender gg = gender;
    if (g == "M" || g == "m" || g == "male")
      gg = Gender::kMale;
    else if (g == "F" || g == "f" || g == "female")
      gg = Gender::kFemale;
    add_first_name(name, gg);
  });
}

namespace {
// Looks `key` up lower-cased, without allocating (keys over 128 bytes are never listed).
template <class Map>
auto find_lower(const Map& map, std::string_view key) noexcept {
  char buffer[128];
  if (key.size() > sizeof buffer) return map.end();
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return map.find(std::string_view(buffer, key.size()));
}
}  // namespace

std::string_view LinkerLexicon::country_of_demonym(std::string_view demonym) const noexcept {
  const auto it = find_lower(impl_->demonyms, demonym);
  return it == impl_->demonyms.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view LinkerLexicon::alias_target(std::string_view alias) const noexcept {
  const auto it = find_lower(impl_->aliases, alias);
  return it == impl_->aliases.end() ? std::string_view() : std::string_view(it->second);
}

bool LinkerLexicon::is_country(std::string_view name) const noexcept {
  return find_lower(impl_->countries, name) != impl_->countries.end();
}

Gender LinkerLexicon::first_name_gender(std::string_view name) const noexcept {
  const auto it = find_lower(impl_->first_names, name);
  return it == impl_->first_names.end() ? Gender::kUnknown : it->second;
}

bool LinkerLexicon::is_first_name(std::string_view name) const noexcept {
  return find_lower(impl_->first_names, name) != impl_->first_names.end();
}

std::string_view LinkerLexicon::description_type(std::string_view noun) const noexcept {
  const auto it = find_lower(impl_->descriptions, noun);
  return it == impl_->descriptions.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace erx
