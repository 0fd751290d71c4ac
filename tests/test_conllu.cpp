// Tests of erx/conllu.hpp: reading, writing, and conversion to and from Documents.
#include "erx/conllu.hpp"

#include <filesystem>
#include <sstream>

#include "catch.hpp"
#include "corpora.hpp"
#include "erx/error.hpp"

namespace {

const char* const kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = Next paragraph\n"
    "1\tNext\tnext\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
    "2\tparagraph\tparagraph\tNOUN\tNN\t_\t0\troot\t_\t_\n"
    "\n";

std::vector<erx::conllu::Sentence> parse(const std::string& text) {
  std::istringstream in(text);
  return erx::conllu::read(in, "sample.conllu");
}

}  // namespace

TEST_CASE("read keeps comments, multi-word tokens and empty nodes") {
  auto sentences = parse(kSample);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].comment("text") == "I don't know.");
  CHECK(sentences[0].comment("sent_id") == "s1");
  CHECK(sentences[0].has_comment("newdoc"));
  CHECK(sentences[0].lines.size() == 7);
  CHECK(sentences[0].lines[1].is_multiword());
  CHECK(sentences[0].lines[5].is_empty_node());
  CHECK(sentences[0].words().size() == 5);
  CHECK(sentences[0].lines[4].no_space_after());
}

TEST_CASE("write gives back what read read") {
  auto sentences = parse(kSample);
  std::ostringstream out;
  for (const auto& s : sentences) erx::conllu::write(out, s);
  CHECK(out.str() == kSample);
}

TEST_CASE("read rejects malformed lines with the file and line") {
  try {
    parse("# text = x\n1\tx\tx\tX\n");
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kFormat);
    CHECK(std::string(e.what()).find("sample.conllu:2") != std::string::npos);
  }
  CHECK_THROWS_AS(parse("x1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n"), erx::Error);
}

TEST_CASE("read_file names a missing file") {
  try {
    erx::conllu::read_file("/nonexistent/x.conllu");
    FAIL("no error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kIo);
    CHECK(std::string(e.what()).find("/nonexistent/x.conllu") != std::string::npos);
  }
}

TEST_CASE("raw_text joins sentences and paragraphs as CoNLL 2018 does") {
  auto sentences = parse(kSample);
  CHECK(erx::conllu::raw_text(sentences) == "I don't know. Yes.\n\nNext paragraph");
}

TEST_CASE("to_document builds tokens with spans and every layer") {
  auto sentences = parse(kSample);
  erx::Document doc = erx::conllu::to_document(sentences);
  REQUIRE(doc.tokens().size() == 9);
  REQUIRE(doc.sentences().size() == 3);
  CHECK(doc.text() == "I do n't know.\nYes.\n\nNext paragraph");
  const auto& t = doc.tokens();
  CHECK(doc.text(t[2]) == "n't");
  CHECK(doc.lemma(t[2]) == "not");
  CHECK(doc.xpos(t[2]) == "RB");
  CHECK(t[2].upos == erx::Upos::kPART);
  CHECK(t[2].head == 3);
  CHECK(t[3].head == -1);
  CHECK(doc.deprel(t[0]) == "nsubj");
  CHECK(t[4].kind == erx::TokenKind::kPunct);
  CHECK(doc.has_parse());
  CHECK(doc.sentences()[2].first_token == 7);
}

TEST_CASE("write(Document) emits CoNLL-U that reads back with the same layers") {
  auto sentences = parse(kSample);
  erx::Document doc = erx::conllu::to_document(sentences);
  std::istringstream in(erx::conllu::write(doc));
  auto again = erx::conllu::read(in, "again");
  REQUIRE(again.size() == 3);
  auto words = again[0].words();
  REQUIRE(words.size() == 5);
  CHECK(words[2]->form == "n't");
  CHECK(words[2]->head == "4");
  CHECK(words[3]->misc == "SpaceAfter=No|TokenRange=9:13");
  CHECK(again[2].comment("text") == "Next paragraph");
}

TEST_CASE("EWT dev reads and converts without loss of words") {
  if (!erx::test::have_corpora()) ERX_SKIP("shared corpora not found; set ERX_CORPORA_DIR");
  auto path = erx::test::corpora_dir() / "ud-english-ewt" / "en_ewt-ud-dev.conllu";
  auto sentences = erx::conllu::read_file(path.string());
  CHECK(sentences.size() == 2001);
  erx::Document doc = erx::conllu::to_document(sentences);
  CHECK(doc.sentences().size() == 2001);
  CHECK(doc.tokens().size() == 25147);
  CHECK(doc.has_parse());
}
