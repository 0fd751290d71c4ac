// erx build <target> ...: dispatches to the building of one data resource (not a trained model).
// Each target is one entry of kTargets; its function is declared in commands.hpp and defined in
// cmd_build_<target>.cpp.
#include "erx/commands.hpp"
#include "erx/dispatch.hpp"

namespace erx::cli {
namespace {

constexpr Target kTargets[] = {
    {"gazetteers", "gazetteer lists from the shared corpora", run_build_gazetteers},
};

}  // namespace

int run_build(const Args& args) { return dispatch("build", "[options]", kTargets, args); }

}  // namespace erx::cli
