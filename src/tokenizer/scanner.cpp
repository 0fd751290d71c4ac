// The token scanner: one pass over the text, chunk by chunk (a chunk is a maximal run of
// characters that are not white space). Every rule looks at most a bounded distance ahead or
// remembers how far a failed look-ahead reached, so the scan is linear in the text size even for
// a megabyte without spaces.
#include "tokenizer/scanner.hpp"

#include <string>

#include "core/utf8.hpp"
#include "tokenizer/char_class.hpp"
#include "tokenizer/lexicon.hpp"

namespace erx::tok {

namespace {

using C = CharClass;

// Chunk flags: which characters a chunk contains, so that rare look-aheads run only when needed.
enum : unsigned {
  kHasAt = 1,
  kHasPeriod = 2,
  kHasColon = 4,
  kHasHigh = 8,
};

constexpr unsigned ascii_flag(unsigned char c) {
  return c == '@' ? kHasAt : c == '.' ? kHasPeriod : c == ':' ? kHasColon : 0u;
}

inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// True if `text` at `i` starts with `prefix`, ignoring ASCII case.
bool starts_with_icase(std::string_view text, std::size_t i, std::size_t end, std::string_view prefix) {
  if (end - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (ascii_lower(text[i + k]) != prefix[k]) return false;
  return true;
}

class Scanner {
 public:
  explicit Scanner(Document& doc) : doc_(doc), text_(doc.text()), tokens_(doc.mutable_tokens()) {}

  void run() {
    tokens_.clear();
    tokens_.reserve(text_.size() / 4 + 16);  // English averages 5-6 bytes per token
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x80) {
        const C cls = detail::kAsciiClass[c];
        if (cls == C::kSpace) { ++i; continue; }
        if (cls == C::kNewline) { open_single_ = false; ++i; continue; }
      } else {
        const Char ch = detail::decode_non_ascii(text_, i);
        if (is_space(ch.cls)) {
          if (ch.cls == C::kNewline) open_single_ = false;
          i += ch.len;
          continue;
        }
      }
      // Find the end of the chunk and what it contains.
      std::size_t e = i;
      unsigned flags = 0;
      while (e < n) {
        const auto b = static_cast<unsigned char>(text_[e]);
        if (b < 0x80) {
          if (is_space(detail::kAsciiClass[b])) break;
          flags |= ascii_flag(b);
          ++e;
        } else {
          const Char ch = detail::decode_non_ascii(text_, e);
          if (is_space(ch.cls)) break;
          flags |= kHasHigh;
          e += ch.len;
        }
      }
      flags_ = flags;
      scan_chunk(i, e);
      i = e;
    }
  }

 private:
  Document& doc_;
  std::string_view text_;
  std::vector<Token>& tokens_;
  unsigned flags_ = 0;
  bool open_single_ = false;        // an opening single quote is waiting for its closing one
  std::size_t no_domain_before_ = 0;  // a domain look-ahead failed for every start before this
  std::size_t no_email_before_ = 0;   // same for e-mail addresses
  std::string norm_;                 // scratch for normalized forms

  Char at(std::size_t i) const noexcept { return char_at(text_, i); }
  C cls(std::size_t i) const noexcept { return class_at(text_, i); }

  void emit(std::size_t b, std::size_t e, TokenKind kind, bool fused = false) {
    Token t;
    t.begin = static_cast<std::uint32_t>(b);
    t.end = static_cast<std::uint32_t>(e);
    t.kind = kind;
    t.fused_with_next = fused;
    if (flags_ & kHasHigh) normalize(t);
    tokens_.push_back(t);
  }

  // Sets t.norm when the token contains characters that English models expect in ASCII form:
  // curly apostrophes and quotes, dashes, the ellipsis character, soft hyphens.
  void normalize(Token& t) {
    const std::string_view s = text_.substr(t.begin, t.end - t.begin);
    bool high = false;
    for (char c : s) high |= static_cast<unsigned char>(c) >= 0x80;
    if (!high || t.kind == TokenKind::kInvalidUtf8) return;
    norm_.clear();
    bool changed = false;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t n = utf8::sequence_length(s, i);
      if (n <= 1) {
        norm_.push_back(s[i]);
        ++i;
        continue;
      }
      const char32_t cp = utf8::decode(s, i, n);
      std::string_view repl;
      bool replace = true;
      switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0xFF07:
        case 0x2039: case 0x203A:
          repl = "'";
          break;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
        case 0x2E42: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
          repl = "\"";
          break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
        case 0xFF0D:
          repl = "-";
          break;
        case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: repl = "--"; break;
        case 0x2026: repl = "..."; break;
        case 0x00AD: repl = ""; break;  // soft hyphen: invisible
        default: replace = false; break;
      }
      if (replace) {
        norm_ += repl;
        changed = true;
      } else {
        norm_.append(s.data() + i, n);
      }
      i += n;
    }
    // A lone pair of single quotes stands for a double quote (EWT writes '' and `` too).
    if (changed && !norm_.empty()) t.norm = doc_.store(norm_);
  }

  // Skips combining marks, format characters and ZWJ starting at i.
  std::size_t skip_marks(std::size_t i, std::size_t e) const noexcept {
    while (i < e) {
      if (static_cast<unsigned char>(text_[i]) < 0x80) return i;
      const Char c = at(i);
      if (c.cls != C::kMark) return i;
      i += c.len;
    }
    return i;
  }

  // Skips letters, digits and marks starting at i.
  std::size_t skip_alnum(std::size_t i, std::size_t e) const noexcept {
    while (i < e) {
      const auto b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        const C c = detail::kAsciiClass[b];
        if (c != C::kLetter && c != C::kDigit) return i;
        ++i;
      } else {
        const Char c = detail::decode_non_ascii(text_, i);
        if (!is_alnum(c.cls)) return i;
        i += c.len;
      }
    }
    return i;
  }

  // Skips letters and marks only.
  std::size_t skip_letters(std::size_t i, std::size_t e) const noexcept {
    while (i < e) {
      const Char c = at(i);
      if (c.cls != C::kLetter && c.cls != C::kMark) return i;
      i += c.len;
    }
    return i;
  }

  std::size_t skip_digits(std::size_t i, std::size_t e) const noexcept {
    while (i < e && is_ascii_digit(text_[i])) ++i;
    return i;
  }

  // Skips a run of the same code point (with marks) starting at i.
  std::size_t skip_same(std::size_t i, std::size_t e) const noexcept {
    const Char first = at(i);
    std::size_t q = skip_marks(i + first.len, e);
    while (q < e) {
      const Char c = at(q);
      if (c.cp != first.cp || c.cls == C::kInvalid) break;
      q = skip_marks(q + c.len, e);
    }
    return q;
  }

  // True if position i is at the chunk end or at a character that cannot continue a word.
  bool word_boundary(std::size_t i, std::size_t e) const noexcept { return i >= e || !is_alnum(cls(i)); }

  void scan_chunk(std::size_t b, std::size_t e) {
    std::size_t p = b;
    while (p < e) {
      const Char c = at(p);
      switch (c.cls) {
        case C::kLetter:
        case C::kDigit:
          p = scan_word(p, e);
          break;
        case C::kInvalid: {
          std::size_t q = p + 1;
          while (q < e && cls(q) == C::kInvalid) ++q;
          emit(p, q, TokenKind::kInvalidUtf8);
          p = q;
          break;
        }
        case C::kControl: {
          std::size_t q = p;
          while (q < e) {
            const Char d = at(q);
            if (d.cls != C::kControl && d.cls != C::kMark) break;
            q += d.len;
          }
          emit(p, q, TokenKind::kOther);
          p = q;
          break;
        }
        case C::kMark: {
          const std::size_t q = skip_marks(p, e);
          emit(p, q, TokenKind::kOther);
          p = q;
          break;
        }
        case C::kIdeograph: {
          const std::size_t q = skip_marks(p + c.len, e);
          emit(p, q, TokenKind::kWord);
          p = q;
          break;
        }
        case C::kPeriod:
        case C::kFinal:
        case C::kEllipsis: {
          std::size_t q = p;
          while (q < e) {
            const C d = cls(q);
            if (d != C::kPeriod && d != C::kFinal && d != C::kEllipsis) break;
            q = skip_marks(q + at(q).len, e);
          }
          emit(p, q, TokenKind::kPunct);
          p = q;
          break;
        }
        case C::kHyphen: {
          std::size_t q = skip_same(p, e);
          if (q < e && text_[q] == '>' && text_[p] == '-') ++q;  // "->", "-->"
          emit(p, q, TokenKind::kPunct);
          p = q;
          break;
        }
        case C::kDash:
        case C::kConnector:
        case C::kPunct:
        case C::kSlash: {
          const std::size_t q = skip_same(p, e);
          emit(p, q, TokenKind::kPunct);
          p = q;
          break;
        }
        case C::kColon:
        case C::kSemicolon: {
          if (std::size_t q = match_emoticon(p, e)) {
            emit(p, q, TokenKind::kSymbol);
            p = q;
            break;
          }
          const std::size_t q = skip_marks(p + 1, e);
          emit(p, q, TokenKind::kPunct);
          p = q;
          break;
        }
        case C::kSymbol: {
          if (std::size_t q = match_emoticon(p, e)) {
            emit(p, q, TokenKind::kSymbol);
            p = q;
            break;
          }
          if (c.cp >= 0x80 && c.cp != 0xA9 && c.cp != 0xAE && c.cp != 0x2122) {
            // Text-style pictographs (♥, ☺) become emoji with VS16 or in ZWJ sequences.
            const std::size_t q = scan_emoji(p, e);
            emit(p, q, q - p > c.len ? TokenKind::kEmoji : TokenKind::kSymbol);
            p = q;
            break;
          }
          std::size_t q = skip_same(p, e);
          if (q < e && text_[q] == '>' && text_[p] == '=') ++q;  // "==>"
          emit(p, q, TokenKind::kSymbol);
          p = q;
          break;
        }
        case C::kCurrency: {
          const std::size_t q = skip_marks(p + c.len, e);
          emit(p, q, TokenKind::kSymbol);
          p = q;
          break;
        }
        case C::kEmoji:
        case C::kRegional: {
          const std::size_t q = scan_emoji(p, e);
          emit(p, q, TokenKind::kEmoji);
          p = q;
          break;
        }
        case C::kAt:
        case C::kHash: {
          std::size_t q = p + 1;
          const bool tag_start = q < e && (cls(q) == C::kLetter || text_[q] == '_' ||
                                           (c.cls == C::kAt && cls(q) == C::kDigit));
          if (tag_start) {
            while (q < e) {
              const C d = cls(q);
              if (d == C::kLetter || d == C::kDigit || d == C::kMark || d == C::kConnector) q += at(q).len;
              else break;
            }
            emit(p, q, TokenKind::kHashtag);
          } else {
            q = skip_same(p, e);
            emit(p, q, TokenKind::kSymbol);
          }
          p = q;
          break;
        }
        case C::kApostrophe:
          p = scan_apostrophe(p, e, b);
          break;
        case C::kQuote: {
          std::size_t q = skip_marks(p + c.len, e);
          if (q < e) {
            const Char d = at(q);
            // `` and two typographic single quotes used as one double quote.
            if ((c.cp == '`' && d.cp == '`') ||
                ((c.cp == 0x2018 || c.cp == 0x2019) && (d.cp == 0x2018 || d.cp == 0x2019)))
              q = skip_marks(q + d.len, e);
          }
          if (c.cp == 0x2018) open_single_ = true;
          emit(p, q, TokenKind::kPunct);
          p = q;
          break;
        }
        default: {  // kComma, kAmpersand, kOpen, kClose and anything else: one character
          const std::size_t q = skip_marks(p + c.len, e);
          emit(p, q, c.cls == C::kAmpersand ? TokenKind::kSymbol : TokenKind::kPunct);
          p = q;
          break;
        }
      }
    }
  }

  // An apostrophe that does not belong to a preceding word: "'s", "'em", "'72", "''", or a
  // single quote.
  std::size_t scan_apostrophe(std::size_t p, std::size_t e, std::size_t chunk_begin) {
    const Char c = at(p);
    const std::size_t r = p + c.len;
    if (r < e) {
      const Char d = at(r);
      if (d.cls == C::kApostrophe || (d.cls == C::kQuote && d.cp != '"' && d.cp != '`')) {
        const std::size_t q = skip_marks(r + d.len, e);  // '' as a double quote
        emit(p, q, TokenKind::kPunct);
        return q;
      }
      if (d.cls == C::kLetter) {
        const std::size_t le = skip_letters(r, e);
        const std::string_view w = text_.substr(r, le - r);
        if (word_boundary(le, e) && (is_apostrophe_word(w) || (p == chunk_begin && is_clitic(w)))) {
          emit(p, le, TokenKind::kWord);
          return le;
        }
      } else if (d.cls == C::kDigit) {
        std::size_t q = skip_digits(r, e);
        if (q - r == 2) {
          if (q < e && text_[q] == 's') ++q;
          if (word_boundary(q, e)) {  // '72, '60s
            emit(p, q, TokenKind::kNumber);
            return q;
          }
        }
      }
    }
    // A quotation mark: opening at the start of a chunk, closing otherwise.
    open_single_ = (p == chunk_begin) && r < e;
    const std::size_t q = skip_marks(r, e);
    emit(p, q, TokenKind::kPunct);
    return q;
  }

  // Emoji: a pictograph or flag with its modifiers, variation selectors and ZWJ continuations.
  std::size_t scan_emoji(std::size_t p, std::size_t e) const noexcept {
    const Char first = at(p);
    std::size_t q = p + first.len;
    if (first.cls == C::kRegional) {
      if (q < e && cls(q) == C::kRegional) q += at(q).len;
      return skip_marks(q, e);
    }
    for (;;) {
      bool zwj_last = false;
      while (q < e && static_cast<unsigned char>(text_[q]) >= 0x80) {
        const Char m = at(q);
        if (m.cls != C::kMark) break;
        zwj_last = m.cp == 0x200D;
        q += m.len;
      }
      if (!zwj_last || q >= e) return q;
      const Char next = at(q);
      if (next.cls != C::kEmoji && !(next.cls == C::kSymbol && next.cp >= 0x80)) return q;
      q += next.len;
    }
  }

  // Emoticons such as ":)", ":-(", ";)", "=)", ":D", "^_^", "<3". Returns the end, or 0.
  std::size_t match_emoticon(std::size_t p, std::size_t e) const noexcept {
    const char c0 = text_[p];
    std::size_t q = p + 1;
    if (c0 == '^') {
      if (e - p >= 3 && text_[p + 1] == '_' && text_[p + 2] == '^') return p + 3;
      return 0;
    }
    if (c0 == '<') return (q < e && text_[q] == '3' && word_boundary(q + 1, e)) ? q + 1 : 0;
    if (c0 != ':' && c0 != ';' && c0 != '=') return 0;
    if (q < e && (text_[q] == '-' || text_[q] == '\'' || text_[q] == '^')) ++q;
    if (q >= e) return 0;
    const char m = text_[q];
    const bool mouth = m == ')' || m == '(' || m == ']' || m == '[' || m == 'D' || m == 'P' ||
                       m == 'p' || m == 'O' || m == 'o' || m == '/' || m == '\\' || m == '|' ||
                       m == '*' || m == '3' || m == '$' || m == '@' || m == '}' || m == '{';
    if (!mouth) return 0;
    ++q;
    if (m == ')' || m == '(') {
      while (q < e && text_[q] == m) ++q;
    }
    if (is_ascii_letter(m) || m == '3' || m == '/') {
      if (!word_boundary(q, e)) return 0;  // ":Dog", "=3x"
      if (m == '/' && q < e && text_[q] == '/') return 0;
    }
    return q;
  }

  // "http://...", "https://...", "www....", "mailto:..." up to the end of the chunk, without
  // trailing punctuation. Returns the end, or 0.
  std::size_t match_url_scheme(std::size_t p, std::size_t e) const noexcept {
    std::size_t q = p;
    while (q < e && q - p <= 10 && is_ascii_letter(text_[q])) ++q;
    bool ok = false;
    if (q - p >= 2 && e - q > 3 && text_[q] == ':' && text_[q + 1] == '/' && text_[q + 2] == '/')
      ok = true;
    else if (starts_with_icase(text_, p, e, "www.") && e - p > 4 && is_alnum(cls(p + 4)))
      ok = true;
    else if (starts_with_icase(text_, p, e, "mailto:") && e - p > 7)
      ok = true;
    if (!ok) return 0;
    return trim_url(p, e);
  }

  // The end of a URL that starts at p and may run to e, without trailing punctuation (a closing
  // bracket stays when the URL opened one).
  std::size_t trim_url(std::size_t p, std::size_t e) const noexcept {
    for (std::size_t i = p; i < e; ++i) {  // invalid UTF-8 ends a URL
      if (static_cast<unsigned char>(text_[i]) >= 0x80) {
        const Char c = at(i);
        if (c.cls == C::kInvalid) {
          e = i;
          break;
        }
        i += c.len - 1;
      }
    }
    int parens = 0;
    for (std::size_t i = p; i < e; ++i) {
      if (text_[i] == '(') ++parens;
      else if (text_[i] == ')') --parens;
    }
    std::size_t end = e;
    while (end > p) {
      const auto last = static_cast<unsigned char>(text_[end - 1]);
      if (last == ')' && parens < 0) {
        ++parens;
        --end;
        continue;
      }
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
          last == '\'' || last == '"' || last == ']' || last == '>' || last == '*') {
        --end;
        continue;
      }
      if (last >= 0x80) {  // trailing curly quotes and other non-ASCII punctuation
        std::size_t k = end - 1;
        while (k > p && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
        const Char c = at(k);
        if (k + c.len == end && c.cls != C::kLetter && c.cls != C::kDigit && c.cls != C::kMark) {
          end = k;
          continue;
        }
      }
      break;
    }
    return end;
  }

  // A domain name or file name: labels of letters, digits and hyphens separated by single
  // periods, the last one a known top-level domain or file extension ("galleryfurniture.com",
  // "ENRON.XLS", "www.example.org/path"). Returns the end, or 0; sets `url` for domains.
  std::size_t match_domain(std::size_t p, std::size_t e, bool& url) {
    if (p < no_domain_before_) return 0;
    std::size_t q = p;
    std::size_t last_label = p;
    int periods = 0;
    for (;;) {
      while (q < e && (is_ascii_letter(text_[q]) || is_ascii_digit(text_[q]) || text_[q] == '-' ||
                       text_[q] == '_'))
        ++q;
      if (q + 1 < e && text_[q] == '.' &&
          (is_ascii_letter(text_[q + 1]) || is_ascii_digit(text_[q + 1]))) {
        ++periods;
        ++q;
        last_label = q;
        continue;
      }
      break;
    }
    const std::string_view label = text_.substr(last_label, q - last_label);
    const bool tld = periods > 0 && is_tld(label);
    const bool ext = periods > 0 && !tld && is_file_extension(label);
    if ((!tld && !ext) || !word_boundary(q, e) || (q < e && cls(q) == C::kApostrophe && q + 1 < e &&
                                                    is_ascii_letter(text_[q + 1]))) {
      no_domain_before_ = q;
      return 0;
    }
    // Dotted abbreviations ("U.S", "e.g") are not domains: every label would be one letter.
    if (q - p <= 2 * static_cast<std::size_t>(periods) + 1) {
      no_domain_before_ = q;
      return 0;
    }
    url = tld;
    if (tld && q < e && (text_[q] == '/' || text_[q] == ':' || text_[q] == '?' || text_[q] == '#'))
      return trim_url(p, e);
    return q;
  }

  // An e-mail address starting at p. Returns the end, or 0.
  std::size_t match_email(std::size_t p, std::size_t e) {
    if (p < no_email_before_) return 0;
    std::size_t q = p;
    while (q < e) {
      const char c = text_[q];
      if (is_ascii_letter(c) || is_ascii_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
          c == '-' || c == '\'')
        ++q;
      else
        break;
    }
    if (q >= e || text_[q] != '@' || q == p) {
      no_email_before_ = q;
      return 0;
    }
    std::size_t r = q + 1;
    int periods = 0;
    std::size_t last_period = 0;
    while (r < e) {
      const char c = text_[r];
      if (is_ascii_letter(c) || is_ascii_digit(c) || c == '-') {
        ++r;
      } else if (c == '.' && r + 1 < e && (is_ascii_letter(text_[r + 1]) || is_ascii_digit(text_[r + 1]))) {
        ++periods;
        last_period = r;
        ++r;
      } else {
        break;
      }
    }
    if (periods == 0) {
      // Intranet addresses without a top-level domain: "Kay.Mann@ENRON", "Sara Shackleton@ECT".
      bool upper = r - q > 2;
      for (std::size_t k = q + 1; k < r && upper; ++k)
        upper = (text_[k] >= 'A' && text_[k] <= 'Z') || is_ascii_digit(text_[k]) || text_[k] == '_';
      if (upper && (r >= e || text_[r] == '_' || word_boundary(r, e))) {
        while (r < e && (text_[r] == '_' || (text_[r] >= 'A' && text_[r] <= 'Z'))) ++r;
        return r;
      }
    }
    if (periods == 0 || r - last_period < 3) {
      no_email_before_ = q;
      return 0;
    }
    return r;
  }

  // A word or number starting at p (a letter or digit), with the clitics, hyphens, periods and
  // separators that EWT keeps inside it.
  std::size_t scan_word(std::size_t p, std::size_t e) {
    const std::size_t start = p;
    if (flags_ & (kHasColon | kHasPeriod)) {
      if (std::size_t q = match_url_scheme(p, e)) {
        emit(p, q, TokenKind::kUrl);
        return q;
      }
    }
    if (flags_ & kHasAt) {
      if (std::size_t q = match_email(p, e)) {
        emit(p, q, TokenKind::kEmail);
        return q;
      }
    }
    if (flags_ & kHasPeriod) {
      bool url = false;
      if (std::size_t q = match_domain(p, e, url)) {
        emit(p, q, url ? TokenKind::kUrl : TokenKind::kWord);
        return q;
      }
    }

    const bool starts_digit = cls(p) == C::kDigit;
    std::size_t seg_start = p;
    bool has_inner_period = false;
    bool dotted_short = true;  // every period-separated segment is one or two letters
    std::size_t q = p;
    for (;;) {
      q = skip_alnum(q, e);
      if (q - seg_start > 2) dotted_short = false;
      if (q >= e) break;
      const Char c = at(q);
      const std::size_t r = q + c.len;
      if (c.cls == C::kApostrophe) {
        if (r < e && cls(r) == C::kLetter) {
          const std::size_t le = skip_letters(r, e);
          const std::string_view after = text_.substr(r, le - r);
          const bool boundary = word_boundary(le, e);
          if (boundary && is_clitic(after)) {  // Korea's, I'm, we'll, they've
            emit_word(start, q, starts_digit, true);
            emit(q, le, TokenKind::kWord);
            return le;
          }
          if (boundary && (after == "t" || after == "T") && q - start >= 2 &&
              (text_[q - 1] == 'n' || text_[q - 1] == 'N')) {  // don't, can't, won't
            emit_word(start, q - 1, starts_digit, true);
            emit(q - 1, le, TokenKind::kWord);
            return le;
          }
          q = le;  // O'Neil, Shi'ite, o'clock
          continue;
        }
        const char prev = text_[q - 1];
        if ((prev == 's' || prev == 'S') && word_boundary(r, e) && !open_single_ && !starts_digit) {
          emit_word(start, q, starts_digit, true);  // the parents' house
          emit(q, r, TokenKind::kWord);
          return r;
        }
        break;
      }
      if (c.cls == C::kPeriod && c.cp == '.') {
        if (r < e && (cls(r) == C::kLetter || cls(r) == C::kDigit)) {
          // "word.Word" with a lower-case word before is a missing space, not an abbreviation.
          if (q - seg_start >= 2 && is_lower(static_cast<unsigned char>(text_[q - 1])) &&
              is_upper(at(r).cp) && r + 1 < e && is_lower(static_cast<unsigned char>(text_[r + 1])) &&
              !starts_digit)
            break;
          has_inner_period = true;
          q = r;
          seg_start = r;
          continue;
        }
        if (attach_period(start, q, r, has_inner_period && dotted_short, starts_digit)) q = r;
        break;
      }
      if (c.cls == C::kHyphen && c.cp == '-') {
        if (r >= e || !(cls(r) == C::kLetter || cls(r) == C::kDigit)) break;
        if (seg_start == start && !starts_digit && is_hyphen_prefix(text_.substr(start, q - start))) {
          q = r;
          seg_start = r;
          continue;
        }
        if (starts_digit) {
          if (std::size_t end = match_digit_groups(start, e, '-')) {
            q = end;
            continue;
          }
        }
        break;
      }
      if (c.cls == C::kComma) {
        // Thousands separators: 28,500 and 3,202.61.
        if (starts_digit && q - seg_start <= 3 && is_group_of_digits(start, q) && e - r >= 3 &&
            is_ascii_digit(text_[r]) && is_ascii_digit(text_[r + 1]) && is_ascii_digit(text_[r + 2]) &&
            (r + 3 >= e || !is_ascii_digit(text_[r + 3]))) {
          q = r + 3;
          seg_start = r;
          continue;
        }
        break;
      }
      if (c.cls == C::kColon) {
        // Times and ratios: 5:00, 10:30:15.
        if (starts_digit && is_group_of_digits(seg_start, q) && r < e && is_ascii_digit(text_[r])) {
          q = r;
          seg_start = r;
          continue;
        }
        break;
      }
      if (c.cls == C::kSlash) {
        if (starts_digit && seg_start == start) {
          if (std::size_t end = match_digit_groups(start, e, '/')) {
            q = end;
            continue;
          }
        }
        break;
      }
      if (c.cls == C::kAmpersand) {
        // AT&T, P&L, Q&A: short capitalised parts.
        if (q - seg_start <= 3 && r < e && cls(r) == C::kLetter && !starts_digit) {
          const std::size_t le = skip_letters(r, e);
          if (le - r <= 3) {
            q = le;
            continue;
          }
        }
        break;
      }
      if (c.cls == C::kConnector && c.cp == '_') {
        if (r < e && (cls(r) == C::kLetter || cls(r) == C::kDigit)) {
          q = r;
          continue;
        }
        break;
      }
      break;
    }
    emit_word(start, q, starts_digit, false);
    return q;
  }

  // True if [b, e) holds only ASCII digits.
  bool is_group_of_digits(std::size_t b, std::size_t e) const noexcept {
    if (b >= e) return false;
    for (std::size_t i = b; i < e; ++i)
      if (!is_ascii_digit(text_[i])) return false;
    return true;
  }

  // Digit groups joined by `sep` that EWT keeps as one token: phone and zip numbers
  // ("713-853-3989", "345-9945", "77415-0027") and dates ("11/28/2000", "9/11"), but not ranges
  // or fractions ("1969-1970", "5-10", "1/2"). Returns the end of the groups, or 0.
  std::size_t match_digit_groups(std::size_t start, std::size_t e, char sep) const noexcept {
    std::size_t lens[4] = {0, 0, 0, 0};
    unsigned long values[4] = {0, 0, 0, 0};
    int groups = 0;
    std::size_t q = start;
    while (groups < 4) {
      const std::size_t g = skip_digits(q, e);
      if (g == q) break;
      lens[groups] = g - q;
      for (std::size_t i = q; i < g && i < q + 6; ++i) values[groups] = values[groups] * 10 + static_cast<unsigned long>(text_[i] - '0');
      ++groups;
      q = g;
      if (q + 1 < e && text_[q] == sep && is_ascii_digit(text_[q + 1])) {
        ++q;
        continue;
      }
      break;
    }
    if (groups < 2 || !word_boundary(q, e) || (q < e && text_[q] == sep)) return 0;
    if (sep == '-') {
      if (groups >= 3) return q;
      if (lens[1] >= 4 && !(lens[0] == 4 && lens[1] == 4)) return q;
      return 0;
    }
    if (groups >= 3) return q;
    if (values[0] >= 1 && values[0] <= 12 && values[1] >= 1 && values[1] <= 31 &&
        !(lens[0] == 1 && lens[1] == 1))
      return q;
    return 0;
  }

  // Whether the period at [q, r) after the word [start, q) belongs to the word.
  bool attach_period(std::size_t start, std::size_t q, std::size_t r, bool dotted, bool starts_digit) const {
    if (starts_digit) return false;
    if (dotted) return true;  // U.S., a.m., e.g.
    const std::string_view word = text_.substr(start, q - start);
    if (at(start).len + start == q || (q - start == 1)) return cls(start) == C::kLetter;  // initials
    switch (abbreviation(word)) {
      case Abbreviation::kNone: return false;
      case Abbreviation::kTitle:
      case Abbreviation::kGeneral: return true;
      case Abbreviation::kNumeral: {
        std::size_t i = r;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
        return i < text_.size() && is_ascii_digit(text_[i]);
      }
    }
    return false;
  }

  // Emits the word [b, e), splitting number + unit ("5pm") and contractions written without an
  // apostrophe ("cannot", "gonna", "dont").
  void emit_word(std::size_t b, std::size_t e, bool starts_digit, bool fused) {
    if (starts_digit) {
      std::size_t k = skip_digits(b, e);
      while (k + 1 < e && (text_[k] == ':' || text_[k] == '.' || text_[k] == ',') && is_ascii_digit(text_[k + 1]))
        k = skip_digits(k + 1, e);  // 7:30PM, 3.5m
      if (k < e && is_ascii_letter(text_[k])) {
        std::size_t l = k;
        while (l < e && is_ascii_letter(text_[l])) ++l;
        if (l == e && is_unit(text_.substr(k, e - k))) {
          emit(b, k, TokenKind::kNumber);
          emit(k, e, TokenKind::kWord, fused);
          return;
        }
      }
      emit(b, e, TokenKind::kNumber, fused);
      return;
    }
    if (e - b <= 8) {
      if (std::size_t n = fused_split(text_.substr(b, e - b))) {
        emit(b, b + n, TokenKind::kWord, true);
        emit(b + n, e, TokenKind::kWord, fused);
        return;
      }
    }
    emit(b, e, TokenKind::kWord, fused);
  }
};

}  // namespace

void scan(Document& doc) { Scanner(doc).run(); }

}  // namespace erx::tok
