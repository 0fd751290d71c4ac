// erx train tokenizer --train FILE.conllu --out tokenizer.erxm: trains the sentence-boundary model.
#include <chrono>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/tokenizer.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_train_tokenizer(const Args& args) {
  std::vector<std::string> train_paths;
  std::string heldout_path, out;
  int heldout_every = 10;
  TokenizerTrainingOptions options;
  po::options_description visible(
      "usage: erx train tokenizer --train FILE.conllu... --out tokenizer.erxm\n\n"
      "Trains the sentence-boundary model (averaged perceptron over the rules' decisions and the\n"
      "neighbouring tokens) on the raw text of the training files, rebuilt from their '# text'\n"
      "lines. Early stopping uses sentence F1 on held-out data: every --heldout-every'th training\n"
      "document (default), or --heldout FILE. Deterministic for a given --seed.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "train,t", po::value(&train_paths)->multitoken(), "training CoNLL-U file(s)")(
      "heldout", po::value(&heldout_path), "held-out CoNLL-U file for early stopping")(
      "heldout-every", po::value(&heldout_every)->default_value(heldout_every),
      "without --heldout: hold out every N'th training document (0: none)")(
      "out,o", po::value(&out), "output model file (tokenizer.erxm)")(
      "epochs", po::value(&options.max_epochs)->default_value(options.max_epochs), "maximum number of epochs")(
      "patience", po::value(&options.patience)->default_value(options.patience),
      "stop after this many epochs without a better held-out score")(
      "seed", po::value(&options.seed)->default_value(options.seed), "shuffling seed")(
      "prune", po::value(&options.prune_threshold)->default_value(options.prune_threshold),
      "drop averaged weights with |w| <= this");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train tokenizer", args, visible, vm)) return *stop;
  if (train_paths.empty() || out.empty()) {
    std::cerr << "erx train tokenizer: --train and --out are required\n\n" << visible << '\n';
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<conllu::Sentence> train;
  for (const std::string& p : train_paths) {
    std::vector<conllu::Sentence> s = conllu::read_file(p);
    if (!s.empty() && !s.front().has_comment("newdoc")) s.front().comments.push_back("newdoc");
    train.insert(train.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  std::vector<conllu::Sentence> heldout;
  if (!heldout_path.empty()) {
    heldout = conllu::read_file(heldout_path);
  } else if (heldout_every > 0) {
    // Documents start at "newdoc" comments; every heldout_every'th one (the 1st, 11th, ...) is held
    // out, so the held-out part has every genre of the training files.
    std::vector<conllu::Sentence> kept;
    long document = -1;
    for (conllu::Sentence& s : train) {
      if (s.has_comment("newdoc") || document < 0) ++document;
      (document % heldout_every == 0 ? heldout : kept).push_back(std::move(s));
    }
    train = std::move(kept);
  }
  std::cerr << fmt::format("train: {} sentences; held out: {} sentences\n", train.size(), heldout.size());
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  const ModelFile model = Tokenizer::train(train, heldout, options);
  model.save(out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("wrote {} ({} bytes) in {:.1f} s\n", out, model.file_size(), seconds);
  return 0;
}

}  // namespace erx::cli
