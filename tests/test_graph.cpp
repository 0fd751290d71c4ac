// Tests of erx/graph.hpp and the opt-in Boost.Graph adaptor erx/boost_graph.hpp.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "catch.hpp"
#include "erx/boost_graph.hpp"
#include "erx/error.hpp"
#include "erx/graph.hpp"
#include "erx/linker.hpp"
#include "erx/relations.hpp"
#include "golden_relations.hpp"

namespace {

// A document with entities and relations set by hand: `names` as "Name/TYPE" entities whose single
// mention is their first occurrence in `text`, and `links` as (subject, predicate, object, type).
struct Link {
  int subject;
  std::string predicate;
  int object;
  std::string type;
  bool negated = false;
  erx::Modality modality = erx::Modality::kAsserted;
};

erx::Document make_doc(const std::string& id, const std::string& text,
                       const std::vector<std::pair<std::string, std::string>>& entities,
                       const std::vector<std::vector<std::string>>& aliases,
                       const std::vector<Link>& links) {
  erx::Document doc(text);
  doc.set_id(id);
  doc.mutable_sentences().push_back({0, 0, 0, static_cast<std::uint32_t>(text.size())});
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const auto at = static_cast<std::uint32_t>(text.find(entities[i].first));
    erx::Mention m;
    m.begin = at;
    m.end = at + static_cast<std::uint32_t>(entities[i].first.size());
    m.type = entities[i].second;
    m.entity = static_cast<std::int32_t>(i);
    doc.mutable_mentions().push_back(m);
    erx::Entity e;
    e.name = entities[i].first;
    e.type = entities[i].second;
    e.mentions = {static_cast<std::uint32_t>(i)};
    if (i < aliases.size()) e.aliases = aliases[i];
    doc.mutable_entities().push_back(e);
  }
  for (const Link& l : links) {
    erx::Relation r;
    const erx::Mention& s = doc.mentions()[static_cast<std::size_t>(l.subject)];
    const erx::Mention& o = doc.mentions()[static_cast<std::size_t>(l.object)];
    r.subject = {l.subject, s.begin, s.end};
    r.object = {l.object, o.begin, o.end};
    r.predicate = l.predicate;
    r.predicate_text = l.predicate;
    r.type = l.type;
    r.negated = l.negated;
    r.modality = l.modality;
    r.confidence = 0.8f;
    r.evidence_begin = std::min(s.begin, o.begin);
    r.evidence_end = std::max(s.end, o.end);
    doc.mutable_relations().push_back(r);
  }
  return doc;
}

// Two documents about the same people, and a third one unrelated to them.
erx::RelationGraph sample_graph() {
  erx::RelationGraph g;
  g.add(make_doc("a.txt", "Lee Jae Myung visited Beijing and met Xi Jinping.",
                 {{"Lee Jae Myung", "PERSON"}, {"Beijing", "GPE"}, {"Xi Jinping", "PERSON"}},
                 {{"Lee"}, {}, {"Xi"}}, {{0, "visit", 1, "VISIT"}, {0, "meet", 2, "MEET"}}));
  g.add(make_doc(
      "b.txt", "Lee Jae Myung will visit Beijing. Xi Jinping leads China.",
      {{"Lee Jae Myung", "PERSON"}, {"Beijing", "GPE"}, {"Xi Jinping", "PERSON"}, {"China", "GPE"}},
      {{"President Lee"}, {}, {}, {}},
      {{0, "visit", 1, "VISIT", false, erx::Modality::kHypothetical}, {2, "lead", 3, "ROLE"}}));
  g.add(make_doc("c.txt", "Macron did not visit Berlin.", {{"Macron", "PERSON"}, {"Berlin", "GPE"}},
                 {}, {{0, "visit", 1, "VISIT", true}}));
  return g;
}

std::uint32_t node(const erx::RelationGraph& g, std::string_view name) {
  const auto n = g.find(name);
  REQUIRE(n.has_value());
  return *n;
}

}  // namespace

TEST_CASE("Nodes merge across documents by name and type, keeping aliases") {
  const erx::RelationGraph g = sample_graph();
  REQUIRE(g.nodes().size() == 6);
  const erx::GraphNode& lee = g.nodes()[node(g, "Lee Jae Myung")];
  CHECK(lee.type == "PERSON");
  CHECK(lee.aliases == std::vector<std::string>{"Lee", "President Lee"});
  CHECK(lee.documents == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(lee.mentions == 2);
  CHECK(g.find("President Lee") == g.find("Lee Jae Myung"));
  CHECK(g.find("Beijing", "PERSON") == std::nullopt);
  CHECK(g.find("Nobody") == std::nullopt);
}

TEST_CASE("Edges merge the evidence of the same link and keep the most certain modality") {
  const erx::RelationGraph g = sample_graph();
  REQUIRE(g.edges().size() == 4);
  const auto visits = g.edges_between(node(g, "Lee Jae Myung"), node(g, "Beijing"));
  REQUIRE(visits.size() == 1);
  const erx::GraphEdge& visit = g.edges()[visits[0]];
  CHECK(visit.predicate == "visit");
  CHECK(visit.type == "VISIT");
  REQUIRE(visit.evidence.size() == 2);
  CHECK(visit.evidence[0].document == "a.txt");
  CHECK(visit.evidence[0].text == "Lee Jae Myung visited Beijing");
  CHECK(visit.evidence[1].document == "b.txt");
  CHECK(visit.evidence[1].modality == erx::Modality::kHypothetical);
  CHECK(visit.modality == erx::Modality::kAsserted);
  const auto negated = g.edges_between(node(g, "Berlin"), node(g, "Macron"));
  REQUIRE(negated.size() == 1);
  CHECK(g.edges()[negated[0]].negated);
}

TEST_CASE("Neighbours, relations between two entities and shortest paths") {
  const erx::RelationGraph g = sample_graph();
  const std::uint32_t lee = node(g, "Lee Jae Myung"), xi = node(g, "Xi Jinping"),
                      china = node(g, "China"), beijing = node(g, "Beijing"),
                      macron = node(g, "Macron");
  CHECK(g.neighbours(lee) ==
        std::vector<std::uint32_t>{std::min(beijing, xi), std::max(beijing, xi)});
  CHECK(g.neighbours(china) == std::vector<std::uint32_t>{xi});
  CHECK(g.edges_between(lee, china).empty());
  CHECK(g.shortest_path(lee, china) == std::vector<std::uint32_t>{lee, xi, china});
  CHECK(g.shortest_path(china, lee) == std::vector<std::uint32_t>{china, xi, lee});  // undirected
  CHECK(g.shortest_path(china, lee, true).empty());                                  // directed
  CHECK(g.shortest_path(lee, lee) == std::vector<std::uint32_t>{lee});
  CHECK(g.shortest_path(lee, macron).empty());
  CHECK_THROWS_AS(g.neighbours(99), erx::Error);
}

TEST_CASE("Merging graphs equals adding all documents to one") {
  erx::RelationGraph a, b;
  const erx::RelationGraph all = sample_graph();
  a.add(make_doc("a.txt", "Lee Jae Myung visited Beijing and met Xi Jinping.",
                 {{"Lee Jae Myung", "PERSON"}, {"Beijing", "GPE"}, {"Xi Jinping", "PERSON"}},
                 {{"Lee"}, {}, {"Xi"}}, {{0, "visit", 1, "VISIT"}, {0, "meet", 2, "MEET"}}));
  b.add(make_doc(
      "b.txt", "Lee Jae Myung will visit Beijing. Xi Jinping leads China.",
      {{"Lee Jae Myung", "PERSON"}, {"Beijing", "GPE"}, {"Xi Jinping", "PERSON"}, {"China", "GPE"}},
      {{"President Lee"}, {}, {}, {}},
      {{0, "visit", 1, "VISIT", false, erx::Modality::kHypothetical}, {2, "lead", 3, "ROLE"}}));
  b.add(make_doc("c.txt", "Macron did not visit Berlin.", {{"Macron", "PERSON"}, {"Berlin", "GPE"}},
                 {}, {{0, "visit", 1, "VISIT", true}}));
  a.merge(b);
  CHECK(a.to_json() == all.to_json());
}

TEST_CASE("JSON export has the documented shape") {
  const erx::RelationGraph g = sample_graph();
  const boost::json::value v = boost::json::parse(g.to_json());
  const auto& nodes = v.at("nodes").as_array();
  const auto& edges = v.at("edges").as_array();
  REQUIRE(nodes.size() == 6);
  REQUIRE(edges.size() == 4);
  CHECK(nodes[0].at("id").as_string() == "n0");
  CHECK(nodes[0].at("name").as_string() == "Lee Jae Myung");
  CHECK(nodes[0].at("aliases").as_array().size() == 2);
  const auto& e = edges[0].as_object();
  CHECK(e.at("source").as_string() == "n0");
  CHECK(e.at("target").as_string() == "n1");
  CHECK(e.at("predicate").as_string() == "visit");
  CHECK(e.at("modality").as_string() == "asserted");
  CHECK(e.at("evidence").as_array().size() == 2);
  CHECK(e.at("evidence").as_array()[1].at("document").as_string() == "b.txt");
}

TEST_CASE("DOT export labels nodes and edges") {
  const std::string dot = sample_graph().to_dot();
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("n0 [label=\"Lee Jae Myung (PERSON)\"];") != std::string::npos);
  CHECK(dot.find("n0->n1  [label=visit, style=solid];") != std::string::npos);
  CHECK(dot.find("label=\"not visit\", style=solid") != std::string::npos);
}

TEST_CASE("GraphML export is well-formed XML with the keys") {
  erx::RelationGraph g = sample_graph();
  g.add(make_doc("d.txt", "A <b> & \"c\" \x01 bad\xff",
                 {{"<b> & \"c\"", "ORG"}, {"bad\xff", "ORG"}}, {}, {{0, "own", 1, "OTHER"}}));
  const std::string xml = g.to_graphml();
  std::istringstream in(xml);
  boost::property_tree::ptree tree;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
  const auto& graph = tree.get_child("graphml.graph");
  std::size_t nodes = 0, edges = 0;
  for (const auto& child : graph) {
    nodes += child.first == "node";
    edges += child.first == "edge";
  }
  CHECK(nodes == g.nodes().size());
  CHECK(edges == g.edges().size());
  CHECK(xml.find("&lt;b&gt; &amp; &quot;c&quot;") != std::string::npos);
  CHECK(xml.find("bad\xEF\xBF\xBD") != std::string::npos);
  CHECK(xml.find("attr.name=\"predicate\"") != std::string::npos);
}

TEST_CASE("The Boost.Graph adaptor models the graph concepts and runs algorithms") {
  using G = erx::RelationGraph;
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<G>));
  BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<G>));

  const G g = sample_graph();
  CHECK(num_vertices(g) == g.nodes().size());
  CHECK(num_edges(g) == g.edges().size());
  const std::uint32_t lee = node(g, "Lee Jae Myung"), china = node(g, "China"),
                      xi = node(g, "Xi Jinping");
  CHECK(out_degree(lee, g) == 2);
  CHECK(in_degree(xi, g) == 1);

  // Directed BFS from Lee reaches Beijing and Xi in one step, not China (Xi -> China is the
  // only way there, and it is two steps).
  std::vector<std::uint32_t> distance(num_vertices(g), 0);
  boost::breadth_first_search(g, lee,
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  distance.data(), boost::on_tree_edge()))));
  CHECK(distance[xi] == 1);
  CHECK(distance[china] == 2);
  CHECK(distance[node(g, "Macron")] == 0);  // unreachable

  // Dijkstra with a weight per edge (1 - confidence), through the edge_index map.
  std::vector<double> weight(num_edges(g));
  for (std::size_t e = 0; e < weight.size(); ++e)
    weight[e] = 1.0 - static_cast<double>(g.edges()[e].confidence);
  std::vector<double> dist(num_vertices(g));
  std::vector<std::uint32_t> pred(num_vertices(g));
  boost::dijkstra_shortest_paths(g, lee,
                                 boost::weight_map(boost::make_iterator_property_map(
                                                       weight.begin(), get(boost::edge_index, g)))
                                     .distance_map(boost::make_iterator_property_map(
                                         dist.begin(), get(boost::vertex_index, g)))
                                     .predecessor_map(boost::make_iterator_property_map(
                                         pred.begin(), get(boost::vertex_index, g))));
  CHECK(pred[china] == xi);
  CHECK(dist[china] == Approx(0.4).epsilon(1e-6));
}

TEST_CASE("A graph from golden documents links their entities") {
  const auto cases =
      erx::test::load_golden(std::string(ERX_SOURCE_DIR) + "/tests/data/relations_golden.conllu");
  erx::RelationGraph g;
  for (const auto& c : cases) {
    erx::Document doc = erx::test::gold_document(c);
    doc.set_id(c.id);
    erx::Linker().link(doc);
    erx::RelationExtractor().extract(doc);
    g.add(doc);
  }
  // "Lee" is named in many cases; it is one node with every document listed.
  const auto lee = g.find("Lee", "PERSON");
  REQUIRE(lee.has_value());
  CHECK(g.nodes()[*lee].documents.size() > 10);
  const auto beijing = g.find("Beijing", "GPE");
  REQUIRE(beijing.has_value());
  const auto links = g.edges_between(*lee, *beijing);
  REQUIRE(!links.empty());
  bool visit = false;
  for (std::uint32_t e : links) visit = visit || g.edges()[e].predicate == "visit";
  CHECK(visit);
  const auto france = g.find("France", "GPE");
  REQUIRE(france.has_value());
  CHECK(std::find(g.nodes()[*france].aliases.begin(), g.nodes()[*france].aliases.end(), "French") !=
        g.nodes()[*france].aliases.end());
}
