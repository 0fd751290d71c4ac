// The subcommands of the erx program. Each takes the arguments after its name and returns the
// process exit status (0 success, 1 runtime error, 2 usage error).
#pragma once

#include <string>
#include <vector>

namespace erx::cli {

using Args = std::vector<std::string>;

int run_tokenize(const Args& args);
int run_extract(const Args& args);

}  // namespace erx::cli
