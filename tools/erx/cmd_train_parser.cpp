// erx train parser --train FILE... --dev FILE --out parser.erxm: trains the dependency parser from
// CoNLL-U treebanks.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/tagger.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

// CoNLL-U files named on the command line; a directory stands for its *.conllu files (sorted, so
// the order and hence the model do not depend on the file system).
std::vector<std::string> expand(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (!std::filesystem::is_directory(p)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(p))
      if (entry.path().extension() == ".conllu") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

std::vector<Document> read_documents(const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  for (const std::string& p : paths) {
    docs.push_back(conllu::to_document(conllu::read_file(p)));
    docs.back().set_id(p);
  }
  return docs;
}

}  // namespace

int run_train_parser(const Args& args) {
  std::vector<std::string> train_args, dev_args;
  std::string out, tags = "gold", tagger_path;
  ParserTrainOptions options;
  po::options_description visible(
      "usage: erx train parser --train FILE|DIR... --dev FILE... --out parser.erxm [options]\n\n"
      "Trains the transition-based dependency parser (arc-hybrid, averaged perceptron, dynamic\n"
      "oracle with error exploration) on the HEAD and DEPREL columns of the training files and\n"
      "keeps the epoch with the best dev LAS. A directory stands for its *.conllu files.\n"
      "Single-threaded and deterministic for a given --seed.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "train,t", po::value(&train_args)->multitoken(), "training CoNLL-U files or directories")(
      "dev,d", po::value(&dev_args)->multitoken(), "development CoNLL-U file(s) for early stopping")(
      "out,o", po::value(&out), "output model file (parser.erxm)")(
      "tags", po::value(&tags)->default_value(tags),
      "tags the parser learns from: 'predicted' (train and dev tagged by the tagger, as at run "
      "time) or 'gold' (the files' UPOS, XPOS and LEMMA)")(
      "tagger", po::value(&tagger_path), "tagger model for --tags predicted (default: the built-in one)")(
      "epochs", po::value(&options.max_epochs)->default_value(options.max_epochs), "maximum number of epochs")(
      "patience", po::value(&options.patience)->default_value(options.patience),
      "stop after this many epochs without a better dev LAS")(
      "seed", po::value(&options.seed)->default_value(options.seed), "shuffling and exploration seed")(
      "explore-after", po::value(&options.explore_after)->default_value(options.explore_after),
      "epochs before error exploration starts")(
      "explore", po::value(&options.explore_probability)->default_value(options.explore_probability),
      "probability of following the model's own wrong transition while exploring")(
      "min-count", po::value(&options.min_feature_count)->default_value(options.min_feature_count),
      "minimum count of a feature on the oracle path to be learned")(
      "min-lift", po::value(&options.min_lift_count)->default_value(options.min_lift_count),
      "minimum count of a pseudo-projective lifted label")(
      "prune", po::value(&options.prune_threshold)->default_value(options.prune_threshold),
      "drop averaged weights with |w| <= this");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train parser", args, visible, vm)) return *stop;
  if (train_args.empty() || out.empty()) {
    std::cerr << "erx train parser: --train and --out are required\n\n" << visible << '\n';
    return 2;
  }
  if (tags != "predicted" && tags != "gold") {
    std::cerr << "erx train parser: --tags must be 'predicted' or 'gold'\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<Document> train = read_documents(expand(train_args));
  std::vector<Document> dev = read_documents(expand(dev_args));
  std::size_t train_tokens = 0, dev_tokens = 0;
  for (const Document& d : train) train_tokens += d.tokens().size();
  for (const Document& d : dev) dev_tokens += d.tokens().size();
  std::cerr << fmt::format("train: {} files, {} words; dev: {} files, {} words; tags: {}\n", train.size(),
                           train_tokens, dev.size(), dev_tokens, tags);
  if (tags == "predicted") {
    // Retag in place: the gold heads and relations stay, the tags become the tagger's.
    const Tagger tagger =
        tagger_path.empty() ? Tagger::english() : Tagger::load(ModelFile::load(tagger_path, Tagger::kStage));
    for (Document& d : train) tagger.tag(d);
    for (Document& d : dev) tagger.tag(d);
  }
  options.log = &std::cerr;
  const Parser parser = Parser::train(train, dev, options);
  const ModelFile file = parser.to_model_file();
  file.save(out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("wrote {} ({} bytes) in {:.1f} s\n", out, file.file_size(), seconds);
  return 0;
}

}  // namespace erx::cli
