// Command-line option parsing shared by the erx subcommands (Boost.Program_options).
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace erx::cli {

// Parses `args` with the options of `all` (which includes `visible`) and `positional` into `vm`.
// On a parse error prints "<command>: <error>" and the help of `visible` to standard error and
// returns 2; on --help prints the help of `visible` to standard output and returns 0; otherwise
// returns nothing and the subcommand goes on.
std::optional<int> parse_options(const std::string& command, const std::vector<std::string>& args,
                                 const boost::program_options::options_description& visible,
                                 const boost::program_options::options_description& all,
                                 const boost::program_options::positional_options_description& positional,
                                 boost::program_options::variables_map& vm);

// The same for a subcommand with named options only (`visible` is all there is).
std::optional<int> parse_options(const std::string& command, const std::vector<std::string>& args,
                                 const boost::program_options::options_description& visible,
                                 boost::program_options::variables_map& vm);

}  // namespace erx::cli
