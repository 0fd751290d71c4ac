// Corrections of model mentions (see mention_fixes.hpp).
#include "entities/mention_fixes.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace erx::entities {
namespace {

bool is_person(const Mention& m) { return m.type == "PERSON" || m.type == "PER"; }

bool lower_word(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void extend_hyphenated_names(const Document& doc, std::vector<Mention>& mentions) {
  static constexpr std::array<std::string_view, 16> kSuffixes = {
      "based", "born", "led",  "backed", "owned", "funded", "made", "run",
      "style", "like", "era",  "linked", "bred",  "wide",   "type", "controlled"};
  const auto& tokens = doc.tokens();
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    if (!is_person(m) || m.end_token - m.first_token < 2) continue;
    const std::uint32_t j = m.end_token;
    if (j + 1 >= tokens.size()) continue;
    if (doc.text(tokens[j]) != "-" || tokens[j].begin != tokens[j - 1].end || tokens[j + 1].begin != tokens[j].end)
      continue;
    const std::string_view word = doc.text(tokens[j + 1]);
    if (!lower_word(word) || std::find(kSuffixes.begin(), kSuffixes.end(), word) != kSuffixes.end()) continue;
    if (k + 1 < mentions.size() && mentions[k + 1].first_token <= j + 1) continue;
    m.end_token = j + 2;
    m.end = tokens[j + 1].end;
  }
}

void retype_after_title_of(const Document& doc, const std::vector<Mention>& titles, const TypeRefiner& refiner,
                           std::vector<Mention>& mentions) {
  const auto& tokens = doc.tokens();
  for (Mention& m : mentions) {
    if (m.type != "PERSON" || m.first_token < 2) continue;
    if (doc.norm(tokens[m.first_token - 1]) != "of") continue;
    const bool after_title = std::any_of(titles.begin(), titles.end(), [&](const Mention& t) {
      return t.type == "TITLE" && t.end_token + 1 == m.first_token;
    });
    if (!after_title) continue;
    std::vector<std::string_view> words;
    for (std::uint32_t i = m.first_token; i < m.end_token; ++i) words.push_back(doc.text(tokens[i]));
    m.type = refiner.is_place(words) ? refiner.refine("LOC", words, {}, {}) : "ORG";
  }
}

void split_place_compounds(const Document& doc, const TypeRefiner& refiner, std::vector<Mention>& mentions) {
  const auto& tokens = doc.tokens();
  std::vector<Mention> out;
  out.reserve(mentions.size());
  for (Mention& m : mentions) {
    // Parts between attached hyphens.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> parts;
    std::uint32_t start = m.first_token;
    for (std::uint32_t i = m.first_token + 1; i + 1 < m.end_token; ++i)
      if (doc.text(tokens[i]) == "-" && tokens[i].begin == tokens[i - 1].end && tokens[i + 1].begin == tokens[i].end) {
        parts.emplace_back(start, i);
        start = i + 1;
      }
    if (parts.empty() || m.type == "PERSON") {
      out.push_back(std::move(m));
      continue;
    }
    parts.emplace_back(start, m.end_token);
    std::vector<std::vector<std::string_view>> words(parts.size());
    bool all_places = true;
    for (std::size_t k = 0; k < parts.size() && all_places; ++k) {
      for (std::uint32_t i = parts[k].first; i < parts[k].second; ++i) words[k].push_back(doc.text(tokens[i]));
      all_places = !words[k].empty() && refiner.is_place(words[k]);
    }
    if (!all_places) {
      out.push_back(std::move(m));
      continue;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      Mention p = m;
      p.first_token = parts[k].first;
      p.end_token = parts[k].second;
      p.begin = tokens[p.first_token].begin;
      p.end = tokens[p.end_token - 1].end;
      p.type = refiner.refine("LOC", words[k], {}, {});
      out.push_back(std::move(p));
    }
  }
  mentions = std::move(out);
}

}  // namespace erx::entities
