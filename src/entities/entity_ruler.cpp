// The user entity ruler: phrase lists and token patterns (see erx/entities.hpp for the syntax and
// the matching policy).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "entities/word_shape.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"
#include "erx/tokenizer.hpp"

namespace erx {
namespace {

enum class Attr : std::uint8_t { kAny, kText, kLower, kShape, kUpos, kXpos, kKind, kIsTitle, kIsUpper, kIsLower,
                                 kIsDigit, kIsPunct };

struct Test {
  Attr attr = Attr::kAny;
  std::vector<std::string> values;  // alternatives
};

struct Element {
  std::vector<Test> tests;  // all must hold
  int min = 1, max = 1;
};

struct Rule {
  std::string type;
  EntityRuleOptions options;
  std::vector<std::string> phrase;  // phrase tokens (lower-cased when ignore_case)
  std::vector<Element> pattern;     // or a token pattern
};

// The facts of one token that tests read.
struct TokenView {
  std::string_view text;
  std::string lower;
  std::string shape;
  std::string_view upos;
  std::string_view xpos;
  TokenKind kind;
};

bool is_type_ok(std::string_view type) {
  if (type.empty()) return false;
  for (char c : type)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  return true;
}

bool one_of(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

bool holds(const Test& t, const TokenView& tok) {
  switch (t.attr) {
    case Attr::kAny: return true;
    case Attr::kText: return one_of(t.values, tok.text);
    case Attr::kLower: return one_of(t.values, tok.lower);
    case Attr::kShape: return one_of(t.values, tok.shape);
    case Attr::kUpos: return one_of(t.values, tok.upos);
    case Attr::kXpos: return one_of(t.values, tok.xpos);
    case Attr::kKind: return one_of(t.values, to_string(tok.kind));
    case Attr::kIsTitle: {
      if (tok.text.empty() || tok.text[0] < 'A' || tok.text[0] > 'Z') return false;
      for (std::size_t i = 1; i < tok.text.size(); ++i)
        if (tok.text[i] >= 'A' && tok.text[i] <= 'Z') return false;
      return true;
    }
    case Attr::kIsUpper: {
      bool letter = false;
      for (char c : tok.text) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
      }
      return letter;
    }
    case Attr::kIsLower: {
      bool letter = false;
      for (char c : tok.text) {
        if (c >= 'A' && c <= 'Z') return false;
        if (c >= 'a' && c <= 'z') letter = true;
      }
      return letter;
    }
    case Attr::kIsDigit: {
      if (tok.text.empty()) return false;
      for (char c : tok.text)
        if (c < '0' || c > '9') return false;
      return true;
    }
    case Attr::kIsPunct: return tok.kind == TokenKind::kPunct;
  }
  return false;
}

// Parser of the token pattern language.
class PatternParser {
 public:
  PatternParser(std::string_view text, std::string_view where) : s_(text), where_(where) {}

  std::vector<Element> parse() {
    std::vector<Element> out;
    skip_space();
    while (pos_ < s_.size()) {
      Element e;
      char c = s_[pos_];
      if (c == '"') {
        e.tests.push_back({Attr::kText, {quoted()}});
      } else if (c == '[') {
        ++pos_;
        e.tests = tests();
      } else if (c == '_') {
        ++pos_;
        e.tests.push_back({Attr::kAny, {}});
      } else {
        fail(fmt::format("expected '\"', '[' or '_', found '{}'", c));
      }
      quantifier(e);
      out.push_back(std::move(e));
      skip_space();
    }
    if (out.empty()) fail("empty pattern");
    bool can_match = false;
    for (const Element& e : out) can_match = can_match || e.min > 0;
    if (!can_match) fail("every element is optional: the pattern could match no token");
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(ErrorCode::kFormat, fmt::format("{}: column {}: {}", where_, pos_ + 1, what));
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  std::string quoted() {
    ++pos_;  // opening quote
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
      out += s_[pos_++];
    }
    if (pos_ >= s_.size()) fail("unterminated quote");
    ++pos_;
    if (out.empty()) fail("empty quoted text");
    return out;
  }
  std::string word() {
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != ']' && s_[pos_] != '=' && s_[pos_] != '\t') out += s_[pos_++];
    return out;
  }
  std::vector<std::string> values() {
    std::vector<std::string> out;
    std::string cur;
    if (pos_ < s_.size() && s_[pos_] == '"') return {quoted()};
    while (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != ']' && s_[pos_] != '\t') {
      if (s_[pos_] == '|') {
        if (cur.empty()) fail("empty alternative");
        out.push_back(std::move(cur));
        cur.clear();
      } else {
        cur += s_[pos_];
      }
      ++pos_;
    }
    if (cur.empty()) fail("missing value");
    out.push_back(std::move(cur));
    return out;
  }
  std::vector<Test> tests() {
    std::vector<Test> out;
    skip_space();
    while (pos_ < s_.size() && s_[pos_] != ']') {
      std::size_t at = pos_;
      std::string name = word();
      Test t;
      static const std::pair<std::string_view, Attr> kValued[] = {
          {"text", Attr::kText}, {"lower", Attr::kLower}, {"shape", Attr::kShape},
          {"upos", Attr::kUpos}, {"xpos", Attr::kXpos},   {"kind", Attr::kKind}};
      static const std::pair<std::string_view, Attr> kFlags[] = {
          {"is_title", Attr::kIsTitle}, {"is_upper", Attr::kIsUpper}, {"is_lower", Attr::kIsLower},
          {"is_digit", Attr::kIsDigit}, {"is_punct", Attr::kIsPunct}};
      bool known = false;
      for (const auto& [n, a] : kValued)
        if (name == n) {
          if (pos_ >= s_.size() || s_[pos_] != '=') fail(fmt::format("attribute '{}' needs '=value'", name));
          ++pos_;
          t.attr = a;
          t.values = values();
          if (a == Attr::kLower)
            for (std::string& v : t.values) v = entities::ascii_lower(v);
          known = true;
        }
      for (const auto& [n, a] : kFlags)
        if (name == n) {
          t.attr = a;
          known = true;
        }
      if (!known) {
        pos_ = at;
        fail(fmt::format("unknown attribute '{}'", name));
      }
      out.push_back(std::move(t));
      skip_space();
    }
    if (pos_ >= s_.size()) fail("missing ']'");
    ++pos_;
    if (out.empty()) out.push_back({Attr::kAny, {}});
    return out;
  }
  void quantifier(Element& e) {
    if (pos_ >= s_.size()) return;
    char c = s_[pos_];
    constexpr int kMaxRepeat = 8;
    if (c == '?') { e.min = 0; e.max = 1; ++pos_; }
    else if (c == '*') { e.min = 0; e.max = kMaxRepeat; ++pos_; }
    else if (c == '+') { e.min = 1; e.max = kMaxRepeat; ++pos_; }
    else if (c == '{') {
      ++pos_;
      auto number = [&] {
        int v = 0;
        std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') v = v * 10 + (s_[pos_++] - '0');
        if (pos_ == start) fail("expected a number in {m,n}");
        return v;
      };
      e.min = number();
      e.max = e.min;
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        e.max = number();
      }
      if (pos_ >= s_.size() || s_[pos_] != '}') fail("expected '}'");
      ++pos_;
      if (e.max < e.min || e.max > kMaxRepeat || e.max == 0) fail("bad repetition: need 0 <= m <= n <= 8, n > 0");
    }
  }

  std::string_view s_;
  std::string where_;
  std::size_t pos_ = 0;
};

}  // namespace

struct EntityRuler::Impl {
  std::vector<Rule> rules;
  // Phrase rules by their first token (lower-cased for ignore_case rules, which live in `folded`).
  std::unordered_map<std::string, std::vector<std::uint32_t>> exact, folded;
  std::vector<std::uint32_t> patterns;

  void add(Rule rule) {
    auto id = static_cast<std::uint32_t>(rules.size());
    if (!rule.phrase.empty()) {
      (rule.options.ignore_case ? folded : exact)[rule.phrase.front()].push_back(id);
    } else {
      patterns.push_back(id);
    }
    rules.push_back(std::move(rule));
  }

  // Longest match of pattern elements [e..] at token t; -1 if none. Backtracking over quantifiers.
  static int match_pattern(const std::vector<Element>& els, std::size_t e, const std::vector<TokenView>& toks,
                           std::size_t t, std::size_t end) {
    if (e == els.size()) return 0;
    const Element& el = els[e];
    int best = -1;
    // Count how many tokens this element can take here (up to max).
    std::size_t n = 0;
    while (n < static_cast<std::size_t>(el.max) && t + n < end) {
      bool ok = true;
      for (const Test& test : el.tests) ok = ok && holds(test, toks[t + n]);
      if (!ok) break;
      ++n;
    }
    for (std::size_t k = n + 1; k-- > static_cast<std::size_t>(el.min);) {
      int rest = match_pattern(els, e + 1, toks, t + k, end);
      if (rest >= 0) best = std::max(best, static_cast<int>(k) + rest);
    }
    return best;
  }
};

EntityRuler::EntityRuler() : impl_(std::make_unique<Impl>()) {}
EntityRuler::~EntityRuler() = default;
EntityRuler::EntityRuler(const EntityRuler& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
EntityRuler& EntityRuler::operator=(const EntityRuler& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
EntityRuler::EntityRuler(EntityRuler&& other) noexcept : impl_(std::move(other.impl_)) {
  other.impl_ = nullptr;
}
EntityRuler& EntityRuler::operator=(EntityRuler&& other) noexcept {
  impl_ = std::move(other.impl_);
  return *this;
}

void EntityRuler::add_phrase(std::string_view phrase, std::string_view type, EntityRuleOptions options) {
  if (!impl_) impl_ = std::make_unique<Impl>();
  if (!is_type_ok(type))
    throw Error(ErrorCode::kInvalidArgument, fmt::format("entity rule '{}': bad type '{}' (empty or with spaces)",
                                                         phrase, type));
  static const Tokenizer tokenizer(TokenizerOptions{.split_sentences = false});
  Document doc = tokenizer.tokenize(phrase);
  Rule rule;
  rule.type = std::string(type);
  rule.options = options;
  for (const Token& t : doc.tokens()) {
    if (t.kind == TokenKind::kOther && doc.norm(t).find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    std::string_view w = doc.norm(t);
    rule.phrase.push_back(options.ignore_case ? entities::ascii_lower(w) : std::string(w));
  }
  if (rule.phrase.empty())
    throw Error(ErrorCode::kInvalidArgument, fmt::format("entity rule of type {}: the phrase '{}' has no token",
                                                         type, phrase));
  impl_->add(std::move(rule));
}

void EntityRuler::add_pattern(std::string_view pattern, std::string_view type, EntityRuleOptions options) {
  if (!impl_) impl_ = std::make_unique<Impl>();
  if (!is_type_ok(type))
    throw Error(ErrorCode::kInvalidArgument, fmt::format("entity pattern '{}': bad type '{}' (empty or with spaces)",
                                                         pattern, type));
  Rule rule;
  rule.type = std::string(type);
  rule.options = options;
  rule.pattern = PatternParser(pattern, fmt::format("pattern '{}'", pattern)).parse();
  if (options.ignore_case)
    for (Element& e : rule.pattern)
      for (Test& t : e.tests)
        if (t.attr == Attr::kText) {
          t.attr = Attr::kLower;
          for (std::string& v : t.values) v = entities::ascii_lower(v);
        }
  impl_->add(std::move(rule));
}

void EntityRuler::add_rules(std::string_view text, std::string_view source) {
  std::size_t line_no = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::string_view> fields;
    for (std::size_t s = 0;;) {
      std::size_t tab = line.find('\t', s);
      fields.push_back(line.substr(s, tab == std::string_view::npos ? std::string_view::npos : tab - s));
      if (tab == std::string_view::npos) break;
      s = tab + 1;
    }
    std::string where = fmt::format("{}:{}", source, line_no);
    if (fields.size() < 2 || fields.size() > 3)
      throw Error(ErrorCode::kFormat, where + ": expected TYPE<TAB>phrase[<TAB>options] (" +
                                          std::to_string(fields.size()) + " TAB-separated fields)");
    EntityRuleOptions options;
    if (fields.size() == 3) {
      std::string_view opts = fields[2];
      for (std::size_t s = 0; s <= opts.size();) {
        std::size_t comma = opts.find(',', s);
        std::string_view o = opts.substr(s, comma == std::string_view::npos ? std::string_view::npos : comma - s);
        while (!o.empty() && o.front() == ' ') o.remove_prefix(1);
        while (!o.empty() && o.back() == ' ') o.remove_suffix(1);
        if (o == "ignore_case") options.ignore_case = true;
        else if (o == "fill_gaps") options.priority = RulePriority::kFillGaps;
        else if (o == "override") options.priority = RulePriority::kOverride;
        else if (!o.empty())
          throw Error(ErrorCode::kFormat, fmt::format("{}: unknown option '{}' (expected ignore_case, fill_gaps or "
                                                      "override)", where, o));
        s = comma == std::string_view::npos ? opts.size() + 1 : comma + 1;
      }
    }
    std::string_view body = fields[1];
    try {
      if (body.starts_with("pattern:")) add_pattern(body.substr(8), fields[0], options);
      else add_phrase(body, fields[0], options);
    } catch (const Error& e) {
      throw Error(ErrorCode::kFormat, where + ": " + e.what());
    }
  }
}

void EntityRuler::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open entity rule file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  add_rules(buffer.str(), path);
}

std::size_t EntityRuler::size() const noexcept { return impl_ ? impl_->rules.size() : 0; }

std::vector<Mention> EntityRuler::match(const Document& doc, std::vector<RulePriority>* priorities) const {
  std::vector<Mention> out;
  if (priorities) priorities->clear();
  if (!impl_ || impl_->rules.empty() || doc.tokens().empty()) return out;
  const Impl& im = *impl_;
  std::vector<TokenView> toks;
  toks.reserve(doc.tokens().size());
  for (const Token& t : doc.tokens()) {
    TokenView v;
    v.text = doc.norm(t);
    v.lower = entities::ascii_lower(v.text);
    if (!im.patterns.empty()) v.shape = entities::word_shape(v.text);
    v.upos = to_string(t.upos);
    v.xpos = doc.xpos(t);
    v.kind = t.kind;
    toks.push_back(std::move(v));
  }
  auto run = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end;) {
      int best_len = 0;
      std::uint32_t best_rule = 0;
      auto consider = [&](std::uint32_t id, int len) {
        if (len > best_len || (len == best_len && len > 0 && id < best_rule)) {
          best_len = len;
          best_rule = id;
        }
      };
      auto phrases = [&](const std::unordered_map<std::string, std::vector<std::uint32_t>>& index, bool fold) {
        auto it = index.find(fold ? toks[i].lower : std::string(toks[i].text));
        if (it == index.end()) return;
        for (std::uint32_t id : it->second) {
          const std::vector<std::string>& p = im.rules[id].phrase;
          if (i + p.size() > end) continue;
          bool ok = true;
          for (std::size_t k = 1; k < p.size() && ok; ++k)
            ok = fold ? toks[i + k].lower == p[k] : toks[i + k].text == p[k];
          if (ok) consider(id, static_cast<int>(p.size()));
        }
      };
      if (!im.exact.empty()) phrases(im.exact, false);
      if (!im.folded.empty()) phrases(im.folded, true);
      for (std::uint32_t id : im.patterns) {
        int len = Impl::match_pattern(im.rules[id].pattern, 0, toks, i, end);
        if (len > 0) consider(id, len);
      }
      if (best_len == 0) {
        ++i;
        continue;
      }
      const Rule& r = im.rules[best_rule];
      Mention m;
      m.first_token = static_cast<std::uint32_t>(i);
      m.end_token = static_cast<std::uint32_t>(i + static_cast<std::size_t>(best_len));
      m.begin = doc.tokens()[m.first_token].begin;
      m.end = doc.tokens()[m.end_token - 1].end;
      m.type = r.type;
      m.source = MentionSource::kUser;
      m.confidence = 1.0f;
      out.push_back(std::move(m));
      if (priorities) priorities->push_back(r.options.priority);
      i += static_cast<std::size_t>(best_len);
    }
  };
  if (doc.sentences().empty()) {
    run(0, toks.size());
  } else {
    for (const Sentence& s : doc.sentences()) run(s.first_token, s.end_token);
  }
  return out;
}

}  // namespace erx
