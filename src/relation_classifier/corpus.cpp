// CoNLL04-style JSON corpora and the documents built from them (erx/relation_classifier.hpp).
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include <boost/json.hpp>

#include "erx/error.hpp"
#include "erx/relation_classifier.hpp"

namespace erx {

namespace {

namespace json = boost::json;

[[noreturn]] void fail(std::string_view name, std::size_t sentence, const std::string& what) {
  throw Error(ErrorCode::kFormat, std::string(name) + ": sentence " + std::to_string(sentence) + ": " + what);
}

// A non-negative integer of a JSON array element.
std::uint32_t index_at(const json::array& a, std::size_t i, std::string_view name, std::size_t sentence) {
  if (i >= a.size() || !a[i].is_int64() || a[i].as_int64() < 0 || a[i].as_int64() > 0x7fffffff)
    fail(name, sentence, "expected a non-negative integer at position " + std::to_string(i) + " of " +
                             json::serialize(a));
  return static_cast<std::uint32_t>(a[i].as_int64());
}

const json::string& string_at(const json::array& a, std::size_t i, std::string_view name, std::size_t sentence) {
  if (i >= a.size() || !a[i].is_string())
    fail(name, sentence, "expected a string at position " + std::to_string(i) + " of " + json::serialize(a));
  return a[i].as_string();
}

const json::array& array_field(const json::object& o, std::string_view key, std::string_view name,
                               std::size_t sentence, bool required) {
  static const json::array kEmpty;
  const json::value* v = o.if_contains(key);
  if (v == nullptr) {
    if (required) fail(name, sentence, "missing \"" + std::string(key) + "\"");
    return kEmpty;
  }
  if (!v->is_array()) fail(name, sentence, "\"" + std::string(key) + "\" is not an array");
  return v->as_array();
}

RelationCorpusSentence parse_sentence(const json::value& item, std::string_view name, std::size_t n) {
  if (!item.is_object()) fail(name, n, "not a JSON object");
  const json::object& o = item.as_object();
  RelationCorpusSentence s;
  for (const json::value& t : array_field(o, "tokens", name, n, true)) {
    if (!t.is_string()) fail(name, n, "a token is not a string");
    s.tokens.emplace_back(t.as_string());
  }
  const auto size = static_cast<std::uint32_t>(s.tokens.size());
  std::vector<RelationCorpusEntity> raw;
  for (const json::value& e : array_field(o, "entities", name, n, false)) {
    if (!e.is_array()) fail(name, n, "an entity is not an array");
    const json::array& a = e.as_array();
    RelationCorpusEntity entity{index_at(a, 0, name, n), index_at(a, 1, name, n),
                                std::string(string_at(a, 2, name, n))};
    if (entity.first >= entity.end || entity.end > size)
      fail(name, n, "entity span " + json::serialize(a) + " out of range (" + std::to_string(size) + " tokens)");
    raw.push_back(std::move(entity));
  }
  // Sort by start, longer first; drop entities overlapping a kept one.
  std::stable_sort(raw.begin(), raw.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.end > b.end;
  });
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> by_span;
  std::uint32_t covered = 0;
  for (RelationCorpusEntity& e : raw) {
    if (e.first < covered) continue;
    covered = e.end;
    by_span.emplace(std::pair(e.first, e.end), static_cast<std::uint32_t>(s.entities.size()));
    s.entities.push_back(std::move(e));
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const auto& e : raw) spans.emplace_back(e.first, e.end);
  for (const json::value& r : array_field(o, "relations", name, n, false)) {
    if (!r.is_array()) fail(name, n, "a relation is not an array");
    const json::array& a = r.as_array();
    const std::pair head(index_at(a, 0, name, n), index_at(a, 1, name, n));
    const std::pair tail(index_at(a, 2, name, n), index_at(a, 3, name, n));
    const std::string type(string_at(a, 4, name, n));
    const auto h = by_span.find(head), t = by_span.find(tail);
    if (h == by_span.end() || t == by_span.end()) {
      // A relation of a dropped (overlapping) entity goes with it; any other span is an error.
      if (std::find(spans.begin(), spans.end(), head) != spans.end() &&
          std::find(spans.begin(), spans.end(), tail) != spans.end())
        continue;
      fail(name, n, "relation " + json::serialize(a) + " does not point at two entities");
    }
    if (h->second == t->second) continue;  // a relation of an entity with itself: not a pair
    s.relations.push_back({h->second, t->second, type});
  }
  return s;
}

}  // namespace

std::vector<RelationCorpusSentence> parse_conll04(std::string_view text, std::string_view name) {
  boost::system::error_code ec;
  const json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) throw Error(ErrorCode::kFormat, std::string(name) + ": invalid JSON: " + ec.message());
  if (!root.is_array()) throw Error(ErrorCode::kFormat, std::string(name) + ": expected a JSON array of sentences");
  std::vector<RelationCorpusSentence> out;
  out.reserve(root.as_array().size());
  std::size_t n = 0;
  for (const json::value& item : root.as_array()) out.push_back(parse_sentence(item, name, n++));
  return out;
}

std::vector<RelationCorpusSentence> read_conll04(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  return parse_conll04(text.str(), path);
}

namespace {

TokenKind kind_of(std::string_view word) {
  if (word.empty()) return TokenKind::kOther;
  const auto c = static_cast<unsigned char>(word.front());
  if (c >= '0' && c <= '9') return TokenKind::kNumber;
  if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return TokenKind::kWord;
  if (word.size() > 1 && std::any_of(word.begin(), word.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
      }))
    return TokenKind::kWord;
  if (c == '$' || c == '%' || c == '+' || c == '&' || c == '#' || c == '@') return TokenKind::kSymbol;
  return TokenKind::kPunct;
}

}  // namespace

Document relation_corpus_document(const RelationCorpusSentence& sentence) {
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const std::string& t : sentence.tokens) {
    if (!text.empty()) text += ' ';
    const auto begin = static_cast<std::uint32_t>(text.size());
    text += t;
    spans.emplace_back(begin, static_cast<std::uint32_t>(text.size()));
  }
  Document doc(text);
  auto& tokens = doc.mutable_tokens();
  for (std::size_t i = 0; i < spans.size(); ++i) {
    Token t;
    t.begin = spans[i].first;
    t.end = spans[i].second;
    t.kind = kind_of(sentence.tokens[i]);
    tokens.push_back(t);
  }
  if (!tokens.empty()) {
    Sentence s;
    s.first_token = 0;
    s.end_token = static_cast<std::uint32_t>(tokens.size());
    s.begin = tokens.front().begin;
    s.end = tokens.back().end;
    doc.mutable_sentences().push_back(s);
  }
  for (const RelationCorpusEntity& e : sentence.entities) {
    Mention m;
    m.first_token = e.first;
    m.end_token = e.end;
    m.begin = spans[e.first].first;
    m.end = spans[e.end - 1].second;
    m.type = e.type;
    m.source = MentionSource::kUser;
    doc.mutable_mentions().push_back(std::move(m));
  }
  return doc;
}

std::vector<MentionRelation> relation_corpus_links(const RelationCorpusSentence& sentence) {
  std::vector<MentionRelation> out;
  out.reserve(sentence.relations.size());
  for (const RelationCorpusRelation& r : sentence.relations) out.push_back({r.subject, r.object, r.type});
  return out;
}

}  // namespace erx
