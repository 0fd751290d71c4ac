// erx — command-line front end of the erx library. `erx --help` lists the subcommands.
#include <cstring>
#include <iostream>
#include <string_view>

#include "erx/commands.hpp"
#include "erx/error.hpp"
#include "erx/version.hpp"

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const erx::cli::Args&);
};

constexpr Command kCommands[] = {
    {"extract", "entities and the typed links between them", erx::cli::run_extract},
    {"build", "build data resources (gazetteers) from source data", erx::cli::run_build},
    {"eval", "score a stage against annotated data", erx::cli::run_eval},
    {"ner", "label a token-per-line (CoNLL) file with entity tags", erx::cli::run_ner},
    {"parse", "CoNLL-U with tags and lemmas (and heads) of text or CoNLL-U", erx::cli::run_parse},
    {"tokenize", "split text into tokens and sentences", erx::cli::run_tokenize},
    {"train", "train a model (or word clusters) from data", erx::cli::run_train},
};

void print_usage(std::ostream& out) {
  out << "erx " ERX_VERSION_STRING " — entities and typed relations from raw text\n\n"
         "usage: erx <command> [options] [FILE...]\n\n"
         "commands:\n";
  for (const Command& c : kCommands) out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << '\n';
  out << "\nRun 'erx <command> --help' for the options of a command. Input is read from FILE, or\n"
         "from standard input when no FILE is given.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(std::cerr);
    return 2;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "erx " ERX_VERSION_STRING "\n";
    return 0;
  }
  for (const Command& c : kCommands) {
    if (c.name != name) continue;
    try {
      return c.run(erx::cli::Args(argv + 2, argv + argc));
    } catch (const erx::Error& e) {
      std::cerr << "erx " << name << ": " << e.what() << '\n';
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "erx " << name << ": " << e.what() << '\n';
      return 1;
    }
  }
  std::cerr << "erx: unknown command '" << name << "'\n\n";
  print_usage(std::cerr);
  return 2;
}
