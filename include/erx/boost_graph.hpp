// erx/boost_graph.hpp — opt-in: erx::RelationGraph as a Boost.Graph graph.
//
// Include this header (it needs the Boost headers; erx's other headers do not) to run Boost.Graph
// algorithms on a relation graph without copying it:
//
//   #include <erx/boost_graph.hpp>
//   #include <boost/graph/breadth_first_search.hpp>
//
//   erx::RelationGraph graph = ...;
//   std::vector<std::uint32_t> distance(num_vertices(graph));   // found by ADL, as BGL expects
//   boost::breadth_first_search(graph, *graph.find("Lee Jae Myung"),
//       boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance.data(),
//       boost::on_tree_edge()))));
//
// The adaptor models VertexListGraph, EdgeListGraph, IncidenceGraph, BidirectionalGraph and
// AdjacencyGraph of a directed multigraph (parallel edges allowed). Vertices are node indices
// (std::uint32_t, index into nodes()); edges are erx::GraphEdgeRef (index into edges() plus its
// ends). get(boost::vertex_index, graph) and get(boost::edge_index, graph) give the indices, so
// external property maps are plain vectors. The graph must not change while an algorithm runs.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <utility>

#include "erx/graph.hpp"

namespace erx {

// A Boost.Graph edge descriptor: the edge's index in RelationGraph::edges() and its ends.
struct GraphEdgeRef {
  std::uint32_t index = 0;
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  friend bool operator==(const GraphEdgeRef& a, const GraphEdgeRef& b) noexcept {
    return a.index == b.index;
  }
  friend bool operator!=(const GraphEdgeRef& a, const GraphEdgeRef& b) noexcept {
    return a.index != b.index;
  }
  friend bool operator<(const GraphEdgeRef& a, const GraphEdgeRef& b) noexcept {
    return a.index < b.index;
  }
};

namespace boost_adaptor {

// Turns an edge index into a GraphEdgeRef.
struct MakeEdge {
  const RelationGraph* graph = nullptr;
  GraphEdgeRef operator()(std::uint32_t e) const noexcept {
    const GraphEdge& edge = graph->edges()[e];
    return GraphEdgeRef{e, edge.source, edge.target};
  }
};

// Turns an out-edge index into the vertex it leads to.
struct EdgeTarget {
  const RelationGraph* graph = nullptr;
  std::uint32_t operator()(std::uint32_t e) const noexcept { return graph->edges()[e].target; }
};

// The edge_index property map: GraphEdgeRef -> its index.
struct EdgeIndexMap {
  using key_type = GraphEdgeRef;
  using value_type = std::uint32_t;
  using reference = std::uint32_t;
  using category = boost::readable_property_map_tag;
};
inline std::uint32_t get(EdgeIndexMap, const GraphEdgeRef& e) noexcept { return e.index; }

struct TraversalCategory : boost::vertex_list_graph_tag,
                           boost::edge_list_graph_tag,
                           boost::bidirectional_graph_tag,
                           boost::adjacency_graph_tag {};

using IdIterator = const std::uint32_t*;

}  // namespace boost_adaptor
}  // namespace erx

namespace boost {

template <>
struct graph_traits<erx::RelationGraph> {
  using vertex_descriptor = std::uint32_t;
  using edge_descriptor = erx::GraphEdgeRef;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = erx::boost_adaptor::TraversalCategory;

  using vertex_iterator = counting_iterator<std::uint32_t>;
  using edge_iterator =
      transform_iterator<erx::boost_adaptor::MakeEdge, counting_iterator<std::uint32_t>,
                         erx::GraphEdgeRef, erx::GraphEdgeRef>;
  using out_edge_iterator =
      transform_iterator<erx::boost_adaptor::MakeEdge, erx::boost_adaptor::IdIterator,
                         erx::GraphEdgeRef, erx::GraphEdgeRef>;
  using in_edge_iterator = out_edge_iterator;
  using adjacency_iterator =
      transform_iterator<erx::boost_adaptor::EdgeTarget, erx::boost_adaptor::IdIterator,
                         std::uint32_t, std::uint32_t>;

  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;

  static vertex_descriptor null_vertex() noexcept { return 0xFFFFFFFFu; }
};

template <>
struct property_map<erx::RelationGraph, vertex_index_t> {
  using type = typed_identity_property_map<std::uint32_t>;
  using const_type = type;
};

template <>
struct property_map<erx::RelationGraph, edge_index_t> {
  using type = erx::boost_adaptor::EdgeIndexMap;
  using const_type = type;
};

}  // namespace boost

namespace erx {

// The Boost.Graph free functions, found by argument-dependent lookup.

inline std::pair<boost::graph_traits<RelationGraph>::vertex_iterator,
                 boost::graph_traits<RelationGraph>::vertex_iterator>
vertices(const RelationGraph& g) {
  using It = boost::graph_traits<RelationGraph>::vertex_iterator;
  return {It(0u), It(static_cast<std::uint32_t>(g.nodes().size()))};
}

inline std::size_t num_vertices(const RelationGraph& g) noexcept { return g.nodes().size(); }

inline std::pair<boost::graph_traits<RelationGraph>::edge_iterator,
                 boost::graph_traits<RelationGraph>::edge_iterator>
edges(const RelationGraph& g) {
  using It = boost::graph_traits<RelationGraph>::edge_iterator;
  const boost_adaptor::MakeEdge make{&g};
  return {It(boost::counting_iterator<std::uint32_t>(0u), make),
          It(boost::counting_iterator<std::uint32_t>(static_cast<std::uint32_t>(g.edges().size())),
             make)};
}

inline std::size_t num_edges(const RelationGraph& g) noexcept { return g.edges().size(); }

inline std::uint32_t source(const GraphEdgeRef& e, const RelationGraph&) noexcept {
  return e.source;
}
inline std::uint32_t target(const GraphEdgeRef& e, const RelationGraph&) noexcept {
  return e.target;
}

inline std::pair<boost::graph_traits<RelationGraph>::out_edge_iterator,
                 boost::graph_traits<RelationGraph>::out_edge_iterator>
out_edges(std::uint32_t v, const RelationGraph& g) {
  using It = boost::graph_traits<RelationGraph>::out_edge_iterator;
  const auto ids = g.out_edges(v);
  const boost_adaptor::MakeEdge make{&g};
  return {It(ids.data(), make), It(ids.data() + ids.size(), make)};
}

inline std::size_t out_degree(std::uint32_t v, const RelationGraph& g) {
  return g.out_edges(v).size();
}

inline std::pair<boost::graph_traits<RelationGraph>::in_edge_iterator,
                 boost::graph_traits<RelationGraph>::in_edge_iterator>
in_edges(std::uint32_t v, const RelationGraph& g) {
  using It = boost::graph_traits<RelationGraph>::in_edge_iterator;
  const auto ids = g.in_edges(v);
  const boost_adaptor::MakeEdge make{&g};
  return {It(ids.data(), make), It(ids.data() + ids.size(), make)};
}

inline std::size_t in_degree(std::uint32_t v, const RelationGraph& g) {
  return g.in_edges(v).size();
}

inline std::size_t degree(std::uint32_t v, const RelationGraph& g) {
  return out_degree(v, g) + in_degree(v, g);
}

inline std::pair<boost::graph_traits<RelationGraph>::adjacency_iterator,
                 boost::graph_traits<RelationGraph>::adjacency_iterator>
adjacent_vertices(std::uint32_t v, const RelationGraph& g) {
  using It = boost::graph_traits<RelationGraph>::adjacency_iterator;
  const auto ids = g.out_edges(v);
  const boost_adaptor::EdgeTarget to{&g};
  return {It(ids.data(), to), It(ids.data() + ids.size(), to)};
}

inline boost::typed_identity_property_map<std::uint32_t> get(boost::vertex_index_t,
                                                             const RelationGraph&) noexcept {
  return {};
}

inline std::uint32_t get(boost::vertex_index_t, const RelationGraph&, std::uint32_t v) noexcept {
  return v;
}

inline boost_adaptor::EdgeIndexMap get(boost::edge_index_t, const RelationGraph&) noexcept {
  return {};
}

inline std::uint32_t get(boost::edge_index_t, const RelationGraph&,
                         const GraphEdgeRef& e) noexcept {
  return e.index;
}

}  // namespace erx
