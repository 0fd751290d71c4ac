// Implementation of parser/arc_hybrid.hpp.
#include "parser/arc_hybrid.hpp"

namespace erx::parser {

void State::reset(int n) {
  n_ = n;
  b_ = 1;
  const auto size = static_cast<std::size_t>(n) + 2;
  stack_.clear();
  if (stack_.capacity() < size) stack_.reserve(size);
  stack_.push_back(0);
  head_.assign(size, -1);
  label_.assign(size, -1);
  l1_.assign(size, n + 1);
  l2_.assign(size, n + 1);
  r1_.assign(size, n + 1);
  r2_.assign(size, n + 1);
  lval_.assign(size, 0);
  rval_.assign(size, 0);
  lset_.assign(size, 0);
  rset_.assign(size, 0);
}

void State::attach(int h, int d, int label) noexcept {
  head_[d] = h;
  label_[d] = label;
  const std::uint64_t bit = std::uint64_t{1} << (static_cast<unsigned>(label) & 63u);
  if (d < h) {
    // Compare positions rather than trusting arrival order, so the bookkeeping holds for any
    // order in which arcs are built.
    if (l1_[h] == n_ + 1 || d < l1_[h]) {
      l2_[h] = l1_[h];
      l1_[h] = d;
    } else if (l2_[h] == n_ + 1 || d < l2_[h]) {
      l2_[h] = d;
    }
    ++lval_[h];
    lset_[h] |= bit;
  } else {
    if (r1_[h] == n_ + 1 || d > r1_[h]) {
      r2_[h] = r1_[h];
      r1_[h] = d;
    } else if (r2_[h] == n_ + 1 || d > r2_[h]) {
      r2_[h] = d;
    }
    ++rval_[h];
    rset_[h] |= bit;
  }
}

void State::apply(Move move, int label) noexcept {
  switch (move) {
    case Move::kShift:
      stack_.push_back(b_++);
      break;
    case Move::kLeft: {
      const int s0 = stack_.back();
      stack_.pop_back();
      attach(b_, s0, label);
      break;
    }
    case Move::kRight: {
      const int s0 = stack_.back();
      stack_.pop_back();
      attach(stack_.back(), s0, label);
      break;
    }
  }
}

OracleCosts oracle_costs(const State& st, const int* gold_head, const int* gold_label) noexcept {
  OracleCosts c;
  const int n = st.size();
  const int s0 = st.stack(0);
  const int s1 = st.stack(1);
  const int b0 = st.buffer_front();
  const bool have_s0 = st.stack_depth() >= 2;  // a word (not ROOT) on top

  // Gold dependents of s0 still in the buffer [b0, n]: lost by LEFT and RIGHT alike.
  int s0_deps_in_buffer = 0;
  if (have_s0)
    for (int d = b0; d <= n; ++d) s0_deps_in_buffer += gold_head[d] == s0;

  if (st.can_shift()) {
    // b0 can no longer take a head from the stack below s0, nor dependents from the stack.
    for (int i = 0; i < st.stack_depth(); ++i) {
      const int x = st.stack(i);
      if (x != 0 && gold_head[x] == b0) ++c.shift;
    }
    const int h = gold_head[b0];
    if (h != s0 && st.on_stack(h)) ++c.shift;
  }
  if (have_s0) {
    const int h = gold_head[s0];
    // LEFT: s0 takes head b0; loses heads s1 and β \ {b0}, and its dependents in the buffer.
    c.left = s0_deps_in_buffer + ((h != b0 && (h == s1 || h > b0)) ? 1 : 0);
    if (h == b0) c.left_label = gold_label[s0];
    // RIGHT: s0 takes head s1; loses heads in the buffer, and its dependents in the buffer.
    c.right = s0_deps_in_buffer + (h >= b0 ? 1 : 0);
    if (h == s1) c.right_label = gold_label[s0];
  }
  return c;
}

}  // namespace erx::parser
