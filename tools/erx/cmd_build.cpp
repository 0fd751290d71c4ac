// erx build <target> ...: dispatches to the building of one data resource (not a trained model).
// Each target is one entry of kTargets; its function is declared in commands.hpp and defined in
// cmd_build_<target>.cpp.
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
    {"gazetteers", "gazetteer lists from the shared corpora", run_build_gazetteers},
};

void print_usage(std::ostream& out) {
  out << "usage: erx build <target> [options]\n\ntargets:\n";
  for (const Target& t : kTargets) out << "  " << t.name << std::string(12 - t.name.size(), ' ') << t.summary << '\n';
  out << "\nRun 'erx build <target> --help' for the options of a target.\n";
}

}  // namespace

int run_build(const Args& args) {
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
  std::cerr << "erx build: unknown target '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return 2;
}

}  // namespace erx::cli
