// erx/writers.hpp — a Document as JSON (the shape of DESIGN.md) or as text for people.
//
//   erx::Document doc = pipeline.run(text);
//   std::cout << erx::to_json(doc);            // {"id": ..., "sentences": [...], "entities": [...], "relations": [...]}
//   std::cout << erx::to_text(doc);            // "Lee Jae Myung (PERSON) --visit--> Beijing (GPE)"
//
// The JSON shape is a contract other programs parse: fields may be added, never renamed or
// removed. Offsets are bytes into the input. Strings in the output are valid UTF-8: each byte of
// invalid UTF-8 in the input is written as U+FFFD (offsets still count the original bytes).
#pragma once

#include <string>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

// How to write JSON.
struct JsonOptions {
  bool pretty = true;         // indented, several lines; false = one line (JSON Lines)
  bool include_tokens = false;  // add a "tokens" array to each sentence (start, end, text, and the
                                // tagger/parser layers that exist)
};

// The document as one JSON object: "id", "sentences", "entities", "relations" as in DESIGN.md.
// Thread-safe; never throws except std::bad_alloc.
ERX_API std::string to_json(const Document& doc, const JsonOptions& options = {});

// The document for people: one line per entity ("Lee Jae Myung (PERSON)  x3"), then one line per
// distinct relation ("Lee Jae Myung (PERSON) --visit--> Beijing (GPE)   [negated, hypothetical]"),
// with "  x2" when the document states the same link twice. Every relation, with its own evidence,
// is in the JSON output.
ERX_API std::string to_text(const Document& doc);

}  // namespace erx
