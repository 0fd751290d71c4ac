// erx/tagger.hpp — part-of-speech tags (UPOS and Penn Treebank) and lemmas.
//
//   erx::Tagger tagger = erx::Tagger::english();           // built-in model, no files
//   erx::Document doc = erx::Tokenizer().tokenize("She visited Beijing.");
//   tagger.tag(doc);
//   for (const erx::Token& t : doc.tokens())
//     std::cout << doc.text(t) << '\t' << erx::to_string(t.upos) << '\t' << doc.xpos(t) << '\t'
//               << doc.lemma(t) << '\n';                     // She PRON PRP she ...
//
// The tagger is a greedy left-to-right averaged perceptron over one joint label "UPOS|XPOS"
// (features in the style of Collins 2002 and Honnibal's tagger: the word, its lower case, prefixes
// and suffixes, shape, neighbouring words and their tag ambiguity classes, previous predicted tags).
// The lemmatizer applies an exception lexicon learned from the training data, then suffix rules
// learned per PTB tag. Both read Document::norm(token), the tokenizer's normalized form.
//
// Thread-safety: a Tagger is immutable after construction and cheap to copy (copies share the
// model); tag() is const and safe to call from any number of threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "erx/document.hpp"
#include "erx/export.hpp"
#include "erx/model.hpp"

namespace erx {

// How `erx train tagger` trains a model. The defaults reproduce the shipped English model.
struct TaggerTrainingOptions {
  int max_epochs = 12;           // passes over the training data at most
  int patience = 3;              // stop after this many epochs without a better dev score
  std::uint64_t seed = 1;        // shuffling seed; equal seeds give identical models
  float prune_threshold = 0.1f;  // drop averaged weights with |w| <= this (ml::CompileOptions)
  int tagdict_min_count = 20;    // a word seen this often ...
  double tagdict_min_share = 0.995;  // ... with one label this often is tagged from the dictionary
  int ambiguity_min_count = 2;   // words seen this often get an ambiguity class
  // Brown clusters file ("bits<TAB>word<TAB>count" lines, see ml::ClusterTable); when set, cluster
  // path prefixes become features and the word -> cluster map is stored inside the model.
  std::string clusters;
  // Called after each epoch with a progress line ("epoch 3: dev UPOS 96.41 ..."). May be empty.
  std::function<void(const std::string&)> log;
};

// Accuracy of a tagger against gold annotations, on tokens that have a gold value.
struct TaggerScores {
  std::size_t tokens = 0;       // tokens compared
  std::size_t upos = 0;         // correct UPOS
  std::size_t xpos = 0;         // correct XPOS
  std::size_t lemma = 0;        // correct lemma (exact string match)
  std::size_t all_tags = 0;     // UPOS and XPOS both correct
};

class ERX_API Tagger {
 public:
  // The stage name in model files and bundles.
  static constexpr std::string_view kStage = "tagger";

  // The tagger of the built-in English bundle. Throws Error(kModel) if the library was built
  // without one.
  [[nodiscard]] static Tagger english();

  // A tagger from a model file of stage "tagger". Throws Error(kModel) naming the file if the
  // model is of another stage, a newer payload version, or inconsistent.
  [[nodiscard]] static Tagger load(const ModelFile& model);

  // Fills UPOS, XPOS and lemma of every token of `doc`, sentence by sentence (the whole document
  // is one sentence if it has none). Overwrites earlier values. Never throws on any document.
  void tag(Document& doc) const;

  // Tags `doc` and compares with the gold tokens of `gold` (same tokenization, token by token).
  // Throws Error(kInvalidArgument) if the token counts differ.
  [[nodiscard]] TaggerScores evaluate(const Document& gold) const;

  // The model file of this tagger (for saving or bundling).
  [[nodiscard]] const ModelFile& model() const noexcept;

  // Trains a tagger on gold documents (UPOS, XPOS and lemma on every token, e.g. from
  // conllu::to_document) with early stopping on `dev` (UPOS accuracy; pass an empty span to train
  // max_epochs epochs). Deterministic for a given seed. Throws Error(kInvalidArgument) if `train`
  // has no tagged token.
  [[nodiscard]] static Tagger train(std::span<const Document> train, std::span<const Document> dev,
                                    const TaggerTrainingOptions& options = {});

 private:
  struct Impl;
  explicit Tagger(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace erx
