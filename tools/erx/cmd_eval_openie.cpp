// erx eval openie --gold FILE [--sentences FILE] [--predicted FILE]: the CaRB open-IE benchmark's
// scores (src/eval/carb_score.hpp) of erx's open mode, or of a tuple file in CaRB's tabbed format.
#include <chrono>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/error.hpp"
#include "erx/io.hpp"
#include "erx/pipeline.hpp"
#include "eval/carb_score.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  if (!file || !file.write(text.data(), static_cast<std::streamsize>(text.size())))
    throw Error(ErrorCode::kIo, path + ": cannot write");
}

}  // namespace

int run_eval_openie(const Args& args) {
  std::string gold_path, sentences_path, predicted_path, curve_path, output_path;
  po::options_description visible(
      "usage: erx eval openie --gold FILE [--sentences FILE | --predicted FILE]\n\n"
      "Scores open-IE tuples against CaRB gold tuples (sentence<TAB>relation<TAB>arg1<TAB>arg2...)\n"
      "as the CaRB benchmark's scorer does with its default match: token overlap of relation and\n"
      "arguments, per-sentence precision (one-to-one) and recall (best match per gold tuple), the\n"
      "precision-recall curve over the confidence thresholds, its best F1 and its AUC.\n"
      "Without --predicted, erx runs its open mode on each sentence (one per line of --sentences,\n"
      "or the gold file's sentences) and scores its own tuples.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "gold,g", po::value(&gold_path), "CaRB gold tuples (e.g. carb/gold/dev.tsv)")(
      "sentences,s", po::value(&sentences_path), "input sentences, one per line (e.g. carb/dev.txt)")(
      "predicted,p", po::value(&predicted_path),
      "score this file of tuples in CaRB's tabbed format (sentence<TAB>confidence<TAB>relation<TAB>args...) instead of running erx")(
      "output,o", po::value(&output_path), "write erx's tuples in CaRB's tabbed format to this file")(
      "curve", po::value(&curve_path), "write the precision-recall curve (precision<TAB>recall<TAB>confidence) to this file");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval openie", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval openie: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  if (!predicted_path.empty() && (!sentences_path.empty() || !output_path.empty())) {
    std::cerr << "erx eval openie: --predicted scores a file; --sentences and --output run erx\n";
    return 2;
  }

  const eval::OpenTupleSet gold = eval::read_carb_gold(read_input(gold_path), gold_path);
  eval::OpenTupleSet system;
  std::string source;
  if (!predicted_path.empty()) {
    system = eval::read_carb_tabbed(read_input(predicted_path), predicted_path);
    source = predicted_path;
  } else {
    std::vector<std::string> sentences;
    if (sentences_path.empty()) {
      for (const eval::OpenSentence& s : gold.sentences()) sentences.push_back(s.text);
    } else {
      const std::string text = read_input(sentences_path);
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        const std::string_view line = eval::carb_detail::strip(std::string_view(text).substr(start, nl - start));
        if (!line.empty()) sentences.emplace_back(line);
        start = nl + 1;
      }
    }
    PipelineOptions options;
    options.relations.open = true;
    options.tokenizer.split_sentences = false;  // one input line is one sentence
    const Pipeline pipeline = Pipeline::english(options);
    const auto begin = std::chrono::steady_clock::now();
    std::string tabbed;
    for (const std::string& sentence : sentences) {
      const Document doc = pipeline.run(sentence);
      eval::add_document_tuples(doc, sentence, system);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (!output_path.empty()) {
      for (const eval::OpenSentence& s : system.sentences())
        for (const eval::OpenTuple& t : s.tuples) tabbed += eval::carb_tabbed_line(s.text, t);
      write_file(output_path, tabbed);
    }
    source = fmt::format("erx open mode on {} sentences ({:.2f} s)", sentences.size(), seconds);
  }

  const eval::CarbResult r = eval::carb_score(gold, system);
  if (!curve_path.empty()) {
    std::vector<eval::CarbPoint> points = r.curve;
    std::stable_sort(points.begin(), points.end(),
                     [](const eval::CarbPoint& a, const eval::CarbPoint& b) { return a.recall < b.recall; });
    std::string out = "Precision\tRecall\tConfidence\n";
    for (const eval::CarbPoint& p : points)
      out += fmt::format("{}\t{}\t{}\n", p.precision, p.recall, p.confidence);
    write_file(curve_path, out);
  }
  std::string out = fmt::format("gold: {} ({} sentences, {} tuples)\n", gold_path, r.gold_sentences, r.gold_tuples);
  out += fmt::format("system: {} ({} tuples in gold sentences", source, r.system_tuples);
  if (r.unmatched_sentences > 0) out += fmt::format("; {} sentences without gold, not scored", r.unmatched_sentences);
  out += ")\n\n";
  out += fmt::format("CaRB (lenient tuple match)  AUC {:.3f}   best F1 {:.3f}  (P {:.3f}, R {:.3f} at confidence >= {:.4f})\n",
                     r.auc, r.best.f1, r.best.precision, r.best.recall, r.best.confidence);
  if (!r.curve.empty())
    out += fmt::format("all tuples (lowest threshold): P {:.3f}, R {:.3f}, F1 {:.3f}\n", r.curve.front().precision,
                       r.curve.front().recall, r.curve.front().f1);
  std::cout << out;
  return 0;
}

}  // namespace erx::cli
