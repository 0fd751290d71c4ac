// Entity tag schemes (IOB1, IOB2, BILOU, IOBES): detection, decoding to spans, encoding from spans.
#include <string>
#include <vector>

#include "entities/tag_utils.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"

namespace erx::ner {

TagScheme tag_scheme_from_string(std::string_view name) {
  if (name == "auto") return TagScheme::kAuto;
  if (name == "iob1" || name == "IOB1") return TagScheme::kIob1;
  if (name == "iob2" || name == "IOB2" || name == "bio" || name == "BIO") return TagScheme::kIob2;
  if (name == "bilou" || name == "BILOU" || name == "bioul" || name == "BIOUL") return TagScheme::kBilou;
  if (name == "iobes" || name == "IOBES" || name == "bioes" || name == "BIOES") return TagScheme::kIobes;
  throw Error(ErrorCode::kInvalidArgument,
              "unknown tag scheme '" + std::string(name) + "' (expected auto, iob1, iob2, bilou or iobes)");
}

TagScheme detect_scheme(const std::vector<std::string>& tags) {
  bool has_b = false, has_e = false, has_s = false, b_needed_but_i = false;
  std::string_view prev_type;
  bool prev_in = false;
  for (const std::string& tag : tags) {
    SplitTag t = split_tag(tag);
    if (t.prefix == "L" || t.prefix == "U") return TagScheme::kBilou;
    if (t.prefix == "E") has_e = true;
    if (t.prefix == "S") has_s = true;
    if (t.prefix == "B") has_b = true;
    // An I- that starts an entity (after O or another type) means IOB1.
    if (t.prefix == "I" && (!prev_in || prev_type != t.type)) b_needed_but_i = true;
    prev_in = t.prefix != "O" && !t.prefix.empty();
    prev_type = t.type;
  }
  // E- without B- or S- is IOE, which conlleval reads natively: leave it as is (kIob1).
  if (has_s || (has_e && has_b)) return TagScheme::kIobes;
  return b_needed_but_i ? TagScheme::kIob1 : TagScheme::kIob2;
}

namespace {

// conlleval.pl's chunk boundary tests, on prefixes and types.
bool end_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type, std::string_view type) {
  bool end = false;
  if (prev == "B" && tag == "B") end = true;
  if (prev == "B" && tag == "O") end = true;
  if (prev == "I" && tag == "B") end = true;
  if (prev == "I" && tag == "O") end = true;
  if (prev == "E" && tag == "E") end = true;
  if (prev == "E" && tag == "I") end = true;
  if (prev == "E" && tag == "O") end = true;
  if (prev != "O" && prev != "." && prev_type != type) end = true;
  if (prev == "]" || prev == "[") end = true;
  return end;
}

bool start_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type, std::string_view type) {
  bool start = false;
  if (prev == "B" && tag == "B") start = true;
  if (prev == "I" && tag == "B") start = true;
  if (prev == "O" && tag == "B") start = true;
  if (prev == "O" && tag == "I") start = true;
  if (prev == "E" && tag == "E") start = true;
  if (prev == "E" && tag == "I") start = true;
  if (prev == "O" && tag == "E") start = true;
  if (tag != "O" && tag != "." && prev_type != type) start = true;
  if (tag == "[" || tag == "]") start = true;
  return start;
}

}  // namespace

bool conlleval_end_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type,
                            std::string_view type) {
  return end_of_chunk(prev, tag, prev_type, type);
}
bool conlleval_start_of_chunk(std::string_view prev, std::string_view tag, std::string_view prev_type,
                              std::string_view type) {
  return start_of_chunk(prev, tag, prev_type, type);
}

SplitTag split_tag(std::string_view tag) noexcept {
  std::size_t dash = tag.find('-');
  if (dash == std::string_view::npos) return {tag, {}};
  return {tag.substr(0, dash), tag.substr(dash + 1)};
}

bool looks_like_tag(std::string_view s) noexcept {
  if (s == "O") return true;
  if (s.size() < 3 || s[1] != '-') return false;
  switch (s[0]) {
    case 'B': case 'I': case 'E': case 'S': case 'L': case 'U': return true;
    default: return false;
  }
}

std::string to_iob2_tag(std::string_view tag) {
  SplitTag t = split_tag(tag);
  if (t.prefix == "U" || t.prefix == "S") return "B-" + std::string(t.type);
  if (t.prefix == "L" || t.prefix == "E") return "I-" + std::string(t.type);
  return std::string(tag);
}

std::vector<std::string> to_iob2(const std::vector<std::string>& tags, TagScheme scheme) {
  if (scheme == TagScheme::kAuto) scheme = detect_scheme(tags);
  if (scheme != TagScheme::kBilou && scheme != TagScheme::kIobes) return tags;
  std::vector<std::string> out;
  out.reserve(tags.size());
  for (const std::string& t : tags) out.push_back(to_iob2_tag(t));
  return out;
}

std::vector<TagSpan> spans_from_tags(const std::vector<std::string>& tags, TagScheme scheme) {
  std::vector<std::string> iob = to_iob2(tags, scheme);
  std::vector<TagSpan> spans;
  std::string_view prev = "O", prev_type;
  bool open = false;
  for (std::size_t i = 0; i < iob.size(); ++i) {
    SplitTag t = split_tag(iob[i]);
    // A tag without a prefix ("PER" in IO files) is a one-token entity of that type.
    if (t.type.empty() && !t.prefix.empty() && t.prefix != "O" && t.prefix.size() > 1) t = SplitTag{"B", iob[i]};
    const auto at = static_cast<std::uint32_t>(i);
    if (open && end_of_chunk(prev, t.prefix, prev_type, t.type)) {
      spans.back().end = at;
      open = false;
    }
    if (start_of_chunk(prev, t.prefix, prev_type, t.type)) {
      if (open) spans.back().end = at;
      spans.push_back({at, at + 1, std::string(t.type)});
      open = true;
    }
    prev = t.prefix;
    prev_type = t.type;
  }
  if (open) spans.back().end = static_cast<std::uint32_t>(iob.size());
  return spans;
}

std::vector<std::string> tags_from_spans(std::size_t n, const std::vector<TagSpan>& spans, TagScheme scheme) {
  if (scheme == TagScheme::kAuto) scheme = TagScheme::kIob2;
  std::vector<std::string> tags(n, "O");
  std::uint32_t prev_end = 0;
  std::string_view prev_type;
  bool have_prev = false;
  for (const TagSpan& s : spans) {
    if (s.first >= s.end || s.end > n)
      throw Error(ErrorCode::kInvalidArgument, "tags_from_spans: span [" + std::to_string(s.first) + ", " +
                                                   std::to_string(s.end) + ") outside " + std::to_string(n) +
                                                   " tokens");
    bool single = s.end - s.first == 1;
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      std::string prefix = "I";
      switch (scheme) {
        case TagScheme::kIob1:
          prefix = (i == s.first && have_prev && prev_end == s.first && prev_type == s.type) ? "B" : "I";
          break;
        case TagScheme::kIob2:
        case TagScheme::kAuto:
          prefix = i == s.first ? "B" : "I";
          break;
        case TagScheme::kBilou:
          prefix = single ? "U" : i == s.first ? "B" : i + 1 == s.end ? "L" : "I";
          break;
        case TagScheme::kIobes:
          prefix = single ? "S" : i == s.first ? "B" : i + 1 == s.end ? "E" : "I";
          break;
      }
      tags[i] = prefix + "-" + s.type;
    }
    prev_end = s.end;
    prev_type = s.type;
    have_prev = true;
  }
  return tags;
}

}  // namespace erx::ner
