// Implementation of erx::Linker (erx/linker.hpp) and the final assembly of one document's
// mentions and entities.
#include "erx/linker.hpp"

#include <algorithm>

#include "linker/document_linker.hpp"

namespace erx {

namespace detail {

void DocumentLinker::run() {
  prepare_names();
  analyze_syntax();
  cluster_names();
  build_entities();
  resolve_anaphora();
  finish();
}

void DocumentLinker::finish() {
  // Mentions in text order (names, titles and the added pronouns and descriptions), each entity
  // listing its mentions in that order.
  std::vector<std::size_t> order(work_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Mention& x = work_[a].mention;
    const Mention& y = work_[b].mention;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  std::vector<Mention> mentions;
  mentions.reserve(work_.size());
  for (Entity& e : entities_) e.mentions.clear();
  for (std::size_t i : order) {
    Mention m = std::move(work_[i].mention);
    m.entity = work_[i].cluster;
    if (m.entity >= 0)
      entities_[static_cast<std::size_t>(m.entity)].mentions.push_back(
          static_cast<std::uint32_t>(mentions.size()));
    mentions.push_back(std::move(m));
  }
  doc_.mutable_mentions() = std::move(mentions);
  doc_.mutable_entities() = std::move(entities_);
}

}  // namespace detail

Linker::Linker(LinkerLexicon lexicon, LinkerOptions options)
    : lexicon_(std::make_shared<const LinkerLexicon>(std::move(lexicon))), options_(options) {}

void Linker::link(Document& doc) const { detail::DocumentLinker(*lexicon_, options_, doc).run(); }

}  // namespace erx
