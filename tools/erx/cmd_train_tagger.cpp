// erx train tagger --train FILE... [--dev FILE...] --out FILE: trains the part-of-speech tagger and
// lemmatizer from CoNLL-U files.
#include <chrono>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/tagger.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

std::vector<Document> read_documents(const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  for (const std::string& p : paths) {
    const std::vector<conllu::Sentence> sentences = conllu::read_file(p);
    docs.push_back(conllu::to_document(sentences));
    docs.back().set_id(p);
  }
  return docs;
}

}  // namespace

int run_train_tagger(const Args& args) {
  std::vector<std::string> train_paths, dev_paths;
  std::string out;
  TaggerTrainingOptions options;
  po::options_description visible(
      "usage: erx train tagger --train FILE.conllu... [--dev FILE.conllu...] --out tagger.erxm\n\n"
      "Trains the UPOS/XPOS tagger (averaged perceptron) and the lemmatizer on the UPOS, XPOS and\n"
      "LEMMA columns of the training files, keeping the epoch with the best dev UPOS accuracy.\n"
      "Single-threaded and deterministic for a given --seed.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "train,t", po::value(&train_paths)->multitoken(), "training CoNLL-U file(s)")(
      "dev,d", po::value(&dev_paths)->multitoken(), "development CoNLL-U file(s) for early stopping")(
      "out,o", po::value(&out), "output model file (tagger.erxm)")(
      "epochs", po::value(&options.max_epochs)->default_value(options.max_epochs), "maximum number of epochs")(
      "patience", po::value(&options.patience)->default_value(options.patience),
      "stop after this many epochs without a better dev score")(
      "seed", po::value(&options.seed)->default_value(options.seed), "shuffling seed")(
      "prune", po::value(&options.prune_threshold)->default_value(options.prune_threshold),
      "drop averaged weights with |w| <= this")(
      "ambiguity-min-count", po::value(&options.ambiguity_min_count)->default_value(options.ambiguity_min_count),
      "words seen this often in training get an ambiguity class")(
      "clusters", po::value(&options.clusters),
      "Brown clusters file (bits<TAB>word<TAB>count) whose path prefixes become features; stored in the model");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train tagger", args, visible, vm)) return *stop;
  if (train_paths.empty() || out.empty()) {
    std::cerr << "erx train tagger: --train and --out are required\n\n" << visible << '\n';
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Document> train = read_documents(train_paths);
  const std::vector<Document> dev = read_documents(dev_paths);
  std::size_t train_tokens = 0, dev_tokens = 0;
  for (const Document& d : train) train_tokens += d.tokens().size();
  for (const Document& d : dev) dev_tokens += d.tokens().size();
  std::cerr << fmt::format("train: {} files, {} tokens; dev: {} files, {} tokens\n", train.size(), train_tokens,
                           dev.size(), dev_tokens);
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  const Tagger tagger = Tagger::train(train, dev, options);
  tagger.model().save(out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("wrote {} ({} bytes) in {:.1f} s\n", out, tagger.model().file_size(), seconds);
  return 0;
}

}  // namespace erx::cli
