// erx eval tokenize --gold FILE.conllu: tokenizer and sentence splitter scores.
#include <chrono>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/tokenizer.hpp"
#include "eval/segmentation_score.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_eval_tokenize(const Args& args) {
  std::string gold_path;
  std::string dump_path;
  std::string model_path;
  bool rules_only = false;
  po::options_description visible(
      "usage: erx eval tokenize --gold FILE.conllu\n\n"
      "Rebuilds the raw text of FILE from its '# text' lines (a space between sentences, a blank\n"
      "line between paragraphs and documents), tokenizes it, aligns system and gold on the text\n"
      "without white space and prints token, word and sentence precision, recall and F1 as the\n"
      "CoNLL 2018 shared task evaluation defines them.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "gold,g", po::value(&gold_path), "gold CoNLL-U file")(
      "model,m", po::value(&model_path), "sentence model file (default: the built-in model)")(
      "rules-only", po::bool_switch(&rules_only), "split sentences by the rules alone, without a model")(
      "dump", po::value(&dump_path), "also write the system sentences, one per line (tokens separated by a space, or by U+00A0 inside a multi-word token), to this file");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval tokenize", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval tokenize: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }

  const std::vector<conllu::Sentence> gold = conllu::read_file(gold_path);
  const std::string text = conllu::raw_text(gold);
  const Tokenizer tokenizer = rules_only ? Tokenizer::rules_only()
                              : model_path.empty() ? Tokenizer()
                                                   : Tokenizer::load(ModelFile::load(model_path, Tokenizer::kStage));
  const auto start = std::chrono::steady_clock::now();
  const Document doc = tokenizer.tokenize(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const eval::SegmentationScores s = eval::score(eval::from_conllu(gold), eval::from_document(doc));

  if (!dump_path.empty()) {
    std::string out;
    for (const Sentence& sentence : doc.sentences()) {
      for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
        if (i != sentence.first_token) out += doc.tokens()[i - 1].fused_with_next ? "\u00A0" : " ";
        out += doc.text(doc.tokens()[i]);
      }
      out += '\n';
    }
    std::ofstream file(dump_path, std::ios::binary);
    if (!file || !file.write(out.data(), static_cast<std::streamsize>(out.size())))
      throw Error(ErrorCode::kIo, dump_path + ": cannot write");
  }

  std::string out = fmt::format("gold: {} ({} sentences, {} bytes of raw text); tokenized in {:.3f} s\n",
                                gold_path, gold.size(), text.size(), seconds);
  out += fmt::format("sentence model: {}\n\n", tokenizer.model() ? tokenizer.model()->name() : "none (rules only)");
  out += fmt::format("{:<10} {:>9} {:>9} {:>9} {:>8} {:>8} {:>8}\n", "metric", "gold", "system",
                     "correct", "P", "R", "F1");
  auto row = [&](const char* name, const eval::Score& sc) {
    out += fmt::format("{:<10} {:>9} {:>9} {:>9} {:>8.2f} {:>8.2f} {:>8.2f}\n", name, sc.gold, sc.system,
                       sc.correct, 100 * sc.precision(), 100 * sc.recall(), 100 * sc.f1());
  };
  row("Tokens", s.tokens);
  row("Sentences", s.sentences);
  row("Words", s.words);
  std::cout << out;
  return 0;
}

}  // namespace erx::cli
