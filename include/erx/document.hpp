// erx/document.hpp — the data model every stage reads and writes.
//
// A Document owns a copy of the input text and the layers that the pipeline stages add to it:
// tokens and sentences (tokenizer), tags and lemmas (tagger), heads and dependency relations
// (parser), mentions (entity recognizer), entities (linker) and relations (relation extractor).
//
// Every span is a half-open [begin, end) range of *bytes* into Document::text(). The tokens plus
// the gaps between them give back the input exactly, byte for byte, including invalid UTF-8.
// Use OffsetConverter to turn byte offsets into code-point or UTF-16 offsets.
//
//   erx::Document doc = pipeline.run("Lee visited Beijing.");
//   for (const erx::Sentence& s : doc.sentences())
//     for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
//       std::cout << doc.text(doc.tokens()[i]) << ' ' << doc.lemma(doc.tokens()[i]) << '\n';
//
// A Document is a regular value: copyable, movable, and safe to read from many threads at once.
// Writing to it (the add_*/set_* members) is not synchronized.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "erx/export.hpp"

namespace erx {

// Documents are limited to 4 GiB - 1 of text so that offsets fit in 32 bits; longer input is
// rejected with ErrorCode::kLimit.
inline constexpr std::size_t kMaxDocumentBytes = 0xFFFFFFFFu - 1;

// A reference to a string stored in a Document's string pool. length == 0 means "empty / unset";
// use Document::str() to read it.
struct StrRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// What the tokenizer saw. The tagger refines words further; kind is only the surface class.
enum class TokenKind : std::uint8_t {
  kWord,         // letters, possibly with inner hyphens, apostrophes or periods ("U.S.", "well-known")
  kNumber,       // digits with separators or decimals ("28,500", "3.5", "1990s")
  kPunct,        // punctuation: quotes, brackets, dashes, ellipses, sentence-final marks
  kSymbol,       // currency, math and other symbols ("$", "%", "+")
  kUrl,          // a URL ("https://example.com/a?b=c", "www.example.org")
  kEmail,        // an e-mail address
  kHashtag,      // "#erx" or "@handle"
  kEmoji,        // one emoji (with modifiers and ZWJ sequences)
  kInvalidUtf8,  // bytes that are not well-formed UTF-8; the span covers exactly those bytes
  kOther,        // anything else (control characters, unassigned code points)
};

// Returns "word", "number", "punct", ... for `kind`.
ERX_API std::string_view to_string(TokenKind kind) noexcept;

// Universal POS tags (https://universaldependencies.org/u/pos/). kNone means "not tagged yet".
enum class Upos : std::uint8_t {
  kNone,
  kADJ, kADP, kADV, kAUX, kCCONJ, kDET, kINTJ, kNOUN, kNUM, kPART, kPRON, kPROPN, kPUNCT,
  kSCONJ, kSYM, kVERB, kX,
};

// Number of Upos values including kNone.
inline constexpr int kUposCount = 18;

// Returns the UD spelling ("NOUN", "PROPN", ...) of `tag`, or "_" for kNone.
ERX_API std::string_view to_string(Upos tag) noexcept;

// Parses a UD spelling; returns Upos::kNone for "_" or an unknown string.
ERX_API Upos upos_from_string(std::string_view text) noexcept;

// One token. Plain data; the strings it refers to live in its Document.
struct Token {
  std::uint32_t begin = 0;  // first byte of the token in Document::text()
  std::uint32_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kWord;
  Upos upos = Upos::kNone;     // universal POS tag (tagger)
  bool fused_with_next = false;  // this token and the next are one surface word split into
                                 // syntactic words ("do" of "don't", "Korea" of "Korea's"); UD
                                 // writes such a group as one multi-word token ("3-4 don't")
  std::int32_t head = -1;      // index of the head token in Document::tokens(); -1 = sentence root
                               // or not parsed yet (see Document::has_parse())
  StrRef norm;    // normalized form if it differs from the text ("n’t" -> "n't"); else empty
  StrRef xpos;    // Penn Treebank tag (tagger)
  StrRef lemma;   // lemma (tagger)
  StrRef deprel;  // UD dependency relation with subtype, e.g. "nsubj:pass" (parser)
};

// One sentence: a range of tokens and the byte span from its first to its last token.
struct Sentence {
  std::uint32_t first_token = 0;  // index of the first token in Document::tokens()
  std::uint32_t end_token = 0;    // one past the last token
  std::uint32_t begin = 0;        // byte span, from the first token's begin ...
  std::uint32_t end = 0;          // ... to the last token's end
};

// Where a mention came from.
// kCoreference marks pronouns and descriptions ("he", "the company") that the Linker added as
// mentions of an entity named elsewhere.
enum class MentionSource : std::uint8_t { kModel, kGazetteer, kPattern, kUser, kCoreference };

// Returns "model", "gazetteer", "pattern", "user" or "coreference".
ERX_API std::string_view to_string(MentionSource source) noexcept;

// A span of tokens that names something, with its type ("PERSON", "GPE", "DATE", ...). Types are
// open: user gazetteers and patterns may add their own.
struct Mention {
  std::uint32_t first_token = 0;  // token range [first_token, end_token)
  std::uint32_t end_token = 0;
  std::uint32_t begin = 0;        // byte span
  std::uint32_t end = 0;
  std::string type;               // entity type
  float confidence = 1.0f;        // in [0, 1]
  MentionSource source = MentionSource::kModel;
  std::int32_t entity = -1;       // index into Document::entities() once linked, else -1
};

// A document-level entity: the mentions that refer to one thing.
struct Entity {
  std::string name;                   // canonical name: the fullest proper name among the mentions
  std::string type;                   // entity type
  std::vector<std::uint32_t> mentions;  // indices into Document::mentions(), in text order
  std::vector<std::string> aliases;   // other names used for it in the document
};

// How a relation is asserted.
enum class Modality : std::uint8_t {
  kAsserted,      // stated as fact by the text
  kReported,      // attributed to a source ("the minister said that ...")
  kHypothetical,  // modal, conditional or expected ("might prompt", "is expected to")
};

// Returns "asserted", "reported" or "hypothetical".
ERX_API std::string_view to_string(Modality modality) noexcept;

// One argument of a relation: an entity, or in open mode a plain phrase.
struct Argument {
  std::int32_t entity = -1;  // index into Document::entities(), or -1 for a plain phrase
  std::uint32_t begin = 0;   // byte span of the argument as the sentence words it
  std::uint32_t end = 0;
};

// A typed link between two arguments, backed by the words that say it.
struct Relation {
  Argument subject;
  Argument object;
  std::vector<Argument> arguments;  // extra arguments of n-ary relations (open mode)
  std::string predicate;            // normalized, lemma-based ("visit", "meet with")
  std::string predicate_text;       // the predicate as the sentence words it ("visiting")
  std::string type;                 // schema type ("VISIT"), or "OTHER"
  bool negated = false;
  // The predicate is passive and `subject` is its agent ("The treaty was signed by France":
  // France --sign--> The treaty): in the sentence the object comes first. Open mode only.
  bool passive = false;
  Modality modality = Modality::kAsserted;
  float confidence = 1.0f;
  std::uint32_t sentence = 0;       // index into Document::sentences()
  std::uint32_t evidence_begin = 0;  // byte span of the evidence
  std::uint32_t evidence_end = 0;
};

// The text and all annotation layers of one document.
class ERX_API Document {
 public:
  // An empty document.
  Document() = default;

  // A document holding a copy of `text`. Throws Error(kLimit) if text is longer than
  // kMaxDocumentBytes. The text is kept byte for byte, even when it is not valid UTF-8.
  explicit Document(std::string_view text);

  // An optional identifier (e.g. the file name) written into JSON output as "id".
  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  void set_id(std::string id) { id_ = std::move(id); }

  // The input text, exactly as given.
  [[nodiscard]] std::string_view text() const noexcept { return text_; }

  // The bytes of a span / token / sentence / mention.
  [[nodiscard]] std::string_view text(std::uint32_t begin, std::uint32_t end) const noexcept {
    return std::string_view(text_).substr(begin, end - begin);
  }
  [[nodiscard]] std::string_view text(const Token& t) const noexcept { return text(t.begin, t.end); }
  [[nodiscard]] std::string_view text(const Sentence& s) const noexcept { return text(s.begin, s.end); }
  [[nodiscard]] std::string_view text(const Mention& m) const noexcept { return text(m.begin, m.end); }

  // A string stored in this document's pool.
  [[nodiscard]] std::string_view str(StrRef ref) const noexcept {
    return std::string_view(pool_).substr(ref.offset, ref.length);
  }
  // The normalized form of a token: Token::norm if set, else its text.
  [[nodiscard]] std::string_view norm(const Token& t) const noexcept {
    return t.norm.length ? str(t.norm) : text(t);
  }
  // Tagger and parser layers of a token (empty until the stage has run).
  [[nodiscard]] std::string_view xpos(const Token& t) const noexcept { return str(t.xpos); }
  [[nodiscard]] std::string_view lemma(const Token& t) const noexcept { return str(t.lemma); }
  [[nodiscard]] std::string_view deprel(const Token& t) const noexcept { return str(t.deprel); }

  // Stores `s` in the pool and returns a reference to it. References stay valid for the life of
  // the document (and of its copies).
  StrRef store(std::string_view s);

  // The layers. Each is empty until the stage that fills it has run.
  [[nodiscard]] const std::vector<Token>& tokens() const noexcept { return tokens_; }
  [[nodiscard]] const std::vector<Sentence>& sentences() const noexcept { return sentences_; }
  [[nodiscard]] const std::vector<Mention>& mentions() const noexcept { return mentions_; }
  [[nodiscard]] const std::vector<Entity>& entities() const noexcept { return entities_; }
  [[nodiscard]] const std::vector<Relation>& relations() const noexcept { return relations_; }

  // Mutable access for pipeline stages and for callers that build documents by hand (e.g. from
  // CoNLL-U). Keep the invariants: tokens are in text order and do not overlap; sentences cover
  // consecutive token ranges.
  std::vector<Token>& mutable_tokens() noexcept { return tokens_; }
  std::vector<Sentence>& mutable_sentences() noexcept { return sentences_; }
  std::vector<Mention>& mutable_mentions() noexcept { return mentions_; }
  std::vector<Entity>& mutable_entities() noexcept { return entities_; }
  std::vector<Relation>& mutable_relations() noexcept { return relations_; }

  // Whether the parser has filled heads and relations.
  [[nodiscard]] bool has_parse() const noexcept { return has_parse_; }
  void set_has_parse(bool value) noexcept { has_parse_ = value; }

  // Index of the sentence containing token `token`, by binary search. Requires sentences.
  [[nodiscard]] std::uint32_t sentence_of(std::uint32_t token) const noexcept;

 private:
  std::string id_;
  std::string text_;
  std::string pool_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Mention> mentions_;
  std::vector<Entity> entities_;
  std::vector<Relation> relations_;
  bool has_parse_ = false;
};

// Converts byte offsets of one text into code-point and UTF-16 offsets in O(log n) after an O(n)
// scan. Each byte of invalid UTF-8 counts as one code point (U+FFFD) and one UTF-16 unit, which
// is what erx's JSON writer substitutes for it. Thread-safe to query once built.
class ERX_API OffsetConverter {
 public:
  // Scans `text`. The converter keeps a view of `text`: the text must outlive it.
  explicit OffsetConverter(std::string_view text);

  // Code-point offset of byte offset `byte` (clamped to the text size). A byte inside a
  // multi-byte character maps to that character's offset.
  [[nodiscard]] std::size_t code_point(std::size_t byte) const noexcept;

  // UTF-16 code-unit offset of byte offset `byte` (clamped to the text size).
  [[nodiscard]] std::size_t utf16(std::size_t byte) const noexcept;

 private:
  struct Checkpoint {
    std::size_t byte, code_point, utf16;
  };
  std::string_view text_;  // walked from the nearest checkpoint
  std::vector<Checkpoint> checkpoints_;
  template <bool kUtf16>
  std::size_t convert(std::size_t byte) const noexcept;
};

}  // namespace erx
