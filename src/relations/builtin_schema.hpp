// relations/builtin_schema.hpp — models/en/relation_schema.txt compiled into the library
// (internal header; the bytes are embedded by a file generated in src/relations/CMakeLists.txt).
#pragma once

#include <string_view>

namespace erx::detail {

// The text of models/en/relation_schema.txt as it was at build time. Thread-safe (static data).
std::string_view builtin_relation_schema() noexcept;

}  // namespace erx::detail
