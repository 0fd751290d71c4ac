// Implementation of erx/error.hpp.
#include "erx/error.hpp"

namespace erx {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kFormat: return "format";
    case ErrorCode::kModel: return "model";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kLimit: return "limit";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

}  // namespace erx
