// erx eval ner --gold FILE [options]: entity P/R/F1 per type and micro-averaged, as conlleval.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"
#include "erx/ner_common.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_eval_ner(const Args& args) {
  std::string gold_path, predicted_path, model, types = "auto", rules, pos = "tagger", gold_scheme = "auto",
                                               predicted_scheme = "auto";
  po::options_description visible(
      "usage: erx eval ner --gold FILE [options]\n\n"
      "Labels the words of the token-per-line FILE (CoNLL-2003 or IOB2 columns; IOB1, IOB2, BILOU or\n"
      "IOBES gold tags) with erx and prints conlleval's report: token accuracy, then precision,\n"
      "recall and F1 of exact entity matches, overall (micro) and per type. BILOU/IOBES columns are\n"
      "converted to IOB2 before scoring; IOB1/IOB2 are scored exactly as conlleval.pl does.\n"
      "With --predicted, scores the last column of that file (e.g. the output of 'erx ner') instead.\n\n"
      "options");
  visible.add_options()("help,h", "show this help")(
      "gold,g", po::value(&gold_path), "gold token-per-line file")(
      "predicted,p", po::value(&predicted_path), "file whose last column holds predicted tags, line-aligned with the gold file")(
      "model,m", po::value(&model), "entity model file (default: the built-in English model)")(
      "types,t", po::value(&types)->default_value("auto"), "type set: conll, uner, all, auto (from the gold tags)")(
      "rules,r", po::value(&rules), "entity rule file to apply")(
      "pos", po::value(&pos)->default_value("tagger"), "POS tags the model sees: tagger, file or none")(
      "gold-scheme", po::value(&gold_scheme)->default_value("auto"), "scheme of the gold column (auto, iob1, iob2, bilou, iobes)")(
      "predicted-scheme", po::value(&predicted_scheme)->default_value("auto"), "scheme of the predicted column");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval ner", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval ner: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  ner::ConllFile gold = ner::read_conll(gold_path);
  if (gold.tag_column < 0) throw Error(ErrorCode::kFormat, gold_path + ": no column of entity tags found");
  std::vector<std::vector<std::string>> gold_tags, predicted;
  std::size_t doc_starts = 0;
  for (const ner::ConllSentence& s : gold.sentences) {
    gold_tags.emplace_back();
    for (const ner::ConllLine& l : s.lines) {
      if (l.doc_start) {
        ++doc_starts;
        continue;
      }
      gold_tags.back().push_back(l.fields[static_cast<std::size_t>(gold.tag_column)]);
    }
  }
  if (!predicted_path.empty()) {
    ner::ConllFile pred = ner::read_conll(predicted_path);
    if (pred.sentences.size() != gold.sentences.size())
      throw Error(ErrorCode::kFormat, predicted_path + ": " + std::to_string(pred.sentences.size()) +
                                          " sentences, the gold file has " + std::to_string(gold.sentences.size()));
    for (const ner::ConllSentence& s : pred.sentences) {
      predicted.emplace_back();
      for (const ner::ConllLine& l : s.lines)
        if (!l.doc_start) predicted.back().push_back(l.fields.back());
    }
  } else {
    std::string type_set = resolve_type_set(types, gold);
    EntityRecognizer recognizer = conll_recognizer(model, type_set, rules);
    // Predict in the gold column's scheme, so that token accuracy compares like with like.
    std::vector<std::string> column;
    for (const auto& s : gold_tags) column.insert(column.end(), s.begin(), s.end());
    ner::TagScheme scheme = ner::detect_scheme(column);
    if (scheme == ner::TagScheme::kAuto) scheme = ner::TagScheme::kIob2;
    std::vector<std::vector<std::string>> all = predict_tags(recognizer, gold, type_set, scheme, pos);
    for (std::size_t si = 0; si < gold.sentences.size(); ++si) {
      predicted.emplace_back();
      for (std::size_t li = 0; li < gold.sentences[si].lines.size(); ++li)
        if (!gold.sentences[si].lines[li].doc_start) predicted.back().push_back(all[si][li]);
    }
  }
  // Sentences that held only a -DOCSTART- line are empty here: drop them (conlleval counts the
  // -DOCSTART- lines as O/O tokens, which doc_starts adds back).
  std::vector<std::vector<std::string>> g, p;
  for (std::size_t i = 0; i < gold_tags.size(); ++i)
    if (!gold_tags[i].empty()) {
      g.push_back(std::move(gold_tags[i]));
      p.push_back(std::move(predicted[i]));
    }
  ner::ConllevalResult result = ner::evaluate(g, p, ner::tag_scheme_from_string(gold_scheme),
                                              ner::tag_scheme_from_string(predicted_scheme), doc_starts);
  std::cout << result.report();
  return 0;
}

}  // namespace erx::cli
