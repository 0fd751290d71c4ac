// entities/patterns.hpp — rule-based DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL and
// TITLE mentions over the tokens of a document.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "erx/document.hpp"

namespace erx::entities {

// Which pattern families to run.
struct PatternOptions {
  bool numeric = true;  // DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL
  bool titles = true;   // TITLE
};

// The pattern mentions of sentence [first, end) of `doc`, non-overlapping (longest match first,
// left to right), with source kPattern. Thread-safe; allocates only the result.
[[nodiscard]] std::vector<Mention> find_patterns(const Document& doc, std::uint32_t first, std::uint32_t end,
                                                 const PatternOptions& options);

// The same over every sentence of `doc` (the whole document if it has no sentences).
[[nodiscard]] std::vector<Mention> find_patterns(const Document& doc, const PatternOptions& options);

}  // namespace erx::entities
