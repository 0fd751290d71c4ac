// Implementation of ml/perceptron.hpp.
//
// Rows live in one vector; an open-addressing index (power-of-two size, load <= 1/2) maps a
// feature hash to its row. Feature hashes are already well mixed, so their low bits index the
// table directly.
#include "ml/perceptron.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

#include "erx/error.hpp"

namespace erx::ml {

Perceptron::Perceptron(std::size_t num_classes) : num_classes_(num_classes), index_(1024, 0) {
  if (num_classes == 0 || num_classes > 65535)
    throw Error(ErrorCode::kInvalidArgument, "perceptron: number of classes must be in 1..65535");
}

const Perceptron::Row* Perceptron::find(std::uint64_t feature) const noexcept {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(feature) & mask;; i = (i + 1) & mask) {
    const std::uint32_t r = index_[i];
    if (r == 0) return nullptr;
    if (rows_[r - 1].feature == feature) return &rows_[r - 1];
  }
}

void Perceptron::grow() {
  std::vector<std::uint32_t> bigger(index_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    std::size_t i = static_cast<std::size_t>(rows_[r].feature) & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = static_cast<std::uint32_t>(r + 1);
  }
  index_.swap(bigger);
}

Perceptron::Row& Perceptron::find_or_insert(std::uint64_t feature) {
  const std::size_t mask = index_.size() - 1;
  std::size_t i = static_cast<std::size_t>(feature) & mask;
  for (;; i = (i + 1) & mask) {
    const std::uint32_t r = index_[i];
    if (r == 0) break;
    if (rows_[r - 1].feature == feature) return rows_[r - 1];
  }
  if ((rows_.size() + 1) * 2 > index_.size()) {
    rows_.push_back({feature, {}});
    grow();
  } else {
    rows_.push_back({feature, {}});
    index_[i] = static_cast<std::uint32_t>(rows_.size());
  }
  num_rows_ = rows_.size();
  return rows_.back();
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const noexcept {
  std::fill_n(scores.begin(), num_classes_, 0.0f);
  for (std::uint64_t f : features) {
    const Row* row = find(f);
    if (row == nullptr) continue;
    for (const Cell& c : row->cells) scores[c.cls] += c.weight;
  }
}

void Perceptron::add(std::uint64_t feature, int cls, float delta) {
  assert(cls >= 0 && static_cast<std::size_t>(cls) < num_classes_);
  Row& row = find_or_insert(feature);
  auto it = std::find_if(row.cells.begin(), row.cells.end(), [&](const Cell& c) { return c.cls == cls; });
  if (it == row.cells.end()) {
    row.cells.push_back({static_cast<std::uint16_t>(cls), clock_, 0.0f, 0.0});
    it = row.cells.end() - 1;
  }
  it->total += static_cast<double>(clock_ - it->stamp) * it->weight;
  it->stamp = clock_;
  it->weight += delta;
}

void Perceptron::update(std::span<const std::uint64_t> features, int truth, int guess, float step) {
  if (truth == guess) return;
  for (std::uint64_t f : features) {
    add(f, truth, step);
    if (guess >= 0) add(f, guess, -step);
  }
}

LinearModel Perceptron::compile(const CompileOptions& options) const {
  const bool average = options.average && clock_ > 1;
  const double steps = static_cast<double>(clock_ - 1);
  std::vector<LinearModel::Row> rows;
  rows.reserve(rows_.size());
  for (const Row& r : rows_) {
    LinearModel::Row out{r.feature, {}};
    out.weights.reserve(r.cells.size());
    for (const Cell& c : r.cells) {
      double w = c.weight;
      if (average) w = (c.total + static_cast<double>(clock_ - c.stamp) * c.weight) / steps;
      if (w != 0.0) out.weights.emplace_back(c.cls, static_cast<float>(w));
    }
    if (!out.weights.empty()) rows.push_back(std::move(out));
  }
  return LinearModel::build(num_classes_, rows, options.prune_threshold);
}

}  // namespace erx::ml
