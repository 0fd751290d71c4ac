// export_graph — the links of several documents as one graph, exported for other tools.
//
// Shows: RelationGraph::add() for each document (entities become nodes merged across documents by
// name and type; relations become edges that keep the evidence of every place that says them),
// a query (find a node, list its neighbours), and export as Graphviz DOT, JSON or GraphML.
//
// Usage: export_graph [--format dot|json|graphml] [FILE...]
//   Without FILE it reads two built-in documents. The graph goes to standard output, the query
//   result to standard error. Render DOT with e.g. `export_graph | dot -Tsvg > graph.svg`.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <erx/erx.hpp>
#include <erx/graph.hpp>

int main(int argc, char** argv) {
  std::string format = "dot";
  std::vector<std::pair<std::string, std::string>> documents;  // id, text
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else {
      std::ifstream in(argv[i], std::ios::binary);
      if (!in) {
        std::cerr << "export_graph: cannot open " << arg << '\n';
        return 1;
      }
      std::ostringstream text;
      text << in.rdbuf();
      documents.emplace_back(argv[i], text.str());
    }
  }
  if (format != "dot" && format != "json" && format != "graphml") {
    std::cerr << "export_graph: unknown format '" << format << "' (dot, json or graphml)\n";
    return 2;
  }
  if (documents.empty()) {
    documents = {{"a.txt", "Lee Jae Myung visited Beijing on Monday. He met Chinese President Xi Jinping."},
                 {"b.txt", "China is South Korea's largest trading partner. Lee Jae Myung is the "
                           "president of South Korea."}};
  }

  try {
    const erx::Pipeline pipeline = erx::Pipeline::english();
    erx::RelationGraph graph;
    for (const auto& [id, text] : documents) {
      erx::Document doc = pipeline.run(text);
      doc.set_id(id);  // evidence names the document by its id
      graph.add(doc);
    }

    // A query: who is linked to the node with the most mentions?
    std::uint32_t best = 0;
    for (std::uint32_t n = 0; n < graph.nodes().size(); ++n)
      if (graph.nodes()[n].mentions > graph.nodes()[best].mentions) best = n;
    if (!graph.empty()) {
      std::cerr << graph.nodes()[best].name << " (" << graph.nodes()[best].type << ") is linked to:";
      for (std::uint32_t n : graph.neighbours(best)) std::cerr << ' ' << graph.nodes()[n].name;
      std::cerr << '\n';
    }
    std::cerr << graph.nodes().size() << " nodes, " << graph.edges().size() << " edges\n";

    if (format == "dot") std::cout << graph.to_dot();
    if (format == "json") std::cout << graph.to_json() << '\n';
    if (format == "graphml") std::cout << graph.to_graphml();
  } catch (const erx::Error& e) {
    std::cerr << "export_graph: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
