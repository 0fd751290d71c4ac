// erx eval parser --gold FILE.conllu: UAS and LAS of the dependency parser in three settings.
#include <chrono>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"
#include "eval/segmentation_score.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

// Attachment scores from raw text: system words aligned to gold words as the CoNLL 2018 script
// does; a system word is correct when it is aligned, its head is aligned to the gold head (or
// both are the root) and (for LAS) the relations match. Precision over system words, recall
// over gold words, F1 between.
struct AlignedScores {
  std::size_t gold = 0, system = 0, aligned = 0, uas = 0, las = 0, las_universal = 0;
  static double f1(std::size_t correct, std::size_t gold, std::size_t system) {
    return gold + system ? 200.0 * double(correct) / double(gold + system) : 0.0;
  }
};

AlignedScores score_aligned(const std::vector<conllu::Sentence>& gold_sentences, const Document& gold,
                            const Document& system) {
  const eval::Segmentation g = eval::from_conllu(gold_sentences);
  const eval::Segmentation s = eval::from_document(system);
  (void)eval::score(g, s);  // throws with a clear message when the texts differ
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  eval::detail::words_aligned(g.words, s.words, &pairs);
  AlignedScores out;
  out.gold = gold.tokens().size();
  out.system = system.tokens().size();
  out.aligned = pairs.size();
  std::vector<std::int64_t> sys_to_gold(system.tokens().size(), -2);
  for (const auto& [gi, si] : pairs) sys_to_gold[si] = static_cast<std::int64_t>(gi);
  const auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
  for (const auto& [gi, si] : pairs) {
    const Token& gt = gold.tokens()[gi];
    const Token& st = system.tokens()[si];
    const std::int64_t mapped = st.head < 0 ? -1 : sys_to_gold[static_cast<std::size_t>(st.head)];
    if (mapped != gt.head) continue;
    ++out.uas;
    out.las += gold.deprel(gt) == system.deprel(st);
    out.las_universal += universal(gold.deprel(gt)) == universal(system.deprel(st));
  }
  return out;
}

}  // namespace

int run_eval_parser(const Args& args) {
  std::string gold_path, model_path, tagger_path;
  po::options_description visible(
      "usage: erx eval parser --gold FILE.conllu [--model parser.erxm] [--tagger tagger.erxm]\n\n"
      "Prints UAS and LAS (full relations with subtypes, and universal relations as the CoNLL 2018\n"
      "shared task counts them) in three settings: gold tokens with gold tags; gold tokens with\n"
      "the tagger's tags; raw text (rebuilt from the '# text' lines) through the tokenizer, the\n"
      "tagger and the parser, aligned to the gold words as the CoNLL 2018 evaluation does (F1).\n"
      "Every token counts, punctuation included.\n\noptions");
  visible.add_options()("help,h", "show this help")("gold,g", po::value(&gold_path), "gold CoNLL-U file")(
      "model,m", po::value(&model_path), "parser model (default: the built-in one)")(
      "tagger", po::value(&tagger_path), "tagger model (default: the built-in one)");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval parser", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval parser: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  const Parser parser = model_path.empty() ? Parser::english() : Parser::load(model_path);
  const Tagger tagger =
      tagger_path.empty() ? Tagger::english() : Tagger::load(ModelFile::load(tagger_path, Tagger::kStage));
  const std::vector<conllu::Sentence> sentences = conllu::read_file(gold_path);
  const Document gold = conllu::to_document(sentences);

  const auto report = [](std::string_view setting, const AttachmentScores& s, double seconds) {
    std::cout << fmt::format("{:<28} UAS {:6.2f}  LAS {:6.2f}  LAS(universal) {:6.2f}  ({} words, {:.0f} words/s)\n",
                             setting, s.uas(), s.las(), s.las_universal(), s.tokens,
                             seconds > 0 ? double(s.tokens) / seconds : 0.0);
  };
  using Clock = std::chrono::steady_clock;
  {
    Document doc = gold;
    const auto t0 = Clock::now();
    parser.parse(doc);
    report("gold tokens, gold tags", score_parse(gold, doc), std::chrono::duration<double>(Clock::now() - t0).count());
  }
  {
    Document doc = gold;
    tagger.tag(doc);
    const auto t0 = Clock::now();
    parser.parse(doc);
    report("gold tokens, predicted tags", score_parse(gold, doc),
           std::chrono::duration<double>(Clock::now() - t0).count());
  }
  {
    Document doc = Tokenizer().tokenize(conllu::raw_text(sentences));
    tagger.tag(doc);
    parser.parse(doc);
    const AlignedScores s = score_aligned(sentences, gold, doc);
    std::cout << fmt::format(
        "{:<28} UAS {:6.2f}  LAS {:6.2f}  LAS(universal) {:6.2f}  (F1; words: {} gold, {} system, {} aligned)\n",
        "raw text (full pipeline)", AlignedScores::f1(s.uas, s.gold, s.system), AlignedScores::f1(s.las, s.gold, s.system),
        AlignedScores::f1(s.las_universal, s.gold, s.system), s.gold, s.system, s.aligned);
  }
  return 0;
}

}  // namespace erx::cli
