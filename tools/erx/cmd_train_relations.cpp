// erx train relations --train FILE --dev FILE --out MODEL: trains the relation classifier.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/model.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/relation_common.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_train_relations(const Args& args) {
  std::vector<std::string> train_paths;
  std::string dev_path, output = "relations.erxm";
  RelationTrainOptions options;
  po::options_description visible(
      "usage: erx train relations --train FILE [--dev FILE] [--out MODEL] [options]\n\n"
      "Trains the relation classifier (averaged perceptrons, --ensemble of them, over pairs of\n"
      "entity mentions in a sentence) on CoNLL04-style JSON files: one object per sentence\n"
      "with \"tokens\", \"entities\" ([start, end, type], end exclusive) and \"relations\"\n"
      "([head start, head end, tail start, tail end, type]). Any schema works: the types are\n"
      "read from the data (re3d via scripts/re3d_to_conll04.py). The sentences are tagged and\n"
      "parsed with erx's built-in tagger and parser; the gold entities are the mentions. For\n"
      "each of the --ensemble perceptrons, the dev file's relation F1 (gold entities) picks\n"
      "the epoch and stops training. Single-threaded, deterministic per --seed.\n"
      "The CoNLL04 model of models/conll04/ was trained with (see its MODEL_CARD.md):\n"
      "  erx train relations --train ../shared/corpora/conll04/train.CoNLL04.json \\\n"
      "      --dev ../shared/corpora/conll04/valid.CoNLL04.json --out models/conll04/relations.erxm\n\n"
      "options");
  visible.add_options()("help,h", "show this help")(
      "train", po::value(&train_paths)->multitoken(), "training file(s), CoNLL04-style JSON")(
      "dev", po::value(&dev_path), "development file (epoch choice, early stopping)")(
      "out,o", po::value(&output)->default_value("relations.erxm"), "model file to write")(
      "epochs", po::value(&options.max_epochs)->default_value(30), "maximum epochs")(
      "patience", po::value(&options.patience)->default_value(5), "early stopping patience (epochs)")(
      "seed", po::value(&options.seed)->default_value(1), "shuffling seed")(
      "prune", po::value(&options.prune_threshold)->default_value(0.0f), "drop averaged weights with |w| <= this")(
      "ensemble", po::value(&options.ensemble)->default_value(5), "perceptrons (seeds) whose scores are summed");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train relations", args, visible, vm)) return *stop;
  if (train_paths.empty()) {
    std::cerr << "erx train relations: --train FILE is required\n\n" << visible << '\n';
    return 2;
  }
  const SyntaxStages syntax = SyntaxStages::english();
  std::vector<RelationSample> train, dev;
  std::vector<RelationCorpusSentence> train_corpus, dev_corpus;
  for (const std::string& p : train_paths)
    for (RelationCorpusSentence& s : read_conll04(p)) train_corpus.push_back(std::move(s));
  if (!dev_path.empty()) dev_corpus = read_conll04(dev_path);
  for (const RelationCorpusSentence& s : train_corpus) train.push_back(syntax.sample(s));
  for (const RelationCorpusSentence& s : dev_corpus) dev.push_back(syntax.sample(s));
  options.log = &std::cerr;
  const RelationClassifier model = RelationClassifier::train(train, dev, options);
  const ModelFile file = model.to_model();
  file.save(output);
  std::cerr << "wrote " << output << " (" << file.file_size() << " bytes)\n";
  return 0;
}

}  // namespace erx::cli
