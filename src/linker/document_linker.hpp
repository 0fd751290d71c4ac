// linker/document_linker.hpp — the linking of one document (internal header).
//
//   names.cpp     name mentions: normalization, demonyms, clustering into entities
//   anaphora.cpp  pronouns and definite descriptions
//   linker.cpp    erx::Linker, and the final assembly of mentions and entities
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "erx/document.hpp"
#include "erx/linker.hpp"

namespace erx::detail {

// A mention being linked, with what the linker derived from it.
struct WorkMention {
  Mention mention;
  std::string name;      // the name without "the", honorifics and "'s" ("" for pronouns)
  std::string standard;  // lexicon name it stands for ("United States" for "U.S.") or ""
  std::string key;       // lower-cased standard name or name: what exact matching compares
  std::vector<std::string> words;  // lower-cased words of the name
  std::string type;  // the entity type it suggests (GPE for "French" in "French President")
  char klass = 0;    // type class: P(erson), O(rg), G(eo), N(orp), V(alue), X(other)
  Gender gender = Gender::kUnknown;
  bool acronym = false;       // "NATO", "U.S."
  bool subject = false;       // its head is a clause subject (needs a parse)
  std::int32_t cluster = -1;  // union-find parent while clustering; entity index afterwards
};

class DocumentLinker {
 public:
  DocumentLinker(const LinkerLexicon& lexicon, const LinkerOptions& options, Document& doc)
      : lexicon_(lexicon), options_(options), doc_(doc) {}

  // Links the document: replaces its entities and re-sorts its mentions.
  void run();

 private:
  // names.cpp
  void prepare_names();
  void analyze_syntax();  // subjects, and nationality adjectives that stand for their country
  void cluster_names();
  void build_entities();
  std::int32_t find(std::int32_t i);
  void unite(std::int32_t a, std::int32_t b);
  // anaphora.cpp
  void resolve_anaphora();
  // linker.cpp
  void finish();

  const LinkerLexicon& lexicon_;
  const LinkerOptions& options_;
  Document& doc_;
  std::vector<WorkMention> work_;     // every mention, names first, then added ones
  std::vector<std::int32_t> parent_;  // union-find over name mentions
  std::vector<Entity> entities_;
  std::vector<Gender> entity_gender_;
  std::vector<std::int32_t> token_mention_;  // token -> index into work_, or -1
};

}  // namespace erx::detail
