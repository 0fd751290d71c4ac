// erx extract [--format text|json|jsonl] [FILE...]: entities and links of each document.
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/io.hpp"
#include "erx/pipeline.hpp"
#include "erx/writers.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_extract(const Args& args) {
  std::string format = "text";
  std::vector<std::string> files;
  po::options_description visible(
      "usage: erx extract [options] [FILE...]\n\n"
      "Finds the entities in each FILE (standard input when none is given) and the typed links\n"
      "between them.\n"
      "  text   entities with their types, then one link per line, for people\n"
      "  json   one JSON object per document (the shape of DESIGN.md; byte offsets)\n"
      "  jsonl  the same objects, one per line\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "output format: text, json or jsonl");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&files));
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "erx extract: " << e.what() << "\n\n" << visible << '\n';
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  if (format != "text" && format != "json" && format != "jsonl") {
    std::cerr << "erx extract: unknown format '" << format << "' (expected text, json or jsonl)\n";
    return 2;
  }
  if (files.empty()) files.push_back("-");

  const Pipeline pipeline = Pipeline::english();
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
