// Indented JSON output for Boost.JSON values (Boost.JSON 1.81 serializes compactly only).
#include "writers/json_format.hpp"

#include <boost/json/serialize.hpp>

#include "core/utf8.hpp"

namespace erx::writers {
namespace {

void indent(std::string& out, int level) {
  out += '\n';
  out.append(static_cast<std::size_t>(level) * 2, ' ');
}

// Arrays and objects whose members are all scalars stay on one line; deeper ones are indented.
bool is_flat(const boost::json::value& v) {
  if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (kv.value().is_structured()) return false;
    return true;
  }
  if (v.is_array()) {
    for (const auto& e : v.get_array())
      if (e.is_array() || (e.is_object() && !is_flat(e))) return false;
    return true;
  }
  return true;
}

void format(std::string& out, const boost::json::value& v, int level) {
  if (v.is_object() && !is_flat(v)) {
    const auto& object = v.get_object();
    out += '{';
    bool first = true;
    for (const auto& kv : object) {
      if (!first) out += ',';
      first = false;
      indent(out, level + 1);
      out += boost::json::serialize(boost::json::string_view(kv.key()));
      out += ": ";
      format(out, kv.value(), level + 1);
    }
    indent(out, level);
    out += '}';
  } else if (v.is_array() && !is_flat(v)) {
    const auto& array = v.get_array();
    out += '[';
    bool first = true;
    for (const auto& e : array) {
      if (!first) out += ',';
      first = false;
      indent(out, level + 1);
      format(out, e, level + 1);
    }
    indent(out, level);
    out += ']';
  } else if (v.is_object() || v.is_array()) {
    // Flat: one line, with a space after separators for readability.
    std::string compact = boost::json::serialize(v);
    out += compact;
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

void format_json(std::string& out, const boost::json::value& value, bool pretty) {
  if (pretty) {
    format(out, value, 0);
  } else {
    out += boost::json::serialize(value);
  }
}

boost::json::string json_text(std::string_view text) {
  boost::json::string s;
  s.reserve(text.size());
  utf8::append_repaired(s, text);
  return s;
}

}  // namespace erx::writers
