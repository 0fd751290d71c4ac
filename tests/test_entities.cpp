// Tests of erx/entities.hpp: conlleval scoring, tag schemes, CoNLL files, patterns, the entity
// ruler, training / saving / loading the recognizer, and the shipped English model.
#include "erx/entities.hpp"

#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "catch.hpp"
#include "corpora.hpp"
#include "entities/consistency.hpp"
#include "entities/lexicons.hpp"
#include "entities/mention_fixes.hpp"
#include "entities/type_refiner.hpp"
#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"

namespace {

using erx::ner::TagScheme;
using erx::ner::TagSpan;

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// "text|TYPE" pairs of a document's mentions.
std::set<std::string> mention_set(const erx::Document& doc) {
  std::set<std::string> out;
  for (const erx::Mention& m : doc.mentions()) out.insert(std::string(doc.text(m)) + "|" + m.type);
  return out;
}

bool has_builtin_model() { return erx::ModelBundle::english().has("entities"); }

// POS tags of a pre-tokenized sentence from erx's built-in tagger (what `erx eval ner` does).
std::vector<std::string> tag_words(const erx::Tagger& tagger, const std::vector<std::string>& words) {
  std::string text;
  std::vector<erx::Token> tokens;
  for (const std::string& w : words) {
    if (!text.empty()) text += ' ';
    erx::Token t;
    t.begin = static_cast<std::uint32_t>(text.size());
    text += w;
    t.end = static_cast<std::uint32_t>(text.size());
    tokens.push_back(t);
  }
  erx::Document doc(text);
  erx::Sentence s;
  s.end_token = static_cast<std::uint32_t>(tokens.size());
  s.end = static_cast<std::uint32_t>(text.size());
  doc.mutable_tokens() = std::move(tokens);
  doc.mutable_sentences() = {s};
  tagger.tag(doc);
  std::vector<std::string> out;
  for (const erx::Token& t : doc.tokens()) out.emplace_back(doc.xpos(t));
  return out;
}

}  // namespace

TEST_CASE("conlleval: counts, accuracy and the report format") {
  erx::ner::Conlleval eval;
  const char* lines[][2] = {{"B-PER", "B-PER"}, {"I-PER", "I-PER"}, {"O", "O"}, {"B-LOC", "B-ORG"}, {"O", "O"}};
  for (auto& l : lines) eval.add(l[0], l[1]);
  eval.boundary();
  eval.add("B-ORG", "B-ORG");
  eval.add("I-ORG", "O");
  eval.add("B-MISC", "B-MISC");  // a chunk still open at the end of the input counts
  erx::ner::ConllevalResult r = eval.result();
  CHECK(r.tokens == 8);
  CHECK(r.correct_tags == 6);
  CHECK(r.overall.gold == 4);
  CHECK(r.overall.predicted == 4);
  CHECK(r.overall.correct == 2);
  CHECK(r.report() ==
        "processed 8 tokens with 4 phrases; found: 4 phrases; correct: 2.\n"
        "accuracy:  75.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00\n"
        "              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n"
        "             MISC: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"
        "              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  2\n"
        "              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n");
}

TEST_CASE("conlleval: IOB1 chunks follow conlleval's rules") {
  // I- after O or another type opens a chunk; B- separates two adjacent chunks of one type.
  erx::ner::Conlleval eval;
  eval.add("I-PER", "I-PER");
  eval.add("I-PER", "I-PER");
  eval.add("B-PER", "I-PER");  // gold: two PERs; guess: one three-token PER
  eval.add("I-LOC", "I-LOC");
  erx::ner::ConllevalResult r = eval.result();
  CHECK(r.overall.gold == 3);
  CHECK(r.overall.predicted == 2);
  CHECK(r.overall.correct == 1);  // only LOC
  // A type change inside a chunk ends it.
  erx::ner::Conlleval e2;
  e2.add("I-PER", "I-PER");
  e2.add("I-PER", "I-ORG");
  CHECK(e2.result().overall.correct == 0);
  CHECK(e2.result().overall.predicted == 2);
}

TEST_CASE("evaluate converts BILOU and IOBES columns before scoring") {
  std::vector<std::vector<std::string>> gold = {split("U-PER O B-LOC I-LOC L-LOC U-LOC")};
  std::vector<std::vector<std::string>> iob2 = {split("B-PER O B-LOC I-LOC I-LOC B-LOC")};
  std::vector<std::vector<std::string>> iobes = {split("S-PER O B-LOC I-LOC E-LOC S-LOC")};
  CHECK(erx::ner::evaluate(gold, iob2).overall.f1() == Approx(100.0));
  CHECK(erx::ner::evaluate(gold, iobes).overall.f1() == Approx(100.0));
  CHECK(erx::ner::evaluate(iobes, gold).overall.correct == 3);
  std::vector<std::vector<std::string>> wrong = {split("B-PER O B-LOC I-LOC B-LOC I-LOC")};
  erx::ner::ConllevalResult r = erx::ner::evaluate(gold, wrong);
  CHECK(r.overall.correct == 1);
  CHECK(r.overall.predicted == 3);
  // Extra -DOCSTART- tokens only change the token count.
  CHECK(erx::ner::evaluate(gold, iob2, TagScheme::kAuto, TagScheme::kAuto, 2).tokens == 8);
  CHECK_THROWS_AS(erx::ner::evaluate(gold, {}), erx::Error);
}

TEST_CASE("tag schemes: detection, decoding and encoding") {
  CHECK(erx::ner::detect_scheme(split("I-PER I-PER O B-LOC")) == TagScheme::kIob1);
  CHECK(erx::ner::detect_scheme(split("B-PER I-PER O B-LOC")) == TagScheme::kIob2);
  CHECK(erx::ner::detect_scheme(split("B-PER L-PER O U-LOC")) == TagScheme::kBilou);
  CHECK(erx::ner::detect_scheme(split("B-PER E-PER O S-LOC")) == TagScheme::kIobes);
  CHECK(erx::ner::tag_scheme_from_string("bioul") == TagScheme::kBilou);
  CHECK_THROWS_AS(erx::ner::tag_scheme_from_string("iob3"), erx::Error);

  std::vector<TagSpan> expected = {{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}};
  CHECK(erx::ner::spans_from_tags(split("I-PER I-PER B-PER O I-LOC")) == expected);
  CHECK(erx::ner::spans_from_tags(split("B-PER I-PER B-PER O B-LOC")) == expected);
  CHECK(erx::ner::spans_from_tags(split("B-PER L-PER U-PER O U-LOC")) == expected);
  CHECK(erx::ner::spans_from_tags(split("B-PER E-PER S-PER O S-LOC")) == expected);
  CHECK(erx::ner::tags_from_spans(5, expected, TagScheme::kIob1) == split("I-PER I-PER B-PER O I-LOC"));
  CHECK(erx::ner::tags_from_spans(5, expected, TagScheme::kIob2) == split("B-PER I-PER B-PER O B-LOC"));
  CHECK(erx::ner::tags_from_spans(5, expected, TagScheme::kBilou) == split("B-PER L-PER U-PER O U-LOC"));
  CHECK(erx::ner::tags_from_spans(5, expected, TagScheme::kIobes) == split("B-PER E-PER S-PER O S-LOC"));
  CHECK_THROWS_AS(erx::ner::tags_from_spans(2, expected, TagScheme::kIob2), erx::Error);
}

TEST_CASE("CoNLL files: columns, documents and errors") {
  const std::string conll2003 =
      "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\n"
      "BRUSSELS NNP I-NP I-LOC\n";
  erx::ner::ConllFile f = erx::ner::parse_conll(conll2003, "t.conll");
  CHECK(f.word_column == 0);
  CHECK(f.pos_column == 1);
  CHECK(f.tag_column == 3);  // the last tag-like column, not the chunk column
  CHECK(f.sentences.size() == 4);
  std::vector<erx::LabeledDocument> docs = f.documents();
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].sentences.size() == 2);
  CHECK(docs[0].sentences[1].words == split("Peter Blackburn"));
  CHECK(docs[1].sentences[0].tags == split("I-LOC"));

  const std::string uner =
      "# newdoc id = a\n# sent_id = a-1\n# text = in tampa bay\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\tx\n"
      "3\tbay\tI-LOC\t-\tx\n\n# newdoc id = b\n# sent_id = b-1\n1\tHi\tO\t-\t-\n";
  erx::ner::ConllFile u = erx::ner::parse_conll(uner, "u.iob2");
  CHECK(u.delimiter == '\t');
  CHECK(u.word_column == 1);
  CHECK(u.tag_column == 2);
  CHECK(u.pos_column == -1);
  CHECK(u.documents().size() == 2);
  CHECK(u.sentences[0].comments.size() == 3);

  try {
    (void)erx::ner::parse_conll("a B-PER\nb O extra\n", "bad.conll");
    FAIL("expected an error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kFormat);
    CHECK(std::string(e.what()).find("bad.conll:2") != std::string::npos);
  }
  CHECK_THROWS_AS(erx::ner::read_conll("/nonexistent/file.conll"), erx::Error);
}

TEST_CASE("patterns: dates, times, money, percentages, quantities, numbers and titles") {
  erx::Tokenizer tokenizer;
  erx::EntityRecognizer rules = erx::EntityRecognizer::rules_only();
  auto found = [&](const std::string& text) {
    erx::Document doc = tokenizer.tokenize(text);
    rules.recognize(doc);
    return mention_set(doc);
  };
  auto s = found("On March 3rd the company said revenue rose 5% to $4.5 billion, up 14,200 from last month.");
  CHECK(s.count("March 3rd|DATE"));
  CHECK(s.count("5%|PERCENT"));
  CHECK(s.count("$4.5 billion|MONEY"));
  CHECK(s.count("14,200|CARDINAL"));
  CHECK(s.count("last month|DATE"));
  s = found("It plans to launch the chips in the following year, ending a 10-year wait.");
  CHECK(s.count("the following year|DATE"));
  CHECK(s.count("10-year|DATE"));
  s = found("A quarter of the roughly 28,500 troops left at 3 p.m. on Friday, the first time in 35 years.");
  CHECK(s.count("A quarter|CARDINAL"));
  CHECK(s.count("roughly 28,500|CARDINAL"));
  CHECK(s.count("3 p.m.|TIME"));
  CHECK(s.count("Friday|DATE"));
  CHECK(s.count("first|ORDINAL"));
  CHECK(s.count("35 years|DATE"));
  s = found("The prime minister met the national security adviser and the chief executive. It weighs 40 kilograms.");
  CHECK(s.count("prime minister|TITLE"));
  CHECK(s.count("national security adviser|TITLE"));
  CHECK(s.count("chief executive|TITLE"));
  CHECK(s.count("40 kilograms|QUANTITY"));
  // Words that only look like dates or titles.
  s = found("You may march in general, but it may rain.");
  CHECK(s.empty());
}

TEST_CASE("entity ruler: phrases, case, whitespace, patterns and priorities") {
  erx::Tokenizer tokenizer;
  erx::EntityRuler rules;
  rules.add_phrase("Hankuk University of Foreign Studies", "ORG");
  rules.add_phrase("new york", "GPE", {.ignore_case = true});
  rules.add_phrase("New York Times", "ORG");
  rules.add_pattern("[lower=vice] \"-\"? [lower=president|chancellor]", "TITLE");
  rules.add_pattern("\"Ascend\" [is_digit]", "PRODUCT", {.priority = erx::RulePriority::kFillGaps});
  CHECK(rules.size() == 5);

  erx::Document doc = tokenizer.tokenize(
      "Kang of Hankuk  University of\tForeign Studies read the New York Times in NEW YORK; the vice president "
      "bought an Ascend 950 but not a hankuk university of foreign studies mug.");
  std::vector<erx::RulePriority> priorities;
  std::vector<erx::Mention> m = rules.match(doc, &priorities);
  std::set<std::string> got;
  for (const erx::Mention& x : m) got.insert(std::string(doc.text(x)) + "|" + x.type);
  CHECK(got.count("Hankuk  University of\tForeign Studies|ORG"));  // whitespace does not matter
  CHECK(got.count("New York Times|ORG"));                           // the longest match wins
  CHECK(got.count("NEW YORK|GPE"));                                 // ignore_case
  CHECK(got.count("vice president|TITLE"));
  CHECK(got.count("Ascend 950|PRODUCT"));
  CHECK(m.size() == 5);  // the lower-case ORG phrase does not match (case-sensitive by default)
  CHECK(priorities.size() == m.size());
  for (std::size_t i = 1; i < m.size(); ++i) CHECK(m[i - 1].end_token <= m[i].first_token);

  // Priorities against the patterns: an override rule replaces the DATE pattern, a fill-gaps one
  // does not.
  erx::EntityRuler over, fill;
  over.add_phrase("March 3rd", "HOLIDAY");
  fill.add_phrase("March 3rd", "HOLIDAY", {.priority = erx::RulePriority::kFillGaps});
  erx::Document d1 = tokenizer.tokenize("We met on March 3rd.");
  erx::Document d2 = d1;
  erx::EntityRecognizer::rules_only().with_rules(over).recognize(d1);
  erx::EntityRecognizer::rules_only().with_rules(fill).recognize(d2);
  CHECK(mention_set(d1).count("March 3rd|HOLIDAY"));
  CHECK(mention_set(d2).count("March 3rd|DATE"));
  CHECK(d1.mentions().front().source == erx::MentionSource::kUser);
}

TEST_CASE("entity ruler: rule files and errors") {
  erx::EntityRuler rules;
  rules.add_rules("# comment\n\nORG\tSejong Institute\nTITLE\tpattern: [lower=senior] [lower=fellow]\tignore_case\n",
                  "rules.tsv");
  CHECK(rules.size() == 2);
  try {
    rules.add_rules("ORG\tAcme\tignorecase\n", "rules.tsv");
    FAIL("expected an error");
  } catch (const erx::Error& e) {
    CHECK(e.code() == erx::ErrorCode::kFormat);
    CHECK(std::string(e.what()).find("rules.tsv:1") != std::string::npos);
  }
  CHECK_THROWS_AS(rules.add_pattern("[lower=x", "T"), erx::Error);
  CHECK_THROWS_AS(rules.add_pattern("[colour=red]", "T"), erx::Error);
  CHECK_THROWS_AS(rules.add_pattern("_?", "T"), erx::Error);
  CHECK_THROWS_AS(rules.add_phrase("Acme", "two words"), erx::Error);
  CHECK_THROWS_AS(rules.add_phrase("   ", "ORG"), erx::Error);
  CHECK_THROWS_AS(rules.load("/nonexistent/rules.tsv"), erx::Error);
  CHECK(rules.size() == 2);
}

TEST_CASE("training, saving and loading a recognizer") {
  // A tiny synthetic corpus: names after "met", places after "in".
  std::vector<erx::LabeledDocument> train(1);
  const char* people[] = {"Anna Berg", "Carl Dunn", "Eva Fox", "Gus Hale", "Ida Jones", "Kurt Lamb"};
  const char* places[] = {"Paris", "Oslo", "Lima", "Quito", "Riga", "Sofia"};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 6; ++i) {
      erx::LabeledSentence s;
      s.words = split(std::string("Yesterday we met ") + people[i] + " in " + places[(i + k) % 6] + " .");
      s.tags = split("O O O B-PER I-PER O B-LOC O");
      train[0].sentences.push_back(s);
    }
  erx::EntityResources resources;
  resources.gazetteers["GPE.cities"] = {"Paris", "Oslo", "Lima", "Quito", "Riga", "Sofia", "Bern"};
  resources.clusters = {{"Paris", "0101"}, {"Bern", "0101"}, {"Anna", "1100"}, {"Zoe", "1100"}};
  erx::EntityTrainOptions options;
  options.max_epochs = 5;
  options.folds = 2;
  erx::EntityRecognizer r = erx::EntityRecognizer::train(train, train, resources, options);
  CHECK(r.has_model());
  CHECK(r.model_types() == split("LOC PER"));

  erx::LabeledDocument test;
  test.sentences.resize(1);
  test.sentences[0].words = split("Yesterday we met Zoe Quist in Bern .");
  std::vector<std::vector<erx::Mention>> got = r.with_options({.refine_types = false}).recognize(test);
  REQUIRE(got.size() == 1);
  std::set<std::string> spans;
  for (const erx::Mention& m : got[0]) spans.insert(std::to_string(m.first_token) + "-" + std::to_string(m.end_token) + m.type);
  CHECK(spans.count("3-5PER"));
  CHECK(spans.count("6-7LOC"));

  // Refined types: a city in a GPE list is a GPE.
  erx::Document doc = erx::Tokenizer().tokenize("Yesterday we met Zoe Quist in Bern.");
  r.recognize(doc);
  CHECK(mention_set(doc).count("Zoe Quist|PERSON"));
  CHECK(mention_set(doc).count("Bern|GPE"));
  CHECK(mention_set(doc).count("Yesterday|DATE"));

  // Round trip through the model file format gives identical results.
  erx::ModelFile file = r.to_model();
  std::string bytes = file.serialize();
  erx::EntityRecognizer loaded = erx::EntityRecognizer::from_model(erx::ModelFile::from_memory(bytes, "m.erxm"));
  erx::Document doc2 = erx::Tokenizer().tokenize("Yesterday we met Zoe Quist in Bern.");
  loaded.recognize(doc2);
  CHECK(mention_set(doc2) == mention_set(doc));
  // A corrupted file is rejected with a message naming it.
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  CHECK_THROWS_AS(erx::ModelFile::from_memory(bytes, "bad.erxm"), erx::Error);
  CHECK_THROWS_AS(erx::EntityRecognizer::rules_only().to_model(), erx::Error);
  // Training data without entities is refused.
  std::vector<erx::LabeledDocument> empty(1);
  empty[0].sentences.push_back({split("no names here"), split("O O O"), {}});
  CHECK_THROWS_AS(erx::EntityRecognizer::train(empty, {}, {}, options), erx::Error);
  empty[0].sentences[0].tags = split("O B_PER O");
  CHECK_THROWS_AS(erx::EntityRecognizer::train(empty, {}, {}, options), erx::Error);
}

TEST_CASE("the built-in English recognizer") {
  if (!has_builtin_model()) ERX_SKIP("the built-in bundle has no entity model");
  erx::Tokenizer tokenizer;
  erx::EntityRecognizer ner = erx::EntityRecognizer::english();
  erx::Document doc = tokenizer.tokenize(
      "Chinese President Xi Jinping has invited South Korean President Lee Jae Myung to a state visit to "
      "Beijing on Monday. Lee will then visit Shanghai and the Taiwan Strait.");
  ner.recognize(doc);
  std::set<std::string> s = mention_set(doc);
  CHECK(s.count("Xi Jinping|PERSON"));
  CHECK(s.count("Lee Jae Myung|PERSON"));
  CHECK(s.count("Beijing|GPE"));
  CHECK(s.count("Shanghai|GPE"));
  CHECK(s.count("Taiwan Strait|LOC"));
  CHECK(s.count("President|TITLE"));
  CHECK(s.count("Monday|DATE"));
  // Mentions are sorted, non-overlapping and their spans match their tokens.
  for (std::size_t i = 0; i < doc.mentions().size(); ++i) {
    const erx::Mention& m = doc.mentions()[i];
    CHECK(m.begin == doc.tokens()[m.first_token].begin);
    CHECK(m.end == doc.tokens()[m.end_token - 1].end);
    CHECK(m.confidence >= 0.0f);
    CHECK(m.confidence <= 1.0f);
    if (i > 0) CHECK(doc.mentions()[i - 1].end_token <= m.first_token);
  }
  // recognize() is const and thread-safe: two threads get the same result.
  erx::Document a = tokenizer.tokenize(std::string(doc.text())), b = a;
  std::thread t1([&] { ner.recognize(a); });
  std::thread t2([&] { ner.recognize(b); });
  t1.join();
  t2.join();
  CHECK(mention_set(a) == s);
  CHECK(mention_set(b) == s);
}

TEST_CASE("the built-in recognizer on CoNLL-2003 dev (eng.testa)") {
  if (!has_builtin_model()) ERX_SKIP("the built-in bundle has no entity model");
  std::filesystem::path dev = erx::test::corpora_dir() / "conll2003" / "eng.testa";
  if (!std::filesystem::exists(dev)) ERX_SKIP("CoNLL-2003 dev not found at " + dev.string());
  erx::ner::ConllFile f = erx::ner::read_conll(dev.string());
  std::vector<erx::LabeledDocument> docs = f.documents();
  erx::EntityRecognizer ner = erx::EntityRecognizer::english({.patterns = false, .titles = false, .refine_types = false});
  std::vector<std::vector<std::string>> gold, guess;
  std::optional<erx::Tagger> tagger;
  if (erx::ModelBundle::english().has("tagger")) tagger = erx::Tagger::english();
  for (erx::LabeledDocument& d : docs) {
    // The model was trained with erx's own POS tags, not CoNLL's.
    for (erx::LabeledSentence& s : d.sentences)
      s.pos = tagger ? tag_words(*tagger, s.words) : std::vector<std::string>{};
    std::vector<std::vector<erx::Mention>> m = ner.recognize(d);
    for (std::size_t i = 0; i < d.sentences.size(); ++i) {
      std::vector<TagSpan> spans;
      for (const erx::Mention& x : m[i]) spans.push_back({x.first_token, x.end_token, x.type});
      gold.push_back(d.sentences[i].tags);
      guess.push_back(erx::ner::tags_from_spans(d.sentences[i].words.size(), spans, TagScheme::kIob2));
    }
  }
  erx::ner::ConllevalResult r = erx::ner::evaluate(gold, guess);
  INFO(r.report());
  CHECK(r.overall.gold == 5942);
  CHECK(r.overall.f1() > 90.0);  // a regression guard well below the model card's score
}

TEST_CASE("document consistency: name parts and common acronyms") {
  using erx::entities::ModelSpan;
  CHECK(erx::entities::is_common_acronym("AI"));
  CHECK(erx::entities::is_common_acronym("EVs"));
  CHECK(erx::entities::is_common_acronym("CEOs"));
  CHECK_FALSE(erx::entities::is_common_acronym("NATO"));
  CHECK_FALSE(erx::entities::is_common_acronym("US"));
  CHECK_FALSE(erx::entities::is_common_acronym("Ai"));
  CHECK_FALSE(erx::entities::is_common_acronym("A"));

  // Types: 0 = ORG, 1 = PER.
  const std::vector<std::string> text = split(
      "Emmanuel Macron met Xi Jinping . Macron said AI matters . Xi agreed , Will Smith said . "
      "Will they come , they will");
  erx::entities::NerInput in;
  for (const std::string& w : text) in.words.push_back(w);
  in.sentences = {{0, 6}, {6, 11}, {11, 18}, {18, 24}};
  std::vector<ModelSpan> spans = {{0, 2, 1, 0.9f}, {3, 5, 1, 0.9f}, {6, 7, 0, 0.6f}, {8, 9, 0, 0.7f}, {14, 16, 1, 0.9f}};
  erx::entities::make_consistent(spans, in, 1, nullptr);
  std::set<std::string> got;
  for (const ModelSpan& s : spans) {
    std::string words;
    for (std::uint32_t i = s.first; i < s.end; ++i) words += (words.empty() ? "" : " ") + text[i];
    got.insert(words + "|" + std::to_string(s.type));
  }
  // "Macron" typed ORG becomes a person; "AI" is dropped; the untagged "Xi" becomes a person;
  // the sentence-initial "Will" is also a lower-case word of the document and stays untagged.
  CHECK(got == std::set<std::string>{"Emmanuel Macron|1", "Xi Jinping|1", "Macron|1", "Xi|1", "Will Smith|1"});
  for (std::size_t i = 1; i < spans.size(); ++i) CHECK(spans[i - 1].end <= spans[i].first);

  // Without a person type only the acronyms go.
  std::vector<ModelSpan> only = {{0, 2, 1, 0.9f}, {6, 7, 0, 0.6f}, {8, 9, 0, 0.7f}};
  erx::entities::make_consistent(only, in, -1, nullptr);
  CHECK(only.size() == 2);

  // Addresses and file names are not names; an ordinary dotted name is.
  erx::entities::NerInput files;
  const std::vector<std::string> words = split("Send Report.DOC to Jane@Example.com or www.Acme.org via Acme Corp.");
  for (const std::string& w : words) files.words.push_back(w);
  files.sentences = {{0, static_cast<std::uint32_t>(words.size())}};
  std::vector<ModelSpan> named = {{1, 2, 0, 0.9f}, {3, 4, 1, 0.9f}, {5, 6, 0, 0.9f}, {7, 9, 0, 0.9f}};
  erx::entities::make_consistent(named, files, 1, nullptr);
  REQUIRE(named.size() == 1);
  CHECK(named[0].first == 7);
}

TEST_CASE("lower-case sentences: own shape features, stored with the model") {
  // Cased sentences plus lower-cased copies; the model must find names in both, and a saved and
  // reloaded model must compute the same features (the option is part of the model).
  std::vector<erx::LabeledDocument> train(2);
  const char* people[] = {"Anna Berg", "Carl Dunn", "Eva Fox", "Gus Hale", "Ida Jones", "Kurt Lamb"};
  const char* places[] = {"Paris", "Oslo", "Lima", "Quito", "Riga", "Sofia"};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 6; ++i) {
      erx::LabeledSentence s;
      s.words = split(std::string("Yesterday we met ") + people[i] + " in " + places[(i + k) % 6] + " and some Friends .");
      s.tags = split("O O O B-PER I-PER O B-LOC O O O O");
      train[0].sentences.push_back(s);
      for (std::string& w : s.words)
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      train[1].sentences.push_back(s);
    }
  erx::EntityTrainOptions options;
  options.max_epochs = 5;
  options.folds = 2;
  options.lower_sentences = true;
  erx::EntityRecognizer r = erx::EntityRecognizer::train(train, train, {}, options);
  erx::EntityRecognizer loaded =
      erx::EntityRecognizer::from_model(erx::ModelFile::from_memory(r.to_model().serialize(), "lower.erxm"));
  for (const char* text : {"yesterday we met zoe quist in bern and some friends .",
                           "Yesterday we met Zoe Quist in Bern and some Friends ."}) {
    erx::LabeledDocument test;
    test.sentences.resize(1);
    test.sentences[0].words = split(text);
    auto spans_of = [&](const erx::EntityRecognizer& x) {
      std::set<std::string> out;
      const std::vector<std::vector<erx::Mention>> found = x.with_options({.refine_types = false}).recognize(test);
      for (const erx::Mention& m : found.at(0))
        out.insert(std::to_string(m.first_token) + "-" + std::to_string(m.end_token) + m.type);
      return out;
    };
    INFO(text);
    const std::set<std::string> got = spans_of(r);
    CHECK(got.count("3-5PER"));
    CHECK(got.count("6-7LOC"));
    CHECK(spans_of(loaded) == got);
  }
}

TEST_CASE("mention fixes: hyphenated given names, titles before 'of', place compounds") {
  erx::entities::Gazetteer gazetteer(std::map<std::string, std::vector<std::string>>{
      {"GPE.countries", {"South Korea", "US", "China"}}, {"GPE.cities", {"Paris"}}});
  erx::entities::TypeRefiner refiner(&gazetteer);
  erx::Document doc = erx::Tokenizer().tokenize(
      "Professor Kang Jun-young met the CEO of Huawei and a Macron-led team on the South Korea-US alliance "
      "and the US-Acme deal.");
  auto index_of = [&](std::string_view word, std::uint32_t from = 0) {
    for (std::uint32_t i = from; i < doc.tokens().size(); ++i)
      if (doc.text(doc.tokens()[i]) == word) return i;
    FAIL("no token " << word);
    return std::uint32_t{0};
  };
  auto mention = [&](std::uint32_t first, std::uint32_t end, std::string type) {
    erx::Mention m;
    m.first_token = first;
    m.end_token = end;
    m.begin = doc.tokens()[first].begin;
    m.end = doc.tokens()[end - 1].end;
    m.type = std::move(type);
    return m;
  };
  // The tokenizer splits "Jun-young" and "Korea-US" at the hyphen.
  const std::uint32_t kang = index_of("Kang"), jun = index_of("Jun"), huawei = index_of("Huawei"),
                      macron = index_of("Macron"), south = index_of("South"), us = index_of("US"),
                      us2 = index_of("US", us + 1), acme = index_of("Acme");
  REQUIRE(doc.text(doc.tokens()[jun + 1]) == "-");
  REQUIRE(doc.text(doc.tokens()[us - 1]) == "-");
  std::vector<erx::Mention> ms = {mention(kang, jun + 1, "PERSON"), mention(huawei, huawei + 1, "PERSON"),
                                  mention(macron, macron + 1, "PERSON"), mention(south, us + 1, "MISC"),
                                  mention(us2, acme + 1, "MISC")};
  // A two-token person takes in "-young"; a one-token one before "-led" keeps its span.
  erx::entities::extend_hyphenated_names(doc, ms);
  CHECK(doc.text(ms[0]) == "Kang Jun-young");
  CHECK(doc.text(ms[2]) == "Macron");
  const std::vector<erx::Mention> titles = {mention(index_of("CEO"), index_of("CEO") + 1, "TITLE")};
  erx::entities::retype_after_title_of(doc, titles, refiner, ms);
  CHECK(ms[1].type == "ORG");
  CHECK(ms[0].type == "PERSON");
  erx::entities::split_place_compounds(doc, refiner, ms);
  std::vector<std::string> got;
  for (const erx::Mention& m : ms) got.push_back(std::string(doc.text(m)) + "|" + m.type);
  // "South Korea-US" becomes two places; "US-Acme" has a part that is no place and stays.
  CHECK(got == std::vector<std::string>{"Kang Jun-young|PERSON", "Huawei|ORG", "Macron|PERSON", "South Korea|GPE",
                                        "US|GPE", "US-Acme|MISC"});
}
