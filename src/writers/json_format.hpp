// writers/json_format.hpp — serializing Boost.JSON values compactly or indented (internal).
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace erx::writers {

// Appends `value` to `out`; indented with two spaces per level when `pretty`.
void format_json(std::string& out, const boost::json::value& value, bool pretty);

// A JSON string value holding `text` with each invalid UTF-8 byte replaced by U+FFFD.
boost::json::string json_text(std::string_view text);

}  // namespace erx::writers
