// erx/conllu.hpp — reading and writing CoNLL-U (https://universaldependencies.org/format.html).
//
//   std::vector<erx::conllu::Sentence> gold = erx::conllu::read_file("en_ewt-ud-dev.conllu");
//   erx::Document doc = erx::conllu::to_document(gold);     // words become tokens, with all layers
//   std::cout << erx::conllu::write(doc);                   // back to CoNLL-U
//
// Reading keeps everything: comments, multi-word token lines ("3-4 don't") and empty nodes
// ("5.1") are stored in the Sentence and written back unchanged by write(const Sentence&).
// Converting to a Document keeps only the syntactic words (multi-word token lines and empty nodes
// are skipped there), because erx's Document has one token per syntactic word.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx::conllu {

// One line of the ten CoNLL-U columns, as strings ("_" for an empty field).
struct Word {
  std::string id;      // "1", "3-4" (multi-word token) or "5.1" (empty node)
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  std::string head;    // "0" for the root, "_" if unknown
  std::string deps;
  std::string deprel;
  std::string misc;

  // Kind of line, from its id.
  [[nodiscard]] bool is_multiword() const noexcept { return id.find('-') != std::string::npos; }
  [[nodiscard]] bool is_empty_node() const noexcept { return id.find('.') != std::string::npos; }
  // True if MISC contains SpaceAfter=No.
  [[nodiscard]] bool no_space_after() const noexcept;
};

// One sentence: its comment lines (without the leading "# ") and its lines in file order.
struct Sentence {
  std::vector<std::string> comments;  // e.g. "sent_id = x-0001", "text = From the AP ...", "newpar"
  std::vector<Word> lines;            // words, multi-word tokens and empty nodes, in file order

  // The value of the comment "key = value" (e.g. comment("text")), or "" if absent.
  [[nodiscard]] std::string_view comment(std::string_view key) const noexcept;
  // True if a comment line starts with `key` ("newdoc", "newpar").
  [[nodiscard]] bool has_comment(std::string_view key) const noexcept;
  // The syntactic words only (no multi-word token lines, no empty nodes).
  [[nodiscard]] std::vector<const Word*> words() const;
};

// Parses CoNLL-U from `in`. `name` (a file name) is used in error messages. Throws
// Error(kFormat) naming `name` and the line for a line without 10 tab-separated columns or a bad id.
ERX_API std::vector<Sentence> read(std::istream& in, std::string_view name = "<stream>");

// Parses the CoNLL-U file at `path`. Throws Error(kIo) if it cannot be read, Error(kFormat) as read().
ERX_API std::vector<Sentence> read_file(const std::string& path);

// Writes one sentence back in CoNLL-U (comments, all lines, then an empty line).
ERX_API void write(std::ostream& out, const Sentence& sentence);

// Builds a Document from sentences: the text is rebuilt from the word forms (a space after each
// word unless SpaceAfter=No, a newline between sentences, an empty line before "newpar"/"newdoc"),
// one Token per syntactic word with its byte span, and every layer the file has (UPOS, XPOS,
// lemma, head, deprel; has_parse() is set when every word has a head). The tokens' kinds are
// kWord (or kPunct for UPOS PUNCT).
ERX_API Document to_document(std::span<const Sentence> sentences);

// The raw text of the sentences as the CoNLL 2018 shared task rebuilds it from "# text" comments:
// sentences joined by a space, paragraphs ("newpar") by "\n\n", documents ("newdoc") by "\n\n".
// Sentences without a "# text" comment are rebuilt from their forms and SpaceAfter.
ERX_API std::string raw_text(std::span<const Sentence> sentences);

// Writes `doc` as CoNLL-U: one sentence block per Document sentence with "# text", one line per
// token with every layer the document has ("_" where a layer is missing), and
// "TokenRange=BEGIN:END" (byte offsets) plus "SpaceAfter=No" where it applies in MISC.
ERX_API std::string write(const Document& doc);

}  // namespace erx::conllu
