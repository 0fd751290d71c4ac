// entities/consistency.hpp — document-level clean-up of the model's spans before typing.
//
// Two corrections that a token-level model makes poorly and a document makes easy:
//   * Name parts. Once a document names a person in full ("Xi Jinping", "Emmanuel Macron"), a lone
//     capitalised word equal to a part of that name refers to the person ("Xi told reporters",
//     "Macron said"): a one-token span of another type becomes a person unless a gazetteer lists
//     the word as a place ("Washington" after "George Washington" stays a place), and an untagged
//     run of such words outside any span becomes a person span.
//   * Common acronyms. All-capitals abbreviations of common nouns ("AI", "GDP", "TV", "EVs") are
//     not names; a one-token span that is one of them is dropped, and so is a span containing an
//     e-mail address, a web address or a file name ("jane@example.com", "report.doc").
#pragma once

#include <cstdint>
#include <vector>

#include "entities/features.hpp"
#include "entities/type_refiner.hpp"

namespace erx::entities {

// A labeled span of the sequence model: tokens [first, end) of the document, model type id, and
// a confidence in (0, 1).
struct ModelSpan {
  std::uint32_t first, end;
  int type;
  float confidence;
};

// Whether `word` (as written) is an all-capitals abbreviation of a common noun ("AI", "CEOs").
[[nodiscard]] bool is_common_acronym(std::string_view word);

// Applies the corrections above to `spans` (sorted by position, non-overlapping) of document `in`.
// `person_type` is the model's id of the person type (-1: no person type, only acronyms are
// handled); `refiner` tells places apart (may be null: no place check). Keeps `spans` sorted and
// non-overlapping. Pure function of its inputs; thread-safe.
void make_consistent(std::vector<ModelSpan>& spans, const NerInput& in, int person_type, const TypeRefiner* refiner);

}  // namespace erx::entities
