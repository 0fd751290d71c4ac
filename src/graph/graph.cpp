// Implementation of erx::RelationGraph (erx/graph.hpp): building, merging and queries. The
// exporters are in graph_export.cpp.
#include "erx/graph.hpp"

#include <algorithm>
#include <deque>

#include "erx/error.hpp"

namespace erx {

namespace {

// How certain a modality is, for keeping the most certain one on a merged edge.
int certainty(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return 2;
    case Modality::kReported:
      return 1;
    case Modality::kHypothetical:
      return 0;
  }
  return 0;
}

// Dates, amounts and numbers: values, not things the graph links.
bool is_value_type(std::string_view type) {
  for (std::string_view v : {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
    if (type == v) return true;
  return false;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

void RelationGraph::check_node(std::uint32_t node) const {
  if (node >= nodes_.size())
    throw Error(ErrorCode::kInvalidArgument, "RelationGraph: node " + std::to_string(node) +
                                                 " out of range (" + std::to_string(nodes_.size()) +
                                                 " nodes)");
}

std::uint32_t RelationGraph::add_node(const std::string& name, const std::string& type) {
  std::string key = type;
  key += '\x1f';
  key += name;
  const auto [it, inserted] =
      index_.emplace(std::move(key), static_cast<std::uint32_t>(nodes_.size()));
  if (!inserted) return it->second;
  GraphNode node;
  node.name = name;
  node.type = type;
  nodes_.push_back(std::move(node));
  out_.emplace_back();
  in_.emplace_back();
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

void RelationGraph::add_edge(std::uint32_t source, std::uint32_t target,
                             const std::string& predicate, const std::string& type,
                             GraphEvidence evidence) {
  for (std::uint32_t e : out_[source]) {
    GraphEdge& edge = edges_[e];
    if (edge.target != target || edge.predicate != predicate || edge.negated != evidence.negated)
      continue;
    if (certainty(evidence.modality) > certainty(edge.modality)) edge.modality = evidence.modality;
    edge.confidence = std::max(edge.confidence, evidence.confidence);
    edge.evidence.push_back(std::move(evidence));
    return;
  }
  GraphEdge edge;
  edge.source = source;
  edge.target = target;
  edge.predicate = predicate;
  edge.type = type;
  edge.negated = evidence.negated;
  edge.modality = evidence.modality;
  edge.confidence = evidence.confidence;
  edge.evidence.push_back(std::move(evidence));
  const auto index = static_cast<std::uint32_t>(edges_.size());
  edges_.push_back(std::move(edge));
  out_[source].push_back(index);
  in_[target].push_back(index);
}

void RelationGraph::add(const Document& doc) {
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> node_of(doc.entities().size(), kNone);
  for (std::size_t i = 0; i < doc.entities().size(); ++i) {
    const Entity& e = doc.entities()[i];
    if (is_value_type(e.type)) continue;
    const std::uint32_t n = add_node(e.name, e.type);
    node_of[i] = n;
    GraphNode& node = nodes_[n];
    for (const std::string& a : e.aliases)
      if (a != node.name) add_unique(node.aliases, a);
    node.mentions += static_cast<std::uint32_t>(e.mentions.size());
    add_unique(node.documents, doc.id());
  }
  for (const Relation& r : doc.relations()) {
    if (r.subject.entity < 0 || r.object.entity < 0) continue;
    const auto s = static_cast<std::size_t>(r.subject.entity);
    const auto o = static_cast<std::size_t>(r.object.entity);
    if (s >= node_of.size() || o >= node_of.size() || node_of[s] == kNone || node_of[o] == kNone)
      continue;
    GraphEvidence ev;
    ev.document = doc.id();
    ev.sentence = r.sentence;
    ev.begin = r.evidence_begin;
    ev.end = r.evidence_end;
    ev.text = std::string(doc.text(r.evidence_begin, r.evidence_end));
    ev.predicate_text = r.predicate_text;
    ev.negated = r.negated;
    ev.modality = r.modality;
    ev.confidence = r.confidence;
    add_edge(node_of[s], node_of[o], r.predicate, r.type, std::move(ev));
  }
}

void RelationGraph::merge(const RelationGraph& other) {
  if (&other == this) {
    const RelationGraph copy = other;
    merge(copy);
    return;
  }
  std::vector<std::uint32_t> node_of(other.nodes_.size());
  for (std::size_t i = 0; i < other.nodes_.size(); ++i) {
    const GraphNode& theirs = other.nodes_[i];
    const std::uint32_t n = add_node(theirs.name, theirs.type);
    node_of[i] = n;
    GraphNode& mine = nodes_[n];
    for (const std::string& a : theirs.aliases)
      if (a != mine.name) add_unique(mine.aliases, a);
    for (const std::string& d : theirs.documents) add_unique(mine.documents, d);
    mine.mentions += theirs.mentions;
  }
  for (const GraphEdge& e : other.edges_)
    for (const GraphEvidence& ev : e.evidence)
      add_edge(node_of[e.source], node_of[e.target], e.predicate, e.type, ev);
}

std::optional<std::uint32_t> RelationGraph::find(std::string_view name,
                                                 std::string_view type) const {
  std::optional<std::uint32_t> best;
  for (int pass = 0; pass < 2 && !best; ++pass) {
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
      const GraphNode& n = nodes_[i];
      if (!type.empty() && n.type != type) continue;
      const bool match =
          pass == 0 ? n.name == name
                    : std::find(n.aliases.begin(), n.aliases.end(), name) != n.aliases.end();
      if (match && (!best || n.mentions > nodes_[*best].mentions)) best = i;
    }
  }
  return best;
}

std::span<const std::uint32_t> RelationGraph::out_edges(std::uint32_t node) const {
  check_node(node);
  return out_[node];
}

std::span<const std::uint32_t> RelationGraph::in_edges(std::uint32_t node) const {
  check_node(node);
  return in_[node];
}

std::vector<std::uint32_t> RelationGraph::neighbours(std::uint32_t node) const {
  check_node(node);
  std::vector<std::uint32_t> out;
  for (std::uint32_t e : out_[node]) out.push_back(edges_[e].target);
  for (std::uint32_t e : in_[node]) out.push_back(edges_[e].source);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), node), out.end());
  return out;
}

std::vector<std::uint32_t> RelationGraph::edges_between(std::uint32_t a, std::uint32_t b) const {
  check_node(a);
  check_node(b);
  std::vector<std::uint32_t> out;
  for (std::uint32_t e : out_[a])
    if (edges_[e].target == b) out.push_back(e);
  if (a != b)
    for (std::uint32_t e : in_[a])
      if (edges_[e].source == b) out.push_back(e);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint32_t> RelationGraph::shortest_path(std::uint32_t from, std::uint32_t to,
                                                        bool directed) const {
  check_node(from);
  check_node(to);
  constexpr std::uint32_t kUnseen = 0xFFFFFFFFu;
  std::vector<std::uint32_t> previous(nodes_.size(), kUnseen);
  std::deque<std::uint32_t> queue{from};
  previous[from] = from;
  while (!queue.empty() && previous[to] == kUnseen) {
    const std::uint32_t n = queue.front();
    queue.pop_front();
    const auto visit = [&](std::uint32_t next) {
      if (previous[next] != kUnseen) return;
      previous[next] = n;
      queue.push_back(next);
    };
    for (std::uint32_t e : out_[n]) visit(edges_[e].target);
    if (!directed)
      for (std::uint32_t e : in_[n]) visit(edges_[e].source);
  }
  if (previous[to] == kUnseen) return {};
  std::vector<std::uint32_t> path{to};
  while (path.back() != from) path.push_back(previous[path.back()]);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace erx
