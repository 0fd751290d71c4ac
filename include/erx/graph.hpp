// erx/graph.hpp — the relation graph: entities as nodes, relations as edges, across documents.
//
//   erx::RelationGraph graph;
//   for (const std::string& file : files) graph.add(pipeline.run(read(file)));  // doc ids = files
//   auto lee = graph.find("Lee Jae Myung");
//   for (std::uint32_t n : graph.neighbours(*lee)) std::cout << graph.nodes()[n].name << '\n';
//   std::cout << graph.to_dot();                       // or to_json(), to_graphml()
//
// Nodes are merged across documents by canonical name and type ("Lee Jae Myung"/PERSON is one node
// however many documents name it; the aliases of every document are kept). Edges are merged by
// source, target, predicate and negation; each edge keeps the evidence of every place that says it
// (document, sentence, byte span and words). Relations whose subject or object is not an entity
// (open mode) are not part of the graph, and neither are value entities (DATE, TIME, PERCENT,
// MONEY, QUANTITY, ORDINAL, CARDINAL).
//
// For Boost.Graph algorithms, include <erx/boost_graph.hpp> (opt-in; it needs Boost headers).
//
// A RelationGraph is a regular value (copyable, movable). Const members are safe to call from many
// threads at once; add() and merge() are not synchronized.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "erx/document.hpp"
#include "erx/export.hpp"

namespace erx {

// One place that says a relation.
struct GraphEvidence {
  std::string document;        // Document::id() of the document it comes from
  std::uint32_t sentence = 0;  // sentence index in that document
  std::uint32_t begin = 0;     // byte span of the evidence in that document's text
  std::uint32_t end = 0;
  std::string text;            // the evidence words
  std::string predicate_text;  // the predicate as the sentence words it
  bool negated = false;
  Modality modality = Modality::kAsserted;
  float confidence = 0.0f;
};

// An entity, merged across documents.
struct GraphNode {
  std::string name;                    // canonical name
  std::string type;                    // entity type
  std::vector<std::string> aliases;    // other names used for it, in first-seen order
  std::uint32_t mentions = 0;          // number of mentions over all documents
  std::vector<std::string> documents;  // ids of the documents that mention it, first-seen order
};

// A relation between two nodes, merged across documents.
struct GraphEdge {
  std::uint32_t source = 0;  // index into RelationGraph::nodes() (the subject)
  std::uint32_t target = 0;  // the object
  std::string predicate;     // normalized predicate ("visit")
  std::string type;          // relation type ("VISIT", "OTHER")
  bool negated = false;
  Modality modality = Modality::kHypothetical;  // the most certain modality among the evidence
  float confidence = 0.0f;                      // the highest confidence among the evidence
  std::vector<GraphEvidence> evidence;          // in the order added
};

class ERX_API RelationGraph {
 public:
  // An empty graph.
  RelationGraph() = default;

  // Adds the entities of `doc` as nodes and its entity-to-entity relations as edges, merging with
  // what the graph has (see the header comment). Evidence names the document by doc.id().
  void add(const Document& doc);

  // Adds every node and edge of `other` (with its evidence), merging as add() does.
  void merge(const RelationGraph& other);

  [[nodiscard]] const std::vector<GraphNode>& nodes() const noexcept { return nodes_; }
  [[nodiscard]] const std::vector<GraphEdge>& edges() const noexcept { return edges_; }
  [[nodiscard]] bool empty() const noexcept { return nodes_.empty(); }

  // The node named `name` (canonical name first, then aliases), of type `type` unless `type` is
  // empty. std::nullopt when there is none; when several match, the one with most mentions.
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view name,
                                                  std::string_view type = {}) const;

  // Indices of the edges leaving / entering `node`, in the order they were added. Throws
  // Error(kInvalidArgument) for a node index out of range (as every query taking a node does).
  [[nodiscard]] std::span<const std::uint32_t> out_edges(std::uint32_t node) const;
  [[nodiscard]] std::span<const std::uint32_t> in_edges(std::uint32_t node) const;

  // The nodes linked to `node` by an edge in either direction, sorted, without `node` itself.
  [[nodiscard]] std::vector<std::uint32_t> neighbours(std::uint32_t node) const;

  // Indices of the edges between `a` and `b`, in both directions, in the order added.
  [[nodiscard]] std::vector<std::uint32_t> edges_between(std::uint32_t a, std::uint32_t b) const;

  // A shortest path from `from` to `to` as node indices, both ends included ({from} when
  // from == to); empty when there is none. Edges are followed in either direction unless
  // `directed` is set. Breadth-first, so "shortest" counts edges; ties go to the earliest edges.
  [[nodiscard]] std::vector<std::uint32_t> shortest_path(std::uint32_t from, std::uint32_t to,
                                                         bool directed = false) const;

  // The graph as JSON: {"nodes": [{"id": "n0", "name", "type", "aliases", "mentions",
  // "documents"}], "edges": [{"source": "n0", "target": "n1", "predicate", "type", "negated",
  // "modality", "confidence", "evidence": [{"document", "sentence", "start", "end", "text",
  // "predicate_text", "negated", "modality", "confidence"}]}]}. Invalid UTF-8 becomes U+FFFD.
  // Indented when `pretty`, else on one line.
  [[nodiscard]] std::string to_json(bool pretty = true) const;

  // The graph in Graphviz DOT: nodes labelled "name (TYPE)", edges labelled with the predicate
  // ("not " before negated ones, dashed when not asserted).
  [[nodiscard]] std::string to_dot() const;

  // The graph in GraphML, with node keys name, type, aliases, mentions and edge keys predicate,
  // type, negated, modality, confidence, evidence (the first evidence text) and evidence_count.
  [[nodiscard]] std::string to_graphml() const;

 private:
  std::uint32_t add_node(const std::string& name, const std::string& type);
  void add_edge(std::uint32_t source, std::uint32_t target, const std::string& predicate,
                const std::string& type, GraphEvidence evidence);
  void check_node(std::uint32_t node) const;

  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::vector<std::vector<std::uint32_t>> out_, in_;      // edge indices per node
  std::unordered_map<std::string, std::uint32_t> index_;  // "TYPE\x1fname" -> node
};

}  // namespace erx
