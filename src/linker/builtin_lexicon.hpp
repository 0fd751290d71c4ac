// linker/builtin_lexicon.hpp — the linker's word lists compiled into the library (internal
// header; the bytes are embedded by a file generated in src/linker/CMakeLists.txt).
#pragma once

#include <string_view>

namespace erx::detail {

// The texts of the built-in lists, in the formats LinkerLexicon's load_* functions read. A list
// whose file was absent at build time is empty.
struct BuiltinLexicon {
  std::string_view countries;     // one country name per line
  std::string_view demonyms;      // demonym<TAB>country
  std::string_view aliases;       // alias<TAB>name
  std::string_view male_names;    // one first name per line
  std::string_view female_names;  // one first name per line
  std::string_view descriptions;  // noun<TAB>TYPE
};

// Thread-safe (static data).
BuiltinLexicon builtin_linker_lexicon() noexcept;

}  // namespace erx::detail
