// entities/mention_fixes.hpp — span and type corrections of model mentions that need the raw
// text or the title patterns, applied after the model and before the mentions are merged.
#pragma once

#include <vector>

#include "entities/type_refiner.hpp"
#include "erx/document.hpp"

namespace erx::entities {

// Korean and other hyphenated given names: a person mention of at least two tokens followed,
// without spaces, by "-" and a short lower-case word ("Kang Jun" + "-" + "young" in "Kang
// Jun-young") takes in the hyphen and the word, unless the word is a derivational suffix
// ("-based", "-led", "-born") or another mention starts there. `mentions` are sorted and
// non-overlapping and stay so. Thread-safe (pure).
void extend_hyphenated_names(const Document& doc, std::vector<Mention>& mentions);

// "the CEO of Huawei", "the president of Ford": a mention right after "<TITLE> of" names an
// organisation or a place, never a person. A PERSON mention there becomes a GPE/LOC if the
// gazetteers list it as a place, else an ORG. `titles` are TITLE mentions. Thread-safe (pure).
void retype_after_title_of(const Document& doc, const std::vector<Mention>& titles, const TypeRefiner& refiner,
                           std::vector<Mention>& mentions);

// "South Korea-US alliance", "US-China talks": a mention that is a hyphenated compound of place
// names (hyphens written without spaces) is split into one mention per place, typed by the
// gazetteers (GPE or LOC). Mentions with any part that is not a listed place are kept. `mentions`
// stay sorted and non-overlapping. Thread-safe (pure).
void split_place_compounds(const Document& doc, const TypeRefiner& refiner, std::vector<Mention>& mentions);

}  // namespace erx::entities
