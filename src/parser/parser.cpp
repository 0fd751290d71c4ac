// Implementation of erx/parser.hpp: loading, saving and greedy decoding.
#include <limits>

#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "ml/bytes.hpp"
#include "parser/parser_impl.hpp"

namespace erx {

void Parser::Impl::finish(const std::string& name) {
  root_label = -1;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == "root") root_label = static_cast<int>(i);
  if (root_label < 0) throw Error(ErrorCode::kModel, name + ": parser model has no \"root\" label");
  if (moves.num_classes() != 3)
    throw Error(ErrorCode::kModel, name + ": parser move model scores " + std::to_string(moves.num_classes()) +
                                       " classes instead of 3");
  if (actions.num_classes() != static_cast<std::size_t>(parser::num_actions(static_cast<int>(labels.size()))))
    throw Error(ErrorCode::kModel, name + ": parser action model scores " + std::to_string(actions.num_classes()) +
                                       " classes but its " + std::to_string(labels.size()) + " labels need " +
                                       std::to_string(parser::num_actions(static_cast<int>(labels.size()))));
  lift = parser::make_lift_table(labels);
}

namespace parser {

int best_valid_action(const State& st, const float* scores, int num_labels, int root_label) noexcept {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  const auto consider = [&](int action) {
    if (best < 0 || scores[action] > best_score) {
      best = action;
      best_score = scores[action];
    }
  };
  if (st.can_shift()) consider(0);
  if (st.can_left())
    for (int l = 0; l < num_labels; ++l)
      if (l != root_label) consider(action_id(Move::kLeft, l));
  if (st.can_right()) {
    if (st.right_is_root()) {
      consider(action_id(Move::kRight, root_label));
    } else {
      for (int l = 0; l < num_labels; ++l)
        if (l != root_label) consider(action_id(Move::kRight, l));
    }
  }
  return best;
}

void decode(const Parser::Impl& impl, Scratch& s, const WordAttrs* attrs, int n) {
  const int num_labels = static_cast<int>(impl.labels.size());
  s.scores.resize(impl.actions.num_classes());
  s.state.reset(n);
  while (!s.state.terminal()) {
    // Two states allow a single action; they need no scoring: an empty stack (only ROOT) must
    // SHIFT, and the last word left with an empty buffer must go to ROOT.
    if (s.state.stack_depth() == 1) {
      s.state.apply(Move::kShift, -1);
      continue;
    }
    if (s.state.buffer_empty() && s.state.right_is_root()) {
      s.state.apply(Move::kRight, impl.root_label);
      continue;
    }
    extract_features(s.state, attrs, s.features, s.action_features);
    score_actions(impl.moves, impl.actions, s);
    const int action = best_valid_action(s.state, s.scores.data(), num_labels, impl.root_label);
    s.state.apply(action_move(action), action_label(action));
  }
  s.heads.resize(static_cast<std::size_t>(n) + 1);
  s.labels.resize(static_cast<std::size_t>(n) + 1);
  s.heads[0] = -1;
  s.labels[0] = -1;
  for (int i = 1; i <= n; ++i) {
    s.heads[static_cast<std::size_t>(i)] = s.state.head(i);
    s.labels[static_cast<std::size_t>(i)] = s.state.label(i);
  }
  deprojectivize(s.heads, s.labels, impl.lift, s.lift_scratch);
}

}  // namespace parser

namespace {

// Parses tokens [first, end) of `doc` and writes heads and relations. `refs` caches the pool
// reference of each label name for this document.
void parse_range(const Parser::Impl& impl, parser::Scratch& s, std::vector<StrRef>& refs, Document& doc,
                 std::uint32_t first, std::uint32_t end) {
  if (end <= first) return;
  const int n = static_cast<int>(end - first);
  parser::fill_attrs(doc, first, end, s.attrs, s.lower);
  parser::decode(impl, s, s.attrs.data(), n);
  auto& tokens = doc.mutable_tokens();
  for (int i = 1; i <= n; ++i) {
    Token& t = tokens[first + static_cast<std::uint32_t>(i - 1)];
    const int h = s.heads[static_cast<std::size_t>(i)];
    t.head = h == 0 ? -1 : static_cast<std::int32_t>(first) + h - 1;
    const auto l = static_cast<std::size_t>(s.labels[static_cast<std::size_t>(i)]);
    if (refs[l].length == 0) refs[l] = doc.store(impl.labels[l]);
    t.deprel = refs[l];
  }
}

}  // namespace

Parser::Parser(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Parser::Parser(const ModelFile& file) {
  if (file.stage() != kParserStage)
    throw Error(ErrorCode::kModel, file.name() + ": expected a \"parser\" model, found \"" + file.stage() + "\"");
  file.require_stage_version(kParserStageVersion);
  auto impl = std::make_shared<Impl>();
  impl->labels = file.labels();
  ml::ByteReader moves(file.section("moves"), file.name() + ": section 'moves'");
  impl->moves = ml::LinearModel::read(moves);
  moves.expect_end();
  ml::ByteReader actions(file.section("actions"), file.name() + ": section 'actions'");
  impl->actions = ml::LinearModel::read(actions);
  actions.expect_end();
  impl->finish(file.name());
  impl_ = std::move(impl);
}

Parser Parser::english() {
  static const Parser parser(ModelBundle::english().get(kParserStage));
  return parser;
}

Parser Parser::load(const std::string& path) { return Parser(ModelFile::load(path, kParserStage)); }

void Parser::parse(Document& doc) const {
  parser::Scratch scratch;
  std::vector<StrRef> refs(impl_->labels.size());
  if (doc.sentences().empty()) {
    parse_range(*impl_, scratch, refs, doc, 0, static_cast<std::uint32_t>(doc.tokens().size()));
  } else {
    for (const Sentence& sentence : doc.sentences())
      parse_range(*impl_, scratch, refs, doc, sentence.first_token, sentence.end_token);
  }
  doc.set_has_parse(true);
}

void Parser::parse_sentence(Document& doc, std::uint32_t sentence) const {
  if (sentence >= doc.sentences().size())
    throw Error(ErrorCode::kInvalidArgument, "Parser::parse_sentence: sentence " + std::to_string(sentence) +
                                                 " out of range (" + std::to_string(doc.sentences().size()) + ")");
  parser::Scratch scratch;
  std::vector<StrRef> refs(impl_->labels.size());
  const Sentence s = doc.sentences()[sentence];
  parse_range(*impl_, scratch, refs, doc, s.first_token, s.end_token);
}

const std::vector<std::string>& Parser::labels() const noexcept { return impl_->labels; }

std::size_t Parser::memory_bytes() const noexcept {
  return impl_->moves.memory_bytes() + impl_->actions.memory_bytes();
}

ModelFile Parser::to_model_file() const {
  ModelFile file(kParserStage, kParserStageVersion, impl_->labels);
  ml::ByteWriter moves;
  impl_->moves.write(moves);
  file.add_section("moves", moves.take());
  ml::ByteWriter actions;
  impl_->actions.write(actions);
  file.add_section("actions", actions.take());
  return file;
}

AttachmentScores score_parse(const Document& gold, const Document& predicted) {
  const auto& g = gold.tokens();
  const auto& p = predicted.tokens();
  if (g.size() != p.size())
    throw Error(ErrorCode::kInvalidArgument, "score_parse: gold has " + std::to_string(g.size()) +
                                                 " tokens, prediction " + std::to_string(p.size()));
  AttachmentScores s;
  const auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
  for (std::size_t i = 0; i < g.size(); ++i) {
    ++s.tokens;
    if (g[i].head != p[i].head) continue;
    ++s.correct_heads;
    const std::string_view gl = gold.deprel(g[i]);
    const std::string_view pl = predicted.deprel(p[i]);
    s.correct_labels += gl == pl;
    s.correct_udeps += universal(gl) == universal(pl);
  }
  return s;
}

}  // namespace erx
