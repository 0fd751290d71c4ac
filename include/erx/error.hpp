// erx/error.hpp — the one error type of erx.
//
// Every failure in erx is reported by throwing erx::Error. Its message names what failed and
// where: the file, line or byte offset, and the problem ("model.bin: truncated at byte 812 of
// 4096"). Functions document the codes they throw. erx never aborts and never swallows an error.
//
//   try {
//     auto pipeline = erx::Pipeline::load("models/fr");
//   } catch (const erx::Error& e) {
//     std::cerr << e.what() << '\n';          // "models/fr/tagger.erxm: no such file"
//     if (e.code() == erx::ErrorCode::kIo) { /* ... */ }
//   }
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "erx/export.hpp"

namespace erx {

// What kind of failure an erx::Error reports.
enum class ErrorCode {
  kIo,               // a file could not be opened, read or written
  kFormat,           // input data (CoNLL-U, JSON, a list file) is malformed
  kModel,            // a model file is missing, truncated, corrupted, of the wrong stage or version
  kInvalidArgument,  // a caller passed a value outside the documented domain
  kLimit,            // the input exceeds a documented limit (e.g. a document over 4 GiB)
};

// Returns a stable lower-case name for `code` ("io", "format", "model", ...). Thread-safe.
ERX_API std::string_view to_string(ErrorCode code) noexcept;

// The exception thrown by every erx function that can fail. Copyable and cheap to catch by
// const reference. what() returns the full human-readable message.
class ERX_API Error : public std::runtime_error {
 public:
  // Builds an error of kind `code` with the message `message` (which should name the file or
  // position and the problem).
  Error(ErrorCode code, const std::string& message);

  // The kind of failure.
  [[nodiscard]] ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace erx
