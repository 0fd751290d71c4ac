// erx eval tagger --gold FILE.conllu [--model tagger.erxm]: UPOS, XPOS and lemma accuracy on the
// gold tokens, and on raw text through erx's tokenizer (CoNLL 2018 alignment).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/model.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"
#include "eval/segmentation_score.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_eval_tagger(const Args& args) {
  std::string gold_path, model_path;
  int errors = 0;
  po::options_description visible(
      "usage: erx eval tagger --gold FILE.conllu [--model tagger.erxm]\n\n"
      "Prints UPOS, XPOS and lemma scores in two settings:\n"
      "  gold tokens  the tagger tags the gold words of FILE; accuracy over all words\n"
      "  raw text     the text rebuilt from the '# text' lines goes through erx's tokenizer and\n"
      "               the tagger; system words are aligned to gold words as the CoNLL 2018 shared\n"
      "               task evaluation does; F1 of aligned words with the right value (precision\n"
      "               over system words, recall over gold words)\n"
      "Every word counts, punctuation included.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "gold,g", po::value(&gold_path), "gold CoNLL-U file")(
      "model,m", po::value(&model_path), "tagger model file (default: the built-in English tagger)")(
      "errors", po::value(&errors)->default_value(0), "also print the N most frequent tagging errors");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval tagger", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval tagger: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  const Tagger tagger = model_path.empty() ? Tagger::english() : Tagger::load(ModelFile::load(model_path, Tagger::kStage));
  const std::vector<conllu::Sentence> gold_sentences = conllu::read_file(gold_path);
  const Document gold = conllu::to_document(gold_sentences);

  Document doc = gold;
  const auto start = std::chrono::steady_clock::now();
  tagger.tag(doc);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t n = 0, upos = 0, xpos = 0, lemma = 0, all = 0;
  std::map<std::string, std::size_t> confusions;
  for (std::size_t i = 0; i < gold.tokens().size(); ++i) {
    const Token& g = gold.tokens()[i];
    const Token& p = doc.tokens()[i];
    ++n;
    const bool u = g.upos == p.upos, x = gold.xpos(g) == doc.xpos(p), l = gold.lemma(g) == doc.lemma(p);
    upos += u;
    xpos += x;
    lemma += l;
    all += u && x;
    if (errors > 0 && !u)
      ++confusions[fmt::format("UPOS {} -> {}", to_string(g.upos), to_string(p.upos))];
    if (errors > 0 && !l)
      ++confusions[fmt::format("lemma {}/{}: {} -> {}", gold.text(g), gold.xpos(g), gold.lemma(g), doc.lemma(p))];
  }
  auto pct = [&](std::size_t k) { return n ? 100.0 * static_cast<double>(k) / static_cast<double>(n) : 0.0; };
  std::cout << fmt::format("gold: {} ({} sentences, {} words); model: {}; tagged in {:.3f} s\n\n", gold_path,
                           gold_sentences.size(), n, tagger.model().name(), seconds);
  std::cout << fmt::format("gold tokens   UPOS {:.2f}  XPOS {:.2f}  UPOS+XPOS {:.2f}  lemma {:.2f}\n", pct(upos),
                           pct(xpos), pct(all), pct(lemma));

  // Raw text through the tokenizer, CoNLL 2018 alignment.
  {
    const std::string text = conllu::raw_text(gold_sentences);
    Document system = Tokenizer().tokenize(text);
    tagger.tag(system);
    const eval::Segmentation g = eval::from_conllu(gold_sentences);
    const eval::Segmentation sy = eval::from_document(system);
    const eval::SegmentationScores seg = eval::score(g, sy);  // throws if the texts differ
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    eval::detail::words_aligned(g.words, sy.words, &pairs);
    std::size_t ru = 0, rx = 0, rl = 0;
    for (const auto& [gi, si] : pairs) {
      const Token& gt = gold.tokens()[gi];
      const Token& st = system.tokens()[si];
      ru += gt.upos == st.upos;
      rx += gold.xpos(gt) == system.xpos(st);
      rl += gold.lemma(gt) == system.lemma(st);
    }
    const std::size_t gw = gold.tokens().size(), sw = system.tokens().size();
    auto f1 = [&](std::size_t c) { return gw + sw ? 200.0 * double(c) / double(gw + sw) : 0.0; };
    std::cout << fmt::format("raw text      UPOS {:.2f}  XPOS {:.2f}  lemma {:.2f}  (F1; words F1 {:.2f}, {} gold, {} system, {} aligned)\n",
                             f1(ru), f1(rx), f1(rl), 100.0 * seg.words.f1(), gw, sw, pairs.size());
  }

  if (errors > 0) {
    std::vector<std::pair<std::size_t, std::string>> sorted;
    for (const auto& [k, c] : confusions) sorted.emplace_back(c, k);
    std::sort(sorted.rbegin(), sorted.rend());
    std::cout << "\nmost frequent errors:\n";
    for (std::size_t i = 0; i < sorted.size() && i < static_cast<std::size_t>(errors); ++i)
      std::cout << fmt::format("{:6}  {}\n", sorted[i].first, sorted[i].second);
  }
  return 0;
}

}  // namespace erx::cli
