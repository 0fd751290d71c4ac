// erx::to_text: entities and relations for people.
#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "erx/writers.hpp"

namespace erx {
namespace {

std::string clean(std::string_view text) {
  std::string out;
  utf8::append_repaired(out, text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

std::string argument_text(const Document& doc, const Argument& a) {
  if (a.entity >= 0 && static_cast<std::size_t>(a.entity) < doc.entities().size()) {
    const Entity& e = doc.entities()[static_cast<std::size_t>(a.entity)];
    return fmt::format("{} ({})", clean(e.name), clean(e.type));
  }
  return clean(doc.text(a.begin, a.end));
}

}  // namespace

std::string to_text(const Document& doc) {
  std::string out;
  if (!doc.id().empty()) out += fmt::format("# {}\n", clean(doc.id()));
  out += fmt::format("entities ({}):\n", doc.entities().size());
  for (const Entity& e : doc.entities()) {
    out += fmt::format("  {} ({})", clean(e.name), clean(e.type));
    if (e.mentions.size() > 1) out += fmt::format("  x{}", e.mentions.size());
    out += '\n';
  }
  // One line per distinct link, in order of first appearance, with its count when the document
  // states it more than once (a headline and the body, say), as entities show their mentions.
  std::vector<std::pair<std::string, std::size_t>> lines;
  std::unordered_map<std::string, std::size_t> index;
  for (const Relation& r : doc.relations()) {
    std::string line = fmt::format("{} --{}--> {}", argument_text(doc, r.subject), clean(r.predicate),
                                   argument_text(doc, r.object));
    std::string flags;
    if (r.negated) flags = "negated";
    if (r.modality != Modality::kAsserted) {
      if (!flags.empty()) flags += ", ";
      flags += to_string(r.modality);
    }
    if (!flags.empty()) line += fmt::format("   [{}]", flags);
    const auto [it, added] = index.try_emplace(line, lines.size());
    if (added) lines.emplace_back(std::move(line), 0);
    ++lines[it->second].second;
  }
  out += fmt::format("relations ({}):\n", lines.size());
  for (const auto& [line, count] : lines) {
    out += "  " + line;
    if (count > 1) out += fmt::format("  x{}", count);
    out += '\n';
  }
  return out;
}

}  // namespace erx
