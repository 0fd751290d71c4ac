// Document-level clean-up of the model's spans (see consistency.hpp).
#include "entities/consistency.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "entities/word_shape.hpp"

namespace erx::entities {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// A word that can be part of a person's name: capitalised, at least two bytes, with a lower-case
// letter (not an initial "J.", not an all-capitals word) and only letters, hyphens, apostrophes or
// non-ASCII bytes.
bool name_like(std::string_view w) {
  if (w.size() < 2 || !is_upper(w[0])) return false;
  bool lower = false;
  for (char c : w) {
    if (is_lower(c) || static_cast<unsigned char>(c) >= 0x80) {
      lower = true;
    } else if (!is_upper(c) && c != '-' && c != '\'') {
      return false;
    }
  }
  return lower;
}

// E-mail addresses, web addresses and file names are not names ("jane@example.com",
// "www.example.com", "report.doc"), whatever their capitals.
bool is_address_or_file(std::string_view w) {
  if (w.find('@') != std::string_view::npos || w.starts_with("http") || w.starts_with("www.")) return true;
  static constexpr std::string_view kExtensions[] = {".doc", ".docx", ".pdf", ".xls", ".xlsx", ".ppt", ".pptx",
                                                     ".txt", ".jpg",  ".jpeg", ".png", ".gif", ".zip", ".htm",
                                                     ".html", ".exe", ".csv", ".mp3", ".mp4"};
  const std::size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || w.size() - dot > 5) return false;
  const std::string ext = ascii_lower(w.substr(dot));
  for (std::string_view e : kExtensions)
    if (ext == e) return true;
  return false;
}

}  // namespace

bool is_common_acronym(std::string_view word) {
  // Abbreviations of common nouns that news and web text write in capitals. Not names: names of
  // organisations ("NATO", "IBM") and places ("US", "UK") are absent on purpose.
  static const std::unordered_set<std::string_view> kAcronyms = {
      "AI",  "AGI", "GDP", "GNP", "CEO", "CFO", "COO", "CTO", "CIO", "TV",  "PC",  "DNA", "RNA", "EV",
      "SUV", "ATM", "CPU", "GPU", "IPO", "R&D", "VAT", "USB", "LED", "LCD", "PDF", "FAQ", "API", "SMS",
      "DVD", "GPS", "ICU", "IVF", "IQ",  "HR",  "LLM", "VPN", "URL", "HTML", "CCTV", "MRI", "ETF",
      "CO2", "LNG", "LPG", "ICBM", "UAV", "VIP", "PIN", "PM2.5", "5G", "4G", "3G", "Wi-Fi", "WiFi"};
  if (word.size() < 2) return false;
  std::string_view w = word;
  // Plurals: "EVs", "CEOs", "ATMs".
  if (w.size() >= 3 && w.back() == 's' && is_upper(w[w.size() - 2])) w.remove_suffix(1);
  return kAcronyms.count(w) > 0;
}

void make_consistent(std::vector<ModelSpan>& spans, const NerInput& in, int person_type, const TypeRefiner* refiner) {
  // Common acronyms are not names, and neither are spans with an address or a file name.
  std::erase_if(spans, [&](const ModelSpan& s) {
    if (s.end == s.first + 1 && is_common_acronym(in.words[s.first])) return true;
    for (std::uint32_t i = s.first; i < s.end; ++i)
      if (is_address_or_file(in.words[i])) return true;
    return false;
  });
  if (person_type < 0) return;

  // Parts of the full person names of the document.
  std::unordered_set<std::string_view> parts;
  for (const ModelSpan& s : spans) {
    if (s.type != person_type || s.end - s.first < 2) continue;
    for (std::uint32_t i = s.first; i < s.end; ++i)
      if (name_like(in.words[i])) parts.insert(in.words[i]);
  }
  if (parts.empty()) return;
  auto place = [&](std::string_view w) {
    return refiner != nullptr && refiner->is_place(std::vector<std::string_view>{w});
  };

  // A lone name part typed otherwise is the person.
  for (ModelSpan& s : spans)
    if (s.type != person_type && s.end == s.first + 1 && parts.count(in.words[s.first]) && !place(in.words[s.first]))
      s.type = person_type;

  // Untagged name parts. Words the document also writes in lower case ("Will", "Rose") are common
  // words as often as names and are left alone.
  std::vector<std::uint8_t> covered(in.words.size(), 0);
  for (const ModelSpan& s : spans) std::fill(covered.begin() + s.first, covered.begin() + s.end, std::uint8_t{1});
  std::vector<std::string> lower_parts;  // lower-case forms of the uncovered name parts
  for (std::size_t i = 0; i < in.words.size(); ++i)
    if (!covered[i] && parts.count(in.words[i])) lower_parts.push_back(ascii_lower(in.words[i]));
  if (lower_parts.empty()) return;
  const std::unordered_set<std::string_view> candidates(lower_parts.begin(), lower_parts.end());
  std::unordered_set<std::string_view> lowered;  // candidates the document also writes in lower case
  for (std::string_view w : in.words)
    if (!w.empty() && is_lower(w[0]) && candidates.count(w)) lowered.insert(w);
  auto candidate = [&](std::size_t i) {
    std::string_view w = in.words[i];
    return !covered[i] && parts.count(w) && !lowered.count(ascii_lower(w)) && !place(w);
  };
  std::vector<ModelSpan> added;
  for (const auto& [first, end] : in.sentences) {
    for (std::uint32_t i = first; i < end;) {
      if (!candidate(i)) {
        ++i;
        continue;
      }
      std::uint32_t j = i + 1;
      while (j < end && candidate(j)) ++j;
      // Only free-standing runs: a neighbour inside another span means the model saw a longer name.
      bool free_left = i == first || !covered[i - 1];
      bool free_right = j == end || !covered[j];
      if (free_left && free_right) added.push_back({i, j, person_type, 0.5f});
      i = j;
    }
  }
  if (added.empty()) return;
  spans.insert(spans.end(), added.begin(), added.end());
  std::sort(spans.begin(), spans.end(), [](const ModelSpan& a, const ModelSpan& b) { return a.first < b.first; });
}

}  // namespace erx::entities
