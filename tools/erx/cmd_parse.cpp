// erx parse [--input text|conllu] [--models DIR] [FILE]: CoNLL-U with tokens, tags and lemmas.
#include <iostream>
#include <optional>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/io.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_parse(const Args& args) {
  std::string input = "text";
  std::string models;
  std::string file;
  po::options_description visible(
      "usage: erx parse [--input text|conllu] [--models DIR] [FILE]\n\n"
      "Annotates FILE (or standard input) and writes CoNLL-U: one line per token with its lemma,\n"
      "UPOS and PTB tag (and head and relation once a parser model is present), and\n"
      "TokenRange=BEGIN:END byte offsets into the input text (plus SpaceAfter=No) in MISC.\n"
      "  --input text    raw UTF-8 text: erx tokenizes and splits sentences\n"
      "  --input conllu  CoNLL-U: its sentences and tokens are kept (multi-word token lines and\n"
      "                  empty nodes are dropped), every other layer is recomputed; byte offsets\n"
      "                  refer to the text rebuilt from the forms\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "input,i", po::value(&input)->default_value("text"), "input format: text or conllu")(
      "models,m", po::value(&models), "model bundle directory (default: the built-in English models)");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&file));
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (const auto stop = parse_options("erx parse", args, visible, all, positional, vm)) return *stop;
  if (input != "text" && input != "conllu") {
    std::cerr << "erx parse: unknown input format '" << input << "' (expected text or conllu)\n";
    return 2;
  }

  const ModelBundle bundle = models.empty() ? ModelBundle::english() : ModelBundle::load(models);
  std::optional<Tagger> tagger;
  if (bundle.has(Tagger::kStage)) tagger = Tagger::load(bundle.get(Tagger::kStage));

  Document doc;
  if (input == "text") {
    const Tokenizer tokenizer = bundle.has(Tokenizer::kStage) ? Tokenizer::load(bundle.get(Tokenizer::kStage))
                                                              : Tokenizer();
    doc = tokenizer.tokenize(read_input(file));
  } else {
    std::vector<conllu::Sentence> sentences;
    if (file.empty() || file == "-") {
      sentences = conllu::read(std::cin, "<stdin>");
    } else {
      sentences = conllu::read_file(file);
    }
    doc = conllu::to_document(sentences);
    // Keep the tokens; drop the layers the stages recompute.
    for (Token& t : doc.mutable_tokens()) {
      t.upos = Upos::kNone;
      t.xpos = t.lemma = t.deprel = StrRef{};
      t.head = -1;
    }
    doc.set_has_parse(false);
  }
  if (tagger) tagger->tag(doc);
  if (bundle.has("parser")) Parser(bundle.get("parser")).parse(doc);
  std::cout << conllu::write(doc);
  return 0;
}

}  // namespace erx::cli
