// Tests of erx/document.hpp: the Document value and OffsetConverter.
#include "erx/document.hpp"

#include <string>

#include "catch.hpp"

using erx::Document;
using erx::OffsetConverter;

TEST_CASE("Document keeps its text byte for byte, invalid UTF-8 included") {
  const std::string text = std::string("caf\xC3\xA9 \xFF\xFE end\0x", 14);
  Document doc(text);
  CHECK(doc.text() == text);
  CHECK(doc.text(0, 5) == "caf\xC3\xA9");
}

TEST_CASE("Document pool references survive copies and growth") {
  Document doc("Lee visited Beijing.");
  erx::StrRef a = doc.store("visit");
  for (int i = 0; i < 1000; ++i) doc.store("padding");
  Document copy = doc;
  CHECK(copy.str(a) == "visit");
  CHECK(doc.str(erx::StrRef{}) == "");
}

TEST_CASE("Token accessors fall back to the text when no norm is stored") {
  Document doc("don\xE2\x80\x99t");
  erx::Token t;
  t.begin = 3;
  t.end = 7;
  CHECK(doc.norm(t) == "\xE2\x80\x99t");
  t.norm = doc.store("'t");
  CHECK(doc.norm(t) == "'t");
  CHECK(doc.text(t) == "\xE2\x80\x99t");
}

TEST_CASE("sentence_of finds the sentence of a token") {
  Document doc("a b. c d.");
  doc.mutable_sentences() = {{0, 3, 0, 4}, {3, 6, 5, 9}};
  CHECK(doc.sentence_of(0) == 0);
  CHECK(doc.sentence_of(2) == 0);
  CHECK(doc.sentence_of(3) == 1);
  CHECK(doc.sentence_of(5) == 1);
}

TEST_CASE("UPOS names round-trip") {
  for (int i = 1; i < erx::kUposCount; ++i) {
    auto tag = static_cast<erx::Upos>(i);
    CHECK(erx::upos_from_string(erx::to_string(tag)) == tag);
  }
  CHECK(erx::upos_from_string("nonsense") == erx::Upos::kNone);
}

TEST_CASE("OffsetConverter maps bytes to code points and UTF-16 units") {
  // "a" (1 byte) "é" (2) "€" (3) "😀" (4, a surrogate pair in UTF-16) "b"
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b";
  OffsetConverter conv(text);
  CHECK(conv.code_point(0) == 0);
  CHECK(conv.code_point(1) == 1);
  CHECK(conv.code_point(3) == 2);
  CHECK(conv.code_point(6) == 3);
  CHECK(conv.code_point(10) == 4);
  CHECK(conv.code_point(11) == 5);
  CHECK(conv.utf16(6) == 3);
  CHECK(conv.utf16(10) == 5);
  CHECK(conv.utf16(11) == 6);
  CHECK(conv.code_point(2) == 1);  // inside "é": that character's offset
  CHECK(conv.code_point(999) == 5);  // clamped
}

TEST_CASE("OffsetConverter counts each invalid byte as one code point") {
  const std::string text = "x\xFF\xC3y\xE2\x82";  // stray byte, truncated 2-byte, truncated 3-byte
  OffsetConverter conv(text);
  CHECK(conv.code_point(1) == 1);
  CHECK(conv.code_point(2) == 2);
  CHECK(conv.code_point(3) == 3);
  CHECK(conv.code_point(4) == 4);
  CHECK(conv.code_point(6) == 6);
  CHECK(conv.utf16(6) == 6);
}

TEST_CASE("OffsetConverter agrees with a linear count on long text") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += (i % 7 == 0) ? "\xE2\x80\x94" : (i % 11 == 0 ? "\xF0\x9F\x8C\x8D" : "ab");
  OffsetConverter conv(text);
  std::size_t cp = 0, u16 = 0;
  for (std::size_t b = 0; b < text.size();) {
    CHECK(conv.code_point(b) == cp);
    CHECK(conv.utf16(b) == u16);
    unsigned char c = static_cast<unsigned char>(text[b]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    b += n;
    cp += 1;
    u16 += n == 4 ? 2 : 1;
  }
}
