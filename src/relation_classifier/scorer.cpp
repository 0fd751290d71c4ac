// Strict micro precision / recall / F1 of entities and relations (erx/relation_classifier.hpp).
#include <set>

#include "erx/relation_classifier.hpp"

namespace erx {

double PrfCounts::precision() const noexcept {
  return predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
}

double PrfCounts::recall() const noexcept {
  return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
}

double PrfCounts::f1() const noexcept {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

// Scores one unit: duplicates collapse; an item is correct when it is in both sets.
template <typename T, typename TypeOf>
void score(std::span<const T> gold, std::span<const T> predicted, PrfCounts& all,
           std::map<std::string, PrfCounts>& by_type, TypeOf type_of) {
  const std::set<T> g(gold.begin(), gold.end());
  const std::set<T> p(predicted.begin(), predicted.end());
  for (const T& x : g) {
    ++all.gold;
    ++by_type[type_of(x)].gold;
  }
  for (const T& x : p) {
    PrfCounts& t = by_type[type_of(x)];
    ++all.predicted;
    ++t.predicted;
    if (g.contains(x)) {
      ++all.correct;
      ++t.correct;
    }
  }
}

}  // namespace

void StrictRelationScorer::add_entities(std::span<const TypedSpan> gold, std::span<const TypedSpan> predicted) {
  score(gold, predicted, entities_, entity_types_, [](const TypedSpan& s) { return s.type; });
}

void StrictRelationScorer::add_relations(std::span<const TypedRelation> gold,
                                         std::span<const TypedRelation> predicted) {
  score(gold, predicted, relations_, relation_types_, [](const TypedRelation& r) { return r.type; });
}

}  // namespace erx
