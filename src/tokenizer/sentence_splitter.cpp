// Rule-based sentence boundaries over the scanner's tokens.
#include "tokenizer/sentence_splitter.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "ml/hash.hpp"
#include "tokenizer/char_class.hpp"
#include "tokenizer/lexicon.hpp"
#include "tokenizer/scanner.hpp"

namespace erx::tok {

namespace {

using C = CharClass;

// The rules (see sentence_splitter.hpp).
class Rules {
 public:
  Rules(const Document& doc, std::vector<std::uint8_t>& out)
      : doc_(doc), text_(doc.text()), tokens_(doc.tokens()), out_(out) {}

  void run() {
    const std::size_t n = tokens_.size();
    out_.assign(n, 0);
    if (n == 0) return;
    detect_hard_wrap();

    bool double_open = false;  // a straight double quote is open
    std::size_t first = 0;     // first token of the current sentence
    auto end_sentence = [&](std::size_t last, bool /*split_period*/) {
      if (out_[last] == 0) out_[last] = 1;
      double_open = false;
      first = last + 1;
    };
    for (std::size_t i = 0; i < n; ++i) {
      const Token& t = tokens_[i];
      if (is_char(t, '"')) double_open = !double_open;
      if (i + 1 == n) {
        end_sentence(i, false);
        break;
      }
      const int breaks = newlines(i);
      if (breaks >= 2) {
        out_[i] = 2;
        end_sentence(i, true);
        continue;
      }
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
        if (has_abbreviation_period(doc_, t)) {
          if (abbreviation_ends_sentence(i, breaks)) end_sentence(i, true);
          continue;
        }
        if (breaks == 1 && line_break_ends_sentence(i)) end_sentence(i, false);
        continue;
      }
      if (is_terminal(t)) {
        // "1." opening a list item does not end a sentence.
        if (i == first + 1 && tokens_[first].kind == TokenKind::kNumber && is_char(t, '.') &&
            tokens_[first].end == t.begin && tokens_[first].end - tokens_[first].begin <= 2)
          continue;
        std::size_t j = i;
        bool quote = false;
        while (j + 1 < n && newlines(j) == 0 && is_closer(j + 1, double_open)) {
          quote |= tokens_[j + 1].kind == TokenKind::kPunct && first_char(tokens_[j + 1]).cls != C::kClose;
          if (is_char(tokens_[j + 1], '"')) double_open = false;
          ++j;
        }
        if (j + 1 == n || newlines(j) >= 2 || starts_sentence(j + 1, t, quote)) end_sentence(j, false);
        i = j;
        continue;
      }
      if (t.kind == TokenKind::kUrl && url_ends_sentence(i)) {
        end_sentence(i, false);
        continue;
      }
      if (breaks == 1 && line_break_ends_sentence(i)) end_sentence(i, false);
    }
  }

 private:
  const Document& doc_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<std::uint8_t>& out_;
  bool hard_wrapped_ = false;

  std::string_view text(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  Char first_char(const Token& t) const { return char_at(text_, t.begin); }
  bool is_char(const Token& t, char c) const { return t.end - t.begin == 1 && text_[t.begin] == c; }

  // Line breaks between token i and token i + 1 (CRLF counts once, a paragraph separator twice).
  int newlines(std::size_t i) const {
    const std::size_t b = tokens_[i].end, e = tokens_[i + 1].begin;
    if (e == b || (e - b == 1 && text_[b] == ' ')) return 0;
    int count = 0;
    for (std::size_t k = b; k < e;) {
      const Char c = char_at(text_, k);
      if (c.cls == C::kNewline && !(c.cp == '\r' && k + 1 < e && text_[k + 1] == '\n'))
        count += c.cp == 0x2029 ? 2 : 1;
      k += c.len;
    }
    return count;
  }

  // Sentence-final punctuation: runs of . ! ? and the ellipsis character.
  bool is_terminal(const Token& t) const {
    if (t.kind != TokenKind::kPunct) return false;
    const C c = first_char(t).cls;
    return c == C::kPeriod || c == C::kFinal || c == C::kEllipsis;
  }

  bool is_ellipsis(const Token& t) const {
    const std::string_view s = text(t);
    return (s.size() >= 2 && s[0] == '.' && s[1] == '.') || first_char(t).cls == C::kEllipsis;
  }

  // Closing brackets and quotes that stay with the sentence before them, and emoticons.
  bool is_closer(std::size_t k, bool double_open) const {
    const Token& t = tokens_[k];
    if (t.kind == TokenKind::kSymbol && t.end - t.begin >= 2 && text_[t.begin] != '<' &&
        text_[t.begin] != '>' && text_[t.begin] != '=')
      return true;  // ":)" after "." belongs to the sentence
    if (t.kind != TokenKind::kPunct) return false;
    const Char c = first_char(t);
    if (c.cls == C::kClose) return true;
    const bool attached = tokens_[k - 1].end == t.begin;
    switch (c.cp) {
      case 0x201D: case 0x2019: case 0x00BB: case 0x203A: return true;
      case '"': return double_open || attached;
      case '\'': return attached || text(t) == "''";
      default: return false;
    }
  }

  // Whether token k begins a new sentence after the final punctuation `terminal` (and closing
  // quotes if `quote`). In web text a lower-case word after a period usually starts a sentence too
  // (EWT: 95%); after an ellipsis or a quotation ("...?" asked Bush) it usually does not.
  bool starts_sentence(std::size_t k, const Token& terminal, bool quote) const {
    const Token& t = tokens_[k];
    if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kEmail) return true;
    const Char c = first_char(t);
    if (is_ellipsis(terminal)) {
      if (c.cls == C::kLetter) return is_upper(c.cp) && !is_all_caps(t);
      return c.cls == C::kQuote || c.cls == C::kOpen;
    }
    if (c.cls == C::kLetter) return !quote || !is_lower(c.cp);
    if (c.cls == C::kDigit) return true;
    switch (c.cls) {
      case C::kPeriod: case C::kFinal: case C::kEllipsis: case C::kComma: case C::kSemicolon:
      case C::kColon: case C::kClose:
        return false;
      default:
        return !(is_char(t, '>') || text(t) == ">>");
    }
  }

  // True for a word of two or more letters, all in upper case ("CNN").
  bool is_all_caps(const Token& t) const {
    const std::string_view s = text(t);
    if (s.size() < 2) return false;
    for (char ch : s)
      if (!(ch >= 'A' && ch <= 'Z')) return false;
    return true;
  }

  // After "etc." or "U.S.": a sentence ends only before a typical sentence opener or at a line
  // break before a capital. Titles and initials never end a sentence.
  bool abbreviation_ends_sentence(std::size_t i, int breaks) const {
    const Token& t = tokens_[i];
    const std::string_view s = text(t);
    if (abbreviation(s.substr(0, s.size() - 1)) == Abbreviation::kTitle) return false;
    if (std::size_t{first_char(t).len} + 1 == s.size()) return false;  // an initial
    const Token& next = tokens_[i + 1];
    const Char c = first_char(next);
    if (breaks == 1 && !hard_wrapped_) return c.cls != C::kLetter || is_upper(c.cp);
    if (c.cls == C::kLetter) return is_sentence_starter(text(next));
    return c.cls == C::kQuote;
  }

  // A URL is usually cited on its own: a sentence ends after it before a capital or another URL.
  bool url_ends_sentence(std::size_t i) const {
    const Token& next = tokens_[i + 1];
    if (next.kind == TokenKind::kUrl) return true;
    const Char c = first_char(next);
    return c.cls == C::kLetter && is_upper(c.cp);
  }

  // A line break after a line without final punctuation ends a sentence when the next line
  // starts with a capital, a digit, a quote or a bullet (headlines, "Recommended Stories").
  bool line_break_ends_sentence(std::size_t i) const {
    if (hard_wrapped_) return false;
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kPunct) {
      const C last = first_char(t).cls;
      if (last == C::kComma || last == C::kHyphen || last == C::kOpen) return false;
    }
    const Char c = first_char(tokens_[i + 1]);
    if (c.cls == C::kLetter) return is_upper(c.cp) || is_headline(i);
    return c.cls != C::kPeriod && c.cls != C::kComma && c.cls != C::kClose && c.cls != C::kFinal;
  }

  // True if the line that ends with token i is a short title-case line ("Recommended Stories",
  // "Culture and trade"): a headline, which stands alone whatever the next line starts with.
  bool is_headline(std::size_t i) const {
    std::size_t words = 0, capitalised = 0;
    for (std::size_t k = i + 1; k-- > 0;) {
      const Token& t = tokens_[k];
      if (t.kind == TokenKind::kWord) {
        ++words;
        capitalised += is_upper(first_char(t).cp);
      } else if (t.kind != TokenKind::kNumber) {
        return false;
      }
      if (words > 8) return false;
      if (k == 0 || newlines(k - 1) > 0) break;
    }
    return words > 0 && capitalised * 2 >= words && is_upper(first_char(tokens_[i + 1 - words]).cp);
  }

  // Hard-wrapped prose (lines broken at a fixed width) continues sentences across line breaks:
  // when many line breaks fall between two words of one sentence (the next line starts in lower
  // case), single line breaks are not boundaries.
  void detect_hard_wrap() {
    hard_wrapped_ = false;
    if (std::memchr(text_.data(), '\n', text_.size()) == nullptr &&
        std::memchr(text_.data(), '\r', text_.size()) == nullptr)
      return;
    std::size_t breaks = 0, continued = 0;
    for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
      if (newlines(i) != 1) continue;
      ++breaks;
      const Char c = first_char(tokens_[i + 1]);
      if (!is_terminal(tokens_[i]) && c.cls == C::kLetter && is_lower(c.cp)) ++continued;
    }
    hard_wrapped_ = breaks >= 4 && continued * 3 >= breaks;
  }
};


// Character shape of a token: X upper, x lower, d digit, other ASCII as itself, * other; runs
// collapsed, at most 8 characters ("Thanks" -> "Xx", "01/19/2001" -> "d/d/d").
std::uint64_t shape_hash(std::string_view s) {
  char buf[8];
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size() && n < sizeof buf;) {
    const Char c = char_at(s, i);
    char k;
    if (c.cls == C::kLetter) k = is_upper(c.cp) ? 'X' : 'x';
    else if (c.cls == C::kDigit) k = 'd';
    else if (c.cp < 0x80) k = static_cast<char>(c.cp);
    else k = '*';
    if (n == 0 || buf[n - 1] != k) buf[n++] = k;
    i += c.len;
  }
  return ml::hash_string(std::string_view(buf, n));
}

// Hash of the ASCII-lower-cased form (at most 24 bytes).
std::uint64_t lower_hash(std::string_view s) {
  char buf[24];
  const std::size_t n = std::min(s.size(), sizeof buf);
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return ml::hash_string(std::string_view(buf, n));
}

int bucket(std::size_t distance) {
  if (distance <= 3) return static_cast<int>(distance);
  if (distance <= 6) return 4;
  if (distance <= 12) return 5;
  if (distance <= 25) return 6;
  return 7;
}

// Feature templates (part of the model format: do not renumber).
enum Template : std::uint64_t {
  kBias = 1, kRule, kRuleNext, kLeftShape, kRightShape, kLeft2Shape, kRight2Shape, kLeftWord,
  kRightWord, kLeft2Word, kShapes, kLeftWordRightShape, kLeftShapeRightWord, kRuleRightShape,
  kNewline, kNoSpace, kSincePrevious, kUntilNext, kKinds, kShapes3, kRightStarter, kWords,
};

}  // namespace

void rule_boundaries(const Document& doc, std::vector<std::uint8_t>& out) { Rules(doc, out).run(); }

bool is_candidate(const Document& doc, std::span<const std::uint8_t> rules, std::size_t i) {
  const auto& tokens = doc.tokens();
  const Token& left = tokens[i];
  if (rules[i] == 2 || left.fused_with_next) return false;
  // An abbreviation before a typical sentence opener ("etc. The") is left to the rules: EWT has
  // too few such sentence ends (and none after "U.S.") for the model to learn them per word.
  if (rules[i] == 1) return !has_abbreviation_period(doc, left);
  const Token& right = tokens[i + 1];
  const std::string_view text = doc.text();
  if (right.begin - left.end != 1 || text[left.end] != ' ') {
    for (std::size_t k = left.end; k < right.begin; ++k)
      if (text[k] == '\n' || text[k] == '\r') return true;
  }
  const Char r = char_at(text, right.begin);
  if (r.cls == C::kLetter && !is_upper(r.cp)) return false;
  switch (r.cls) {  // punctuation that never starts a sentence
    case C::kComma: case C::kSemicolon: case C::kColon: case C::kClose:
      return false;
    default:
      break;
  }
  // After a lower-case word, EWT almost never ends a sentence without punctuation; two
  // capitalised words are mostly a name ("President Lee"). Leaving both to the rules keeps the
  // model off the most frequent gaps of news text.
  if (left.kind == TokenKind::kWord) {
    const Char l = char_at(text, left.begin);
    if (l.cls == C::kLetter && (!is_upper(l.cp) || r.cls == C::kLetter)) return false;
  }
  return true;
}

void boundary_features(const Document& doc, std::span<const std::uint8_t> rules, std::size_t i,
                       BoundaryScratch& scratch, ml::FeatureBuffer& out) {
  using ml::feature;
  out.clear();
  const auto& tokens = doc.tokens();
  const std::size_t n = tokens.size();
  static const std::uint64_t none = ml::hash_string("<none>");
  auto hashes = [&](std::size_t k) -> const BoundaryScratch::Entry& {
    BoundaryScratch::Entry& e = scratch.recent[k & 3];
    if (e.token != k) {
      e.token = k;
      e.shape = shape_hash(doc.text(tokens[k]));
      e.lower = lower_hash(doc.norm(tokens[k]));
    }
    return e;
  };
  const std::uint64_t ls = hashes(i).shape, lw = hashes(i).lower;
  const std::uint64_t rs = hashes(i + 1).shape, rw = hashes(i + 1).lower;
  const std::uint64_t l2s = i > 0 ? hashes(i - 1).shape : none;
  const std::uint64_t l2w = i > 0 ? hashes(i - 1).lower : none;
  const std::uint64_t r2s = i + 2 < n ? hashes(i + 2).shape : none;
  auto text_of = [&](std::size_t k) { return doc.text(tokens[k]); };
  const unsigned rule = rules[i] != 0;
  const unsigned rule_next = i + 1 < n ? rules[i + 1] != 0 : 1u;
  out.add(feature(kBias));
  out.add(feature(kRule, rule));
  out.add(feature(kRuleNext, rule_next));
  out.add(feature(kLeftShape, ls));
  out.add(feature(kRightShape, rs));
  out.add(feature(kLeft2Shape, l2s));
  out.add(feature(kRight2Shape, r2s));
  out.add(feature(kLeftWord, lw));
  out.add(feature(kRightWord, rw));
  out.add(feature(kLeft2Word, l2w));
  out.add(feature(kShapes, ls, rs));
  out.add(feature(kShapes3, l2s, ls, rs));
  out.add(feature(kLeftWordRightShape, lw, rs));
  out.add(feature(kLeftShapeRightWord, ls, rw));
  out.add(feature(kWords, lw, rw));
  out.add(feature(kRuleRightShape, rule, rs));
  const std::string_view text = doc.text();
  unsigned newline = 0;
  for (std::size_t k = tokens[i].end; k < tokens[i + 1].begin; ++k) newline |= text[k] == '\n' || text[k] == '\r';
  out.add(feature(kNewline, newline));
  out.add(feature(kNoSpace, unsigned{tokens[i].end == tokens[i + 1].begin}));
  // Distances to the rules' boundaries before and after the gap, tracked incrementally (gaps are
  // visited left to right; a jump back restarts the tracking).
  if (i < scratch.cursor) scratch = BoundaryScratch{};
  for (; scratch.cursor < i; ++scratch.cursor)
    if (rules[scratch.cursor] != 0) scratch.previous = scratch.cursor;
  const std::size_t since = scratch.previous == static_cast<std::size_t>(-1) ? i : i - scratch.previous - 1;
  if (scratch.next < i + 1) scratch.next = i + 1;
  while (scratch.next < n && rules[scratch.next] == 0 && scratch.next - (i + 1) < 30) ++scratch.next;
  const std::size_t until = scratch.next - (i + 1);
  out.add(feature(kSincePrevious, static_cast<unsigned>(bucket(since))));
  out.add(feature(kUntilNext, static_cast<unsigned>(bucket(until))));
  out.add(feature(kKinds, static_cast<unsigned>(tokens[i].kind), static_cast<unsigned>(tokens[i + 1].kind)));
  out.add(feature(kRightStarter, unsigned{is_sentence_starter(text_of(i + 1))}));
}

void build_sentences(Document& doc, std::span<const std::uint8_t> ends) {
  auto& tokens = doc.mutable_tokens();
  std::size_t splits = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    splits += ends[i] != 0 && has_abbreviation_period(doc, tokens[i]);
  auto& sentences = doc.mutable_sentences();
  sentences.clear();
  if (tokens.empty()) return;
  std::vector<Token> out;
  if (splits > 0) out.reserve(tokens.size() + splits);
  std::uint32_t first = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const bool is_end = ends[i] != 0 || i + 1 == tokens.size();
    if (splits > 0) {
      if (is_end && has_abbreviation_period(doc, tokens[i])) {
        Token word = tokens[i];
        word.end -= 1;
        if (word.norm.length) word.norm.length -= 1;
        Token period;
        period.begin = word.end;
        period.end = tokens[i].end;
        period.kind = TokenKind::kPunct;
        out.push_back(word);
        out.push_back(period);
      } else {
        out.push_back(tokens[i]);
      }
    }
    if (is_end) {
      const auto end_token = static_cast<std::uint32_t>(splits > 0 ? out.size() : i + 1);
      Sentence s;
      s.first_token = first;
      s.end_token = end_token;
      sentences.push_back(s);
      first = end_token;
    }
  }
  if (splits > 0) tokens.swap(out);
  for (Sentence& s : sentences) {
    s.begin = tokens[s.first_token].begin;
    s.end = tokens[s.end_token - 1].end;
  }
}

void split_sentences(Document& doc, const ml::LinearModel* model) {
  std::vector<std::uint8_t> decisions;
  rule_boundaries(doc, decisions);
  if (model != nullptr && decisions.size() > 1) {
    const std::vector<std::uint8_t> rules = decisions;
    ml::FeatureBuffer buf;
    BoundaryScratch scratch;
    float scores[2];
    for (std::size_t i = 0; i + 1 < rules.size(); ++i) {
      if (!is_candidate(doc, rules, i)) continue;
      boundary_features(doc, rules, i, scratch, buf);
      model->score(buf.view(), std::span<float>(scores, 2));
      decisions[i] = scores[1] > scores[0] ? 1 : 0;
    }
  }
  build_sentences(doc, decisions);
}


void single_sentence(Document& doc) {
  auto& sentences = doc.mutable_sentences();
  sentences.clear();
  const auto& tokens = doc.tokens();
  if (tokens.empty()) return;
  sentences.push_back({0, static_cast<std::uint32_t>(tokens.size()), tokens.front().begin, tokens.back().end});
}

}  // namespace erx::tok
