// Helpers shared by `erx ner`, `erx eval ner` and `erx train ner`.
#pragma once

#include <string>
#include <vector>

#include "erx/entities.hpp"

namespace erx::cli {

// How predicted types are named in CoNLL output: "conll" (PER ORG LOC MISC), "uner" (PER ORG LOC),
// "all" (erx's OntoNotes types), or "auto" (from the gold column's types: MISC present -> conll,
// only PER/ORG/LOC -> uner, else all).
std::string resolve_type_set(const std::string& requested, const ner::ConllFile& file);

// The recognizer for CoNLL labeling: the built-in one, or the model at `model_path`; patterns,
// titles and type refinement only for type set "all"; `rules_path` adds user rules.
EntityRecognizer conll_recognizer(const std::string& model_path, const std::string& type_set,
                                  const std::string& rules_path);

// Fills each sentence's POS tags with erx's tagger (built-in) when `pos` is "tagger", keeps the
// file's column for "file", clears them for "none". Throws erx::Error if the tagger is missing.
void apply_pos(std::vector<LabeledDocument>& docs, const std::string& pos);

// Predicted tags, per sentence of `file` (including -DOCSTART- lines, tagged O), in `scheme`.
std::vector<std::vector<std::string>> predict_tags(const EntityRecognizer& recognizer, const ner::ConllFile& file,
                                                   const std::string& type_set, ner::TagScheme scheme,
                                                   const std::string& pos);

}  // namespace erx::cli
