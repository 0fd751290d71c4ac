// erx eval <target> ...: dispatches to the evaluation of one stage. Each target is one entry of
// kTargets; its function is declared in commands.hpp and defined in cmd_eval_<target>.cpp.
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
    {"ner", "entity P/R/F1 per type and micro, as conlleval (IOB1, IOB2, BILOU)", run_eval_ner},
    {"parser", "UAS/LAS: gold tags, predicted tags, raw text (CoNLL 2018 alignment)", run_eval_parser},
    {"relations", "typed-link precision/recall against CoNLL04 JSON", run_eval_relations},
    {"linker", "name merges and pronouns against GUM coreference (gold trees)", run_eval_linker},
    {"tagger", "UPOS/XPOS/lemma accuracy: gold tokens and raw text (CoNLL 2018 alignment)", run_eval_tagger},
    {"tokenize", "token, word and sentence F1 against CoNLL-U (CoNLL 2018 definitions)", run_eval_tokenize},
};

void print_usage(std::ostream& out) {
  out << "usage: erx eval <target> --gold FILE [options]\n\ntargets:\n";
  for (const Target& t : kTargets) out << "  " << t.name << std::string(12 - t.name.size(), ' ') << t.summary << '\n';
  out << "\nRun 'erx eval <target> --help' for the options of a target.\n";
}

}  // namespace

int run_eval(const Args& args) {
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
  std::cerr << "erx eval: unknown target '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return 2;
}

}  // namespace erx::cli
