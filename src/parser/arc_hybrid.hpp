// parser/arc_hybrid.hpp — the arc-hybrid transition system with a single-root tree constraint.
//
// Arc-hybrid (Kuhlmann, Gómez-Rodríguez & Satta 2011) over a stack σ and a buffer β:
//
//   SHIFT      (σ, b|β)      => (σ|b, β)
//   LEFT-l     (σ|s, b|β)    => (σ, b|β)      adds s <-l- b   (s may not be ROOT)
//   RIGHT-l    (σ|t|s, β)    => (σ|t, β)      adds t -l-> s
//
// Positions are sentence-local: 0 is the artificial ROOT, 1..n the words, n + 1 the "none"
// sentinel used for absent positions (its attributes are a fixed "nothing here" value). ROOT sits
// at the bottom of the stack; RIGHT from ROOT (label "root") is allowed only once the buffer is
// empty, which yields exactly one root per sentence and a connected tree. Every word is shifted
// once and popped once, so a sentence of n words takes exactly 2n transitions: linear time, no
// recursion.
//
// Because the buffer only ever loses its front, it is the contiguous range [b, n]; a word is on
// the stack iff it is ROOT or it was shifted (index < b) and has no head yet.
//
// Classes (what the perceptron scores): 0 = SHIFT, 1 + 2l = LEFT-l, 2 + 2l = RIGHT-l.
//
// A State is per-call scratch: reset() resizes its arrays only when a longer sentence arrives, so
// parsing allocates nothing per token. Not thread-safe; one State per thread / call.
#pragma once

#include <cstdint>
#include <vector>

namespace erx::parser {

enum class Move : std::uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

// Class id of (move, label); label is ignored for SHIFT.
[[nodiscard]] constexpr int action_id(Move move, int label) noexcept {
  return move == Move::kShift ? 0 : (move == Move::kLeft ? 1 + 2 * label : 2 + 2 * label);
}
[[nodiscard]] constexpr Move action_move(int action) noexcept {
  return action == 0 ? Move::kShift : ((action & 1) ? Move::kLeft : Move::kRight);
}
[[nodiscard]] constexpr int action_label(int action) noexcept { return action == 0 ? -1 : (action - 1) / 2; }
// Number of classes for `num_labels` dependency labels.
[[nodiscard]] constexpr int num_actions(int num_labels) noexcept { return 1 + 2 * num_labels; }

class State {
 public:
  // Starts a sentence of `n` words: stack [ROOT], buffer [1..n], no arcs.
  void reset(int n);

  [[nodiscard]] int size() const noexcept { return n_; }
  [[nodiscard]] int none() const noexcept { return n_ + 1; }
  // Stack item i from the top (0 = top), or none() if the stack is shallower.
  [[nodiscard]] int stack(int i) const noexcept {
    int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[static_cast<std::size_t>(k)] : none();
  }
  [[nodiscard]] int stack_depth() const noexcept { return static_cast<int>(stack_.size()); }
  // Buffer item i from the front, or none() past its end.
  [[nodiscard]] int buffer(int i) const noexcept { return b_ + i <= n_ ? b_ + i : none(); }
  [[nodiscard]] int buffer_front() const noexcept { return b_; }
  [[nodiscard]] bool buffer_empty() const noexcept { return b_ > n_; }
  [[nodiscard]] bool terminal() const noexcept { return buffer_empty() && stack_.size() == 1; }
  // True if position x (0..n) is currently on the stack.
  [[nodiscard]] bool on_stack(int x) const noexcept { return x == 0 || (x < b_ && head_[x] < 0); }

  [[nodiscard]] bool can_shift() const noexcept { return !buffer_empty(); }
  [[nodiscard]] bool can_left() const noexcept { return !buffer_empty() && stack_.size() >= 2; }
  [[nodiscard]] bool can_right() const noexcept {
    return stack_.size() >= 3 || (stack_.size() == 2 && buffer_empty());
  }
  // True if RIGHT would attach to ROOT (and so must carry the root label).
  [[nodiscard]] bool right_is_root() const noexcept { return stack_.size() == 2; }

  // Applies a valid action (the caller checks validity with can_*()).
  void apply(Move move, int label) noexcept;

  // Arcs and the structure features read. Indexed by position 0..n+1.
  [[nodiscard]] int head(int x) const noexcept { return head_[x]; }
  [[nodiscard]] int label(int x) const noexcept { return label_[x]; }  // -1 if none
  [[nodiscard]] int leftmost(int x) const noexcept { return l1_[x]; }   // none() if none
  [[nodiscard]] int leftmost2(int x) const noexcept { return l2_[x]; }
  [[nodiscard]] int rightmost(int x) const noexcept { return r1_[x]; }
  [[nodiscard]] int rightmost2(int x) const noexcept { return r2_[x]; }
  [[nodiscard]] int left_valency(int x) const noexcept { return lval_[x]; }
  [[nodiscard]] int right_valency(int x) const noexcept { return rval_[x]; }
  // Bit sets (label id mod 64) of the labels of x's left / right dependents.
  [[nodiscard]] std::uint64_t left_labels(int x) const noexcept { return lset_[x]; }
  [[nodiscard]] std::uint64_t right_labels(int x) const noexcept { return rset_[x]; }

 private:
  void attach(int h, int d, int label) noexcept;

  int n_ = 0;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, label_, l1_, l2_, r1_, r2_, lval_, rval_;
  std::vector<std::uint64_t> lset_, rset_;
};

// Dynamic-oracle costs (Goldberg & Nivre 2013, arc-hybrid): the number of gold arcs an action
// makes unreachable, given projective gold heads `gold_head[1..n]` (0 = ROOT) and labels. Exact
// for arc-hybrid because the system is arc-decomposable. The caller checks validity first.
struct OracleCosts {
  int shift = 0;        // cost of SHIFT
  int left = 0;         // cost of LEFT with the gold label (LEFT-l adds 1 if s0's gold head is b0 and l is wrong)
  int right = 0;        // cost of RIGHT with the gold label (likewise for s1)
  int left_label = -1;  // the label that makes LEFT cost `left`, or -1 if any label does
  int right_label = -1;
};
[[nodiscard]] OracleCosts oracle_costs(const State& state, const int* gold_head, const int* gold_label) noexcept;

}  // namespace erx::parser
