#include "erx/dispatch.hpp"

#include <iostream>
#include <string>

namespace erx::cli {
namespace {

void print_usage(std::ostream& out, std::string_view command, std::string_view usage_tail,
                 std::span<const Target> targets) {
  out << "usage: erx " << command << " <target> " << usage_tail << "\n\ntargets:\n";
  for (const Target& t : targets)
    out << "  " << t.name << std::string(t.name.size() < 12 ? 12 - t.name.size() : 1, ' ')
        << t.summary << '\n';
  out << "\nRun 'erx " << command << " <target> --help' for the options of a target.\n";
}

}  // namespace

int dispatch(std::string_view command, std::string_view usage_tail, std::span<const Target> targets,
             const Args& args) {
  if (args.empty()) {
    print_usage(std::cerr, command, usage_tail, targets);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    print_usage(std::cout, command, usage_tail, targets);
    return 0;
  }
  for (const Target& t : targets)
    if (t.name == args[0]) return t.run(Args(args.begin() + 1, args.end()));
  std::cerr << "erx " << command << ": unknown target '" << args[0] << "'\n\n";
  print_usage(std::cerr, command, usage_tail, targets);
  return 2;
}

}  // namespace erx::cli
