// Tests of erx/tokenizer.hpp: tokens, kinds, normalized forms, sentences, losslessness, invalid
// UTF-8, robustness, the sentence model, and the CoNLL 2018 scoring behind `erx eval tokenize`.
#include "erx/tokenizer.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/utf8.hpp"
#include "corpora.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "eval/segmentation_score.hpp"

using erx::Document;
using erx::Token;
using erx::TokenKind;
using erx::Tokenizer;

namespace {

const Tokenizer& tokenizer() {
  static const Tokenizer t;
  return t;
}

const Tokenizer& rules_tokenizer() {
  static const Tokenizer t = Tokenizer::rules_only();
  return t;
}

std::vector<std::string> tokens(std::string_view text, const Tokenizer& tk = tokenizer()) {
  const Document doc = tk.tokenize(text);
  std::vector<std::string> out;
  for (const Token& t : doc.tokens()) out.emplace_back(doc.text(t));
  return out;
}

std::vector<std::string> sentences(std::string_view text, const Tokenizer& tk = tokenizer()) {
  const Document doc = tk.tokenize(text);
  std::vector<std::string> out;
  for (const erx::Sentence& s : doc.sentences()) out.emplace_back(doc.text(s));
  return out;
}

// The token of `doc` whose text is `text` (the first one).
const Token& find(const Document& doc, std::string_view text) {
  for (const Token& t : doc.tokens())
    if (doc.text(t) == text) return t;
  FAIL("no token '" << std::string(text) << "'");
  static Token none;
  return none;
}

bool is_gap_space(std::string_view gap) {
  // What the tokenizer may leave between tokens: ASCII white space and Unicode spaces/separators.
  for (std::size_t i = 0; i < gap.size();) {
    const std::size_t n = erx::utf8::sequence_length(gap, i);
    if (n == 0) return false;
    const char32_t cp = erx::utf8::decode(gap, i, n);
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
                       cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
                       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
                       cp == 0xFEFF || cp == 0x2060;
    if (!space) return false;
    i += n;
  }
  return true;
}

// Checks every invariant of a tokenized document; returns a description of the first violation,
// or "" when all hold.
std::string check_invariants(const Document& doc) {
  const std::string_view text = doc.text();
  const auto& tokens = doc.tokens();
  std::string rebuilt;
  std::uint32_t pos = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.begin < pos || t.end <= t.begin || t.end > text.size())
      return "token " + std::to_string(i) + " has a bad span";
    const std::string_view gap = text.substr(pos, t.begin - pos);
    if (!is_gap_space(gap)) return "non-space bytes dropped before token " + std::to_string(i);
    rebuilt += gap;
    rebuilt += doc.text(t);
    // Invalid UTF-8 tokens cover exactly ill-formed bytes; other tokens hold none.
    const std::string_view s = doc.text(t);
    for (std::size_t k = 0; k < s.size();) {
      const std::size_t n = erx::utf8::sequence_length(s, k);
      if ((n == 0) != (t.kind == TokenKind::kInvalidUtf8))
        return "token " + std::to_string(i) + " mixes valid and invalid UTF-8";
      k += n == 0 ? 1 : n;
    }
    pos = t.end;
  }
  const std::string_view tail = text.substr(pos);
  if (!is_gap_space(tail)) return "non-space bytes dropped at the end";
  rebuilt += tail;
  if (rebuilt != text) return "tokens + gaps differ from the input";
  // Sentences cover the tokens in order, without holes.
  std::uint32_t next = 0;
  for (const erx::Sentence& s : doc.sentences()) {
    if (s.first_token != next || s.end_token <= s.first_token || s.end_token > tokens.size())
      return "sentences do not cover the tokens";
    if (s.begin != tokens[s.first_token].begin || s.end != tokens[s.end_token - 1].end)
      return "sentence span differs from its tokens";
    next = s.end_token;
  }
  if (next != tokens.size()) return "sentences do not cover all tokens";
  return "";
}

using Strings = std::vector<std::string>;

}  // namespace

// ---- Tokens ----------------------------------------------------------------------------------

TEST_CASE("Contractions and clitics are split as UD English does") {
  CHECK(tokens("I don't know") == Strings{"I", "do", "n't", "know"});
  CHECK(tokens("We can't and won't go") == Strings{"We", "ca", "n't", "and", "wo", "n't", "go"});
  CHECK(tokens("Korea's capital") == Strings{"Korea", "'s", "capital"});
  CHECK(tokens("I'm sure we'll see they've left") ==
        Strings{"I", "'m", "sure", "we", "'ll", "see", "they", "'ve", "left"});
  CHECK(tokens("you're right, I'd go") == Strings{"you", "'re", "right", ",", "I", "'d", "go"});
  CHECK(tokens("the parents' house") == Strings{"the", "parents", "'", "house"});
  CHECK(tokens("I cannot, I'm gonna go") == Strings{"I", "can", "not", ",", "I", "'m", "gon", "na", "go"});
  CHECK(tokens("DON'T SHOUT") == Strings{"DO", "N'T", "SHOUT"});
}

TEST_CASE("Curly apostrophes split the same way and normalize to straight ones") {
  const Document doc = tokenizer().tokenize("I don\u2019t know Korea\u2019s plans, we\u2019ll see");
  std::vector<std::string> text, norm;
  for (const Token& t : doc.tokens()) {
    text.emplace_back(doc.text(t));
    norm.emplace_back(doc.norm(t));
  }
  CHECK(text == Strings{"I", "do", "n\u2019t", "know", "Korea", "\u2019s", "plans", ",", "we", "\u2019ll", "see"});
  CHECK(norm == Strings{"I", "do", "n't", "know", "Korea", "'s", "plans", ",", "we", "'ll", "see"});
  CHECK(doc.tokens()[0].norm.length == 0);  // unchanged tokens store no norm
}

TEST_CASE("Split clitics form one multi-word token with the word before them") {
  const Document doc = tokenizer().tokenize("Korea's leader doesn't agree");
  REQUIRE(doc.tokens().size() == 6);
  CHECK(doc.tokens()[0].fused_with_next);   // Korea + 's
  CHECK(!doc.tokens()[1].fused_with_next);
  CHECK(!doc.tokens()[2].fused_with_next);  // leader
  CHECK(doc.tokens()[3].fused_with_next);   // does + n't
  CHECK(!doc.tokens()[4].fused_with_next);
}

TEST_CASE("Apostrophes inside names and year abbreviations and as quotation marks") {
  CHECK(tokens("O'Neil met a Shi'ite at 5 o'clock") ==
        Strings{"O'Neil", "met", "a", "Shi'ite", "at", "5", "o'clock"});
  CHECK(tokens("the class of '72 and the '60s") == Strings{"the", "class", "of", "'72", "and", "the", "'60s"});
  CHECK(tokens("he said 'hello' twice") == Strings{"he", "said", "'", "hello", "'", "twice"});
  CHECK(tokens("rock 'n roll, shake 'em") == Strings{"rock", "'n", "roll", ",", "shake", "'em"});
}

TEST_CASE("Abbreviations and titles and initials keep their period") {
  CHECK(tokens("Dr. Lee met Gen. Smith and Mr. Kim in the U.S. on Jan. 5 at 3 p.m. today") ==
        Strings{"Dr.", "Lee", "met", "Gen.", "Smith", "and", "Mr.", "Kim", "in", "the", "U.S.", "on", "Jan.",
                "5", "at", "3", "p.m.", "today"});
  CHECK(tokens("J. R. R. Tolkien wrote it") == Strings{"J.", "R.", "R.", "Tolkien", "wrote", "it"});
  CHECK(tokens("apples, pears, etc. are fruit") == Strings{"apples", ",", "pears", ",", "etc.", "are", "fruit"});
  CHECK(tokens("see No. 5 and e.g. this") == Strings{"see", "No.", "5", "and", "e.g.", "this"});
  CHECK(tokens("I said no.") == Strings{"I", "said", "no", "."});
}

TEST_CASE("A sentence-final abbreviation gives its period to the sentence") {
  const Document doc = tokenizer().tokenize("I bought apples, pears, etc. Then I went home.");
  std::vector<std::string> t;
  for (const Token& tok : doc.tokens()) t.emplace_back(doc.text(tok));
  CHECK(t == Strings{"I", "bought", "apples", ",", "pears", ",", "etc", ".", "Then", "I", "went", "home", "."});
  REQUIRE(doc.sentences().size() == 2);
  CHECK(doc.text(doc.sentences()[0]) == "I bought apples, pears, etc.");
  CHECK(doc.tokens()[7].kind == TokenKind::kPunct);
}

TEST_CASE("Numbers keep separators and decimals while currency and percent signs and units are split") {
  CHECK(tokens("28,500 troops and 3.5 million in the 1990s") ==
        Strings{"28,500", "troops", "and", "3.5", "million", "in", "the", "1990s"});
  CHECK(tokens("$4.5 billion, 3.5% and $3,202.61") ==
        Strings{"$", "4.5", "billion", ",", "3.5", "%", "and", "$", "3,202.61"});
  CHECK(tokens("at 5:30 on 11/28/2000 call 713-853-3989") ==
        Strings{"at", "5:30", "on", "11/28/2000", "call", "713-853-3989"});
  CHECK(tokens("from 1969-1970, 5-10 times, 1/2 cup") ==
        Strings{"from", "1969", "-", "1970", ",", "5", "-", "10", "times", ",", "1", "/", "2", "cup"});
  CHECK(tokens("at 5pm, 65k and the 15th") == Strings{"at", "5", "pm", ",", "65", "k", "and", "the", "15th"});
  const Document doc = tokenizer().tokenize("$4.5");
  CHECK(doc.tokens()[0].kind == TokenKind::kSymbol);
  CHECK(doc.tokens()[1].kind == TokenKind::kNumber);
}

TEST_CASE("Hyphenated words are split except after prefixes EWT keeps") {
  CHECK(tokens("a 15-year term") == Strings{"a", "15", "-", "year", "term"});
  CHECK(tokens("long-term plans") == Strings{"long", "-", "term", "plans"});
  CHECK(tokens("the South Korea-US alliance") == Strings{"the", "South", "Korea", "-", "US", "alliance"});
  CHECK(tokens("send an e-mail to a non-profit, re-read it") ==
        Strings{"send", "an", "e-mail", "to", "a", "non-profit", ",", "re-read", "it"});
  CHECK(tokens("anti-war and co-operation") == Strings{"anti-war", "and", "co-operation"});
  CHECK(tokens("well -- maybe") == Strings{"well", "--", "maybe"});
}

TEST_CASE("URLs and e-mail addresses and domains and hashtags and handles are single tokens") {
  const Document doc = tokenizer().tokenize(
      "See https://example.com/a?b=c. Mail john.doe@enron.com or visit www.example.org, "
      "galleryfurniture.com and ENRON.XLS #erx @bob_2");
  CHECK(doc.text(find(doc, "https://example.com/a?b=c")).size() > 0);
  CHECK(find(doc, "https://example.com/a?b=c").kind == TokenKind::kUrl);
  CHECK(find(doc, "john.doe@enron.com").kind == TokenKind::kEmail);
  CHECK(find(doc, "www.example.org").kind == TokenKind::kUrl);
  CHECK(find(doc, "galleryfurniture.com").kind == TokenKind::kUrl);
  CHECK(find(doc, "ENRON.XLS").kind == TokenKind::kWord);
  CHECK(find(doc, "#erx").kind == TokenKind::kHashtag);
  CHECK(find(doc, "@bob_2").kind == TokenKind::kHashtag);
  CHECK(tokens("(see http://x.org/wiki/A_(b))") == Strings{"(", "see", "http://x.org/wiki/A_(b)", ")"});
  CHECK(tokens("item #1") == Strings{"item", "#", "1"});
}

TEST_CASE("Emoji with modifiers and ZWJ sequences and flags and emoticons are single tokens") {
  const std::string thumbs = "\U0001F44D\U0001F3FD";                              // 👍🏽
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";       // 👨‍👩‍👧
  const std::string flag = "\U0001F1F0\U0001F1F7";                                 // 🇰🇷
  const std::string heart = "\u2764\uFE0F";                                        // ❤️
  const Document doc = tokenizer().tokenize("ok" + thumbs + " " + family + flag + " " + heart + " :-) fine");
  std::vector<std::string> t;
  for (const Token& tok : doc.tokens()) t.emplace_back(doc.text(tok));
  CHECK(t == Strings{"ok", thumbs, family, flag, heart, ":-)", "fine"});
  CHECK(doc.tokens()[1].kind == TokenKind::kEmoji);
  CHECK(doc.tokens()[2].kind == TokenKind::kEmoji);
  CHECK(doc.tokens()[3].kind == TokenKind::kEmoji);
  CHECK(doc.tokens()[4].kind == TokenKind::kEmoji);
  CHECK(doc.tokens()[5].kind == TokenKind::kSymbol);
}

TEST_CASE("Quotes and dashes and ellipses of every kind are tokens with ASCII norms") {
  const Document doc = tokenizer().tokenize(
      "\u201Cpractical\u201D \u2018cool\u2019 \u00ABoui\u00BB ``so'' \"yes\" a\u2014b c\u2013d wait\u2026 no... ok");
  std::vector<std::string> t, n;
  for (const Token& tok : doc.tokens()) {
    t.emplace_back(doc.text(tok));
    n.emplace_back(doc.norm(tok));
  }
  CHECK(t == Strings{"\u201C", "practical", "\u201D", "\u2018", "cool", "\u2019", "\u00AB", "oui", "\u00BB", "``",
                     "so", "''", "\"", "yes", "\"", "a", "\u2014", "b", "c", "\u2013", "d", "wait", "\u2026",
                     "no", "...", "ok"});
  CHECK(n == Strings{"\"", "practical", "\"", "'", "cool", "'", "\"", "oui", "\"", "``", "so", "''", "\"",
                     "yes", "\"", "a", "--", "b", "c", "-", "d", "wait", "...", "no", "...", "ok"});
  for (const Token& tok : doc.tokens())
    if (doc.text(tok) == "\u201C" || doc.text(tok) == "\u2014" || doc.text(tok) == "...")
      CHECK(tok.kind == TokenKind::kPunct);
}

TEST_CASE("Punctuation runs stay together") {
  CHECK(tokens("What?! Really!!! Hmm.... (yes) [no] {x}") ==
        Strings{"What", "?!", "Really", "!!!", "Hmm", "....", "(", "yes", ")", "[", "no", "]", "{", "x", "}"});
  CHECK(tokens("a ---- b << c >> d") == Strings{"a", "----", "b", "<<", "c", ">>", "d"});
}

TEST_CASE("Token kinds") {
  const Document doc = tokenizer().tokenize("Lee paid 28,500 $ , https://a.org x@y.com #tag \U0001F600 \x01");
  std::vector<TokenKind> kinds;
  for (const Token& t : doc.tokens()) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<TokenKind>{TokenKind::kWord, TokenKind::kWord, TokenKind::kNumber, TokenKind::kSymbol,
                                        TokenKind::kPunct, TokenKind::kUrl, TokenKind::kEmail, TokenKind::kHashtag,
                                        TokenKind::kEmoji, TokenKind::kOther});
}

TEST_CASE("Non-Latin scripts: letters with combining marks stay whole and ideographs are single tokens") {
  CHECK(tokens("Caf\u0065\u0301 \u0645\u0631\u062D\u0628\u0627 \u4E2D\u6587") ==
        Strings{"Caf\u0065\u0301", "\u0645\u0631\u062D\u0628\u0627", "\u4E2D", "\u6587"});
  CHECK(tokens("na\u00EFve Stra\u00DFe") == Strings{"na\u00EFve", "Stra\u00DFe"});
}

// ---- Losslessness and robustness ------------------------------------------------------------

TEST_CASE("Empty and white-space-only input give no tokens and no sentences") {
  for (const char* text : {"", " ", "\n\n\t ", "\xC2\xA0\xE2\x80\x8B"}) {
    const Document doc = tokenizer().tokenize(text);
    CHECK(doc.tokens().empty());
    CHECK(doc.sentences().empty());
    CHECK(check_invariants(doc) == "");
  }
}

TEST_CASE("Invalid UTF-8: each maximal run of ill-formed bytes is one kInvalidUtf8 token") {
  const std::string text = std::string("ab\xFF\xFE" "cd \xC0\xAF x\xED\xA0\x80y \xE2\x82") + " z\xF0\x9F";
  const Document doc = tokenizer().tokenize(text);
  std::vector<std::string> t;
  std::vector<TokenKind> kinds;
  for (const Token& tok : doc.tokens()) {
    t.emplace_back(doc.text(tok));
    kinds.push_back(tok.kind);
  }
  CHECK(t == Strings{"ab", "\xFF\xFE", "cd", "\xC0\xAF", "x", "\xED\xA0\x80", "y", "\xE2\x82", "z", "\xF0\x9F"});
  const auto bad = TokenKind::kInvalidUtf8;
  const auto word = TokenKind::kWord;
  CHECK(kinds == std::vector<TokenKind>{word, bad, word, bad, word, bad, word, bad, word, bad});
  // The spans are exact: the bytes around them belong to other tokens.
  CHECK(doc.tokens()[1].begin == 2);
  CHECK(doc.tokens()[1].end == 4);
  CHECK(check_invariants(doc) == "");
}

TEST_CASE("NUL bytes and control characters are kept as tokens") {
  const std::string text("a\0b \x01\x02 c\x7F", 9);
  const Document doc = tokenizer().tokenize(text);
  CHECK(check_invariants(doc) == "");
  std::vector<std::string> t;
  for (const Token& tok : doc.tokens()) t.emplace_back(doc.text(tok));
  CHECK(t == Strings{"a", std::string("\0", 1), "b", "\x01\x02", "c", "\x7F"});
  CHECK(doc.tokens()[1].kind == TokenKind::kOther);
}

TEST_CASE("A 1000000-byte word and a megabyte without spaces are tokenized in linear time") {
  const std::string word(1000000, 'a');
  const Document doc = tokenizer().tokenize(word);
  REQUIRE(doc.tokens().size() == 1);
  CHECK(doc.tokens()[0].end == 1000000);
  CHECK(doc.sentences().size() == 1);

  // Patterns that make naive look-aheads quadratic: many periods, hyphens, @ and apostrophes.
  for (const std::string unit : {"a.", "a-", "a@", "a'", "1,", "1-", "1/", "ab.c", "x.y@", ".", "'", "\xFF"}) {
    std::string text;
    while (text.size() < 1000000) text += unit;
    const auto start = std::chrono::steady_clock::now();
    const Document d = tokenizer().tokenize(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO("unit '" << unit << "'");
    CHECK(check_invariants(d) == "");
    CHECK(seconds < 20.0);  // quadratic behaviour would take hours
  }
}

TEST_CASE("Random byte strings are tokenized losslessly") {
  std::mt19937 rng(20240607);
  const std::vector<std::string> pieces = {
      " ", "  ", "\n", "\n\n", "\t", "a", "Lee", "U.S.", "don't", "n\xE2\x80\x99t", ".", ",", "'", "\"", "-",
      "--", "...", "$", "%", "3", "28,500", "@", "#", "http://", "www.", ".com", ":", "/", "(", ")", "\xE2\x80\x9C",
      "\xF0\x9F\x91\x8D", "\xE2\x80\x8D", "\xEF\xB8\x8F", "\xCC\x81", "\xC3\xA9", "\xE4\xB8\xAD", "\xFF", "\x80",
      "\xC3", "\xE2\x82", "\xF0\x9F\x91", std::string("\0", 1), "\x01", "\r\n", "\xC2\xA0", "Mr.", "e-", "5pm"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 40);
    for (int p = 0; p < parts; ++p) {
      if (rng() % 4 == 0) text.push_back(static_cast<char>(rng() & 0xFF));  // a raw random byte
      else text += pieces[rng() % pieces.size()];
    }
    const Document doc = tokenizer().tokenize(text);
    const std::string problem = check_invariants(doc);
    INFO("round " << round);
    REQUIRE(problem == "");
  }
}

TEST_CASE("Every text of the shared corpora is tokenized losslessly") {
  if (!erx::test::have_corpora()) ERX_SKIP("shared corpora not found at " + erx::test::corpora_dir().string());
  std::size_t files = 0, bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(erx::test::corpora_dir())) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    const Document doc = tokenizer().tokenize(text);
    INFO(entry.path().string());
    REQUIRE(check_invariants(doc) == "");
    ++files;
    bytes += text.size();
  }
  CHECK(files > 10);
  CHECK(bytes > 1000000);
}

// ---- Sentences -------------------------------------------------------------------------------

TEST_CASE("Sentences end at final punctuation with their closing quotes and brackets") {
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    CHECK(sentences("He left. She stayed! Why? Because.", *tk) ==
          Strings{"He left.", "She stayed!", "Why?", "Because."});
    CHECK(sentences("He said \"go.\" Then he left. (It was late.) We slept.", *tk) ==
          Strings{"He said \"go.\"", "Then he left.", "(It was late.)", "We slept."});
    CHECK(sentences("She said \u201CNo.\u201D It ended.", *tk) == Strings{"She said \u201CNo.\u201D", "It ended."});
  }
}

TEST_CASE("Abbreviations and initials and decimals do not end sentences") {
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    CHECK(sentences("Dr. Lee met Gen. Smith at 3.5 p.m. in the U.S. Capitol. They talked.", *tk) ==
          Strings{"Dr. Lee met Gen. Smith at 3.5 p.m. in the U.S. Capitol.", "They talked."});
    CHECK(sentences("J. R. R. Tolkien was born in 1892. He died in 1973.", *tk) ==
          Strings{"J. R. R. Tolkien was born in 1892.", "He died in 1973."});
    CHECK(sentences("The firm moved to the U.S. The move was costly.", *tk) ==
          Strings{"The firm moved to the U.S.", "The move was costly."});
  }
}

TEST_CASE("Ellipses end a sentence only before a capital") {
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    CHECK(sentences("I waited... and waited. Nothing came\u2026 Then it rained.", *tk) ==
          Strings{"I waited... and waited.", "Nothing came\u2026", "Then it rained."});
  }
}

TEST_CASE("Blank lines always end a sentence and headlines stand alone") {
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    CHECK(sentences("Culture and trade\nAccording to his office, the visit is expected.", *tk) ==
          Strings{"Culture and trade", "According to his office, the visit is expected."});
    CHECK(sentences("a line without an end\n\nand another one", *tk) ==
          Strings{"a line without an end", "and another one"});
    CHECK(sentences("Source: Aljazeera\n\nLeave a Reply", *tk) == Strings{"Source: Aljazeera", "Leave a Reply"});
  }
}

TEST_CASE("Hard-wrapped prose is not split at its line breaks") {
  const std::string text =
      "The talks between the two leaders were expected to cover\n"
      "trade, tourism and security, and officials said that\n"
      "President Lee would also raise the question of the\n"
      "peninsula with his host before the summit ended.\n"
      "Nothing else was announced by the two governments, who\n"
      "said more details would follow in the coming days.\n";
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    const Strings s = sentences(text, *tk);
    REQUIRE(s.size() == 2);
    CHECK(s[0].rfind("The talks", 0) == 0);
    CHECK(s[1].rfind("Nothing else", 0) == 0);
  }
}

TEST_CASE("The seed article: web debris lines are sentences of their own") {
  // A few sentences quoted from ../shared/seed-article.txt (not redistributable as a whole).
  const std::string text =
      "Wi Sung-lac, South Korea\u2019s national security adviser, announced to reporters on Friday that "
      "Lee would meet with Xi in Beijing on Monday before visiting Shanghai, home to the country\u2019s "
      "historic site during Japan\u2019s 35-year colonial rule.\n"
      "Recommended Stories\n"
      "list of 4 itemsend of list\n"
      "According to Yonhap News Agency, Wi stated that the leaders are expected to discuss \u201Cpractical "
      "cooperation\u201D in areas like supply-chain investment, tourism, and transnational crime.\n"
      "regional strategy, and security alliances\n"
      "To deter threats from North Korea, roughly 28,500 US troops are stationed in South Korea right now.";
  for (const Tokenizer* tk : {&tokenizer(), &rules_tokenizer()}) {
    const Strings s = sentences(text, *tk);
    REQUIRE(s.size() == 6);
    CHECK(s[1] == "Recommended Stories");
    CHECK(s[2] == "list of 4 itemsend of list");
    CHECK(s[3].rfind("According to Yonhap", 0) == 0);
    CHECK(s[4] == "regional strategy, and security alliances");
    CHECK(s[5].rfind("To deter", 0) == 0);
  }
  const Document doc = tokenizer().tokenize(text);
  std::vector<std::string> t;
  for (const Token& tok : doc.tokens()) t.emplace_back(doc.text(tok));
  const Strings first(t.begin(), t.begin() + 8);
  CHECK(first == Strings{"Wi", "Sung", "-", "lac", ",", "South", "Korea", "\u2019s"});
  CHECK(doc.norm(find(doc, "\u2019s")) == "'s");
  CHECK(find(doc, "Korea").fused_with_next);
  CHECK(find(doc, "28,500").kind == TokenKind::kNumber);
  CHECK(doc.norm(find(doc, "\u201C")) == "\"");
}

TEST_CASE("Option split_sentences = false makes one sentence") {
  erx::TokenizerOptions options;
  options.split_sentences = false;
  const Tokenizer tk(options);
  const Document doc = tk.tokenize("One. Two. Three.");
  REQUIRE(doc.sentences().size() == 1);
  CHECK(doc.sentences()[0].end_token == doc.tokens().size());
}

// ---- The sentence model ----------------------------------------------------------------------

namespace {

// A small CoNLL-U corpus (hand-written) for training tests.
std::vector<erx::conllu::Sentence> tiny_corpus() {
  std::string text;
  for (int doc = 0; doc < 12; ++doc) {
    text += "# newdoc id = d" + std::to_string(doc) + "\n# text = See you at 5\n"
            "1\tSee\t_\t_\t_\t_\t0\troot\t_\t_\n2\tyou\t_\t_\t_\t_\t1\tobj\t_\t_\n"
            "3\tat\t_\t_\t_\t_\t4\tcase\t_\t_\n4\t5\t_\t_\t_\t_\t1\tobl\t_\t_\n\n"
            "# text = Thanks\n1\tThanks\t_\t_\t_\t_\t0\troot\t_\t_\n\n";
  }
  std::istringstream in(text);
  return erx::conllu::read(in, "tiny");
}

}  // namespace

TEST_CASE("The sentence model trains and saves and loads and is used") {
  const auto corpus = tiny_corpus();
  erx::TokenizerTrainingOptions options;
  options.max_epochs = 3;
  const erx::ModelFile file = Tokenizer::train(corpus, {}, options);
  CHECK(file.stage() == Tokenizer::kStage);
  const erx::ModelFile reloaded = erx::ModelFile::from_memory(file.serialize(), "tokenizer.erxm", Tokenizer::kStage);
  const Tokenizer tk = Tokenizer::load(reloaded);
  REQUIRE(tk.model() != nullptr);
  // The rules see one sentence in "See you at 5 Thanks"; the model learned the boundary.
  CHECK(sentences("See you at 5 Thanks", rules_tokenizer()).size() == 1);
  CHECK(sentences("See you at 5 Thanks", tk) == Strings{"See you at 5", "Thanks"});
  CHECK(Tokenizer::rules_only().model() == nullptr);
}

TEST_CASE("Loading a model of another stage fails with a clear error") {
  const erx::ModelFile other("tagger", 1, {"x"});
  CHECK_THROWS_AS(Tokenizer::load(other), erx::Error);
  try {
    (void)Tokenizer::load(other);
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kModel);
    CHECK(std::string(e.what()).find("tagger") != std::string::npos);
  }
}

// ---- CoNLL 2018 scoring used by `erx eval tokenize` ------------------------------------------

TEST_CASE("Segmentation scores follow the CoNLL 2018 definitions") {
  const std::string gold_text =
      "# text = I don't know.\n"
      "1\tI\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "3\tn't\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "4\tknow\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
      "5\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n"
      "# text = Me neither\n"
      "1\tMe\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "2\tneither\t_\t_\t_\t_\t0\t_\t_\t_\n\n";
  std::istringstream in(gold_text);
  const auto gold = erx::conllu::read(in, "gold");
  const std::string raw = erx::conllu::raw_text(gold);
  CHECK(raw == "I don't know. Me neither");
  const Document doc = rules_tokenizer().tokenize(raw);
  const erx::eval::SegmentationScores s = erx::eval::score(erx::eval::from_conllu(gold), erx::eval::from_document(doc));
  CHECK(s.tokens.gold == 6);  // I don't know . Me neither
  CHECK(s.tokens.system == 6);
  CHECK(s.tokens.correct == 6);
  CHECK(s.words.gold == 7);
  CHECK(s.words.correct == 7);
  CHECK(s.sentences.gold == 2);
  CHECK(s.sentences.correct == 2);

  // A system that misses the sentence break and does not split "don't".
  Document flat(raw);
  flat.mutable_tokens() = doc.tokens();
  flat.mutable_tokens()[1].end = flat.mutable_tokens()[2].end;  // "don't" as one word
  flat.mutable_tokens().erase(flat.mutable_tokens().begin() + 2);
  flat.mutable_tokens()[1].fused_with_next = false;
  flat.mutable_sentences() = {{0, static_cast<std::uint32_t>(flat.tokens().size()), 0,
                               static_cast<std::uint32_t>(raw.size())}};
  const auto t = erx::eval::score(erx::eval::from_conllu(gold), erx::eval::from_document(flat));
  CHECK(t.tokens.correct == 6);  // the surface token "don't" still matches
  CHECK(t.words.system == 6);
  CHECK(t.words.correct == 5);   // "do" and "n't" are missed, "don't" is no gold word
  CHECK(t.sentences.system == 1);
  CHECK(t.sentences.correct == 0);
  CHECK(t.sentences.f1() == 0.0);

  Document other("I do not know");
  other.mutable_tokens() = {Token{}};
  CHECK_THROWS_AS(erx::eval::score(erx::eval::from_conllu(gold), erx::eval::from_document(other)), erx::Error);
}
