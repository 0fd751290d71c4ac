// tokenizer/lexicon.hpp — the English word lists behind the tokenizer's rules (internal header).
//
// The lists are small, hand-written and compiled in; lookups are case-insensitive on ASCII and
// never allocate. Words longer than the longest entry are rejected without a search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace erx::tok {

// How a word followed by a period behaves.
enum class Abbreviation : std::uint8_t {
  kNone,      // not an abbreviation: the period is punctuation
  kTitle,     // precedes a name ("Dr.", "Gen.", "Mr."): never ends a sentence before a capital
  kGeneral,   // "etc.", "Inc.", "Jan.", "vs.": may end a sentence
  kNumeral,   // "No.", "Vol.", "pp.": an abbreviation only before a number
};

// Classifies `word` (without its period), e.g. "Dr" -> kTitle. Entries marked capitalised-only
// ("Sun", "Mass") match only when `word` starts with a capital.
Abbreviation abbreviation(std::string_view word) noexcept;

// True if `word` is a prefix that EWT keeps attached to a hyphenated word ("non", "e", "re").
bool is_hyphen_prefix(std::string_view word) noexcept;

// True if `word` is a unit that EWT splits from a preceding number ("5pm" -> "5" "pm").
bool is_unit(std::string_view word) noexcept;

// True if `word` is a clitic that follows an apostrophe and is split off as its own token
// ("s", "m", "d", "re", "ve", "ll"; any case).
bool is_clitic(std::string_view word) noexcept;

// For contractions written without an apostrophe that UD splits into two words ("cannot" ->
// "can" "not", "gonna" -> "gon" "na", "dont" -> "do" "nt"), the byte length of the first word;
// 0 for any other word.
std::size_t fused_split(std::string_view word) noexcept;

// True if `word` follows an apostrophe as part of one token ("em" of "'em", "til", "cause").
bool is_apostrophe_word(std::string_view word) noexcept;

// True if `label` is a common top-level domain ("com", "org", "uk") written in one case.
bool is_tld(std::string_view label) noexcept;

// True if `label` is a common file-name extension ("doc", "xls", "pdf") written in one case.
bool is_file_extension(std::string_view label) noexcept;

// True if `word` (capitalised) often starts a sentence ("The", "I", "We", "This").
bool is_sentence_starter(std::string_view word) noexcept;

}  // namespace erx::tok
