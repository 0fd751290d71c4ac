// erx/parser.hpp — dependency parsing over Universal Dependencies.
//
//   erx::Parser parser = erx::Parser::english();      // built-in model, no files needed
//   parser.parse(doc);                                // doc tokenized and tagged (Tagger) first
//   for (const erx::Token& t : doc.tokens())
//     std::cout << doc.text(t) << " <-" << doc.deprel(t) << "- "
//               << (t.head < 0 ? "ROOT" : doc.text(doc.tokens()[t.head])) << '\n';
//
// A greedy transition-based parser: arc-hybrid transitions (SHIFT, LEFT-l, RIGHT-l) chosen by an
// averaged perceptron (the shared erx learning core) over rich feature templates in the manner
// of Zhang & Nivre (2011): words, PTB tags, UPOS, lemmas, the labels, valencies and label sets of
// the stack and buffer items and of their left- and rightmost dependents, and distances. It is
// trained with a dynamic oracle and error exploration (Goldberg & Nivre 2012, 2013). Non-projective
// trees are handled by pseudo-projective encoding (Nivre & Nilsson 2005): lifted arcs carry their
// original head's label and are restored after parsing.
//
// Labels are full UD relations with subtypes ("nsubj:pass", "acl:relcl", "compound:prt", ...).
// Each sentence gets exactly one root. A sentence of n tokens takes exactly 2n transitions, so
// time is linear in its length and nothing recurses: a 100,000-token "sentence" parses like any
// other.
//
// Thread-safety: a Parser is immutable once loaded and cheap to copy (copies share the model);
// parse() is const and safe from any number of threads (its scratch memory is per call).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

class ModelFile;

// Options of Parser::train(). The defaults reproduce the shipped English model.
struct ParserTrainOptions {
  int max_epochs = 15;                // upper bound on training epochs
  int patience = 3;                   // stop after this many epochs without a better dev LAS
  std::uint64_t seed = 1;             // shuffling and exploration; same seed, same model
  int explore_after = 1;              // epochs of pure oracle following before exploring
  double explore_probability = 0.9;   // then: follow the model's own wrong choice this often
  int min_feature_count = 2;          // features seen fewer times on the oracle path are not learned
  int min_lift_count = 10;            // lifted labels ("obj|ccomp") rarer than this are dropped
  float prune_threshold = 0.5f;       // drop averaged weights with |w| <= this when compiling
  std::ostream* log = nullptr;        // progress (one line per epoch), or nullptr for silence
};

// Attachment scores of predicted trees against gold ones.
struct AttachmentScores {
  std::size_t tokens = 0;         // tokens scored
  std::size_t correct_heads = 0;  // head right
  std::size_t correct_labels = 0; // head and full label (with subtype) right
  std::size_t correct_udeps = 0;  // head and universal label (subtype ignored, as CoNLL 2018) right
  [[nodiscard]] double uas() const noexcept { return tokens ? 100.0 * double(correct_heads) / double(tokens) : 0.0; }
  [[nodiscard]] double las() const noexcept { return tokens ? 100.0 * double(correct_labels) / double(tokens) : 0.0; }
  [[nodiscard]] double las_universal() const noexcept {
    return tokens ? 100.0 * double(correct_udeps) / double(tokens) : 0.0;
  }
};

// Compares the parse of `predicted` with `gold` token by token. Both documents must have the same
// tokens (same count, same order; e.g. gold tokens re-parsed). Throws Error(kInvalidArgument) if
// the token counts differ. Thread-safe.
ERX_API AttachmentScores score_parse(const Document& gold, const Document& predicted);

class ERX_API Parser {
 public:
  // The parser of the built-in English bundle. Throws Error(kModel) if the bundle has no parser.
  // Thread-safe; the model is loaded once per process.
  [[nodiscard]] static Parser english();

  // A parser from a model file of stage "parser". Throws Error(kModel) naming the file if it is
  // of another stage, a newer payload version, or its payload is inconsistent.
  explicit Parser(const ModelFile& model);

  // Loads the parser model file at `path`. Throws Error(kIo) / Error(kModel) as ModelFile::load.
  [[nodiscard]] static Parser load(const std::string& path);

  // Parses every sentence of `doc`: sets Token::head (document token index, -1 for the root) and
  // Token::deprel of every token and doc.set_has_parse(true). Reads the tagger's layers (UPOS,
  // PTB tag, lemma): run the Tagger first (without tags the parser still runs, badly). A document
  // without sentences is parsed as one sentence. Never throws for any tokenized document.
  void parse(Document& doc) const;

  // Parses the sentence `sentence` of `doc` only (heads and relations of its tokens).
  void parse_sentence(Document& doc, std::uint32_t sentence) const;

  // The dependency labels the model can assign, in class order (lifted labels "a|b" included).
  [[nodiscard]] const std::vector<std::string>& labels() const noexcept;

  // The model as a file of stage "parser" (for saving or bundling).
  [[nodiscard]] ModelFile to_model_file() const;

  // Bytes of the loaded model in memory.
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

  // Trains a parser on the gold trees of `train` (heads and deprels of every token; their tags
  // and lemmas are the features, so pass the tagger's predictions to train for predicted tags)
  // and keeps the epoch with the best LAS on `dev` (parsed with its own tags). Sentences whose
  // gold heads do not form a tree with one root are skipped (counted in the log). Deterministic
  // for given data and options. Throws Error(kInvalidArgument) if `train` has no usable sentence.
  // Single-threaded.
  [[nodiscard]] static Parser train(std::span<const Document> train, std::span<const Document> dev,
                                    const ParserTrainOptions& options = {});

  struct Impl;

 private:
  explicit Parser(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace erx
