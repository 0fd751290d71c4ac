// erx train ner --train FILE [--dev FILE] [options]: trains the entity model.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/entities.hpp"
#include "erx/model.hpp"
#include "erx/ner_common.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_train_ner(const Args& args) {
  std::vector<std::string> train_paths;
  std::vector<std::string> gazetteers;
  std::string dev_path, clusters, output = "entities.erxm", pos = "tagger";
  EntityTrainOptions options;
  bool one_pass = false;
  double lowercase_copies = 0.0;
  po::options_description visible(
      "usage: erx train ner --train FILE [--dev FILE] [options]\n\n"
      "Trains the entity recognizer (BILOU averaged structured perceptron, Viterbi, two passes) on\n"
      "token-per-line files with entity tags (CoNLL-2003 or IOB2 columns; IOB1, IOB2, BILOU or\n"
      "IOBES). The dev file drives early stopping. Training is single-threaded and deterministic\n"
      "for a given --seed. The shipped English model was trained with:\n"
      "  python3 scripts/gum_entities_to_conll.py ../shared/corpora/gum/train > gum-train.conll\n"
      "  erx train ner --train eng.train gum-train.conll --dev eng.testa \\\n"
      "      --gazetteers models/en/gazetteers --clusters models/en/clusters.general.txt \\\n"
      "      --lowercase-copies 1.0 --lower-sentences --epochs 15 --out models/en/entities.erxm\n"
      "(see models/en/MODEL_CARD.md for the exact commands and the scores).\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "train", po::value(&train_paths)->multitoken(), "training file(s)")(
      "dev", po::value(&dev_path), "development file (early stopping)")(
      "gazetteers", po::value(&gazetteers)->multitoken(),
      "directories of gazetteer lists (*.txt, one name per line; a list's name is its file name)")(
      "clusters", po::value(&clusters), "word clusters file (bits<TAB>word[<TAB>count])")(
      "out,o", po::value(&output)->default_value("entities.erxm"), "model file to write")(
      "pos", po::value(&pos)->default_value("tagger"), "POS tags for features: tagger (erx's), file, none")(
      "epochs", po::value(&options.max_epochs)->default_value(30), "maximum epochs per pass")(
      "patience", po::value(&options.patience)->default_value(4), "early stopping patience (epochs)")(
      "seed", po::value(&options.seed)->default_value(1), "shuffling seed")(
      "folds", po::value(&options.folds)->default_value(5), "jackknife folds for the second pass")(
      "prune", po::value(&options.prune_threshold)->default_value(0.0f), "drop averaged weights with |w| <= this")(
      "one-pass", po::bool_switch(&one_pass), "train only the first (local) pass")(
      "lowercase-copies", po::value(&lowercase_copies)->default_value(0.0),
      "also train on lower-cased copies of this fraction (0..1) of the training documents, re-tagged "
      "for POS (robustness to lower-case text)")(
      "lower-sentences", po::bool_switch(&options.lower_sentences),
      "separate shape features for sentences without capitals (use with --lowercase-copies)");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train ner", args, visible, vm)) return *stop;
  if (train_paths.empty()) {
    std::cerr << "erx train ner: --train FILE is required\n\n" << visible << '\n';
    return 2;
  }
  options.two_pass = !one_pass;
  options.use_pos = pos != "none";
  options.log = &std::cerr;
  std::vector<LabeledDocument> train, dev;
  for (const std::string& p : train_paths) {
    std::vector<LabeledDocument> docs = ner::read_conll(p).documents();
    train.insert(train.end(), docs.begin(), docs.end());
  }
  if (lowercase_copies < 0.0 || lowercase_copies > 1.0) {
    std::cerr << "erx train ner: --lowercase-copies must be between 0 and 1\n";
    return 2;
  }
  if (std::size_t added = add_lowercase_copies(train, lowercase_copies); added > 0)
    std::cerr << "lower-cased copies of " << added << " training documents added\n";
  if (!dev_path.empty()) dev = ner::read_conll(dev_path).documents();
  apply_pos(train, pos);
  apply_pos(dev, pos);
  EntityResources resources;
  for (const std::string& dir : gazetteers) resources.load_gazetteers(dir);
  if (!clusters.empty()) resources.load_clusters(clusters);
  EntityRecognizer model = EntityRecognizer::train(train, dev, resources, options);
  ModelFile file = model.to_model();
  file.save(output);
  std::cerr << "wrote " << output << " (" << file.file_size() << " bytes)\n";
  return 0;
}

}  // namespace erx::cli
