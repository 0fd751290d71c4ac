// Implementation of parser/projectivize.hpp.
#include "parser/projectivize.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace erx::parser {
namespace {

// True if `a` dominates `x` (x is in a's subtree, a itself included).
bool dominates(std::span<const int> heads, int a, int x) {
  for (std::size_t steps = 0; steps <= heads.size(); ++steps) {
    if (x == a) return true;
    if (x == 0) return false;
    x = heads[static_cast<std::size_t>(x)];
  }
  return false;  // a cycle: not a tree (callers validate first)
}

bool arc_is_projective(std::span<const int> heads, int d) {
  const int h = heads[static_cast<std::size_t>(d)];
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k)
    if (!dominates(heads, h, k)) return false;
  return true;
}

}  // namespace

bool is_projective(std::span<const int> heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int d = 1; d <= n; ++d)
    if (!arc_is_projective(heads, d)) return false;
  return true;
}

int projectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size()) - 1;
  std::vector<std::string> original_head_label(heads.size());
  int lifts = 0;
  for (;;) {
    // The shortest non-projective arc is lifted first (Nivre & Nilsson 2005).
    int best = -1;
    int best_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (arc_is_projective(heads, d)) continue;
      const int len = std::abs(heads[static_cast<std::size_t>(d)] - d);
      if (best < 0 || len < best_len) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) break;
    const auto d = static_cast<std::size_t>(best);
    const auto h = static_cast<std::size_t>(heads[d]);
    if (original_head_label[d].empty()) original_head_label[d] = labels[h];
    heads[d] = heads[h];  // h != 0: an arc from ROOT spans everything and is always projective
    ++lifts;
  }
  for (std::size_t d = 1; d < heads.size(); ++d)
    if (!original_head_label[d].empty()) labels[d] += kLiftSeparator + original_head_label[d];
  return lifts;
}

LiftTable make_lift_table(std::span<const std::string> names) {
  std::unordered_map<std::string_view, int> ids;
  for (std::size_t i = 0; i < names.size(); ++i) ids.emplace(names[i], static_cast<int>(i));
  LiftTable t;
  t.base.resize(names.size());
  t.wanted_head_label.assign(names.size(), -1);
  for (std::size_t i = 0; i < names.size(); ++i) {
    t.base[i] = static_cast<int>(i);
    const std::string_view name = names[i];
    const std::size_t bar = name.find(kLiftSeparator);
    if (bar == std::string_view::npos) continue;
    auto a = ids.find(name.substr(0, bar));
    auto b = ids.find(name.substr(bar + 1));
    if (a == ids.end() || b == ids.end()) continue;
    t.base[i] = a->second;
    t.wanted_head_label[i] = b->second;
  }
  return t;
}

void deprojectivize(std::span<int> heads, std::span<int> labels, const LiftTable& table,
                    std::vector<int>& scratch, int max_visits) {
  const int n = static_cast<int>(heads.size()) - 1;
  const auto wanted = [&](int d) {
    const int l = labels[static_cast<std::size_t>(d)];
    return l >= 0 && static_cast<std::size_t>(l) < table.wanted_head_label.size()
               ? table.wanted_head_label[static_cast<std::size_t>(l)]
               : -1;
  };
  bool any = false;
  for (int d = 1; d <= n && !any; ++d) any = wanted(d) >= 0;
  if (!any) return;

  // Children as position-ordered linked lists: first[h], next[d]; a BFS queue after them.
  const auto size = static_cast<std::size_t>(n) + 1;
  scratch.assign(3 * size, -1);
  int* first = scratch.data();
  int* next = first + size;
  int* queue = next + size;
  for (int d = n; d >= 1; --d) {
    const int h = heads[static_cast<std::size_t>(d)];
    next[d] = first[h];
    first[h] = d;
  }
  const auto unlink = [&](int h, int d) {
    if (first[h] == d) {
      first[h] = next[d];
      return;
    }
    for (int c = first[h]; c >= 0; c = next[c])
      if (next[c] == d) {
        next[c] = next[d];
        return;
      }
  };
  const auto link = [&](int h, int d) {
    if (first[h] < 0 || first[h] > d) {
      next[d] = first[h];
      first[h] = d;
      return;
    }
    int c = first[h];
    while (next[c] >= 0 && next[c] < d) c = next[c];
    next[d] = next[c];
    next[c] = d;
  };

  for (int d = 1; d <= n; ++d) {
    const int want = wanted(d);
    if (want < 0) continue;
    labels[static_cast<std::size_t>(d)] = table.base[static_cast<std::size_t>(labels[static_cast<std::size_t>(d)])];
    const int h = heads[static_cast<std::size_t>(d)];
    // Breadth-first, left to right, below h but never into d's own subtree (no cycles).
    int qb = 0, qe = 0, found = -1;
    for (int c = first[h]; c >= 0; c = next[c])
      if (c != d) queue[qe++] = c;
    int visits = 0;
    while (qb < qe && visits < max_visits) {
      const int x = queue[qb++];
      ++visits;
      if (labels[static_cast<std::size_t>(x)] == want) {
        found = x;
        break;
      }
      for (int c = first[x]; c >= 0 && qe < n; c = next[c])
        if (c != d) queue[qe++] = c;
    }
    if (found < 0) continue;
    unlink(h, d);
    link(found, d);
    heads[static_cast<std::size_t>(d)] = found;
  }
}

}  // namespace erx::parser
