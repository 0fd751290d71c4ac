// model/builtin_bundle.hpp — the model files compiled into the library.
//
// The English bundle's files (models/en/*.erxm, listed in src/model/CMakeLists.txt) are embedded
// by a generated source file that uses the assembler's .incbin directive, so the build copies the
// bytes instead of compiling a giant array literal. builtin_english() lists them.
#pragma once

#include <span>
#include <string_view>

namespace erx::detail {

// One embedded file: its name ("tagger.erxm") and bytes.
struct BuiltinModel {
  std::string_view file;
  const char* begin;
  const char* end;
};

// The embedded English model files, in the order CMake lists them. Thread-safe (static data).
std::span<const BuiltinModel> builtin_english() noexcept;

}  // namespace erx::detail
