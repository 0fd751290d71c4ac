// erx/tokenizer.hpp — lossless Unicode tokenization and sentence splitting for English.
//
//   erx::Tokenizer tokenizer;                       // rules + the built-in sentence model
//   erx::Document doc = tokenizer.tokenize("Dr. Lee didn't visit the U.S. in 1990.");
//   for (const erx::Token& t : doc.tokens()) std::cout << doc.text(t) << '\n';
//   // Dr.  Lee  did  n't  visit  the  U.S.  in  1990  .
//
// Tokens follow Universal Dependencies English (EWT) conventions:
//   - clitics are split off as UD does, with straight or curly apostrophes: "don't" -> "do" "n't",
//     "can't" -> "ca" "n't", "won't" -> "wo" "n't", "Korea's" -> "Korea" "'s", "I'm" -> "I" "'m",
//     "parents'" -> "parents" "'"; also "cannot" -> "can" "not", "gonna" -> "gon" "na". The first
//     part has Token::fused_with_next set: together they are one UD multi-word token;
//   - abbreviations, initials and dotted acronyms keep their period ("Dr.", "Gen.", "J.", "U.S.",
//     "a.m."), except at the end of a sentence, where the period becomes its own token ("etc" ".");
//   - numbers keep their separators ("28,500", "3.5", "1990s", "5:30", "11/28/2000",
//     "713-853-3989"); currency and percent signs are separate tokens ("$" "4.5", "3.5" "%");
//     units are split from numbers ("5" "pm");
//   - hyphenated words are split ("15" "-" "year", "long" "-" "term"), except after prefixes that
//     EWT keeps attached ("e-mail", "non-profit", "re-read", "anti-war");
//   - URLs, e-mail addresses, domain and file names, "#hashtags" and "@handles" are one token;
//   - an emoji with its skin-tone modifiers, variation selectors and ZWJ sequence is one token,
//     and so is a flag; emoticons (":-)") are one token;
//   - runs of sentence punctuation ("...", "?!"), of dashes or hyphens ("--"), and the quote
//     pairs `` and '' are one token; every other quote, bracket and symbol is a token by itself.
//
// Token::kind gives the surface class. Token::norm holds an ASCII form where the text uses
// typographic characters a model trained on EWT rarely sees: curly apostrophes and single quotes
// become ' ("n’t" -> "n't"), double quotes of every kind (“ ” „ « ») become " (EWT mostly uses
// the straight quote; a tagger tells opening from closing by context), em dashes become "--",
// en dashes and other hyphens "-", "…" becomes "...", soft hyphens are dropped. norm is empty
// (Document::norm() returns the text) when nothing changes.
//
// Lossless: the tokens plus the gaps between them give back the input exactly, byte for byte.
// Gaps hold only white space (including U+00A0, U+200B and the BOM). Invalid UTF-8: each maximal
// run of bytes that are not part of a well-formed UTF-8 sequence becomes one token of kind
// kInvalidUtf8 whose span covers exactly those bytes (a bad byte inside a word splits the word).
// Control characters become kOther tokens. Tokenizing never throws (except std::bad_alloc) or
// hangs on any byte string, and takes time linear in the input size.
//
// Sentences: boundaries after sentence-final punctuation (with the closing quotes, brackets and
// emoticons that follow it), after abbreviations only before typical sentence openers, at every
// blank line, and at a line break that ends a line without final punctuation when the next line
// starts with a capital or the line is a short title-case headline (headlines and web-page debris
// such as "Recommended Stories" and "list of 4 itemsend of list" stand alone), unless the text is
// hard-wrapped prose. A small averaged-perceptron model trained on
// UD English EWT (built into the library, ~110 KB) then revises the decisions where the rules
// are weak: at the rules' boundaries after final punctuation, at line breaks, and where a
// capitalised word, a number or a symbol meets a token that does not start in lower case (e-mail
// sign-offs such as "Regards, Kim", lists and dates run together). Its features are the rules'
// decisions, the neighbouring words and their character shapes. Abbreviation boundaries and
// the gaps between two words (names, ordinary prose) stay with the rules.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "erx/document.hpp"
#include "erx/export.hpp"
#include "erx/model.hpp"

namespace erx {

namespace conllu {
struct Sentence;
}

// Options of the tokenizer. The defaults suit English news and web text.
struct TokenizerOptions {
  // Split the text into sentences. When false, the whole text is one sentence.
  bool split_sentences = true;
  // Let the sentence-boundary model revise the rules' boundaries, when the tokenizer has a model.
  // When false, sentences come from the rules alone.
  bool use_model = true;
};

// How `erx train tokenizer` trains the sentence-boundary model. The defaults reproduce the
// shipped English model.
struct TokenizerTrainingOptions {
  int max_epochs = 20;           // passes over the training data at most
  int patience = 4;              // stop after this many epochs without a better held-out score
  std::uint64_t seed = 1;        // shuffling seed; equal seeds give identical models
  float prune_threshold = 0.0f;  // drop averaged weights with |w| <= this
  // Called after each epoch with a progress line. May be empty.
  std::function<void(const std::string&)> log;
};

// Splits text into tokens and sentences. Immutable after construction; tokenize() is const and
// thread-safe, so one Tokenizer may serve any number of threads. Cheap to copy (copies share the
// model).
class ERX_API Tokenizer {
 public:
  // The stage name of the sentence-boundary model in model files and bundles.
  static constexpr std::string_view kStage = "tokenizer";

  // A tokenizer with the built-in English sentence model (rules only if the library was built
  // without one). The built-in model is read once per process. Throws Error(kModel) if the
  // built-in model is corrupt.
  explicit Tokenizer(TokenizerOptions options = {});

  // A tokenizer whose sentence-boundary model is `model` (stage "tokenizer"). Throws
  // Error(kModel) naming the file if the model is of another stage, a newer payload version, or
  // inconsistent.
  [[nodiscard]] static Tokenizer load(const ModelFile& model, TokenizerOptions options = {});

  // A tokenizer that uses the rules only, with no model.
  [[nodiscard]] static Tokenizer rules_only(TokenizerOptions options = {});

  // Tokenizes doc.text(), replacing any tokens and sentences doc already has. Never throws on any
  // byte string (except std::bad_alloc).
  void tokenize(Document& doc) const;

  // Convenience: a new Document holding `text`, tokenized. Throws Error(kLimit) over 4 GiB.
  [[nodiscard]] Document tokenize(std::string_view text) const;

  [[nodiscard]] const TokenizerOptions& options() const noexcept { return options_; }

  // The sentence-boundary model, or nullptr for a rules-only tokenizer.
  [[nodiscard]] const ModelFile* model() const noexcept;

  // Trains a sentence-boundary model on gold CoNLL-U sentences: their raw text is rebuilt from
  // the "# text" lines (as erx::conllu::raw_text does), tokenized, and every place where the rules
  // could be wrong becomes a training instance labelled by the gold sentence ends. Early stopping
  // uses sentence F1 on `heldout` (pass an empty span to train max_epochs epochs). Deterministic
  // for a given seed. Throws Error(kInvalidArgument) if `train` is empty.
  [[nodiscard]] static ModelFile train(std::span<const conllu::Sentence> train,
                                       std::span<const conllu::Sentence> heldout,
                                       const TokenizerTrainingOptions& options = {});

  struct Model;  // the loaded sentence-boundary model (defined in src/tokenizer/)

 private:
  Tokenizer(TokenizerOptions options, std::shared_ptr<const Model> model);
  TokenizerOptions options_;
  std::shared_ptr<const Model> model_;
};

}  // namespace erx
