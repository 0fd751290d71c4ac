// parser/projectivize.hpp — pseudo-projective parsing (Nivre & Nilsson 2005, "Head" encoding).
//
// The arc-hybrid parser builds projective trees only. Before training, every non-projective arc
// is lifted (its dependent is reattached to its head's head, shortest arcs first) until the tree is
// projective, and the lifted word's label records the label of its original head: "obj" under a
// head labelled "ccomp" becomes "obj|ccomp". After parsing, deprojectivize() undoes the lift: a word
// labelled "a|b" is moved to the first word labelled "b" found breadth-first, left to right, in
// the subtree of its current head (not inside its own subtree), and relabelled "a".
//
// Heads are sentence-local: heads[0] is unused, heads[i] in 0..n with 0 = ROOT.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace erx::parser {

// The separator between the dependent's label and its original head's label in a lifted label.
inline constexpr char kLiftSeparator = '|';

// True if every arc of `heads` is projective. `heads` must be a tree (checked by the caller).
[[nodiscard]] bool is_projective(std::span<const int> heads);

// Lifts non-projective arcs in place until the tree is projective and encodes each lifted word's
// original head label into its label (labels[i] for i in 1..n). Returns the number of lifts.
// `heads` must be a well-formed tree over 1..n rooted at 0.
int projectivize(std::vector<int>& heads, std::vector<std::string>& labels);

// Label bookkeeping for deprojectivize(): for each label id, the id of its base label ("a" for
// "a|b", itself otherwise) and the id of the head label it asks for (-1 if not lifted).
struct LiftTable {
  std::vector<int> base;
  std::vector<int> wanted_head_label;
};

// Builds the table for labels named `names`; a lifted label whose parts are not both in `names`
// keeps itself as base and asks for nothing.
[[nodiscard]] LiftTable make_lift_table(std::span<const std::string> names);

// Undoes projectivize() on a predicted tree (heads and label ids for positions 1..n). Each lifted
// word is searched for among at most `max_visits` candidates, so the cost stays linear in the
// sentence length. `scratch` is reused between calls to avoid allocation.
void deprojectivize(std::span<int> heads, std::span<int> labels, const LiftTable& table,
                    std::vector<int>& scratch, int max_visits = 512);

}  // namespace erx::parser
