// parser/parser_impl.hpp — the loaded parser model and the greedy decoder shared by parse() and
// training (which decodes the dev set with each epoch's model).
#pragma once

#include <string>
#include <vector>

#include "erx/parser.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/linear_model.hpp"
#include "parser/arc_hybrid.hpp"
#include "parser/features.hpp"
#include "parser/projectivize.hpp"

namespace erx {

// The name of the model stage and the payload version this build reads and writes.
inline constexpr const char* kParserStage = "parser";
inline constexpr std::uint32_t kParserStageVersion = 1;

struct Parser::Impl {
  ml::LinearModel moves;            // every template -> SHIFT, LEFT, RIGHT (3 classes)
  ml::LinearModel actions;          // label templates -> num_actions(labels.size()) classes
  std::vector<std::string> labels;  // dependency labels; lifted ones are "a|b"
  int root_label = -1;              // id of "root"
  parser::LiftTable lift;           // undoes pseudo-projective lifting

  // Builds the derived fields (root_label, lift) from `labels`; throws Error(kModel) naming
  // `name` if "root" is missing or the model's class count does not match.
  void finish(const std::string& name);
};

namespace parser {

// Per-call scratch of the decoder: reused across sentences, never shared between threads.
struct Scratch {
  State state;
  std::vector<WordAttrs> attrs;
  std::string lower;
  ml::FeatureBuffer features;         // for the move model
  ml::FeatureBuffer action_features;  // for the action model
  std::vector<float> move_scores;
  std::vector<float> scores;          // per action: action score + its move's score
  std::vector<int> heads;   // sentence-local result, 1..n
  std::vector<int> labels;  // label ids, 1..n
  std::vector<int> lift_scratch;
};

// Scores every action of `state` into scratch.scores with `moves` and `actions` (the models of
// Parser::Impl or the perceptrons being trained: anything with score(features, scores)).
template <typename MoveModel, typename ActionModel>
void score_actions(const MoveModel& moves, const ActionModel& actions, Scratch& s) {
  s.move_scores.resize(3);
  moves.score(s.features.view(), s.move_scores);
  actions.score(s.action_features.view(), s.scores);
  const float shift = s.move_scores[0], left = s.move_scores[1], right = s.move_scores[2];
  s.scores[0] += shift;
  for (std::size_t a = 1; a + 1 < s.scores.size(); a += 2) {
    s.scores[a] += left;
    s.scores[a + 1] += right;
  }
}

// The highest-scoring valid action of `state` (see arc_hybrid.hpp for the constraints; LEFT and
// RIGHT carry the root label exactly when RIGHT attaches to ROOT).
[[nodiscard]] int best_valid_action(const State& state, const float* scores, int num_labels, int root_label) noexcept;

// Parses the n words whose attributes are attrs[0 .. n+1] (filled by fill_attrs) and leaves
// sentence-local heads (0 = ROOT) and label ids in scratch.heads / scratch.labels, deprojectivized.
void decode(const Parser::Impl& impl, Scratch& scratch, const WordAttrs* attrs, int n);

}  // namespace parser
}  // namespace erx
