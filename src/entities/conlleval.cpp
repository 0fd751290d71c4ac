// A re-implementation of conlleval.pl (Erik Tjong Kim Sang, CoNLL-2000, version 2004-01-26): the
// same chunk boundary rules, the same counts, the same report format.
#include <fmt/format.h>

#include "entities/tag_utils.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"

namespace erx::ner {

double TypeScore::precision() const noexcept {
  return predicted > 0 ? 100.0 * static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
}
double TypeScore::recall() const noexcept {
  return gold > 0 ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
}
double TypeScore::f1() const noexcept {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double ConllevalResult::accuracy() const noexcept {
  return tokens > 0 ? 100.0 * static_cast<double>(correct_tags) / static_cast<double>(tokens) : 0.0;
}

std::string ConllevalResult::report() const {
  std::string out = fmt::format("processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n", tokens,
                                overall.gold, overall.predicted, overall.correct);
  if (tokens > 0) {
    out += fmt::format("accuracy: {:6.2f}%; precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}\n", accuracy(),
                       overall.precision(), overall.recall(), overall.f1());
  }
  for (const TypeScore& t : types) {
    out += fmt::format("{:>17}: precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}  {}\n", t.type, t.precision(),
                       t.recall(), t.f1(), t.predicted);
  }
  return out;
}

void Conlleval::add(std::string_view gold, std::string_view guessed) { step(gold, guessed, false); }

void Conlleval::boundary() { step("O", "O", true); }

void Conlleval::step(std::string_view gold_tag, std::string_view guessed_tag, bool is_boundary) {
  SplitTag gold = split_tag(gold_tag);
  SplitTag guess = split_tag(guessed_tag);
  // Sentence breaks are always outside any chunk.
  if (is_boundary) guess = {"O", {}};

  if (in_correct_) {
    bool gold_end = conlleval_end_of_chunk(last_gold_, gold.prefix, last_gold_type_, gold.type);
    bool guess_end = conlleval_end_of_chunk(last_guessed_, guess.prefix, last_guessed_type_, guess.type);
    if (gold_end && guess_end && last_guessed_type_ == last_gold_type_) {
      in_correct_ = false;
      ++overall_.correct;
      ++types_[last_gold_type_].correct;
    } else if (gold_end != guess_end || guess.type != gold.type) {
      in_correct_ = false;
    }
  }
  bool gold_start = conlleval_start_of_chunk(last_gold_, gold.prefix, last_gold_type_, gold.type);
  bool guess_start = conlleval_start_of_chunk(last_guessed_, guess.prefix, last_guessed_type_, guess.type);
  if (gold_start && guess_start && guess.type == gold.type) in_correct_ = true;
  if (gold_start) {
    ++overall_.gold;
    ++types_[std::string(gold.type)].gold;
  }
  if (guess_start) {
    ++overall_.predicted;
    ++types_[std::string(guess.type)].predicted;
  }
  if (!is_boundary) {
    if (gold.prefix == guess.prefix && gold.type == guess.type) ++correct_tags_;
    ++tokens_;
  }
  last_gold_.assign(gold.prefix);
  last_guessed_.assign(guess.prefix);
  last_gold_type_.assign(gold.type);
  last_guessed_type_.assign(guess.type);
}

ConllevalResult Conlleval::result() const {
  ConllevalResult r;
  r.tokens = tokens_;
  r.correct_tags = correct_tags_;
  r.overall = overall_;
  std::map<std::string, TypeScore, std::less<>> types = types_;
  if (in_correct_) {  // a chunk still open at the end of the input
    ++r.overall.correct;
    ++types[last_gold_type_].correct;
  }
  for (auto& [name, score] : types) {
    score.type = name;
    r.types.push_back(score);
  }
  r.overall.type = "overall";
  return r;
}

ConllevalResult evaluate(const std::vector<std::vector<std::string>>& gold,
                         const std::vector<std::vector<std::string>>& guessed, TagScheme gold_scheme,
                         TagScheme guessed_scheme, std::size_t doc_start_tokens) {
  if (gold.size() != guessed.size())
    throw Error(ErrorCode::kInvalidArgument, fmt::format("evaluate: {} gold sentences but {} guessed", gold.size(),
                                                         guessed.size()));
  auto column_scheme = [](const std::vector<std::vector<std::string>>& sentences, TagScheme scheme) {
    if (scheme != TagScheme::kAuto) return scheme;
    std::vector<std::string> all;
    for (const auto& s : sentences) all.insert(all.end(), s.begin(), s.end());
    return detect_scheme(all);
  };
  TagScheme gs = column_scheme(gold, gold_scheme);
  TagScheme ps = column_scheme(guessed, guessed_scheme);
  Conlleval eval;
  for (std::size_t i = 0; i < doc_start_tokens; ++i) eval.add("O", "O");
  for (std::size_t s = 0; s < gold.size(); ++s) {
    if (gold[s].size() != guessed[s].size())
      throw Error(ErrorCode::kInvalidArgument, fmt::format("evaluate: sentence {} has {} gold tags but {} guessed",
                                                           s + 1, gold[s].size(), guessed[s].size()));
    std::vector<std::string> g = to_iob2(gold[s], gs);
    std::vector<std::string> p = to_iob2(guessed[s], ps);
    for (std::size_t i = 0; i < g.size(); ++i) eval.add(g[i], p[i]);
    eval.boundary();
  }
  return eval.result();
}

}  // namespace erx::ner
