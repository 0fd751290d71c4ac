// Implementation of erx::OffsetConverter: checkpoints every kStride bytes, then a short walk.
#include <algorithm>

#include "erx/document.hpp"
#include "core/utf8.hpp"

namespace erx {
namespace {

constexpr std::size_t kStride = 256;

}  // namespace

OffsetConverter::OffsetConverter(std::string_view text) : text_(text) {
  Checkpoint at{0, 0, 0};
  checkpoints_.push_back(at);
  std::size_t next = kStride;
  while (at.byte < text.size()) {
    std::size_t n = utf8::sequence_length(text, at.byte);
    at.utf16 += (n == 4) ? 2 : 1;
    at.code_point += 1;
    at.byte += n ? n : 1;
    if (at.byte >= next) {
      checkpoints_.push_back(at);
      next = at.byte + kStride;
    }
  }
}

template <bool kUtf16>
std::size_t OffsetConverter::convert(std::size_t byte) const noexcept {
  byte = std::min(byte, text_.size());
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                             [](std::size_t b, const Checkpoint& c) { return b < c.byte; });
  Checkpoint at = *(it - 1);
  while (at.byte < byte) {
    std::size_t n = utf8::sequence_length(text_, at.byte);
    std::size_t step = n ? n : 1;
    if (at.byte + step > byte) break;  // `byte` is inside this character
    at.utf16 += (n == 4) ? 2 : 1;
    at.code_point += 1;
    at.byte += step;
  }
  return kUtf16 ? at.utf16 : at.code_point;
}

std::size_t OffsetConverter::code_point(std::size_t byte) const noexcept { return convert<false>(byte); }

std::size_t OffsetConverter::utf16(std::size_t byte) const noexcept { return convert<true>(byte); }

}  // namespace erx
