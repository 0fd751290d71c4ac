// erx/linker.hpp — mentions to document entities: names, short forms, acronyms, demonyms,
// definite descriptions and pronouns.
//
//   erx::Linker linker;                 // built-in English lexicon
//   linker.link(doc);                   // doc has mentions (and ideally a parse)
//   for (const erx::Entity& e : doc.entities())
//     std::cout << e.name << " (" << e.type << ") x" << e.mentions.size() << '\n';
//   // Emmanuel Macron (PERSON) x3      <- "Emmanuel Macron", "Macron", "he"
//
// What is linked, most reliable first (a wrong merge is worse than a missed one, so every rule
// refuses to link when it has two candidates it cannot tell apart):
// - the same name, with or without "the" and a possessive "'s";
// - short forms of a fuller name of a compatible type: a person's family or given name
//   ("Macron" -> "Emmanuel Macron", "Lee" -> "Lee Jae Myung"), an organization's leading words
//   ("Kyodo" -> "Kyodo News Agency"), and known aliases ("U.S." -> "United States");
// - acronyms and their expansions ("NATO" <-> "North Atlantic Treaty Organization");
// - nationality adjectives that modify a noun stand for their country ("French President Macron",
//   "a Chinese attack" -> France, China): the mention joins (or founds) the country's entity;
// - definite descriptions ("the company" -> the last ORG, "the country" -> the last country);
// - pronouns (he, she, it, they, his, its, ...) to the nearest compatible entity by type, number
//   and gender (gender from first names and honorifics), preferring the subject of the clause.
// Descriptions and pronouns become mentions of their entity (MentionSource::kCoreference), so a
// relation whose argument is "he" names the person.
//
// The canonical name of an entity is its fullest proper name; the other names are its aliases.
//
// Thread-safety: a Linker is immutable once built; link() is const and safe from any number of
// threads. LinkerLexicon is a plain value: fill it on one thread, then share it read-only.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

// Grammatical gender cue of a first name.
enum class Gender : std::uint8_t { kUnknown, kMale, kFemale };

// The word lists the linker uses. All lookups ignore ASCII letter case.
class ERX_API LinkerLexicon {
 public:
  LinkerLexicon();
  ~LinkerLexicon();
  LinkerLexicon(const LinkerLexicon&);
  LinkerLexicon& operator=(const LinkerLexicon&);
  LinkerLexicon(LinkerLexicon&&) noexcept;
  LinkerLexicon& operator=(LinkerLexicon&&) noexcept;

  // The built-in English lexicon: demonyms, country names and aliases (models/en/linker/), first
  // names by gender (models/en/gazetteers/PERSON.first_names.*.txt), and the nouns of definite
  // descriptions. Never throws.
  static LinkerLexicon english();

  // "French" -> "France". Both non-empty. Later entries override earlier ones.
  void add_demonym(std::string_view demonym, std::string_view country);
  // "U.S." -> "United States": the alias and the name denote the same entity.
  void add_alias(std::string_view alias, std::string_view name);
  // A country name ("South Korea"); "the country" refers back to these.
  void add_country(std::string_view name);
  // A first name with its usual gender. A name listed with both genders becomes kUnknown.
  void add_first_name(std::string_view name, Gender gender);
  // A noun that refers back to an entity of `type` in a definite description ("company" -> ORG).
  void add_description(std::string_view noun, std::string_view type);

  // Reads lines "key<TAB>value" (demonym<TAB>country, alias<TAB>name), one name per line
  // (countries), or "name<TAB>M|F" / one name per line with `gender` (first names). Empty lines
  // and lines starting with '#' are skipped. Throws Error(kIo) if the file cannot be read,
  // Error(kFormat) naming the file and line for a line without the TAB.
  void load_demonyms(const std::string& path);
  void load_aliases(const std::string& path);
  void load_countries(const std::string& path);
  void load_first_names(const std::string& path, Gender gender = Gender::kUnknown);

  // Lookups. Return "" / kUnknown / false when the word is not listed.
  [[nodiscard]] std::string_view country_of_demonym(std::string_view demonym) const noexcept;
  [[nodiscard]] std::string_view alias_target(std::string_view alias) const noexcept;
  [[nodiscard]] bool is_country(std::string_view name) const noexcept;
  [[nodiscard]] Gender first_name_gender(std::string_view name) const noexcept;
  [[nodiscard]] bool is_first_name(std::string_view name) const noexcept;
  [[nodiscard]] std::string_view description_type(std::string_view noun) const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Options of the linker, with their defaults.
struct LinkerOptions {
  bool pronouns = true;           // link he/she/it/they/... to entities
  bool descriptions = true;       // link "the company", "the country", ...
  bool demonyms = true;           // "French President" -> France
  int max_sentence_distance = 2;  // how many sentences back pronouns and descriptions look
};

// Groups a document's mentions into entities. Immutable after construction; link() is const and
// thread-safe (its scratch memory is per call).
class ERX_API Linker {
 public:
  explicit Linker(LinkerLexicon lexicon = LinkerLexicon::english(), LinkerOptions options = {});

  // Replaces doc's entities: every name mention (every type except TITLE) gets an entity; pronoun
  // and description mentions are added for the ones that can be resolved (source kCoreference).
  // Mentions are re-sorted by position, so mention indices change. Works without a parse (then
  // demonyms and pronouns use word order only). Never throws except std::bad_alloc.
  void link(Document& doc) const;

  [[nodiscard]] const LinkerLexicon& lexicon() const noexcept { return *lexicon_; }
  [[nodiscard]] const LinkerOptions& options() const noexcept { return options_; }

 private:
  std::shared_ptr<const LinkerLexicon> lexicon_;  // shared by copies: copying a linker is cheap
  LinkerOptions options_;
};

}  // namespace erx
