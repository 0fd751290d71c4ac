// Name mentions: normalization, demonyms, clustering into entities (see document_linker.hpp).
#include <algorithm>
#include <map>

#include "linker/document_linker.hpp"
#include "relations/dependency_view.hpp"

namespace erx::detail {

namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) noexcept {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Honorifics before a name, with the gender they imply.
Gender honorific_gender(std::string_view lower_word, bool& is_honorific) {
  is_honorific = true;
  if (is_one_of(lower_word, {"mr", "mr.", "sir", "lord", "mister"})) return Gender::kMale;
  if (is_one_of(lower_word, {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam"}))
    return Gender::kFemale;
  if (is_one_of(lower_word,
                {"dr", "dr.", "prof", "prof.", "gen", "gen.", "rep.", "sen.", "gov.", "rev."}))
    return Gender::kUnknown;
  is_honorific = false;
  return Gender::kUnknown;
}

// Titles that may open a person mention ("President Xi Jinping", "Home Secretary Suella
// Braverman").
bool is_title_word(std::string_view lower_word) {
  return is_one_of(lower_word, {"president",  "vice",
                                "prime",      "minister",
                                "secretary",  "chancellor",
                                "premier",    "king",
                                "queen",      "prince",
                                "princess",   "emperor",
                                "pope",       "general",
                                "gen.",       "colonel",
                                "col.",       "major",
                                "captain",    "capt.",
                                "lieutenant", "lt.",
                                "admiral",    "adm.",
                                "sergeant",   "sgt.",
                                "commander",  "governor",
                                "gov.",       "senator",
                                "sen.",       "representative",
                                "rep.",       "mayor",
                                "judge",      "justice",
                                "ambassador", "chairman",
                                "chairwoman", "chief",
                                "ceo",        "director",
                                "professor",  "prof.",
                                "dr.",        "dr",
                                "doctor",     "reverend",
                                "rev.",       "pastor",
                                "rabbi",      "imam",
                                "sheikh",     "president-elect",
                                "mr",         "mr.",
                                "mrs",        "mrs.",
                                "ms",         "ms.",
                                "sir",        "dame",
                                "lord",       "lady",
                                "coach"});
}

// Words that begin many organization names and name none on their own.
bool is_generic_org_word(std::string_view lower_word) {
  return is_one_of(
      lower_word,
      {"university", "institute",  "agency",        "company",    "bank",      "party",
       "ministry",   "department", "council",       "court",      "committee", "association",
       "union",      "group",      "corporation",   "center",     "centre",    "college",
       "school",     "church",     "museum",        "foundation", "army",      "navy",
       "national",   "united",     "international", "royal",      "federal",   "state",
       "new",        "north",      "south",         "east",       "west",      "american",
       "world"});
}

char type_class(std::string_view type) {
  if (type == "PERSON" || type == "PER") return 'P';
  if (type == "ORG") return 'O';
  if (type == "GPE" || type == "LOC") return 'G';
  if (type == "NORP") return 'N';
  if (is_one_of(type, {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}))
    return 'V';
  return 'X';
}

// "NATO", "U.S.", "EU": 2-8 capital letters, optionally each followed by a period.
bool is_acronym(std::string_view name, std::string& letters) {
  letters.clear();
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      letters += static_cast<char>(c - 'A' + 'a');
    else if (c != '.' && c != '&')
      return false;
  }
  return letters.size() >= 2 && letters.size() <= 8;
}

// Initials of a name's capitalized words, skipping function words: "North Atlantic Treaty
// Organization" -> "nato", "United States" -> "us".
std::string initials(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
    if (j > i) {
      const std::string_view w = name.substr(i, j - i);
      if (w[0] >= 'A' && w[0] <= 'Z')
        out += static_cast<char>(w[0] - 'A' + 'a');
      else if (!is_one_of(w, {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "&"}))
        return {};
    }
    i = j;
  }
  return out;
}

}  // namespace

std::int32_t DocumentLinker::find(std::int32_t i) {
  while (parent_[static_cast<std::size_t>(i)] != i) {
    parent_[static_cast<std::size_t>(i)] =
        parent_[static_cast<std::size_t>(parent_[static_cast<std::size_t>(i)])];
    i = parent_[static_cast<std::size_t>(i)];
  }
  return i;
}

void DocumentLinker::unite(std::int32_t a, std::int32_t b) {
  a = find(a);
  b = find(b);
  if (a == b) return;
  if (b < a) std::swap(a, b);
  parent_[static_cast<std::size_t>(b)] = a;  // the earliest mention is the root
}

void DocumentLinker::prepare_names() {
  const auto& tokens = doc_.tokens();
  for (const Mention& m : doc_.mentions()) {
    if (m.source == MentionSource::kCoreference) continue;  // recomputed below
    WorkMention w;
    w.mention = m;
    w.mention.entity = -1;
    w.type = m.type;
    w.klass = type_class(m.type);
    if (m.type == "TITLE" || m.end_token <= m.first_token || m.end_token > tokens.size()) {
      w.klass = 0;  // not an entity
      work_.push_back(std::move(w));
      continue;
    }
    std::uint32_t a = m.first_token, b = m.end_token;
    // Honorific just before the mention: "Mr. Lee".
    if (a > 0) {
      bool honorific = false;
      const Gender g = honorific_gender(lower(doc_.text(tokens[a - 1])), honorific);
      if (honorific) w.gender = g;
    }
    while (a + 1 < b) {
      const std::string word = lower(doc_.text(tokens[a]));
      bool honorific = false;
      const Gender g = honorific_gender(word, honorific);
      if (honorific) {
        if (g != Gender::kUnknown) w.gender = g;
      } else if (!is_one_of(word, {"the", "a", "an"})) {
        break;
      }
      ++a;
    }
    if (w.klass == 'P') {
      // A "person" that is only a title ("the 23rd President", "the Tsar") names no one by
      // name: it is not an entity (relations find the person it describes through the tree).
      bool only_title = true;
      for (std::uint32_t i = a; i < b && only_title; ++i) {
        const std::string word = lower(doc_.text(tokens[i]));
        const bool ordinal = !word.empty() && word[0] >= '0' && word[0] <= '9' &&
                             (word.ends_with("st") || word.ends_with("nd") ||
                              word.ends_with("rd") || word.ends_with("th"));
        only_title = is_title_word(word) || ordinal ||
                     is_one_of(word, {"former", "late", "then", "deputy", "acting", "vice", "-"});
      }
      if (only_title) {
        w.klass = 0;
        work_.push_back(std::move(w));
        continue;
      }
      // Leading titles: cut after the last title word that has a name after it, unless a first
      // name comes before it ("Martin Luther King Jr." keeps its "King").
      std::uint32_t cut = a;
      for (std::uint32_t i = a; i + 1 < b; ++i) {
        const std::string word = lower(doc_.text(tokens[i]));
        if (lexicon_.is_first_name(word)) break;
        if (is_title_word(word)) cut = i + 1;
      }
      a = cut;
    }
    while (b > a + 1) {
      const std::string_view word = doc_.norm(tokens[b - 1]);
      if (is_one_of(word, {"'s", "'", "’s", "’"}) || tokens[b - 1].kind == TokenKind::kPunct)
        --b;
      else
        break;
    }
    if (b == a + 1 && is_one_of(doc_.norm(tokens[a]), {"'s", "'", "’s", "’"})) {
      a = m.first_token;
      b = m.end_token;
    }
    // The name with runs of white space collapsed, and a possessive still attached to its last
    // token ("Korea’s" when the tokenizer kept it together) removed.
    const std::string_view raw = doc_.text(tokens[a].begin, tokens[b - 1].end);
    bool space = false;
    for (char c : raw) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = true;
        continue;
      }
      if (space && !w.name.empty()) w.name += ' ';
      space = false;
      w.name += c;
    }
    for (std::string_view suffix : {"'s", "’s"}) {
      if (w.name.size() > suffix.size() + 1 && std::string_view(w.name).ends_with(suffix))
        w.name.resize(w.name.size() - suffix.size());
    }
    // "Toronto-based" kept as one token and tagged as a whole: the mention names the place, and
    // only its bytes before the suffix are the name.
    for (std::string_view suffix : {"-based", "-headquartered"}) {
      if (w.name.size() > suffix.size() + 1 && lower(w.name).ends_with(suffix) &&
          b == m.end_token && tokens[b - 1].end == m.end) {
        w.name.resize(w.name.size() - suffix.size());
        w.mention.end = m.end - static_cast<std::uint32_t>(suffix.size());
        if (w.klass != 'G') {
          w.type = "GPE";
          w.klass = 'G';
        }
      }
    }
    // "Seattle-based" split into "Seattle", "-", "based": the name before the suffix is a place.
    if (w.klass != 'G' && m.end_token + 1 < tokens.size() &&
        doc_.text(tokens[m.end_token]) == "-" && tokens[m.end_token].begin == m.end &&
        tokens[m.end_token + 1].begin == tokens[m.end_token].end) {
      const std::string next = lower(doc_.text(tokens[m.end_token + 1]));
      if (next == "based" || next == "headquartered") {
        w.type = "GPE";
        w.klass = 'G';
      }
    }
    const std::string low = lower(w.name);
    std::size_t i = 0;
    while (i < low.size()) {
      std::size_t j = low.find(' ', i);
      if (j == std::string::npos) j = low.size();
      if (j > i) w.words.push_back(low.substr(i, j - i));
      i = j + 1;
    }
    std::string letters;
    w.acronym = is_acronym(w.name, letters);
    if (w.klass == 'G' || w.klass == 'O' || w.klass == 'N') {
      if (const std::string_view target = lexicon_.alias_target(w.name); !target.empty())
        w.standard = target;
    }
    if (w.klass == 'P' && w.words.size() >= 2 && w.gender == Gender::kUnknown)
      w.gender = lexicon_.first_name_gender(w.words.front());
    w.key = lower(w.standard.empty() ? w.name : w.standard);
    work_.push_back(std::move(w));
  }
}

void DocumentLinker::analyze_syntax() {
  std::vector<char> title_at(doc_.tokens().size(), 0);  // tokens of TITLE mentions
  for (const WorkMention& w : work_)
    if (w.mention.type == "TITLE")
      for (std::uint32_t t = w.mention.first_token; t < w.mention.end_token && t < title_at.size();
           ++t)
        title_at[t] = 1;
  const auto& tokens = doc_.tokens();
  DependencyView view;
  std::int64_t built_for = -1;
  for (WorkMention& w : work_) {
    if (w.klass == 0) continue;
    const Mention& m = w.mention;
    if (doc_.has_parse()) {
      const std::uint32_t s = doc_.sentence_of(m.first_token);
      if (built_for != s) {
        view.build(doc_, doc_.sentences()[s]);
        built_for = s;
      }
      for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
        const std::int32_t h = view.head(t);
        if (h >= static_cast<std::int64_t>(m.first_token) &&
            h < static_cast<std::int64_t>(m.end_token))
          continue;
        w.subject = view.dep(t) == Dep::kNsubj;
        break;
      }
    }
    if (w.klass != 'N' || !options_.demonyms) continue;
    const std::string_view country = lexicon_.country_of_demonym(w.name);
    if (country.empty()) continue;
    bool modifier = false;
    if (doc_.has_parse()) {
      // The mention's head: the token whose head lies outside the mention.
      for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
        const std::int32_t h = view.head(t);
        if (h >= static_cast<std::int64_t>(m.first_token) &&
            h < static_cast<std::int64_t>(m.end_token))
          continue;
        const Dep d = view.dep(t);
        const bool attributive = d == Dep::kAmod || d == Dep::kCompound ||
                                 (d == Dep::kNmod && view.sub(t) == Sub::kDesc);
        const bool nominal_head = h > static_cast<std::int64_t>(t) &&
                                  (view.upos(static_cast<std::uint32_t>(h)) == Upos::kNOUN ||
                                   view.upos(static_cast<std::uint32_t>(h)) == Upos::kPROPN);
        if (attributive && nominal_head) {
          modifier = true;
        } else if ((h < 0 || !nominal_head) && m.end_token < tokens.size() &&
                   m.end_token < view.end()) {
          // A parser that left "Chinese" of "Chinese President Xi" unattached, or hung it on a
          // verb: the word right after it being a title or name still shows what it modifies.
          const Upos next = view.upos(m.end_token);
          modifier = next == Upos::kNOUN || next == Upos::kPROPN || title_at[m.end_token];
        }
        break;
      }
    } else if (m.end_token < tokens.size()) {
      // Without a parse: a nationality adjective directly followed by a word.
      const Token& next = tokens[m.end_token];
      modifier =
          next.kind == TokenKind::kWord && (next.upos == Upos::kNone || next.upos == Upos::kNOUN ||
                                            next.upos == Upos::kPROPN || next.upos == Upos::kADJ);
    }
    if (!modifier) continue;
    w.standard = std::string(country);
    w.key = lower(country);
    w.type = "GPE";
    w.klass = 'G';
  }
}

void DocumentLinker::cluster_names() {
  const auto n = static_cast<std::int32_t>(work_.size());
  parent_.resize(work_.size());
  for (std::int32_t i = 0; i < n; ++i) parent_[static_cast<std::size_t>(i)] = i;

  // 1. The same name (or the same standard name) within a type class; for persons, not when
  // honorifics give them different genders ("Mr. Chair", "Madam Chair").
  std::map<std::pair<char, std::string>, std::vector<std::int32_t>> exact;
  for (std::int32_t i = 0; i < n; ++i) {
    const WorkMention& w = work_[static_cast<std::size_t>(i)];
    if (w.klass == 0) continue;
    auto& firsts = exact[std::make_pair(w.klass, w.key)];
    bool merged = false;
    for (std::int32_t f : firsts) {
      const Gender g = work_[static_cast<std::size_t>(f)].gender;
      if (w.gender != Gender::kUnknown && g != Gender::kUnknown && g != w.gender) continue;
      unite(f, i);
      merged = true;
      break;
    }
    if (!merged) firsts.push_back(i);
  }

  // 2. Short forms and acronyms of a fuller name. Each cluster is summarized by its names; a
  // cluster whose longest name is short links to the one cluster that has a fuller form of it,
  // and to none when two clusters qualify.
  struct Summary {
    std::int32_t root;
    char klass;
    std::size_t max_words = 0;
    std::vector<std::int32_t> members;
  };
  std::map<std::int32_t, Summary> clusters;
  for (std::int32_t i = 0; i < n; ++i) {
    const WorkMention& w = work_[static_cast<std::size_t>(i)];
    if (w.klass == 0 || w.klass == 'V') continue;
    Summary& s = clusters[find(i)];
    s.root = find(i);
    s.klass = w.klass;
    s.max_words = std::max(s.max_words, w.words.size());
    s.members.push_back(i);
  }
  // A person's name the recognizer typed as something else in some places ("Carney" as GPE next
  // to "Mark Carney", "Wi" next to "Wi Sung-lac" as MISC): one side is a PERSON, the other an
  // ORG, GPE/LOC or other name, and the single word is no country, alias or nationality.
  const auto cross_type_person = [&](const WorkMention& shorter, const WorkMention& fuller) {
    if ((shorter.klass == 'P') == (fuller.klass == 'P')) return false;
    const char other = shorter.klass == 'P' ? fuller.klass : shorter.klass;
    if (other != 'O' && other != 'G' && other != 'X') return false;
    if (shorter.words.size() != 1) return false;
    // A word typed as a place is a person only where people usually are, as a subject: "Carney
    // told reporters", not "visited Washington".
    if (shorter.klass == 'G' && !shorter.subject) return false;
    return !lexicon_.is_country(shorter.name) && lexicon_.alias_target(shorter.name).empty() &&
           lexicon_.country_of_demonym(shorter.name).empty();
  };
  const auto short_form_of = [&](const WorkMention& shorter, const WorkMention& fuller) {
    if (fuller.words.size() < 2 || shorter.words.empty() ||
        shorter.words.size() >= fuller.words.size()) {
      // Acronyms are compared with initials whatever the word counts.
      if (!(shorter.acronym && fuller.words.size() >= 2)) return false;
    }
    std::string letters;
    if (shorter.acronym && is_acronym(shorter.name, letters)) {
      const std::string from = initials(fuller.standard.empty() ? fuller.name : fuller.standard);
      if (from == letters) return true;
      if (!fuller.standard.empty() && initials(fuller.name) == letters) return true;
    }
    if (shorter.words.size() >= fuller.words.size()) return false;
    if (shorter.klass != fuller.klass && !cross_type_person(shorter, fuller)) return false;
    if (shorter.klass == 'P' || fuller.klass == 'P') {
      // The last word ("Macron" for "Emmanuel Macron") or the first: a given name, or the family
      // name of family-name-first names ("Lee" for "Lee Jae Myung", "Wi" for "Wi Sung-lac").
      // Across recognizer types only the family-name-first shapes count (three words without
      // initials, or a hyphenated given name): "Trump" is not "Trump Tower". (Refusing known first
      // names here was measured on GUM train: it lost 155 right merges to avoid 7 wrong ones.)
      if (shorter.words.size() != 1) return false;
      const bool cross = shorter.klass != fuller.klass;
      if (shorter.words[0] == fuller.words.back()) return !cross || fuller.klass == 'P';
      if (shorter.words[0] != fuller.words.front()) return false;
      const bool hyphenated =
          fuller.words.size() == 2 && fuller.words[1].find('-') != std::string::npos;
      const bool three = fuller.words.size() == 3 &&
                         fuller.words[1].find('.') == std::string::npos &&
                         fuller.words[1].size() > 1;
      // Across types only the family-name-first shapes: "Trump" is not "Trump Tower".
      if (!cross) return true;
      return hyphenated || three;
    }
    if (shorter.klass == 'O') {
      // Leading words of an organization: "Kyodo" for "Kyodo News Agency", but not a generic
      // word that starts many names ("University" for "University of Texas").
      if (shorter.words.size() == 1 && is_generic_org_word(shorter.words[0])) return false;
      return std::equal(shorter.words.begin(), shorter.words.end(), fuller.words.begin());
    }
    return false;
  };
  // Candidate fuller clusters by key word, so each short name is compared with the few clusters
  // that could contain it: first and last words (persons), first words (organizations) and
  // initials (acronyms).
  std::map<std::string, std::vector<std::int32_t>> by_word;
  for (const auto& [root, big] : clusters) {
    if (big.max_words < 2) continue;
    for (std::int32_t i : big.members) {
      const WorkMention& w = work_[static_cast<std::size_t>(i)];
      if (w.words.size() < 2) continue;
      std::vector<std::string> keys{w.words.front(), w.words.back()};
      keys.push_back("\x01" + initials(w.name));
      if (!w.standard.empty()) keys.push_back("\x01" + initials(w.standard));
      for (const std::string& k : keys) {
        auto& list = by_word[k];
        if (list.empty() || list.back() != root) list.push_back(root);
      }
    }
  }
  for (auto& [root, small] : clusters) {
    bool all_acronyms = true;
    for (std::int32_t i : small.members)
      all_acronyms = all_acronyms && work_[static_cast<std::size_t>(i)].acronym;
    if (small.max_words >= 2 && !all_acronyms) continue;
    std::vector<std::int32_t> candidates;
    for (std::int32_t i : small.members) {
      const WorkMention& w = work_[static_cast<std::size_t>(i)];
      std::string letters;
      std::vector<std::string> keys;
      if (!w.words.empty()) keys.push_back(w.words.front());
      if (is_acronym(w.name, letters)) keys.push_back("\x01" + letters);
      for (const std::string& k : keys)
        if (const auto it = by_word.find(k); it != by_word.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // Same-type fuller names first; a person's name typed otherwise only when there is none.
    std::int32_t match = -1;
    bool ambiguous = false;
    for (int pass = 0; pass < 2 && match < 0; ++pass) {
      for (const std::int32_t other_root : candidates) {
        const Summary& big = clusters.at(other_root);
        if (other_root == root || big.max_words < 2) continue;
        const bool same_type = all_acronyms || big.klass == small.klass;
        if (pass == 0 ? !same_type : (same_type || (big.klass != 'P' && small.klass != 'P')))
          continue;
        if (all_acronyms && (big.klass == 'P' || big.klass == 'V')) continue;
        bool found = false;
        for (std::int32_t si : small.members) {
          for (std::int32_t bi : big.members) {
            if (short_form_of(work_[static_cast<std::size_t>(si)],
                              work_[static_cast<std::size_t>(bi)])) {
              found = true;
              break;
            }
          }
          if (found) break;
        }
        if (!found) continue;
        if (match >= 0 && find(match) != find(other_root)) ambiguous = true;
        match = other_root;
      }
    }
    if (match >= 0 && !ambiguous) unite(root, match);
  }
}

void DocumentLinker::build_entities() {
  // Entities in order of their first mention; mentions keep their (sorted) order.
  std::vector<std::size_t> order(work_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return work_[a].mention.begin < work_[b].mention.begin;
  });
  std::map<std::int32_t, std::int32_t> entity_of_root;
  for (std::size_t i : order) {
    WorkMention& w = work_[i];
    if (w.klass == 0) continue;
    const std::int32_t root = find(static_cast<std::int32_t>(i));
    auto [it, inserted] = entity_of_root.emplace(root, static_cast<std::int32_t>(entities_.size()));
    if (inserted) {
      entities_.emplace_back();
      entity_gender_.push_back(Gender::kUnknown);
    }
    w.cluster = it->second;
  }
  // Names, types and genders.
  std::vector<std::map<std::string, float>> type_votes(entities_.size());
  std::vector<std::map<std::string, int>> standard_votes(entities_.size());
  std::vector<int> male(entities_.size(), 0), female(entities_.size(), 0);
  for (std::size_t i : order) {
    const WorkMention& w = work_[i];
    if (w.cluster < 0) continue;
    const auto e = static_cast<std::size_t>(w.cluster);
    Entity& entity = entities_[e];
    type_votes[e][w.type] += w.mention.confidence * static_cast<float>(1 + w.words.size());
    if (!w.standard.empty()) ++standard_votes[e][w.standard];
    if (w.gender == Gender::kMale) ++male[e];
    if (w.gender == Gender::kFemale) ++female[e];
    // The fullest proper name: most words, then longest, then not in capitals ("Ottawa" over a
    // dateline's "OTTAWA"); the first one on ties.
    const auto words_of = [](const std::string& s) {
      return std::count(s.begin(), s.end(), ' ') + 1;
    };
    const auto shouting = [](const std::string& s) {
      return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    if (entity.name.empty() || words_of(w.name) > words_of(entity.name) ||
        (words_of(w.name) == words_of(entity.name) && w.name.size() > entity.name.size()) ||
        (words_of(w.name) == words_of(entity.name) && w.name.size() == entity.name.size() &&
         shouting(entity.name) && !shouting(w.name)))
      entity.name = w.name;
  }
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    Entity& entity = entities_[e];
    // A lexicon standard name ("United States" for "U.S.", "France" for "French") wins, so the
    // same thing gets the same name in every document.
    if (!standard_votes[e].empty()) {
      const auto best =
          std::max_element(standard_votes[e].begin(), standard_votes[e].end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      entity.name = best->first;
    }
    const auto best_type =
        std::max_element(type_votes[e].begin(), type_votes[e].end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    entity.type = best_type->first;
    entity_gender_[e] = male[e] > female[e]   ? Gender::kMale
                        : female[e] > male[e] ? Gender::kFemale
                                              : Gender::kUnknown;
  }
  for (std::size_t i : order) {
    const WorkMention& w = work_[i];
    if (w.cluster < 0) continue;
    Entity& entity = entities_[static_cast<std::size_t>(w.cluster)];
    if (w.name != entity.name &&
        std::find(entity.aliases.begin(), entity.aliases.end(), w.name) == entity.aliases.end())
      entity.aliases.push_back(w.name);
  }
}

}  // namespace erx::detail
