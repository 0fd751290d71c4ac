// Locating the shared corpora from tests. Tests that need them SKIP (with a message) when absent.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace erx::test {

// The corpora directory: $ERX_CORPORA_DIR if set, else the path configured at build time.
inline std::filesystem::path corpora_dir() {
  if (const char* env = std::getenv("ERX_CORPORA_DIR")) return env;
  return ERX_CORPORA_DIR;
}

// True when the corpora directory exists.
inline bool have_corpora() { return std::filesystem::is_directory(corpora_dir()); }

}  // namespace erx::test
