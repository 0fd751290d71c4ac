// BILOU Viterbi decoding and structured-perceptron training (see sequence_model.hpp).
#include "entities/sequence_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <set>
#include <tuple>

#include "ml/hash.hpp"
#include "ml/training.hpp"

namespace erx::entities {
namespace {

constexpr std::uint64_t kTransition = 1000;  // template id of transition features (model format)

std::uint64_t transition_feature(int prev) { return ml::feature(kTransition, static_cast<std::uint64_t>(prev)); }

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

}  // namespace

std::string BilouLabels::name(int label) const {
  if (label == 0) return "O";
  static constexpr char kPrefix[] = {'B', 'I', 'L', 'U'};
  return std::string(1, kPrefix[position_of(label)]) + "-" + types_[static_cast<std::size_t>(type_of(label))];
}

BilouLabels::BilouLabels(std::vector<std::string> types) : types_(std::move(types)) {
  preds_.resize(static_cast<std::size_t>(size()));
  for (int c = 0; c < size(); ++c)
    for (int p = 0; p < size(); ++p)
      if (allowed(p, c)) preds_[static_cast<std::size_t>(c)].push_back(p);
}

bool BilouLabels::allowed(int prev, int cur) const noexcept {
  int pp = prev == size() ? -1 : position_of(prev);  // start behaves like O
  int cp = position_of(cur);
  bool prev_open = pp == 0 || pp == 1;  // B or I: the entity continues
  if (prev_open) return (cp == 1 || cp == 2) && type_of(cur) == type_of(prev);
  return cp < 0 || cp == 0 || cp == 3;
}

void viterbi(const float* emissions, std::size_t n, const float* transitions, const BilouLabels& labels,
             std::vector<int>& out, ViterbiScratch& scratch) {
  const int L = labels.size();
  const auto LL = static_cast<std::size_t>(L);
  out.assign(n, 0);
  if (n == 0) return;
  scratch.score.assign(n * LL, kNegInf);
  scratch.back.assign(n * LL, 0);
  float* score = scratch.score.data();
  int* back = scratch.back.data();
  for (int c = 0; c < L; ++c)
    if (labels.allowed(L, c)) score[c] = emissions[c] + transitions[LL * LL + static_cast<std::size_t>(c)];
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = score + (i - 1) * LL;
    float* cur = score + i * LL;
    for (int c = 0; c < L; ++c) {
      float best = kNegInf;
      int arg = 0;
      for (int p : labels.predecessors(c)) {
        float s = prev[p] + transitions[static_cast<std::size_t>(p) * LL + static_cast<std::size_t>(c)];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      if (best != kNegInf) {
        cur[c] = best + emissions[i * LL + static_cast<std::size_t>(c)];
        back[i * LL + static_cast<std::size_t>(c)] = arg;
      }
    }
  }
  const float* last = score + (n - 1) * LL;
  int best = 0;
  float best_score = kNegInf;
  for (int c = 0; c < L; ++c)
    if (BilouLabels::may_end(c) && last[c] > best_score) {
      best_score = last[c];
      best = c;
    }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = best;
    best = back[i * LL + static_cast<std::size_t>(best)];
  }
}

std::vector<float> transition_matrix(const ml::LinearModel& model, int num_labels) {
  const auto L = static_cast<std::size_t>(num_labels);
  std::vector<float> t((L + 1) * L, 0.0f);
  for (std::size_t p = 0; p <= L; ++p) {
    std::uint64_t f = transition_feature(static_cast<int>(p));
    model.score(std::span<const std::uint64_t>(&f, 1), std::span<float>(t.data() + p * L, L));
  }
  return t;
}

void decode(const ml::LinearModel& model, const std::vector<float>& transitions, const BilouLabels& bilou,
            const PassDoc& doc, std::vector<int>& labels, std::vector<float>* margins, const DocFeatures* extra) {
  const auto L = static_cast<std::size_t>(bilou.size());
  labels.assign(doc.features.size(), 0);
  if (margins) margins->assign(doc.features.size(), 0.0f);
  std::vector<float> emissions;
  std::vector<int> out;
  ViterbiScratch scratch;
  for (const auto& [first, end] : doc.sentences) {
    const std::size_t n = end - first;
    emissions.assign(n * L, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
      std::span<float> out_scores(emissions.data() + i * L, L);
      model.add_scores(std::span<const std::uint64_t>(doc.features.begin(first + i), doc.features.count(first + i)),
                       out_scores);
      if (extra)
        model.add_scores(std::span<const std::uint64_t>(extra->begin(first + i), extra->count(first + i)), out_scores);
      model.finish_scores(out_scores);
    }
    viterbi(emissions.data(), n, transitions.data(), bilou, out, scratch);
    for (std::size_t i = 0; i < n; ++i) {
      labels[first + i] = out[i];
      if (margins) {
        // Local margin of the chosen label's type (any position) over the best label of another
        // type or O: how sure the model is that the token belongs to an entity of this type.
        const float* e = emissions.data() + i * L;
        int type = BilouLabels::type_of(out[i]);
        float same = kNegInf, other = kNegInf;
        for (std::size_t c = 0; c < L; ++c) {
          if (BilouLabels::type_of(static_cast<int>(c)) == type) same = std::max(same, e[c]);
          else other = std::max(other, e[c]);
        }
        (*margins)[first + i] = same - other;
      }
    }
  }
}

double span_f1(const std::vector<PassDoc>& docs, const std::vector<std::vector<int>>& predicted) {
  std::size_t gold_n = 0, pred_n = 0, correct = 0;
  auto spans = [](const std::vector<int>& labels, std::uint32_t first, std::uint32_t end) {
    std::set<std::tuple<std::uint32_t, std::uint32_t, int>> out;
    std::uint32_t start = 0;
    for (std::uint32_t i = first; i < end; ++i) {
      int p = BilouLabels::position_of(labels[i]);
      if (p == 0) start = i;
      if (p == 3) out.emplace(i, i + 1, BilouLabels::type_of(labels[i]));
      if (p == 2) out.emplace(start, i + 1, BilouLabels::type_of(labels[i]));
    }
    return out;
  };
  for (std::size_t d = 0; d < docs.size(); ++d)
    for (const auto& [first, end] : docs[d].sentences) {
      auto g = spans(docs[d].gold, first, end);
      auto p = spans(predicted[d], first, end);
      gold_n += g.size();
      pred_n += p.size();
      for (const auto& s : p) correct += g.count(s);
    }
  double precision = pred_n ? static_cast<double>(correct) / static_cast<double>(pred_n) : 0.0;
  double recall = gold_n ? static_cast<double>(correct) / static_cast<double>(gold_n) : 0.0;
  return precision + recall > 0 ? 200.0 * precision * recall / (precision + recall) : 0.0;
}

ml::LinearModel train_pass(const std::vector<PassDoc>& train, const std::vector<PassDoc>& dev,
                           const BilouLabels& bilou, const PassTrainOptions& options, int* best_epoch,
                           double* best_f1) {
  const int L = bilou.size();
  const auto LL = static_cast<std::size_t>(L);
  ml::Perceptron perceptron(LL);
  struct Instance {
    std::uint32_t doc, first, end;
  };
  std::vector<Instance> instances;
  for (std::size_t d = 0; d < train.size(); ++d)
    for (const auto& [first, end] : train[d].sentences)
      if (end > first) instances.push_back({static_cast<std::uint32_t>(d), first, end});
  ml::Rng rng(options.seed);
  ml::EarlyStopping stop(options.patience);
  ml::LinearModel best;
  std::vector<float> emissions, transitions((LL + 1) * LL);
  std::vector<int> pred;
  ViterbiScratch scratch;
  const bool use_dev = !options.fixed_epochs && !dev.empty();
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    auto started = std::chrono::steady_clock::now();
    ml::shuffle(std::span<Instance>(instances), rng);
    std::size_t tokens = 0, token_errors = 0;
    for (const Instance& in : instances) {
      const PassDoc& doc = train[in.doc];
      const std::size_t n = in.end - in.first;
      // Current (non-averaged) scores.
      for (int p = 0; p <= L; ++p) {
        std::uint64_t f = transition_feature(p);
        perceptron.score(std::span<const std::uint64_t>(&f, 1),
                         std::span<float>(transitions.data() + static_cast<std::size_t>(p) * LL, LL));
      }
      emissions.assign(n * LL, 0.0f);
      for (std::size_t i = 0; i < n; ++i)
        perceptron.score(std::span<const std::uint64_t>(doc.features.begin(in.first + i), doc.features.count(in.first + i)),
                         std::span<float>(emissions.data() + i * LL, LL));
      viterbi(emissions.data(), n, transitions.data(), bilou, pred, scratch);
      // Structured update: +gold, -predicted, on the positions and transitions that differ.
      for (std::size_t i = 0; i < n; ++i) {
        int g = doc.gold[in.first + i], p = pred[i];
        ++tokens;
        if (g != p) {
          ++token_errors;
          const std::uint64_t* f = doc.features.begin(in.first + i);
          for (std::size_t k = 0, m = doc.features.count(in.first + i); k < m; ++k) {
            perceptron.add(f[k], g, 1.0f);
            perceptron.add(f[k], p, -1.0f);
          }
        }
        int gp = i == 0 ? L : doc.gold[in.first + i - 1];
        int pp = i == 0 ? L : pred[i - 1];
        if (gp != pp || g != p) {
          perceptron.add(transition_feature(gp), g, 1.0f);
          perceptron.add(transition_feature(pp), p, -1.0f);
        }
      }
      perceptron.tick();
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    double train_acc = tokens ? 100.0 * static_cast<double>(tokens - token_errors) / static_cast<double>(tokens) : 0;
    if (!use_dev) {
      if (options.log)
        options.log(fmt::format("epoch {}: train token accuracy {:.2f} ({:.1f} s)", epoch, train_acc, seconds));
      continue;
    }
    ml::LinearModel model = perceptron.compile({.prune_threshold = options.prune_threshold});
    std::vector<float> trans = transition_matrix(model, L);
    std::vector<std::vector<int>> predicted(dev.size());
    for (std::size_t d = 0; d < dev.size(); ++d) decode(model, trans, bilou, dev[d], predicted[d]);
    double f1 = span_f1(dev, predicted);
    bool better = stop.improved(epoch, f1);
    if (options.log)
      options.log(fmt::format("epoch {}: train token accuracy {:.2f}, dev F1 {:.2f}{} ({:.1f} s)", epoch, train_acc,
                              f1, better ? " *" : "", seconds));
    if (better) best = std::move(model);
    if (stop.should_stop(epoch)) break;
  }
  if (!use_dev) {
    if (best_epoch) *best_epoch = options.max_epochs;
    if (best_f1) *best_f1 = 0;
    return perceptron.compile({.prune_threshold = options.prune_threshold});
  }
  if (best_epoch) *best_epoch = stop.best_epoch();
  if (best_f1) *best_f1 = stop.best_score();
  return best;
}

}  // namespace erx::entities
