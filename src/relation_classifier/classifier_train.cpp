// Training of the relation classifier (RelationClassifier::train): an averaged perceptron over
// candidate mention pairs, early-stopped on the dev relation F1.
#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "erx/error.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/perceptron.hpp"
#include "ml/training.hpp"
#include "relation_classifier/classifier_impl.hpp"
#include "relation_classifier/pair_features.hpp"

namespace erx {

namespace {

// One training pair with its features computed once.
struct Instance {
  std::uint32_t begin, end;  // features: pool[begin, end)
  int gold;
  const std::vector<int>* allowed;
};

void check_sample(const RelationSample& s, std::size_t index) {
  const auto& mentions = s.doc.mentions();
  for (const MentionRelation& r : s.relations) {
    if (r.subject >= mentions.size() || r.object >= mentions.size() || r.subject == r.object)
      throw Error(ErrorCode::kInvalidArgument, "relation sample " + std::to_string(index) + ": relation " + r.type +
                                                   " has a bad mention index");
    const Mention& a = mentions[r.subject];
    const Mention& b = mentions[r.object];
    if (s.doc.sentences().empty() || a.end_token > s.doc.tokens().size() || b.end_token > s.doc.tokens().size() ||
        s.doc.sentence_of(a.first_token) != s.doc.sentence_of(b.first_token))
      throw Error(ErrorCode::kInvalidArgument, "relation sample " + std::to_string(index) + ": relation " + r.type +
                                                   " joins mentions of different sentences");
  }
}

}  // namespace

RelationClassifier RelationClassifier::train(std::span<const RelationSample> train,
                                             std::span<const RelationSample> dev,
                                             const RelationTrainOptions& options) {
  for (std::size_t i = 0; i < train.size(); ++i) check_sample(train[i], i);
  for (std::size_t i = 0; i < dev.size(); ++i) check_sample(dev[i], i);

  // The schema: relation types (sorted) and the type signatures of each class.
  auto impl = std::make_shared<Impl>();
  std::set<std::string> type_set;
  for (const RelationSample& s : train)
    for (const MentionRelation& r : s.relations) type_set.insert(r.type);
  if (type_set.empty()) throw Error(ErrorCode::kInvalidArgument, "relation training data has no relation");
  if (2 * type_set.size() + 1 > 65535) throw Error(ErrorCode::kInvalidArgument, "too many relation types");
  impl->types.assign(type_set.begin(), type_set.end());
  const auto class_of = [&](const Document& doc, const MentionRelation& r) {
    const auto k = static_cast<int>(std::lower_bound(impl->types.begin(), impl->types.end(), r.type) -
                                    impl->types.begin());
    const bool forward = doc.mentions()[r.subject].first_token < doc.mentions()[r.object].first_token;
    return forward ? 2 * k + 1 : 2 * k + 2;
  };
  std::set<std::tuple<std::uint32_t, std::string, std::string>> signatures;
  for (const RelationSample& s : train)
    for (const MentionRelation& r : s.relations) {
      const Mention& subject = s.doc.mentions()[r.subject];
      const Mention& object = s.doc.mentions()[r.object];
      const bool forward = subject.first_token < object.first_token;
      signatures.emplace(static_cast<std::uint32_t>(class_of(s.doc, r)), forward ? subject.type : object.type,
                         forward ? object.type : subject.type);
    }
  for (const auto& [cls, a, b] : signatures) impl->signatures.push_back({cls, a, b});
  impl->index_signatures();

  // Candidate pairs and their features.
  std::vector<std::uint64_t> pool;
  std::vector<Instance> instances;
  ml::FeatureBuffer buf;
  std::size_t positives = 0;
  for (const RelationSample& s : train) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> gold;
    for (const MentionRelation& r : s.relations) {
      const bool forward = s.doc.mentions()[r.subject].first_token < s.doc.mentions()[r.object].first_token;
      gold[forward ? std::pair(r.subject, r.object) : std::pair(r.object, r.subject)] = class_of(s.doc, r);
    }
    for (const Impl::SentencePairs& sp : impl->candidates(s.doc)) {
      relclf::PairFeatures features(s.doc, sp.sentence);
      for (const Impl::Pair& p : sp.pairs) {
        buf.clear();
        (void)features.extract(s.doc.mentions()[p.a], s.doc.mentions()[p.b], p.between, buf);
        const auto begin = static_cast<std::uint32_t>(pool.size());
        pool.insert(pool.end(), buf.view().begin(), buf.view().end());
        const auto it = gold.find({p.a, p.b});
        const int cls = it == gold.end() ? 0 : it->second;
        positives += cls != 0 ? 1 : 0;
        instances.push_back({begin, static_cast<std::uint32_t>(pool.size()), cls,
                             impl->allowed_for(s.doc.mentions()[p.a].type, s.doc.mentions()[p.b].type)});
      }
    }
  }
  if (options.log)
    *options.log << "relation classifier: " << impl->types.size() << " types, " << impl->signatures.size()
                 << " type signatures, " << instances.size() << " candidate pairs (" << positives
                 << " related)\n";

  // Micro F1 (gold mentions) of the summed `models` on `dev`.
  const auto evaluate = [&](std::span<const ml::LinearModel> models) {
    PrfCounts c;
    for (const RelationSample& s : dev) {
      std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> gold, predicted;
      for (const MentionRelation& r : s.relations) gold.emplace(r.subject, r.object, r.type);
      for (const RelationPrediction& p : impl->predict(s.doc, models)) predicted.emplace(p.subject, p.object, p.type);
      c.gold += gold.size();
      c.predicted += predicted.size();
      for (const auto& p : predicted) c.correct += gold.contains(p) ? 1 : 0;
    }
    return c;
  };

  std::vector<std::size_t> order(instances.size());
  std::vector<float> scores(impl->num_classes());
  ml::CompileOptions compile;
  compile.prune_threshold = options.prune_threshold;
  const int members = std::max(1, options.ensemble);
  for (int member = 0; member < members; ++member) {
    ml::Perceptron perceptron(impl->num_classes());
    ml::Rng rng(options.seed + static_cast<std::uint64_t>(member));
    ml::EarlyStopping stop(options.patience);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    ml::LinearModel best;
    for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
      ml::shuffle(std::span(order), rng);
      std::size_t errors = 0;
      for (std::size_t i : order) {
        const Instance& x = instances[i];
        const std::span<const std::uint64_t> f(pool.data() + x.begin, x.end - x.begin);
        perceptron.score(f, scores);
        int guess = x.allowed->front();
        for (int c : *x.allowed)
          if (scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(guess)]) guess = c;
        if (guess != x.gold) {
          ++errors;
          perceptron.update(f, x.gold, guess);
        }
        perceptron.tick();
      }
      ml::LinearModel model = perceptron.compile(compile);
      if (dev.empty()) {
        best = std::move(model);
        if (options.log) *options.log << "model " << member + 1 << " epoch " << epoch << ": train errors " << errors << '\n';
        continue;
      }
      const PrfCounts c = evaluate(std::span(&model, 1));
      if (options.log)
        *options.log << "model " << member + 1 << " epoch " << epoch << ": train errors " << errors << ", dev P "
                     << 100 * c.precision() << " R " << 100 * c.recall() << " F1 " << 100 * c.f1() << '\n';
      if (stop.improved(epoch, c.f1())) best = std::move(model);
      if (stop.should_stop(epoch)) break;
    }
    if (options.log && !dev.empty())
      *options.log << "model " << member + 1 << ": best epoch " << stop.best_epoch() << ", dev F1 "
                   << 100 * stop.best_score() << '\n';
    impl->weights.push_back(std::move(best));
  }
  if (options.log && !dev.empty() && members > 1) {
    const PrfCounts c = evaluate(impl->weights);
    *options.log << "ensemble of " << members << ": dev P " << 100 * c.precision() << " R " << 100 * c.recall()
                 << " F1 " << 100 * c.f1() << '\n';
  }
  return RelationClassifier(std::move(impl));
}

}  // namespace erx
