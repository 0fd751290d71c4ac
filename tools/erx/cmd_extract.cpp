// erx extract [--format text|json|jsonl|dot|graphml] [--graph] [FILE...]: entities and links of
// each document, or the relation graph merged over all of them.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/graph.hpp"
#include "erx/io.hpp"
#include "erx/pipeline.hpp"
#include "erx/writers.hpp"
#include "eval/carb_score.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

// The merged graph for people: one line per edge with its evidence count and documents.
std::string graph_text(const RelationGraph& graph) {
  std::string out;
  for (const GraphNode& n : graph.nodes()) {
    out += n.name + " (" + n.type + ")";
    if (!n.aliases.empty()) {
      out += "  aka ";
      for (std::size_t i = 0; i < n.aliases.size(); ++i) out += (i ? ", " : "") + n.aliases[i];
    }
    out += "  [" + std::to_string(n.documents.size()) + (n.documents.size() == 1 ? " document]\n" : " documents]\n");
  }
  if (!graph.edges().empty()) out += '\n';
  for (const GraphEdge& e : graph.edges()) {
    const GraphNode& s = graph.nodes()[e.source];
    const GraphNode& o = graph.nodes()[e.target];
    out += s.name + " (" + s.type + ") --" + e.predicate + "--> " + o.name + " (" + o.type + ")   [" + e.type;
    if (e.negated) out += ", negated";
    if (e.modality != Modality::kAsserted) out += std::string(", ") + std::string(to_string(e.modality));
    out += ", x" + std::to_string(e.evidence.size()) + "]\n";
  }
  return out;
}

}  // namespace

int run_extract(const Args& args) {
  std::string format = "text";
  std::vector<std::string> files;
  std::vector<std::string> schema_files;
  bool graph_mode = false, open = false, schema_only = false;
  std::vector<std::string> rule_files;
  std::string model_dir;
  bool model_types = false;
  po::options_description visible(
      "usage: erx extract [options] [FILE...]\n\n"
      "Finds the entities in each FILE (standard input when none is given) and the typed links\n"
      "between them.\n"
      "  text     entities with their types, then one link per line, for people\n"
      "  json     one JSON object per document (the shape of DESIGN.md; byte offsets)\n"
      "  jsonl    the same objects, one per line\n"
      "  dot      the relation graph of all FILEs in Graphviz DOT (implies --graph)\n"
      "  graphml  the relation graph of all FILEs in GraphML (implies --graph)\n"
      "  carb     one tuple per line in the CaRB benchmark's tabbed format (sentence, confidence,\n"
      "           relation, arguments), for open-IE scorers; use with --open\n"
      "With --graph, the documents are merged into one relation graph (entities merged by name\n"
      "and type, links keeping every document's evidence) and printed as text or JSON.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "output format: text, json, jsonl, dot, graphml or carb")(
      "graph,g", po::bool_switch(&graph_mode), "print the relation graph merged over all FILEs")(
      "schema,s", po::value(&schema_files)->composing(),
      "add the entries of this relation schema file to the built-in one (repeatable)")(
      "schema-only", po::bool_switch(&schema_only), "keep only links whose predicate the schema lists")(
      "open", po::bool_switch(&open), "open mode: link arguments may be any noun phrase")(
      "model,m", po::value(&model_dir),
      "load the model bundle of this directory (its *.erxm files replace the built-in stages; a\n"
      "relations.erxm adds a trained relation classifier, e.g. models/conll04)")(
      "model-types", po::bool_switch(&model_types),
      "keep the entity model's own types: no OntoNotes refinement, no DATE/number patterns, no\n"
      "titles (for bundles trained on other type sets, such as models/conll04)")(
      "rules,r", po::value(&rule_files)->composing(),
      "user entity rules: TYPE<TAB>phrase or TYPE<TAB>pattern: ... per line (repeatable; see erx/entities.hpp)");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&files));
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  if (const auto stop = parse_options("erx extract", args, visible, all, positional, vm)) return *stop;
  if (format != "text" && format != "json" && format != "jsonl" && format != "dot" && format != "graphml" &&
      format != "carb") {
    std::cerr << "erx extract: unknown format '" << format << "' (expected text, json, jsonl, dot, graphml or carb)\n";
    return 2;
  }
  if (format == "dot" || format == "graphml") graph_mode = true;
  if (files.empty()) files.push_back("-");

  PipelineOptions options;
  options.relations.open = open;
  options.relations.schema_only = schema_only;
  for (const std::string& path : rule_files) options.entity_rules.load(path);
  if (model_types) {
    options.entities.refine_types = false;
    options.entities.patterns = false;
    options.entities.titles = false;
  }
  Pipeline pipeline = model_dir.empty() ? Pipeline::english(options) : Pipeline::load(model_dir, options);
  if (!schema_files.empty()) {
    RelationSchema schema = RelationSchema::english();
    for (const std::string& path : schema_files) schema.add_text(read_input(path), path);
    pipeline = pipeline.with_relation_schema(std::move(schema));
  }
  if (graph_mode) {
    RelationGraph graph;
    for (const std::string& file : files) {
      Document doc = pipeline.run(read_input(file));
      doc.set_id(file == "-" ? "stdin" : file);
      graph.add(doc);
    }
    if (format == "dot") std::cout << graph.to_dot();
    else if (format == "graphml") std::cout << graph.to_graphml();
    else if (format == "text") std::cout << graph_text(graph);
    else std::cout << graph.to_json(format == "json");
    return 0;
  }
  if (format == "carb") {
    for (const std::string& file : files) {
      eval::OpenTupleSet tuples;
      eval::add_document_tuples(pipeline.run(read_input(file)), "", tuples);
      for (const eval::OpenSentence& s : tuples.sentences())
        for (const eval::OpenTuple& t : s.tuples) std::cout << eval::carb_tabbed_line(s.text, t);
    }
    return 0;
  }
  JsonOptions json;
  json.pretty = format == "json";
  for (const std::string& file : files) {
    Document doc = pipeline.run(read_input(file));
    doc.set_id(file == "-" ? "stdin" : file);
    std::cout << (format == "text" ? to_text(doc) : to_json(doc, json));
  }
  return 0;
}

}  // namespace erx::cli
