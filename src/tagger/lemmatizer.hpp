// tagger/lemmatizer.hpp — lemmas from (form, PTB tag): exception lexicons + learned suffix rules.
//
// Learned entirely from training data (form, XPOS, lemma):
//   * per tag, whether lemmas keep the form's capitals (NNP "Americans" -> "American") or are
//     lower-cased ("The" -> "the");
//   * suffix rules per tag: for the longest known suffix of the (lower-cased) form, strip n bytes
//     and append a string ("studies"/NNS: suffix "ies" -> strip 3, append "y"); rules are learned
//     over word types, so they generalize to unseen words;
//   * exception lexicons for every training word the rules get wrong ("went"/VBD -> "go",
//     "n't"/RB -> "not"), keyed by the exact form and by the lower-cased form.
// Lookup order: exact-form exception, lower-case exception, longest-suffix rule, the form itself.
//
// Immutable after training/loading; lemmatize() is const and thread-safe given its own scratch.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ml/bytes.hpp"
#include "ml/hash_index.hpp"

namespace erx::tagger {

class Lemmatizer {
 public:
  // One training observation.
  struct Example {
    std::string_view form;   // normalized form
    std::string_view xpos;   // PTB tag
    std::string_view lemma;  // gold lemma
  };

  Lemmatizer() = default;

  // Learns rules and exceptions from `examples` (duplicates count as frequency).
  [[nodiscard]] static Lemmatizer train(std::span<const Example> examples);

  // Writes the lemma of `form` tagged `xpos` into `out` (replacing its contents). `scratch` is
  // caller-owned working memory. Never throws except std::bad_alloc.
  void lemmatize(std::string_view form, std::string_view xpos, std::string& out, std::string& scratch) const;

  // Number of exceptions and rules (for model statistics).
  [[nodiscard]] std::size_t num_exceptions() const noexcept { return exact_.size() + lower_.size(); }
  [[nodiscard]] std::size_t num_rules() const noexcept { return rules_.size(); }

  void write(ml::ByteWriter& out) const;
  [[nodiscard]] static Lemmatizer read(ml::ByteReader& in);

  // Longest suffix (in code points) a rule is keyed on.
  static constexpr std::size_t kMaxSuffix = 6;

 private:
  [[nodiscard]] bool keep_case(std::uint64_t xpos_hash) const noexcept {
    return keep_case_.find(xpos_hash) != ml::HashIndex::kMissing;
  }
  void apply_rules(std::uint64_t xpos_hash, std::string_view base, std::string& out) const;
  [[nodiscard]] std::string_view string_at(std::uint32_t i) const noexcept {
    return std::string_view(strings_).substr(string_offsets_[i], string_offsets_[i + 1] - string_offsets_[i]);
  }

  ml::HashIndex keep_case_;  // xpos hash -> 1 for tags whose lemmas keep the form's case
  ml::HashIndex exact_;      // key(xpos, exact form) -> string id of the lemma
  ml::HashIndex lower_;      // key(xpos, lower form) -> string id of the lemma
  ml::HashIndex rules_;      // key(xpos, suffix) -> rule id
  std::vector<std::uint8_t> rule_strip_;      // per rule: bytes to strip
  std::vector<std::uint32_t> rule_append_;    // per rule: string id to append
  std::string strings_;                       // all strings, concatenated
  std::vector<std::uint32_t> string_offsets_; // string i = strings_[offsets[i], offsets[i+1])
};

}  // namespace erx::tagger
