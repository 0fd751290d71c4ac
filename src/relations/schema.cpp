// Implementation of erx::RelationSchema (erx/relations.hpp): parsing, lookups and writing of the
// plain-text schema format described in models/en/relation_schema.txt.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "erx/error.hpp"
#include "erx/relations.hpp"
#include "relations/builtin_schema.hpp"
#include "relations/string_hash.hpp"

namespace erx {

namespace {

constexpr std::array<std::string_view, 7> kCueNames = {
    "reporting",  "hypothetical",     "modal",         "negation",
    "light-verb", "skip-preposition", "object-control"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Lower-cases ASCII letters and joins `words` with single spaces.
std::string join_lower(const std::vector<std::string_view>& words, std::size_t first,
                       std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += ' ';
    for (char c : words[i]) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string normalize_phrase(std::string_view phrase) {
  const auto words = split_words(phrase);
  return join_lower(words, 0, words.size());
}

bool is_type_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// "'x' is not an upper-case TYPE" (built by appending, which keeps GCC's -Wrestrict quiet).
std::string not_a_type(std::string_view word) {
  std::string message = "'";
  message.append(word);
  message.append("' is not an upper-case TYPE");
  return message;
}

std::string event_key(std::string_view noun, std::string_view preposition) {
  std::string key(noun);
  key += '|';
  key += preposition;
  return key;
}

}  // namespace

std::string_view to_string(CueKind kind) noexcept {
  return kCueNames[static_cast<std::size_t>(kind)];
}

struct RelationSchema::Impl {
  detail::StringMap<std::string> predicates;
  detail::StringMap<std::string> nouns;
  detail::StringSet noun_heads;         // last words of `nouns`
  detail::StringMap<EventNoun> events;  // key: noun|preposition
  detail::StringSet event_heads;
  std::array<detail::StringSet, kCueNames.size()> cues;

  // Parses `text` into this schema; throws Error(kFormat) naming `name` and the line.
  void parse(std::string_view text, std::string_view name) {
    enum class Section { kNone, kPredicates, kNouns, kEvents, kCues } section = Section::kNone;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      ++line_no;
      if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
        line = line.substr(0, hash);
      line = trim(line);
      if (line.empty()) continue;
      const auto fail = [&](const std::string& problem) {
        throw Error(ErrorCode::kFormat,
                    std::string(name) + ":" + std::to_string(line_no) + ": " + problem);
      };
      if (line.front() == '[') {
        if (line.back() != ']') fail("section header without ']'");
        const std::string_view s = trim(line.substr(1, line.size() - 2));
        if (s == "predicates")
          section = Section::kPredicates;
        else if (s == "relational-nouns")
          section = Section::kNouns;
        else if (s == "event-nouns")
          section = Section::kEvents;
        else if (s == "cues")
          section = Section::kCues;
        else
          fail("unknown section [" + std::string(s) +
               "] (expected predicates, relational-nouns, event-nouns or cues)");
        continue;
      }
      switch (section) {
        case Section::kNone:
          fail("entry before any [section] header");
          break;
        case Section::kPredicates:
        case Section::kNouns: {
          const auto words = split_words(line);
          if (words.size() < 2) fail("expected 'WORDS TYPE', got '" + std::string(line) + "'");
          if (!is_type_name(words.back())) fail(not_a_type(words.back()));
          if (section == Section::kPredicates) {
            predicates[join_lower(words, 0, words.size() - 1)] = std::string(words.back());
          } else {
            nouns[join_lower(words, 0, words.size() - 1)] = std::string(words.back());
            noun_heads.insert(join_lower(words, words.size() - 2, words.size() - 1));
          }
          break;
        }
        case Section::kEvents: {
          const std::size_t arrow = line.find("=>");
          if (arrow == std::string_view::npos)
            fail("expected 'NOUN PREPOSITION => PREDICATE TYPE'");
          const auto left = split_words(line.substr(0, arrow));
          const auto right = split_words(line.substr(arrow + 2));
          if (left.size() < 2) fail("expected a noun and a preposition before '=>'");
          if (right.size() < 2) fail("expected a predicate and a TYPE after '=>'");
          if (!is_type_name(right.back())) fail(not_a_type(right.back()));
          EventNoun e;
          e.noun = join_lower(left, 0, left.size() - 1);
          e.preposition = join_lower(left, left.size() - 1, left.size());
          e.predicate = join_lower(right, 0, right.size() - 1);
          e.type = std::string(right.back());
          add_event(std::move(e));
          break;
        }
        case Section::kCues: {
          const std::size_t colon = line.find(':');
          if (colon == std::string_view::npos) fail("expected 'KIND: WORD, WORD, ...'");
          const std::string_view kind = trim(line.substr(0, colon));
          const auto it = std::find(kCueNames.begin(), kCueNames.end(), kind);
          if (it == kCueNames.end()) fail("unknown cue kind '" + std::string(kind) + "'");
          auto& set = cues[static_cast<std::size_t>(it - kCueNames.begin())];
          std::string_view rest = line.substr(colon + 1);
          while (!rest.empty()) {
            std::size_t comma = rest.find(',');
            if (comma == std::string_view::npos) comma = rest.size();
            const std::string word = normalize_phrase(rest.substr(0, comma));
            if (!word.empty()) set.insert(word);
            rest = comma < rest.size() ? rest.substr(comma + 1) : std::string_view();
          }
          break;
        }
      }
    }
  }

  void add_event(EventNoun e) {
    event_heads.insert(e.noun);
    std::string key = event_key(e.noun, e.preposition);
    events[std::move(key)] = std::move(e);
  }
};

RelationSchema::RelationSchema() : impl_(std::make_unique<Impl>()) {}
RelationSchema::~RelationSchema() = default;
RelationSchema::RelationSchema(const RelationSchema& other)
    : impl_(std::make_unique<Impl>(*other.impl_)) {}
RelationSchema& RelationSchema::operator=(const RelationSchema& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
RelationSchema::RelationSchema(RelationSchema&& other) noexcept = default;
RelationSchema& RelationSchema::operator=(RelationSchema&& other) noexcept = default;

RelationSchema RelationSchema::english() {
  static const RelationSchema schema =
      parse(detail::builtin_relation_schema(), "models/en/relation_schema.txt");
  return schema;
}

RelationSchema RelationSchema::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open the relation schema file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  return parse(buffer.str(), path);
}

RelationSchema RelationSchema::parse(std::string_view text, std::string_view name) {
  RelationSchema schema;
  schema.impl_->parse(text, name);
  return schema;
}

void RelationSchema::add_text(std::string_view text, std::string_view name) {
  Impl copy = *impl_;
  copy.parse(text, name);
  *impl_ = std::move(copy);
}

namespace {
void check_entry(std::string_view what, std::string_view words, std::string_view type) {
  if (normalize_phrase(words).empty())
    throw Error(ErrorCode::kInvalidArgument, "RelationSchema: empty " + std::string(what));
  if (!is_type_name(type))
    throw Error(ErrorCode::kInvalidArgument,
                "RelationSchema: '" + std::string(type) + "' is not an upper-case TYPE");
}
}  // namespace

void RelationSchema::add_predicate(std::string_view predicate, std::string_view type) {
  check_entry("predicate", predicate, type);
  impl_->predicates[normalize_phrase(predicate)] = std::string(type);
}

void RelationSchema::add_relational_noun(std::string_view noun, std::string_view type) {
  check_entry("relational noun", noun, type);
  const std::string phrase = normalize_phrase(noun);
  impl_->nouns[phrase] = std::string(type);
  impl_->noun_heads.insert(phrase.substr(phrase.rfind(' ') + 1));
}

bool RelationSchema::is_relational_noun_head(std::string_view lemma) const noexcept {
  return impl_->noun_heads.contains(lemma);
}

void RelationSchema::add_event_noun(const EventNoun& entry) {
  check_entry("event noun", entry.noun, entry.type);
  check_entry("event predicate", entry.predicate, entry.type);
  EventNoun e;
  e.noun = normalize_phrase(entry.noun);
  e.preposition = normalize_phrase(entry.preposition);
  e.predicate = normalize_phrase(entry.predicate);
  e.type = entry.type;
  impl_->add_event(std::move(e));
}

void RelationSchema::add_cue(CueKind kind, std::string_view word) {
  std::string w = normalize_phrase(word);
  if (w.empty()) throw Error(ErrorCode::kInvalidArgument, "RelationSchema: empty cue word");
  impl_->cues[static_cast<std::size_t>(kind)].insert(std::move(w));
}

std::string_view RelationSchema::predicate_type(std::string_view predicate) const noexcept {
  const auto it = impl_->predicates.find(predicate);
  return it == impl_->predicates.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view RelationSchema::relational_noun_type(std::string_view noun_phrase,
                                                      std::size_t* matched_words) const noexcept {
  // Try the whole phrase, then drop leading words one at a time.
  std::string_view rest = noun_phrase;
  while (!rest.empty()) {
    if (const auto it = impl_->nouns.find(rest); it != impl_->nouns.end()) {
      if (matched_words)
        *matched_words = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), ' ')) + 1;
      return it->second;
    }
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  if (matched_words) *matched_words = 0;
  return {};
}

const EventNoun* RelationSchema::event_noun(std::string_view noun,
                                            std::string_view preposition) const noexcept {
  if (!impl_->event_heads.contains(noun)) return nullptr;
  const auto it = impl_->events.find(event_key(noun, preposition));
  return it == impl_->events.end() ? nullptr : &it->second;
}

bool RelationSchema::is_event_noun(std::string_view noun) const noexcept {
  return impl_->event_heads.contains(noun);
}

bool RelationSchema::is_cue(CueKind kind, std::string_view word) const noexcept {
  return impl_->cues[static_cast<std::size_t>(kind)].contains(word);
}

std::vector<std::string> RelationSchema::types() const {
  std::set<std::string> types;
  for (const auto& [k, v] : impl_->predicates) types.insert(v);
  for (const auto& [k, v] : impl_->nouns) types.insert(v);
  for (const auto& [k, v] : impl_->events) types.insert(v.type);
  return {types.begin(), types.end()};
}

std::size_t RelationSchema::size() const noexcept {
  return impl_->predicates.size() + impl_->nouns.size() + impl_->events.size();
}

std::string RelationSchema::to_text() const {
  std::string out = "[predicates]\n";
  for (const auto& [k, v] :
       std::map<std::string, std::string>(impl_->predicates.begin(), impl_->predicates.end()))
    out += k + "  " + v + "\n";
  out += "\n[relational-nouns]\n";
  for (const auto& [k, v] :
       std::map<std::string, std::string>(impl_->nouns.begin(), impl_->nouns.end()))
    out += k + "  " + v + "\n";
  out += "\n[event-nouns]\n";
  std::map<std::string, const EventNoun*> events;
  for (const auto& [k, v] : impl_->events) events[k] = &v;
  for (const auto& [k, e] : events)
    out += e->noun + " " + e->preposition + " => " + e->predicate + "  " + e->type + "\n";
  out += "\n[cues]\n";
  for (std::size_t kind = 0; kind < kCueNames.size(); ++kind) {
    if (impl_->cues[kind].empty()) continue;
    out += std::string(kCueNames[kind]) + ":";
    const std::set<std::string> words(impl_->cues[kind].begin(), impl_->cues[kind].end());
    bool first = true;
    for (const std::string& w : words) {
      out += first ? " " : ", ";
      out += w;
      first = false;
    }
    out += "\n";
  }
  return out;
}

}  // namespace erx
