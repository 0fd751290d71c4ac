// Implementation of options.hpp.
#include "options.hpp"

#include <iostream>

namespace erx::cli {

namespace po = boost::program_options;

std::optional<int> parse_options(const std::string& command, const std::vector<std::string>& args,
                                 const po::options_description& visible, const po::options_description& all,
                                 const po::positional_options_description& positional, po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << command << ": " << e.what() << "\n\n" << visible << '\n';
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  return std::nullopt;
}

std::optional<int> parse_options(const std::string& command, const std::vector<std::string>& args,
                                 const po::options_description& visible, po::variables_map& vm) {
  return parse_options(command, args, visible, visible, po::positional_options_description(), vm);
}

}  // namespace erx::cli
