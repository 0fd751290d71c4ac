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

// Appends lower-cased copies of a `fraction` (0 .. 1) of `docs` (every document whose running
// share crosses a whole number, so the choice is deterministic and spread over the files) for
// case-robust training (Mayhew et al. 2019: mixing cased and uncased copies of the training data
// keeps the cased accuracy and helps on lower-case web text). Only ASCII letters are lowered; tags
// are kept and POS tags cleared (apply_pos re-tags the copies as they read). Returns how many
// copies were added.
std::size_t add_lowercase_copies(std::vector<LabeledDocument>& docs, double fraction);

// Predicted tags, per sentence of `file` (including -DOCSTART- lines, tagged O), in `scheme`.
std::vector<std::vector<std::string>> predict_tags(const EntityRecognizer& recognizer, const ner::ConllFile& file,
                                                   const std::string& type_set, ner::TagScheme scheme,
                                                   const std::string& pos);

}  // namespace erx::cli
