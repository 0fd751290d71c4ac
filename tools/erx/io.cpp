#include "erx/io.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "core/utf8.hpp"
#include "erx/error.hpp"

namespace erx::cli {

std::string read_input(const std::string& path) {
  if (path.empty() || path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open for reading");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  return data;
}

void append_json_string(std::string& out, std::string_view text) {
  std::string repaired;
  repaired.reserve(text.size());
  utf8::append_repaired(repaired, text);
  out += boost::json::serialize(boost::json::string_view(repaired));
}

}  // namespace erx::cli
