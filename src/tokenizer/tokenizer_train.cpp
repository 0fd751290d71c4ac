// Tokenizer::train: the sentence-boundary perceptron (features in sentence_splitter.cpp).
//
// The gold CoNLL-U sentences are turned back into raw text (conllu::raw_text), scanned into
// tokens, and every candidate gap (sentence_splitter.hpp) becomes one binary instance labelled by
// whether a gold sentence ends exactly there. Gold and system are aligned on the text without
// white space, as the CoNLL 2018 evaluation does, so the labels do not depend on how the gold
// text was spaced.
#include <string>
#include <unordered_set>
#include <vector>

#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/tokenizer.hpp"
#include "eval/segmentation_score.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/perceptron.hpp"
#include "ml/training.hpp"
#include "tokenizer/scanner.hpp"
#include "tokenizer/sentence_model.hpp"
#include "tokenizer/sentence_splitter.hpp"

namespace erx {

namespace {

// One corpus, scanned, with its gold segmentation.
struct Prepared {
  Document doc;
  std::vector<std::uint8_t> rules;
  std::vector<std::uint8_t> gold_end;  // per token: a gold sentence ends right after it
  eval::Segmentation gold;
};

Prepared prepare(std::span<const conllu::Sentence> sentences) {
  Prepared p;
  p.doc = Document(conllu::raw_text(sentences));
  tok::scan(p.doc);
  tok::rule_boundaries(p.doc, p.rules);
  p.gold = eval::from_conllu(sentences);
  std::unordered_set<std::size_t> ends;
  for (const eval::Span& s : p.gold.sentences) ends.insert(s.end);
  const auto& tokens = p.doc.tokens();
  p.gold_end.assign(tokens.size(), 0);
  std::string scratch;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    scratch.clear();
    chars += eval::detail::append_visible(scratch, p.doc.text(tokens[i]));
    p.gold_end[i] = ends.count(chars) ? 1 : 0;
  }
  return p;
}

double sentence_f1(const Prepared& p, const ml::LinearModel& model) {
  Document doc = p.doc;
  tok::split_sentences(doc, &model);
  return eval::score(p.gold, eval::from_document(doc)).sentences.f1();
}

}  // namespace

ModelFile Tokenizer::train(std::span<const conllu::Sentence> train, std::span<const conllu::Sentence> heldout,
                           const TokenizerTrainingOptions& options) {
  if (train.empty()) throw Error(ErrorCode::kInvalidArgument, "tokenizer training: no training sentences");
  const Prepared data = prepare(train);
  const bool have_heldout = !heldout.empty();
  const Prepared check = have_heldout ? prepare(heldout) : Prepared{};

  // Instances: the features of every candidate gap, stored flat.
  std::vector<std::uint64_t> features;
  std::vector<std::size_t> offsets{0};
  std::vector<int> labels;
  ml::FeatureBuffer buf;
  tok::BoundaryScratch scratch;
  for (std::size_t i = 0; i + 1 < data.doc.tokens().size(); ++i) {
    if (!tok::is_candidate(data.doc, data.rules, i)) continue;
    tok::boundary_features(data.doc, data.rules, i, scratch, buf);
    features.insert(features.end(), buf.view().begin(), buf.view().end());
    offsets.push_back(features.size());
    labels.push_back(data.gold_end[i]);
  }
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

  ml::Perceptron perceptron(2);
  ml::Rng rng(options.seed);
  ml::EarlyStopping stop(options.patience);
  ml::CompileOptions compile;
  compile.prune_threshold = options.prune_threshold;
  ml::LinearModel best;
  float scores[2];
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    ml::shuffle(std::span<std::size_t>(order), rng);
    std::size_t errors = 0;
    for (std::size_t k : order) {
      const std::span<const std::uint64_t> f(features.data() + offsets[k], offsets[k + 1] - offsets[k]);
      perceptron.score(f, std::span<float>(scores, 2));
      const int guess = scores[1] > scores[0] ? 1 : 0;
      errors += guess != labels[k];
      perceptron.update(f, labels[k], guess);
      perceptron.tick();
    }
    ml::LinearModel model = perceptron.compile(compile);
    const double f1 = have_heldout ? sentence_f1(check, model) : 0.0;
    if (options.log)
      options.log("epoch " + std::to_string(epoch) + ": " + std::to_string(labels.size()) + " candidates, " +
                  std::to_string(errors) + " training errors" +
                  (have_heldout ? ", held-out sentence F1 " + std::to_string(100 * f1) : std::string()));
    if (!have_heldout) {
      best = std::move(model);
      continue;
    }
    if (stop.improved(epoch, f1)) best = std::move(model);
    if (stop.should_stop(epoch)) break;
  }
  return Model::to_file(best);
}

}  // namespace erx
