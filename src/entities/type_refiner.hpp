// entities/type_refiner.hpp — from the model's CoNLL-style types to the OntoNotes set.
//
// The statistical model is trained on CoNLL-2003 (PER, ORG, LOC, MISC). Its mentions are mapped:
//   PER  -> PERSON
//   LOC  -> GPE when a gazetteer of countries, cities, states or provinces lists the name, LOC when a
//           list of regions/continents/waters does or the name ends in a geographic head word ("Sea",
//           "Strait", "Peninsula", ...), or is a direction + continent ("Northeast Asia"); else GPE
//           (most CoNLL LOC names are countries and cities).
//   MISC -> NORP for nationalities, demonyms and political/religious groups ("Chinese", "South
//           Korean", "Republicans"); EVENT for wars, cups, games, elections...; LAW for acts,
//           treaties, constitutions; LANGUAGE for a language name in a language context ("speak
//           English"); PRODUCT when the name ends in a model number ("Ascend 950"); else MISC.
//   ORG  -> ORG.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities/lexicons.hpp"

namespace erx::entities {

class TypeRefiner {
 public:
  explicit TypeRefiner(const Gazetteer* gazetteer);

  // The refined type of a mention of model type `type` over `words` (the mention's tokens);
  // `before` and `after` are the neighbouring tokens ("" at a sentence edge).
  [[nodiscard]] std::string refine(std::string_view type, const std::vector<std::string_view>& words,
                                   std::string_view before, std::string_view after) const;

  // Whether a gazetteer lists the phrase as a place (a GPE or LOC list).
  [[nodiscard]] bool is_place(const std::vector<std::string_view>& words) const {
    return in_lists(gpe_lists_ | loc_lists_, words);
  }

 private:
  [[nodiscard]] bool in_lists(std::uint64_t mask, const std::vector<std::string_view>& words) const;
  [[nodiscard]] bool word_in(std::uint64_t mask, std::string_view word) const;
  const Gazetteer* gazetteer_;
  // Lists by the type their name starts with ("GPE.cities", "EVENT"); "<TYPE>.keywords" lists hold
  // head words that mark a phrase of that type ("Agency" -> ORG, "War" -> EVENT).
  std::uint64_t gpe_lists_ = 0, loc_lists_ = 0, norp_lists_ = 0, language_lists_ = 0, event_lists_ = 0,
                law_lists_ = 0, org_lists_ = 0, fac_lists_ = 0;
  std::uint64_t org_keys_ = 0, fac_keys_ = 0, event_keys_ = 0, law_keys_ = 0;
};

}  // namespace erx::entities
