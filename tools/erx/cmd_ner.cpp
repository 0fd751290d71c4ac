// erx ner --input conll [options] FILE: labels a token-per-line file with entity tags.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/entities.hpp"
#include "erx/ner_common.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_ner(const Args& args) {
  std::string input = "conll", model, types = "auto", scheme_name = "auto", rules, pos = "tagger", file;
  bool keep_comments = false;
  po::options_description visible(
      "usage: erx ner --input conll [options] FILE\n\n"
      "Labels a token-per-line file (CoNLL-2003: WORD POS CHUNK TAG; or IOB2 columns such as\n"
      "UNER's INDEX WORD TAG ...) and prints every line with the predicted tag appended as the last\n"
      "column, in the file's own delimiter: the input of conlleval. Sentence breaks are kept;\n"
      "comment lines are dropped unless --keep-comments.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "input,i", po::value(&input)->default_value("conll"), "input format (conll)")(
      "model,m", po::value(&model), "entity model file (default: the built-in English model)")(
      "types,t", po::value(&types)->default_value("auto"),
      "type set of the output: conll (PER ORG LOC MISC), uner (PER ORG LOC), all (OntoNotes + TITLE), "
      "auto (from the file's gold tags)")(
      "scheme,s", po::value(&scheme_name)->default_value("auto"),
      "tag scheme of the output: iob1, iob2, bilou, iobes, auto (the gold column's, else iob2)")(
      "rules,r", po::value(&rules), "entity rule file to apply (see erx/entities.hpp)")(
      "pos", po::value(&pos)->default_value("tagger"),
      "POS tags the model sees: tagger (erx's tagger), file (the file's POS column), none")(
      "keep-comments", po::bool_switch(&keep_comments), "copy '#' comment lines to the output");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&file));
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (const auto stop = parse_options("erx ner", args, visible, all, positional, vm)) return *stop;
  if (input != "conll") {
    std::cerr << "erx ner: unknown input format '" << input << "' (expected conll)\n";
    return 2;
  }
  if (file.empty()) {
    std::cerr << "erx ner: no input FILE\n\n" << visible << '\n';
    return 2;
  }
  ner::ConllFile conll = ner::read_conll(file);
  std::string type_set = resolve_type_set(types, conll);
  ner::TagScheme scheme = ner::tag_scheme_from_string(scheme_name);
  if (scheme == ner::TagScheme::kAuto) {
    scheme = ner::TagScheme::kIob2;
    if (conll.tag_column >= 0) {
      std::vector<std::string> gold;
      for (const ner::ConllSentence& s : conll.sentences)
        for (const ner::ConllLine& l : s.lines)
          if (!l.doc_start) gold.push_back(l.fields[static_cast<std::size_t>(conll.tag_column)]);
      scheme = ner::detect_scheme(gold);
    }
  }
  EntityRecognizer recognizer = conll_recognizer(model, type_set, rules);
  std::vector<std::vector<std::string>> tags = predict_tags(recognizer, conll, type_set, scheme, pos);
  std::string out;
  const char delimiter = conll.delimiter;
  for (std::size_t si = 0; si < conll.sentences.size(); ++si) {
    const ner::ConllSentence& s = conll.sentences[si];
    if (keep_comments)
      for (const std::string& c : s.comments) out += c + '\n';
    for (std::size_t li = 0; li < s.lines.size(); ++li) {
      out += s.lines[li].text;
      out += delimiter;
      out += tags[si][li];
      out += '\n';
    }
    out += '\n';
  }
  std::cout << out;
  return 0;
}

}  // namespace erx::cli
