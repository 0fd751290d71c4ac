// tokenizer/sentence_splitter.hpp — groups tokens into sentences (internal header).
//
// First the rules: boundaries after sentence-final punctuation (with the closing quotes and
// brackets that follow it) when the next token can start a sentence; after abbreviations only
// before a typical sentence opener; at every blank line; and at a line break after a line without
// final punctuation when the next line starts with a capital or the line is a headline (e.g.
// "Recommended Stories"), unless the text is hard-wrapped prose.
//
// Then, if there is a model, a binary averaged perceptron revises the decision at every
// *candidate* gap (is_candidate): the rules' boundaries after final punctuation, line breaks, and
// gaps where a token that is neither a lower-case word nor (before a word) a capitalised word is
// followed by one that does not start in lower case and is not a comma, colon, semicolon or
// closing bracket. Everywhere else the rules' decision stands: EWT has almost no sentence ends
// between two words, and abbreviation boundaries are too rare for the model to learn them per
// word. Blank lines always end a sentence.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "erx/document.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/linear_model.hpp"

namespace erx::tok {

// Replaces doc's sentences by sentences over doc's tokens (which must come from scan()), using
// the rules and, if `model` is not null, the boundary model. When a sentence ends with an
// abbreviation that kept its period ("etc."), the period is split off as its own token, as UD
// English does. Linear in the number of tokens.
void split_sentences(Document& doc, const ml::LinearModel* model);

// Makes the whole token sequence one sentence (none for an empty document).
void single_sentence(Document& doc);

// --- The pieces, for training the boundary model -------------------------------------------

// Decisions per token: out[i] = 1 if a sentence ends after token i (the last token always ends
// one), 2 if it must end there whatever the model says (blank line), 0 otherwise.
void rule_boundaries(const Document& doc, std::vector<std::uint8_t>& out);

// Whether the model decides the gap after token i (requires i + 1 < tokens).
bool is_candidate(const Document& doc, std::span<const std::uint8_t> rules, std::size_t i);

// Per-call scratch of boundary_features(): the hashes of the last tokens seen, which neighbouring
// gaps share. One per document (or per thread); never inside a model.
struct BoundaryScratch {
  struct Entry {
    std::size_t token = static_cast<std::size_t>(-1);
    std::uint64_t shape = 0;
    std::uint64_t lower = 0;
  };
  std::array<Entry, 4> recent;  // direct-mapped by token index
  // Where the rules' nearest boundaries are, kept up to date as gaps are visited left to right.
  std::size_t cursor = 0;  // tokens before this one have been looked at for `previous`
  std::size_t previous = static_cast<std::size_t>(-1);  // last rule boundary before `cursor`
  std::size_t next = 0;    // first rule boundary at or after the last gap's token + 1
};

// The features of the gap after token i (requires i + 1 < tokens). Clears `out` first.
void boundary_features(const Document& doc, std::span<const std::uint8_t> rules, std::size_t i,
                       BoundaryScratch& scratch, ml::FeatureBuffer& out);

// Builds doc's sentences from `ends` (non-zero after the last token of each sentence; the last
// token is always an end), splitting abbreviation periods off sentence ends.
void build_sentences(Document& doc, std::span<const std::uint8_t> ends);

}  // namespace erx::tok
