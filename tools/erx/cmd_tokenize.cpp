// erx tokenize [--format text|json] [FILE]
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "erx/io.hpp"
#include "erx/tokenizer.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_tokenize(const Args& args) {
  std::string format = "text";
  std::string file;
  po::options_description visible("usage: erx tokenize [--format text|json] [FILE]\n\n"
                                  "Splits FILE (or standard input) into tokens and sentences.\n"
                                  "text: one token per line, an empty line after each sentence.\n"
                                  "json: {\"sentences\": [{\"start\", \"end\", \"tokens\": [{\"start\", \"end\", \"text\"}]}]}\n"
                                  "with byte offsets into the input.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "output format: text or json");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&file));
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (const auto stop = parse_options("erx tokenize", args, visible, all, positional, vm)) return *stop;
  if (format != "text" && format != "json") {
    std::cerr << "erx tokenize: unknown format '" << format << "' (expected text or json)\n";
    return 2;
  }

  Tokenizer tokenizer;
  Document doc = tokenizer.tokenize(read_input(file));
  std::string out;
  if (format == "text") {
    for (const Sentence& s : doc.sentences()) {
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        out += doc.text(doc.tokens()[i]);
        out += '\n';
      }
      out += '\n';
    }
  } else {
    out += "{\"sentences\": [";
    bool first_sentence = true;
    for (const Sentence& s : doc.sentences()) {
      out += first_sentence ? "\n  " : ",\n  ";
      first_sentence = false;
      out += "{\"start\": " + std::to_string(s.begin) + ", \"end\": " + std::to_string(s.end) + ", \"tokens\": [";
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = doc.tokens()[i];
        if (i != s.first_token) out += ", ";
        out += "{\"start\": " + std::to_string(t.begin) + ", \"end\": " + std::to_string(t.end) + ", \"text\": ";
        append_json_string(out, doc.text(t));
        out += '}';
      }
      out += "]}";
    }
    out += "\n]}\n";
  }
  std::cout << out;
  return 0;
}

}  // namespace erx::cli
