// The exporters of erx::RelationGraph (erx/graph.hpp): JSON through Boost.JSON, DOT and GraphML
// through Boost.Graph's writers running on the erx/boost_graph.hpp adaptor.
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/json.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <sstream>

#include "core/utf8.hpp"
#include "erx/boost_graph.hpp"
#include "erx/graph.hpp"
#include "writers/json_format.hpp"

namespace erx {

namespace {

// `s` as well-formed UTF-8 (each invalid byte becomes U+FFFD) without C0 control characters other
// than tab and newline (they are not allowed in XML 1.0 and are noise in labels).
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = utf8::sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 1 && c < 0x20 && c != '\t' && c != '\n')
      out += ' ';
    else
      out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

boost::json::array string_array(const std::vector<std::string>& values) {
  boost::json::array a;
  for (const std::string& v : values) a.emplace_back(clean(v));
  return a;
}

std::string node_id(std::uint32_t n) { return "n" + std::to_string(n); }

// Confidence rounded to 3 decimals, so the output does not carry float noise.
double rounded(float x) {
  return static_cast<double>(static_cast<long>(static_cast<double>(x) * 1000.0 + 0.5)) / 1000.0;
}

}  // namespace

std::string RelationGraph::to_json(bool pretty) const {
  boost::json::array nodes;
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const GraphNode& n = nodes_[i];
    nodes.emplace_back(boost::json::object{{"id", node_id(i)},
                                           {"name", clean(n.name)},
                                           {"type", clean(n.type)},
                                           {"aliases", string_array(n.aliases)},
                                           {"mentions", n.mentions},
                                           {"documents", string_array(n.documents)}});
  }
  boost::json::array edges;
  for (const GraphEdge& e : edges_) {
    boost::json::array evidence;
    for (const GraphEvidence& ev : e.evidence) {
      evidence.emplace_back(boost::json::object{{"document", clean(ev.document)},
                                                {"sentence", ev.sentence},
                                                {"start", ev.begin},
                                                {"end", ev.end},
                                                {"text", clean(ev.text)},
                                                {"predicate_text", clean(ev.predicate_text)},
                                                {"negated", ev.negated},
                                                {"modality", to_string(ev.modality)},
                                                {"confidence", rounded(ev.confidence)}});
    }
    edges.emplace_back(boost::json::object{{"source", node_id(e.source)},
                                           {"target", node_id(e.target)},
                                           {"predicate", clean(e.predicate)},
                                           {"type", clean(e.type)},
                                           {"negated", e.negated},
                                           {"modality", to_string(e.modality)},
                                           {"confidence", rounded(e.confidence)},
                                           {"evidence", std::move(evidence)}});
  }
  const boost::json::value root =
      boost::json::object{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  std::string out;
  writers::format_json(out, root, pretty);
  out += '\n';
  return out;
}

std::string RelationGraph::to_dot() const {
  boost::dynamic_properties dp;
  dp.property("node_id", boost::make_function_property_map<std::uint32_t>(
                             [](std::uint32_t v) { return node_id(v); }));
  dp.property("label", boost::make_function_property_map<std::uint32_t>([this](std::uint32_t v) {
                return clean(nodes_[v].name + " (" + nodes_[v].type + ")");
              }));
  dp.property("label",
              boost::make_function_property_map<GraphEdgeRef>([this](const GraphEdgeRef& e) {
                const GraphEdge& edge = edges_[e.index];
                return clean((edge.negated ? "not " : "") + edge.predicate);
              }));
  dp.property(
      "style", boost::make_function_property_map<GraphEdgeRef>([this](const GraphEdgeRef& e) {
        return std::string(edges_[e.index].modality == Modality::kAsserted ? "solid" : "dashed");
      }));
  std::ostringstream out;
  boost::write_graphviz_dp(out, *this, dp);
  return out.str();
}

std::string RelationGraph::to_graphml() const {
  boost::dynamic_properties dp;
  dp.property("name", boost::make_function_property_map<std::uint32_t>(
                          [this](std::uint32_t v) { return clean(nodes_[v].name); }));
  dp.property("type", boost::make_function_property_map<std::uint32_t>(
                          [this](std::uint32_t v) { return clean(nodes_[v].type); }));
  dp.property("aliases", boost::make_function_property_map<std::uint32_t>([this](std::uint32_t v) {
                std::string joined;
                for (const std::string& a : nodes_[v].aliases)
                  joined += (joined.empty() ? "" : "; ") + a;
                return clean(joined);
              }));
  dp.property("mentions", boost::make_function_property_map<std::uint32_t>([this](std::uint32_t v) {
                return static_cast<int>(nodes_[v].mentions);
              }));
  dp.property("predicate",
              boost::make_function_property_map<GraphEdgeRef>(
                  [this](const GraphEdgeRef& e) { return clean(edges_[e.index].predicate); }));
  dp.property("type", boost::make_function_property_map<GraphEdgeRef>(
                          [this](const GraphEdgeRef& e) { return clean(edges_[e.index].type); }));
  dp.property("negated", boost::make_function_property_map<GraphEdgeRef>(
                             [this](const GraphEdgeRef& e) { return edges_[e.index].negated; }));
  dp.property("modality",
              boost::make_function_property_map<GraphEdgeRef>([this](const GraphEdgeRef& e) {
                return std::string(to_string(edges_[e.index].modality));
              }));
  dp.property("confidence",
              boost::make_function_property_map<GraphEdgeRef>(
                  [this](const GraphEdgeRef& e) { return rounded(edges_[e.index].confidence); }));
  dp.property("evidence",
              boost::make_function_property_map<GraphEdgeRef>([this](const GraphEdgeRef& e) {
                return clean(edges_[e.index].evidence.front().text);
              }));
  dp.property("evidence_count",
              boost::make_function_property_map<GraphEdgeRef>([this](const GraphEdgeRef& e) {
                return static_cast<int>(edges_[e.index].evidence.size());
              }));
  std::ostringstream out;
  boost::write_graphml(out, *this, get(boost::vertex_index, *this), dp, true);
  return out.str();
}

}  // namespace erx
