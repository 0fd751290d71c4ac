// File and stream helpers shared by the erx subcommands.
#pragma once

#include <string>
#include <string_view>

namespace erx::cli {

// Reads the whole of `path`, or standard input when path is empty or "-". Throws erx::Error(kIo)
// naming the file when it cannot be read.
std::string read_input(const std::string& path);

// Writes `text` as a JSON string literal (with quotes) to `out`, escaping as JSON requires and
// replacing each invalid UTF-8 byte by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace erx::cli
