// Dispatching "erx <command> <target> ..." to one target of a command (eval, train, build).
#pragma once

#include <span>
#include <string_view>

#include "erx/commands.hpp"

namespace erx::cli {

// One target of a command: its name, a one-line summary for the usage text, and its entry point.
struct Target {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args&);
};

// Runs the target named by args[0] with the remaining arguments. Prints the usage of `command`
// (with `usage_tail` after "erx <command> <target>") on --help (returns 0), on no argument or an
// unknown target (returns 2).
int dispatch(std::string_view command, std::string_view usage_tail, std::span<const Target> targets,
             const Args& args);

}  // namespace erx::cli
