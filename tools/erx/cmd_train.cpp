// erx train <target> ...: dispatches to the training of one model. Each target is one entry of
// kTargets; its function is declared in commands.hpp and defined in cmd_train_<target>.cpp.
#include <iostream>
#include <string_view>

#include "erx/commands.hpp"

namespace erx::cli {

namespace {

struct Target {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args&);
};

constexpr Target kTargets[] = {
    {"clusters", "Brown word clusters from unlabeled tokenized text", run_train_clusters},
    {"ner", "entity recognizer from CoNLL-2003 / IOB2 files", run_train_ner},
    {"parser", "dependency parser from CoNLL-U treebanks", run_train_parser},
    {"tagger", "part-of-speech tagger and lemmatizer from CoNLL-U", run_train_tagger},
    {"tokenizer", "sentence-boundary model from CoNLL-U", run_train_tokenizer},
};

void print_usage(std::ostream& out) {
  out << "usage: erx train <target> [options]\n\ntargets:\n";
  for (const Target& t : kTargets) out << "  " << t.name << std::string(12 - t.name.size(), ' ') << t.summary << '\n';
  out << "\nRun 'erx train <target> --help' for the options of a target.\n";
}

}  // namespace

int run_train(const Args& args) {
  if (args.empty()) {
    print_usage(std::cerr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    print_usage(std::cout);
    return 0;
  }
  for (const Target& t : kTargets)
    if (t.name == args[0]) return t.run(Args(args.begin() + 1, args.end()));
  std::cerr << "erx train: unknown target '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return 2;
}

}  // namespace erx::cli
