// Mapping the model's CoNLL types to OntoNotes types (see type_refiner.hpp).
#include "entities/type_refiner.hpp"

#include <unordered_set>

#include "entities/word_shape.hpp"
#include "ml/hash.hpp"

namespace erx::entities {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set& geo_heads() {
  static const Set s = {"sea",     "seas",     "ocean",   "river",    "mountains", "mountain", "peninsula",
                        "strait",  "straits",  "gulf",    "bay",      "lake",      "lakes",    "valley",
                        "desert",  "coast",    "canal",   "channel",  "basin",     "plateau",  "region",
                        "range",   "alps",     "forest",  "falls",    "delta",     "glacier",  "himalayas",
                        "andes",   "rockies",  "sahara",  "hills",    "highlands", "heights",  "pass",
                        "reef",    "archipelago", "isthmus", "lagoon", "sound",    "shelf",    "corridor",
                        "belt",    "steppe",   "tundra",  "savanna",  "prairie",   "coastline", "waters",
                        "riviera", "balkans",  "caucasus", "pacific", "atlantic",  "arctic",   "antarctic",
                        "antarctica", "mediterranean", "caribbean"};
  return s;
}
const Set& geo_first() {
  static const Set s = {"mount", "mt.", "lake", "cape", "gulf", "bay", "sea", "river", "isle", "strait"};
  return s;
}
const Set& continents() {
  static const Set s = {"asia",      "europe",   "africa",     "america",  "americas", "oceania", "eurasia",
                        "antarctica", "australasia", "middle east", "near east", "far east", "asia pacific",
                        "asia-pacific", "latin america", "south america", "north america", "central america",
                        "central asia", "southeast asia", "south asia", "east asia", "west africa",
                        "east africa", "north africa", "sub-saharan africa", "the middle east", "scandinavia",
                        "the balkans", "the caucasus", "siberia", "the gulf", "persian gulf", "the west",
                        "indochina", "the sahel", "sahel", "horn of africa", "the horn of africa",
                        "eastern europe", "western europe", "central europe", "southern africa", "the levant",
                        "levant", "the arctic", "arctic", "the pacific", "pacific", "the atlantic", "atlantic"};
  return s;
}
const Set& directions() {
  static const Set s = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "northern", "southern", "eastern", "western", "central", "north-east", "north-west",
                        "south-east", "south-west", "northeastern", "southeastern", "northwestern",
                        "southwestern", "upper", "lower", "greater", "inner", "outer"};
  return s;
}
const Set& norp_words() {  // groups that are not demonyms
  static const Set s = {"republican", "republicans", "democrat",  "democrats",  "muslim",    "muslims",
                        "christian",  "christians",  "catholic",  "catholics",  "protestant", "protestants",
                        "jew",        "jews",        "jewish",    "sunni",      "sunnis",    "shiite",
                        "shiites",    "shi'ite",     "shi'ites",  "shia",       "buddhist",  "buddhists",
                        "hindu",      "hindus",      "sikh",      "sikhs",      "communist", "communists",
                        "socialist",  "socialists",  "conservative", "conservatives", "liberal", "liberals",
                        "islamist",   "islamists",   "islamic",   "orthodox",   "evangelical", "evangelicals",
                        "marxist",    "marxists",    "maoist",    "maoists",    "zionist",   "zionists",
                        "kurd",       "kurds",       "kurdish",   "arab",       "arabs",     "arabic",
                        "latino",     "latinos",     "hispanic",  "hispanics",  "european",  "europeans",
                        "asian",      "asians",      "african",   "africans",   "western",   "westerners",
                        "nazi",       "nazis",       "tory",      "tories",     "labourite", "gaullist",
                        "bolshevik",  "bolsheviks",  "pashtun",   "tamil",      "tamils",    "hutu",
                        "hutus",      "tutsi",       "tutsis",    "serb",       "serbs",     "croat",
                        "croats",     "bosnian",     "bosnians",  "palestinian", "palestinians", "uighur",
                        "uyghur",     "uighurs",     "uyghurs",   "baltic",     "scandinavian", "nordic",
                        "slavic",     "celtic",      "anglo",     "caucasian",  "aboriginal", "indigenous"};
  return s;
}
const Set& event_words() {
  static const Set s = {"war",         "wars",       "cup",       "olympics",  "olympic",  "games",
                        "championship", "championships", "open",  "tournament", "summit",  "election",
                        "elections",   "revolution", "festival",  "expo",      "series",   "prix",
                        "marathon",    "derby",      "crisis",    "uprising",  "massacre", "battle",
                        "conference",  "forum",      "trophy",    "bowl",      "holocaust",
                        "genocide",    "hurricane",  "typhoon",   "earthquake", "invasion", "coup",
                        "masters",     "final",      "finals",    "playoffs"};
  return s;
}
const Set& law_words() {
  static const Set s = {"act", "treaty", "constitution", "amendment", "accord", "accords", "convention",
                        "code", "bill", "law", "charter", "protocol", "resolution", "directive", "statute",
                        "doctrine", "declaration", "pact"};
  return s;
}
const Set& language_names() {
  static const Set s = {"english", "french",  "german",  "spanish", "italian",  "portuguese", "russian",
                        "chinese", "mandarin", "cantonese", "japanese", "korean", "arabic",   "hebrew",
                        "hindi",   "urdu",    "bengali", "persian", "farsi",    "turkish",  "greek",
                        "latin",   "dutch",   "swedish", "norwegian", "danish", "finnish",  "polish",
                        "czech",   "hungarian", "romanian", "ukrainian", "swahili", "thai", "vietnamese",
                        "indonesian", "malay", "tagalog", "tamil", "punjabi", "pashto", "dari", "kurdish",
                        "serbian", "croatian", "bulgarian", "yiddish", "esperanto", "gaelic", "welsh"};
  return s;
}
const Set& language_cues_before() {
  static const Set s = {"speak", "speaks", "spoke", "speaking", "spoken", "in", "into", "fluent", "learn",
                        "learning", "learned", "learnt", "translated", "teach", "teaching", "taught", "native"};
  return s;
}

// Head words of organisation names: a LOC or MISC mention ending in one is an ORG ("Sejong
// Institute", "Hankuk University").
const Set& org_heads() {
  static const Set s = {"institute", "university", "agency",      "ministry",   "bank",      "party",
                        "council",   "committee",  "association", "foundation", "corporation", "corp",
                        "corp.",     "inc",        "inc.",        "ltd",        "ltd.",      "co.",
                        "company",   "forces",     "army",        "navy",       "commission", "college",
                        "academy",   "organization", "organisation", "federation", "club",   "airlines",
                        "airways",   "institution", "authority",  "department", "office",    "bureau",
                        "service",   "police",     "court",       "parliament", "assembly",  "senate",
                        "group",     "holdings",   "plc",         "llc",        "gmbh",      "ag",
                        "news",      "times",      "post",        "journal",    "television", "radio",
                        "network",   "press",      "school",      "hospital",   "church",    "fund",
                        "alliance",  "coalition",  "union",       "front",      "movement",  "brigade",
                        "guard",     "command",    "centre",      "center",     "society",   "board"};
  return s;
}

bool contains_name(std::string_view list_name, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts)
    if (list_name.find(p) != std::string_view::npos) return true;
  return false;
}

// "Kim Dae-jung", "Ban Ki-moon", "Wi Sung-lac": a capitalised word, then a capitalised word, a
// hyphen and a lower-case syllable (as one token, or three when the tokenizer splits hyphens) —
// the romanization of Korean names, which the CoNLL-trained model often calls MISC.
bool romanized_given_name(const std::vector<std::string_view>& words) {
  auto title_case = [](std::string_view w) {
    if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
    for (std::size_t i = 1; i < w.size(); ++i)
      if (w[i] < 'a' || w[i] > 'z') return false;
    return true;
  };
  auto lower = [](std::string_view w) {
    if (w.empty() || w.size() > 5) return false;
    for (char c : w)
      if (c < 'a' || c > 'z') return false;
    return true;
  };
  if (words.size() == 2) {
    std::size_t dash = words[1].find('-');
    return title_case(words[0]) && dash != std::string_view::npos && title_case(words[1].substr(0, dash)) &&
           lower(words[1].substr(dash + 1));
  }
  return words.size() == 4 && title_case(words[0]) && title_case(words[1]) && words[2] == "-" && lower(words[3]);
}

bool is_integer(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

TypeRefiner::TypeRefiner(const Gazetteer* gazetteer) : gazetteer_(gazetteer) {
  if (!gazetteer_) return;
  const auto& names = gazetteer_->names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string n = ascii_lower(names[i]);
    std::uint64_t bit = std::uint64_t{1} << i;
    // Lists named "<TYPE>.<what>" (models/en/gazetteers) say their type; others are guessed from
    // their names.
    std::string_view prefix = std::string_view(n).substr(0, n.find('.'));
    bool keywords = n.find(".keywords") != std::string::npos;
    static constexpr std::string_view kTypes[] = {"gpe", "loc", "norp", "language", "event", "law", "org",
                                                  "fac", "person", "title", "product", "work_of_art"};
    bool typed = false;
    for (std::string_view t : kTypes) typed = typed || prefix == t;
    if (typed) {
      if (keywords) {
        if (prefix == "org") org_keys_ |= bit;
        else if (prefix == "fac") fac_keys_ |= bit;
        else if (prefix == "event") event_keys_ |= bit;
        else if (prefix == "law") law_keys_ |= bit;
      } else if (prefix == "gpe") gpe_lists_ |= bit;
      else if (prefix == "loc") loc_lists_ |= bit;
      else if (prefix == "norp") norp_lists_ |= bit;
      else if (prefix == "language") language_lists_ |= bit;
      else if (prefix == "event") event_lists_ |= bit;
      else if (prefix == "law") law_lists_ |= bit;
      else if (prefix == "org") org_lists_ |= bit;
      else if (prefix == "fac") fac_lists_ |= bit;
      continue;
    }
    if (contains_name(n, {"nationalit", "demonym", "norp"})) norp_lists_ |= bit;
    else if (contains_name(n, {"language"})) language_lists_ |= bit;
    else if (contains_name(n, {"region", "continent", "water", "sea", "landform", "geo_loc", "loc_"}))
      loc_lists_ |= bit;
    else if (contains_name(n, {"countr", "cit", "state", "province", "capital", "gpe", "territor", "district",
                               "municipal", "county", "prefecture"}))
      gpe_lists_ |= bit;
  }
}

bool TypeRefiner::in_lists(std::uint64_t mask, const std::vector<std::string_view>& words) const {
  if (!gazetteer_ || mask == 0 || words.empty() || words.size() > 16) return false;
  std::uint64_t hashes[16];
  for (std::size_t i = 0; i < words.size(); ++i) hashes[i] = ml::hash_string(ascii_lower(words[i]));
  return (gazetteer_->lists_of(hashes, words.size()) & mask) != 0;
}

bool TypeRefiner::word_in(std::uint64_t mask, std::string_view word) const {
  if (!gazetteer_ || mask == 0) return false;
  std::uint64_t h = ml::hash_string(ascii_lower(word));
  return (gazetteer_->lists_of(&h, 1) & mask) != 0;
}

std::string TypeRefiner::refine(std::string_view type, const std::vector<std::string_view>& words,
                                std::string_view before, std::string_view after) const {
  if (words.empty()) return std::string(type);
  std::string phrase;
  for (std::string_view w : words) {
    if (!phrase.empty()) phrase += ' ';
    phrase += ascii_lower(w);
  }
  std::string first = ascii_lower(words.front()), last = ascii_lower(words.back());
  if (type == "PER" || type == "PERSON") return "PERSON";
  const bool multi = words.size() > 1;
  if (type == "LOC" || type == "MISC") {
    if (in_lists(loc_lists_, words)) return "LOC";
    if (in_lists(gpe_lists_, words) && type == "LOC") return "GPE";
    if (in_lists(org_lists_, words)) return "ORG";
    if (multi && word_in(fac_keys_, words.back())) return "FAC";
    if (multi && (org_heads().count(last) || word_in(org_keys_, words.back()))) return "ORG";
  }
  if (type == "MISC" && multi && geo_heads().count(last)) return "LOC";
  if (type == "ORG" && multi && word_in(fac_keys_, words.back()) && !word_in(org_keys_, words.back())) return "FAC";
  if (type == "LOC") {
    if (continents().count(phrase) || geo_heads().count(last) || (words.size() > 1 && geo_first().count(first)))
      return "LOC";
    if (in_lists(loc_lists_, words)) return "LOC";
    if (in_lists(gpe_lists_, words)) return "GPE";
    // "Northeast Asia", "Southern Europe"
    if (words.size() > 1 && directions().count(first)) {
      std::vector<std::string_view> rest(words.begin() + 1, words.end());
      std::string r;
      for (std::string_view w : rest) {
        if (!r.empty()) r += ' ';
        r += ascii_lower(w);
      }
      if (continents().count(r)) return "LOC";
    }
    return "GPE";
  }
  if (type == "MISC") {
    if (romanized_given_name(words)) return "PERSON";
    std::string b = ascii_lower(before), a = ascii_lower(after);
    if (words.size() == 1 && (language_names().count(first) || word_in(language_lists_, words.front())) &&
        (a == "language" || a == "-speaking" ||
                                                                language_cues_before().count(b)))
      return "LANGUAGE";
    if (in_lists(norp_lists_, words) || norp_words().count(phrase)) return "NORP";
    // Plural demonyms: "Koreans", "Americans".
    if (words.size() == 1 && first.size() > 3 && first.back() == 's') {
      std::vector<std::string_view> singular = {words.front().substr(0, words.front().size() - 1)};
      if (in_lists(norp_lists_, singular)) return "NORP";
    }
    // "South Korean", "North Korean": direction + demonym.
    if (words.size() > 1 && directions().count(first)) {
      std::vector<std::string_view> rest(words.begin() + 1, words.end());
      if (in_lists(norp_lists_, rest)) return "NORP";
    }
    if (in_lists(event_lists_, words)) return "EVENT";
    if (in_lists(law_lists_, words)) return "LAW";
    if (is_integer(words.back()) && multi) return "PRODUCT";
    if (multi && (law_words().count(last) || word_in(law_keys_, words.back()) ||
                  (words.size() > 2 && (law_words().count(first) || word_in(law_keys_, words.front())))))
      return "LAW";
    if (multi && word_in(event_keys_, words.back())) return "EVENT";
    for (std::string_view w : words)
      if (event_words().count(ascii_lower(w)) && multi) return "EVENT";
    return "MISC";
  }
  return std::string(type);
}

}  // namespace erx::entities
