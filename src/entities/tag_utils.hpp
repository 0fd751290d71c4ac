// entities/tag_utils.hpp — internal helpers on entity tags shared by the scorer and the readers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "erx/entities.hpp"

namespace erx::ner {

// A tag split at its first '-': "B-PER" -> {"B", "PER"}, "O" -> {"O", ""}, "B-WORK-ART" ->
// {"B", "WORK-ART"} (conlleval's 2004 rule: types may contain hyphens).
struct SplitTag {
  std::string_view prefix;
  std::string_view type;
};
[[nodiscard]] SplitTag split_tag(std::string_view tag) noexcept;

// U-/S- -> B-, L-/E- -> I-; other tags unchanged.
[[nodiscard]] std::string to_iob2_tag(std::string_view tag);
// A BILOU / IOBES column converted to IOB2 (other schemes returned unchanged).
[[nodiscard]] std::vector<std::string> to_iob2(const std::vector<std::string>& tags, TagScheme scheme);

// conlleval.pl's endOfChunk / startOfChunk on (prefix, type) pairs.
[[nodiscard]] bool conlleval_end_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type,
                                          std::string_view type);
[[nodiscard]] bool conlleval_start_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type,
                                            std::string_view type);

// True if `s` looks like an entity tag: "O" or one of B/I/E/S/L/U, '-', a non-empty type.
[[nodiscard]] bool looks_like_tag(std::string_view s) noexcept;

}  // namespace erx::ner
