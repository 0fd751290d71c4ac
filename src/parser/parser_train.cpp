// Parser::train: the averaged perceptron over arc-hybrid transitions, trained with the dynamic
// oracle and error exploration of Goldberg & Nivre (2012, 2013).
//
// At every state the perceptron scores all valid actions; the oracle says which of them lose no
// more gold arcs than necessary (minimum cost). If the model's choice is not among them, the
// perceptron is updated towards the best-scoring minimum-cost action. The parser then follows the
// model's own choice when it is optimal, and — after `explore_after` epochs — also when it is
// wrong with probability `explore_probability`, so that it learns to act well in the states its
// own mistakes lead to. Each epoch ends with the averaged weights parsing the dev set; the best
// epoch by LAS is kept.
#include <algorithm>
#include <chrono>
#include <map>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include "erx/error.hpp"
#include "erx/parser.hpp"
#include "ml/perceptron.hpp"
#include "ml/training.hpp"
#include "parser/parser_impl.hpp"

namespace erx {
namespace {

// One sentence with its gold tree in sentence-local positions (heads 0..n, 0 = ROOT).
struct GoldSentence {
  std::vector<parser::WordAttrs> attrs;  // 0..n+1
  std::vector<int> heads;                // [0] unused
  std::vector<std::string> labels;       // [0] unused
  std::vector<int> label_ids;            // after the label set is fixed
};

// True if heads[1..n] form a tree rooted at 0 with exactly one word attached to the root.
bool is_tree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    const int h = heads[static_cast<std::size_t>(d)];
    if (h < 0 || h > n || h == d) return false;
    roots += h == 0;
  }
  if (roots != 1) return false;
  // Every word reaches the root within n steps (no cycles). Colour memo keeps it linear.
  std::vector<char> state(heads.size(), 0);  // 0 unknown, 1 on current path, 2 reaches root
  state[0] = 2;
  std::vector<int> path;
  for (int d = 1; d <= n; ++d) {
    int x = d;
    path.clear();
    while (state[static_cast<std::size_t>(x)] == 0) {
      state[static_cast<std::size_t>(x)] = 1;
      path.push_back(x);
      x = heads[static_cast<std::size_t>(x)];
    }
    if (state[static_cast<std::size_t>(x)] == 1) return false;
    for (int p : path) state[static_cast<std::size_t>(p)] = 2;
  }
  return true;
}

// Reads the gold sentences of `docs`. Returns the number of sentences skipped as malformed.
std::size_t collect(std::span<const Document> docs, std::vector<GoldSentence>& out) {
  std::size_t skipped = 0;
  std::string lower;
  for (const Document& doc : docs) {
    std::vector<Sentence> sentences = doc.sentences();
    if (sentences.empty() && !doc.tokens().empty())
      sentences.push_back({0, static_cast<std::uint32_t>(doc.tokens().size()), 0, 0});
    for (const Sentence& s : sentences) {
      if (s.end_token <= s.first_token) continue;
      const std::uint32_t n = s.end_token - s.first_token;
      GoldSentence g;
      g.heads.assign(n + 1, 0);
      g.labels.assign(n + 1, std::string());
      bool ok = true;
      for (std::uint32_t i = 0; i < n && ok; ++i) {
        const Token& t = doc.tokens()[s.first_token + i];
        if (t.head < 0) {
          g.heads[i + 1] = 0;
        } else if (static_cast<std::uint32_t>(t.head) >= s.first_token && static_cast<std::uint32_t>(t.head) < s.end_token) {
          g.heads[i + 1] = static_cast<int>(static_cast<std::uint32_t>(t.head) - s.first_token) + 1;
        } else {
          ok = false;
        }
        g.labels[i + 1] = std::string(doc.deprel(t));
        if (g.labels[i + 1].empty() || g.labels[i + 1].find(parser::kLiftSeparator) != std::string::npos) ok = false;
      }
      if (!ok || !is_tree(g.heads)) {
        ++skipped;
        continue;
      }
      parser::fill_attrs(doc, s.first_token, s.end_token, g.attrs, lower);
      out.push_back(std::move(g));
    }
  }
  return skipped;
}

// Features seen at least `min_count` times along the static-oracle path through the training data
// (one pass, before training). Rarer features are left out of training: they cost model size and
// time and carry little evidence (the usual frequency cut-off of feature-rich parsers).
std::unordered_set<std::uint64_t> frequent_features(const std::vector<GoldSentence>& train, int root_label,
                                                    int min_count, parser::Scratch& s) {
  using parser::Move;
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  counts.reserve(1 << 22);
  for (const GoldSentence& g : train) {
    const int n = static_cast<int>(g.heads.size()) - 1;
    s.state.reset(n);
    while (!s.state.terminal()) {
      const parser::State& st = s.state;
      parser::extract_features(st, g.attrs.data(), s.features, s.action_features);
      for (std::uint64_t f : s.features.view()) ++counts[f];
      const parser::OracleCosts c = parser::oracle_costs(st, g.heads.data(), g.label_ids.data());
      const int s0 = st.stack(0);
      if (st.can_left() && c.left == 0) {
        s.state.apply(Move::kLeft, g.label_ids[static_cast<std::size_t>(s0)]);
      } else if (st.can_right() && c.right == 0) {
        s.state.apply(Move::kRight, st.right_is_root() ? root_label : g.label_ids[static_cast<std::size_t>(s0)]);
      } else {
        s.state.apply(Move::kShift, -1);
      }
    }
  }
  std::unordered_set<std::uint64_t> kept;
  kept.reserve(counts.size() / 2);
  for (const auto& [f, k] : counts)
    if (k >= static_cast<std::uint32_t>(min_count)) kept.insert(f);
  return kept;
}

// Copies the features of `in` that are in `kept` (all of them when `kept` is null) into `out`.
void filter_features(const ml::FeatureBuffer& in, const std::unordered_set<std::uint64_t>* kept,
                     ml::FeatureBuffer& out) {
  out.clear();
  for (std::uint64_t f : in.view())
    if (kept == nullptr || kept->count(f) != 0) out.add(f);
}

struct EpochStats {
  std::size_t states = 0;
  std::size_t optimal = 0;
};

// One pass of dynamic-oracle training over `sentence`.
void train_sentence(const GoldSentence& g, int num_labels, int root_label, bool explore, double explore_probability,
                    const std::unordered_set<std::uint64_t>* kept, ml::Perceptron& moves, ml::Perceptron& actions,
                    ml::Rng& rng, parser::Scratch& s, EpochStats& stats) {
  using parser::Move;
  const int n = static_cast<int>(g.heads.size()) - 1;
  s.state.reset(n);
  s.scores.resize(actions.num_classes());
  while (!s.state.terminal()) {
    const parser::State& st = s.state;
    parser::extract_features(st, g.attrs.data(), s.features, s.action_features);
    if (kept != nullptr) {
      // Score and update with the frequent features only.
      ml::FeatureBuffer all = s.features;
      filter_features(all, kept, s.features);
      all = s.action_features;
      filter_features(all, kept, s.action_features);
    }
    parser::score_actions(moves, actions, s);
    const float* scores = s.scores.data();
    const parser::OracleCosts c = parser::oracle_costs(st, g.heads.data(), g.label_ids.data());
    const auto cost = [&](int action) {
      const int l = parser::action_label(action);
      switch (parser::action_move(action)) {
        case Move::kShift: return c.shift;
        case Move::kLeft: return c.left + (c.left_label >= 0 && l != c.left_label ? 1 : 0);
        case Move::kRight: return c.right + (c.right_label >= 0 && l != c.right_label ? 1 : 0);
      }
      return 0;
    };
    // The model's choice, and the best-scoring action among those of minimum cost.
    const int predicted = parser::best_valid_action(st, scores, num_labels, root_label);
    int gold = -1, gold_cost = 0;
    const auto consider = [&](int action) {
      const int k = cost(action);
      if (gold < 0 || k < gold_cost || (k == gold_cost && scores[action] > scores[gold])) {
        gold = action;
        gold_cost = k;
      }
    };
    if (st.can_shift()) consider(0);
    if (st.can_left())
      for (int l = 0; l < num_labels; ++l)
        if (l != root_label) consider(parser::action_id(Move::kLeft, l));
    if (st.can_right()) {
      if (st.right_is_root()) {
        consider(parser::action_id(Move::kRight, root_label));
      } else {
        for (int l = 0; l < num_labels; ++l)
          if (l != root_label) consider(parser::action_id(Move::kRight, l));
      }
    }
    ++stats.states;
    int next = predicted;
    if (cost(predicted) == gold_cost) {
      ++stats.optimal;
    } else {
      // The perceptron update of the summed model: moves and actions each move towards gold.
      moves.update(s.features.view(), static_cast<int>(parser::action_move(gold)),
                   static_cast<int>(parser::action_move(predicted)));
      actions.update(s.action_features.view(), gold, predicted);
      if (!explore || rng.uniform() >= explore_probability) next = gold;
    }
    moves.tick();
    actions.tick();
    s.state.apply(parser::action_move(next), parser::action_label(next));
  }
}

// Parses the dev sentences with `impl` and scores them against their gold trees (all tokens,
// full labels).
AttachmentScores evaluate(const Parser::Impl& impl, const std::vector<GoldSentence>& dev, parser::Scratch& s) {
  AttachmentScores scores;
  for (const GoldSentence& g : dev) {
    const int n = static_cast<int>(g.heads.size()) - 1;
    parser::decode(impl, s, g.attrs.data(), n);
    for (int i = 1; i <= n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      ++scores.tokens;
      if (s.heads[k] != g.heads[k]) continue;
      ++scores.correct_heads;
      const std::string& predicted = impl.labels[static_cast<std::size_t>(s.labels[k])];
      scores.correct_labels += predicted == g.labels[k];
      const auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
      scores.correct_udeps += universal(predicted) == universal(g.labels[k]);
    }
  }
  return scores;
}

}  // namespace

Parser Parser::train(std::span<const Document> train_docs, std::span<const Document> dev_docs,
                     const ParserTrainOptions& options) {
  using Clock = std::chrono::steady_clock;
  std::ostream* log = options.log;
  const auto t0 = Clock::now();

  std::vector<GoldSentence> train, dev;
  const std::size_t skipped_train = collect(train_docs, train);
  const std::size_t skipped_dev = collect(dev_docs, dev);
  if (train.empty()) throw Error(ErrorCode::kInvalidArgument, "Parser::train: no usable training sentence");

  // Pseudo-projective lifting, then the label set: plain labels first (sorted), then lifted
  // labels seen at least min_lift_count times (sorted); rarer lifted labels lose their suffix.
  std::size_t lifts = 0, tokens = 0;
  std::map<std::string, std::size_t> plain, lifted;
  for (GoldSentence& g : train) {
    lifts += static_cast<std::size_t>(parser::projectivize(g.heads, g.labels));
    tokens += g.heads.size() - 1;
    for (std::size_t i = 1; i < g.labels.size(); ++i) {
      const std::string& l = g.labels[i];
      const std::size_t bar = l.find(parser::kLiftSeparator);
      ++plain[l.substr(0, bar)];
      if (bar != std::string::npos) ++lifted[l];
    }
  }
  auto impl = std::make_shared<Impl>();
  for (const auto& [name, count] : plain) impl->labels.push_back(name);
  for (const auto& [name, count] : lifted)
    if (count >= static_cast<std::size_t>(std::max(options.min_lift_count, 1))) impl->labels.push_back(name);
  std::map<std::string, int> ids;
  for (std::size_t i = 0; i < impl->labels.size(); ++i) ids.emplace(impl->labels[i], static_cast<int>(i));
  if (ids.find("root") == ids.end())
    throw Error(ErrorCode::kInvalidArgument, "Parser::train: the training data has no \"root\" relation");
  for (GoldSentence& g : train) {
    g.label_ids.assign(g.labels.size(), -1);
    for (std::size_t i = 1; i < g.labels.size(); ++i) {
      auto it = ids.find(g.labels[i]);
      if (it == ids.end()) it = ids.find(g.labels[i].substr(0, g.labels[i].find(parser::kLiftSeparator)));
      g.label_ids[i] = it->second;
    }
  }
  const int num_labels = static_cast<int>(impl->labels.size());
  const int num_classes = parser::num_actions(num_labels);
  int root_label = ids["root"];
  if (log)
    *log << "parser: " << train.size() << " training sentences (" << tokens << " words, " << skipped_train
         << " skipped), " << dev.size() << " dev sentences (" << skipped_dev << " skipped), " << lifts
         << " arcs lifted, " << num_labels << " labels (" << (num_labels - static_cast<int>(plain.size()))
         << " lifted), " << num_classes << " classes\n";

  parser::Scratch scratch;
  std::unordered_set<std::uint64_t> kept;
  if (options.min_feature_count > 1) {
    kept = frequent_features(train, root_label, options.min_feature_count, scratch);
    if (log) *log << "parser: " << kept.size() << " features seen at least " << options.min_feature_count << " times\n";
  }
  ml::Perceptron moves(3);
  ml::Perceptron actions(static_cast<std::size_t>(num_classes));
  ml::Rng rng(options.seed);
  ml::EarlyStopping stopping(options.patience);
  std::vector<std::uint32_t> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  ml::LinearModel best_moves, best_actions;
  ml::CompileOptions compile;
  compile.prune_threshold = options.prune_threshold;

  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    const auto e0 = Clock::now();
    ml::shuffle(std::span(order), rng);
    EpochStats stats;
    const bool explore = epoch > options.explore_after;
    for (std::uint32_t i : order)
      train_sentence(train[i], num_labels, root_label, explore, options.explore_probability,
                     options.min_feature_count > 1 ? &kept : nullptr, moves, actions, rng, scratch, stats);
    impl->moves = moves.compile(compile);
    impl->actions = actions.compile(compile);
    impl->finish("<training>");
    AttachmentScores scores;
    if (!dev.empty()) scores = evaluate(*impl, dev, scratch);
    const double dev_las = dev.empty() ? double(epoch) : scores.las();
    const bool better = stopping.improved(epoch, dev_las);
    if (log) {
      const double secs = std::chrono::duration<double>(Clock::now() - e0).count();
      *log << "epoch " << epoch << ": train optimal " << 100.0 * double(stats.optimal) / double(std::max<std::size_t>(stats.states, 1))
           << "%, dev UAS " << scores.uas() << " LAS " << scores.las() << " (universal " << scores.las_universal()
            << "), " << moves.num_features() << "+" << actions.num_features() << " features, "
           << impl->moves.num_weights() + impl->actions.num_weights() << " weights, "
           << (impl->moves.memory_bytes() + impl->actions.memory_bytes()) / 1024 << " KiB, " << secs << " s" << (better ? " *" : "") << '\n';
    }
    if (better) {
      best_moves = impl->moves;
      best_actions = impl->actions;
    }
    if (stopping.should_stop(epoch)) break;
  }
  impl->moves = std::move(best_moves);
  impl->actions = std::move(best_actions);
  impl->finish("<training>");
  if (log) {
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    *log << "parser: best epoch " << stopping.best_epoch() << " (dev LAS " << stopping.best_score() << "), "
         << secs << " s in all\n";
  }
  return Parser(std::shared_ptr<const Impl>(std::move(impl)));
}

}  // namespace erx
