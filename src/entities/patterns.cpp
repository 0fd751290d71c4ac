// Rule-based mentions: DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL (OntoNotes
// conventions) and TITLE (erx's role type).
//
// The rules run over the lower-cased tokens of one sentence. At each position every family proposes
// its longest match; the longest proposal wins (ties: the family listed first in match_at), and
// matching resumes after it. Spans follow OntoNotes: approximators belong to numbers ("roughly
// 28,500"), "the" is left out except in relative dates ("the following year"), durations are DATE
// ("35-year") unless under a day (TIME).
#include "entities/patterns.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

namespace erx::entities {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set& month_names() {
  static const Set s = {"january", "february", "march",    "april", "may",   "june",  "july",  "august",
                        "september", "october", "november", "december", "jan", "jan.", "feb", "feb.",
                        "mar",  "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.",
                        "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."};
  return s;
}
const Set& weekday_names() {
  static const Set s = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return s;
}
const Set& number_words() {
  static const Set s = {"zero",    "one",     "two",       "three",    "four",     "five",    "six",
                        "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
                        "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",
                        "thirty",  "forty",   "fifty",     "sixty",    "seventy",  "eighty",  "ninety"};
  return s;
}
const Set& scale_words() {
  static const Set s = {"hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "mn", "m", "k", "b",
                        "hundreds", "thousands", "millions", "billions", "trillions", "dozen", "lakh", "crore"};
  return s;
}
const Set& vague_numbers() {  // "dozens of", "hundreds of": CARDINAL by themselves
  static const Set s = {"dozens", "hundreds", "thousands", "millions", "billions", "tens"};
  return s;
}
const Set& ordinal_words() {
  static const Set s = {"first",       "second",      "third",      "fourth",      "fifth",       "sixth",
                        "seventh",     "eighth",      "ninth",      "tenth",       "eleventh",    "twelfth",
                        "thirteenth",  "fourteenth",  "fifteenth",  "sixteenth",   "seventeenth", "eighteenth",
                        "nineteenth",  "twentieth",   "thirtieth",  "fortieth",    "fiftieth",    "sixtieth",
                        "seventieth",  "eightieth",   "ninetieth",  "hundredth",   "thousandth"};
  return s;
}
const Set& fraction_words() {
  static const Set s = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"};
  return s;
}
const Set& date_units() {
  static const Set s = {"day",     "days",   "week",    "weeks",     "weekend", "weekends", "month",  "months",
                        "year",    "years",  "decade",  "decades",   "century", "centuries", "quarter", "quarters",
                        "season",  "seasons", "spring", "summer",    "autumn",  "fall",     "winter", "semester",
                        "fortnight", "millennium", "term"};
  return s;
}
const Set& time_units() {
  static const Set s = {"hour", "hours", "minute", "minutes", "second", "seconds", "hrs", "mins"};
  return s;
}
const Set& relative_words() {  // "last month", "the following year"
  static const Set s = {"last", "next", "this", "past", "coming", "previous", "following", "same", "current",
                        "recent", "preceding", "prior", "whole", "entire", "upcoming"};
  return s;
}
const Set& currency_symbols() {
  static const Set s = {"$", "us$", "c$", "a$", "hk$", "s$", "nz$", "nt$", "£", "€", "¥", "₩", "₹", "rs", "rs.",
                        "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "chf", "inr", "dm"};
  return s;
}
const Set& currency_words() {
  static const Set s = {"dollar", "dollars", "euro",   "euros",   "pound",  "pounds", "sterling", "yen",
                        "yuan",   "won",     "rupee",  "rupees",  "peso",   "pesos",  "ruble",    "rubles",
                        "rouble", "roubles", "franc",  "francs",  "cent",   "cents",  "pence",    "renminbi",
                        "rand",   "lira",    "lire",   "real",    "reais",  "ringgit", "baht",    "dinar",
                        "dinars", "riyal",   "riyals", "shekel",  "shekels", "krona", "kronor",   "krone",
                        "kroner", "zloty",   "forint", "marks",   "guilders", "dirham", "dirhams", "bitcoin",
                        "bitcoins", "rupiah", "dong"};
  return s;
}
const Set& currency_adjectives() {  // "U.S. dollars", "Hong Kong dollars"
  static const Set s = {"u.s.", "us", "american", "canadian", "australian", "hong", "kong", "singapore", "taiwan",
                        "new", "zealand", "swiss", "japanese", "chinese", "south", "korean", "indian", "mexican",
                        "brazilian", "russian", "british", "turkish", "saudi", "egyptian"};
  return s;
}
const Set& percent_words() {
  static const Set s = {"%", "percent", "pct", "per-cent", "percentage"};
  return s;
}
const Set& quantity_units() {
  static const Set s = {
      "km",      "kms",       "kilometre",  "kilometres", "kilometer",  "kilometers", "mile",      "miles",
      "metre",   "metres",    "meter",      "meters",     "cm",         "mm",         "centimetres", "centimeters",
      "millimetres", "millimeters", "foot", "feet",       "inch",       "inches",     "yard",      "yards",
      "kg",      "kgs",       "kilogram",   "kilograms",  "kilo",       "kilos",      "gram",      "grams",
      "g",       "tonne",     "tonnes",     "ton",        "tons",       "lb",         "lbs",       "ounce",
      "ounces",  "oz",        "barrel",     "barrels",    "bpd",        "litre",      "litres",    "liter",
      "liters",  "gallon",    "gallons",    "acre",       "acres",      "hectare",    "hectares",  "degrees",
      "degree",  "mph",       "km/h",       "kph",        "knots",      "megawatts",  "megawatt",  "mw",
      "gigawatts", "gw",      "kw",         "kilowatts",  "kwh",        "calories",   "carats",    "sq",
      "square",  "cubic",     "nautical",   "bushels",    "mt",         "mmbtu",      "teu",       "ml",
      "gb",      "tb",        "mb"};
  return s;
}
const Set& approximators() {
  static const Set s = {"about", "around", "roughly", "nearly", "almost", "approximately", "some", "over",
                        "under", "approx.", "circa", "c.", "~"};
  return s;
}
const Set& title_heads() {
  static const Set s = {
      "president",   "vice-president", "president-elect", "premier",    "chancellor",   "minister",
      "secretary",   "secretary-general", "king",         "queen",      "prince",       "princess",
      "emperor",     "empress",     "pope",            "general",    "gen.",         "admiral",
      "adm.",        "colonel",     "col.",            "lieutenant", "lt.",          "major",
      "maj.",        "captain",     "capt.",           "sergeant",   "sgt.",         "commander",
      "chief",       "ceo",         "cfo",             "coo",        "cto",          "chairman",
      "chairwoman",  "chairperson", "vice-chairman",   "director",   "director-general", "governor",
      "gov.",        "mayor",       "senator",         "sen.",       "congressman",  "congresswoman",
      "ambassador",  "envoy",       "spokesman",       "spokeswoman", "spokesperson", "adviser",
      "advisor",     "professor",   "prof.",           "dr.",        "judge",        "justice",
      "prosecutor",  "leader",      "founder",         "co-founder", "dictator",     "sheikh",
      "ayatollah",   "cardinal",    "bishop",          "archbishop", "rabbi",        "imam",
      "rev.",        "reverend",    "coach",           "treasurer",  "executive",    "officer",
      "fellow",      "commissioner", "chairman-elect", "monarch",    "sultan",       "emir",
      "speaker",     "lawmaker",    "diplomat",        "head"};
  return s;
}
const Set& title_modifiers() {
  static const Set s = {
      "vice",     "deputy",    "acting",   "interim",  "assistant", "associate", "senior",     "junior",
      "foreign",  "defence",   "defense",  "finance",  "interior",  "trade",     "economy",    "economic",
      "health",   "education", "justice",  "security", "national", "state",     "executive",  "managing",
      "chief",    "commerce",  "energy",   "industry", "labour",    "labor",     "agriculture", "environment",
      "culture",  "home",      "prime",    "army",     "navy",      "military",  "police",     "party",
      "opposition", "research", "principal", "supreme", "general",  "lieutenant", "attorney",  "unification",
      "information", "transport", "housing", "treasury", "budget",   "financial", "operating",  "technology",
      "technical", "marketing", "communications", "fisheries", "oil",  "mines",    "tourism",    "sports",
      "cabinet",  "regional",  "provincial", "federal", "district", "county",    "city",       "court",
      "high",     "co"};
  return s;
}
// Multi-word heads whose words are not all heads or modifiers, or that must stay whole.
const std::array<std::array<std::string_view, 4>, 12>& title_phrases() {
  static const std::array<std::array<std::string_view, 4>, 12> p = {{
      {"secretary", "of", "state", ""},
      {"chief", "of", "staff", ""},
      {"head", "of", "state", ""},
      {"head", "of", "government", ""},
      {"attorney", "general", "", ""},
      {"secretary", "general", "", ""},
      {"director", "general", "", ""},
      {"surgeon", "general", "", ""},
      {"first", "lady", "", ""},
      {"chief", "executive", "officer", ""},
      {"chief", "financial", "officer", ""},
      {"chief", "operating", "officer", ""},
  }};
  return p;
}

bool in(const Set& s, std::string_view w) { return s.count(w) != 0; }

// Words that can start a pattern match (besides tokens with a digit, a hyphen or a currency
// sign): every rule family's first words. Tokens outside it are skipped with one lookup, which
// keeps the patterns cheap on ordinary text.
const Set& trigger_words() {
  static const Set s = [] {
    Set t;
    for (const Set* set : {&month_names(), &weekday_names(), &number_words(), &scale_words(), &vague_numbers(),
                           &ordinal_words(), &fraction_words(), &relative_words(), &currency_symbols(),
                           &approximators(), &title_heads(), &title_modifiers()})
      t.insert(set->begin(), set->end());
    for (std::string_view w : {"the", "a", "an", "early", "mid", "mid-", "late", "fiscal", "today", "yesterday",
                               "tomorrow", "noon", "midnight", "tonight", "overnight", "this", "last", "next",
                               "more", "less", "fewer", "up", "at", "as", "just", "well", "that", "first", "surgeon",
                               "attorney", "head", "secretary", "chief", "director"})
      t.insert(w);
    return t;
  }();
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "14,200", "4.5", "28,500", "1996", ".5", "+3", "1/2".
bool is_numeric(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  bool digit = false;
  char prev = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == ',' || c == '.' || c == '/') {
      if (prev == ',' || prev == '.' || prev == '/') return false;
    } else {
      return false;
    }
    prev = c;
  }
  return digit && prev != ',' && prev != '.' && prev != '/';
}

int int_value(std::string_view s) {
  if (!all_digits(s) || s.size() > 6) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool is_year(std::string_view s) {
  if (s.size() != 4) return false;
  int v = int_value(s);
  return v >= 1000 && v <= 2099;
}

// "1990s", "'90s", "90s"
bool is_decade(std::string_view s) {
  if (!s.empty() && (s[0] == '\'' || s[0] == '`')) s.remove_prefix(1);
  if (s.size() < 3 || s.back() != 's') return false;
  std::string_view d = s.substr(0, s.size() - 1);
  return all_digits(d) && (d.size() == 2 || d.size() == 4) && d.back() == '0';
}

// "3rd", "21st", "29th", "2nd"
bool is_numeric_ordinal(std::string_view s) {
  if (s.size() < 3) return false;
  std::string_view suffix = s.substr(s.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  return all_digits(s.substr(0, s.size() - 2));
}

// "10:30", "9:45"
bool is_clock(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
  std::string_view h = s.substr(0, colon), m = s.substr(colon + 1);
  if (m.size() > 2 && (m.ends_with("am") || m.ends_with("pm"))) m.remove_suffix(2);
  return all_digits(h) && m.size() == 2 && all_digits(m);
}

// "1996-08-22", "22/08/1996", "08/22/96"
bool is_numeric_date(std::string_view s) {
  int parts = 0, digits = 0;
  char sep = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '-' || c == '/' || c == '.') {
      if (digits == 0) return false;
      if (sep && c != sep) return false;
      sep = c;
      ++parts;
      digits = 0;
    } else {
      return false;
    }
  }
  if (digits == 0 || parts != 2) return false;
  return sep == '-' ? s.size() == 10 && s[4] == '-' : true;
}

// "3pm", "10am", "10.30pm"
bool is_attached_time(std::string_view s) {
  if (s.size() < 3) return false;
  std::string_view suffix = s.substr(s.size() - 2);
  if (suffix != "am" && suffix != "pm") return false;
  std::string_view n = s.substr(0, s.size() - 2);
  return all_digits(n) || is_clock(n) || is_numeric(n);
}

// The lower-cased tokens of the sentence with a few surface facts.
struct Tok {
  std::string_view text;
  std::string lower;
  bool cap = false;      // first letter upper case
  bool numeric = false;  // is_numeric(text)
};

class Matcher {
 public:
  Matcher(const Document& doc, std::uint32_t first, std::uint32_t end) {
    toks_.reserve(end - first);
    std::size_t letters = 0, upper = 0;
    for (std::uint32_t i = first; i < end; ++i) {
      Tok t;
      t.text = doc.norm(doc.tokens()[i]);
      t.lower.resize(t.text.size());
      for (std::size_t k = 0; k < t.text.size(); ++k) {
        char c = t.text[k];
        if (c >= 'A' && c <= 'Z') {
          ++upper;
          ++letters;
        } else if (c >= 'a' && c <= 'z') {
          ++letters;
        }
        t.lower[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      t.cap = !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z';
      t.numeric = is_numeric(t.text);
      toks_.push_back(std::move(t));
    }
    // In all-capitals sentences (headlines) capitalization says nothing.
    all_caps_ = letters > 8 && upper * 10 > letters * 9;
  }

  [[nodiscard]] std::size_t size() const noexcept { return toks_.size(); }
  [[nodiscard]] std::string_view low(std::size_t i) const { return i < toks_.size() ? std::string_view(toks_[i].lower) : std::string_view(); }
  [[nodiscard]] bool cap(std::size_t i) const { return i < toks_.size() && (toks_[i].cap || all_caps_); }
  [[nodiscard]] bool numeric(std::size_t i) const { return i < toks_.size() && toks_[i].numeric; }
  [[nodiscard]] std::string_view text(std::size_t i) const { return i < toks_.size() ? toks_[i].text : std::string_view(); }

  // Whether a match can start at token i (see trigger_words()).
  [[nodiscard]] bool trigger(std::size_t i) const {
    std::string_view w = low(i);
    for (char c : w) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((c >= '0' && c <= '9') || c == '-' || c == '$' || c == '~' || u >= 0xC2) return true;
    }
    return in(trigger_words(), w);
  }

  // Length of the number phrase at i ("28,500", "4.5 billion", "two hundred and fifty", "a
  // million", "twenty-five"), 0 if none.
  [[nodiscard]] std::size_t number(std::size_t i) const {
    std::size_t j = i;
    if (low(j) == "a" || low(j) == "one") {
      if (in(scale_words(), low(j + 1)) && low(j + 1) != "m" && low(j + 1) != "k" && low(j + 1) != "b") {
        j += 2;
        return extend_number(j) - i;
      }
      if (low(j) == "a") return 0;
    }
    if (numeric(j) || is_number_word(low(j))) {
      ++j;
      return extend_number(j) - i;
    }
    return 0;
  }

  // Approximators before a number: "about", "more than", "up to", "at least". Returns their length.
  [[nodiscard]] std::size_t approximator(std::size_t i) const {
    std::string_view w = low(i), n = low(i + 1);
    if ((w == "more" || w == "less" || w == "fewer") && n == "than") return 2;
    if ((w == "up" && n == "to") || (w == "at" && (n == "least" || n == "most"))) return 2;
    if (w == "as" && (n == "many" || n == "much") && low(i + 2) == "as") return 3;
    if ((w == "just" || w == "well") && (n == "over" || n == "under")) return 2;
    if (in(approximators(), w)) return 1;
    return 0;
  }

  // The longest pattern mention at i: its length and type.
  struct Found {
    std::size_t length = 0;
    std::string_view type;
  };
  [[nodiscard]] Found match_at(std::size_t i, const PatternOptions& options) const {
    Found best;
    if (!trigger(i)) return best;
    auto offer = [&](std::size_t len, std::string_view type) {
      if (len > best.length) best = {len, type};
    };
    if (options.numeric) {
      offer(date(i), "DATE");
      offer(time(i), "TIME");
      offer(money(i), "MONEY");
      offer(percent(i), "PERCENT");
      offer(quantity(i), "QUANTITY");
      offer(ordinal(i), "ORDINAL");
      offer(cardinal(i), "CARDINAL");
    }
    if (options.titles) offer(title(i), "TITLE");
    return best;
  }

 private:
  [[nodiscard]] static bool is_number_word(std::string_view w) {
    if (in(number_words(), w)) return true;
    std::size_t dash = w.find('-');  // "twenty-five"
    return dash != std::string_view::npos && in(number_words(), w.substr(0, dash)) &&
           in(number_words(), w.substr(dash + 1));
  }

  [[nodiscard]] std::size_t extend_number(std::size_t j) const {
    while (j < size()) {
      std::string_view w = low(j);
      if (in(scale_words(), w) && !in(vague_numbers(), w)) {
        if ((w == "m" || w == "k" || w == "b") && !numeric(j - 1)) break;
        ++j;
      } else if (is_number_word(w) && (is_number_word(low(j - 1)) || in(scale_words(), low(j - 1)))) {
        ++j;
      } else if ((w == "and" || w == "-") && is_number_word(low(j + 1)) && !numeric(j - 1)) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  [[nodiscard]] bool month_at(std::size_t i) const {
    if (!in(month_names(), low(i)) || !cap(i)) return false;
    // "May" and "March" are also words: accept them when a day or year follows or a date word precedes.
    std::string_view w = low(i);
    if (w == "may" || w == "march" || w == "jan" || w == "mar" || w == "sep" || w == "dec" || w == "oct" ||
        w == "aug" || w == "jun" || w == "nov" || w == "feb" || w == "apr" || w == "jul") {
      if (day_at(i + 1) || is_year(low(i + 1))) return true;
      std::string_view p = i > 0 ? low(i - 1) : std::string_view();
      return p == "in" || p == "since" || p == "until" || p == "of" || p == "early" || p == "late" || p == "mid" ||
             p == "mid-" || p == "by" || p == "last" || p == "next" || p == "this" || p == "from" || p == "through";
    }
    return true;
  }
  [[nodiscard]] bool day_at(std::size_t i) const {
    std::string_view w = low(i);
    if (is_numeric_ordinal(w)) return int_value(w.substr(0, w.size() - 2)) <= 31;
    int v = int_value(w);
    return v >= 1 && v <= 31 && w.size() <= 2;
  }

  [[nodiscard]] std::size_t date(std::size_t i) const {
    std::string_view w = low(i);
    std::size_t best = 0;
    // early / mid / late + month or year
    std::size_t k = i;
    if (w == "early" || w == "mid" || w == "late" || w == "mid-") ++k;
    // Month-based dates: "March 3rd", "March 3, 2024", "March 2024", "December".
    if (month_at(k)) {
      std::size_t j = k + 1;
      if (day_at(j)) {
        ++j;
        if (low(j) == "," && is_year(low(j + 1))) j += 2;
        else if (is_year(low(j))) ++j;
      } else if (low(j) == "," && is_year(low(j + 1))) {
        j += 2;
      } else if (is_year(low(j))) {
        ++j;
      }
      best = std::max(best, j - i);
    }
    // "3 March 2024", "the 3rd of March"
    if (day_at(i) && month_at(i + 1)) {
      std::size_t j = i + 2;
      if (is_year(low(j))) ++j;
      best = std::max(best, j - i);
    }
    if (w == "the" && day_at(i + 1) && low(i + 2) == "of" && month_at(i + 3)) best = std::max<std::size_t>(best, 4);
    // Weekdays.
    if (in(weekday_names(), w) && (cap(i) || w.size() > 6)) best = std::max<std::size_t>(best, 1);
    // Years and decades, bare or with "early/mid/late".
    if (is_year(low(k)) && year_context(k)) best = std::max(best, k + 1 - i);
    if (is_decade(low(k))) best = std::max(best, k + 1 - i);
    if (w == "the" && is_decade(low(i + 1))) best = std::max<std::size_t>(best, 2);
    // "fiscal 1996"
    if (w == "fiscal" && is_year(low(i + 1))) best = std::max<std::size_t>(best, 2);
    // ISO and slashed dates.
    if (is_numeric_date(w)) best = std::max<std::size_t>(best, 1);
    // today, yesterday, tomorrow
    if (w == "today" || w == "yesterday" || w == "tomorrow") best = std::max<std::size_t>(best, 1);
    // Relative dates: "last month", "this year", "the following year", "the past two weeks",
    // "earlier this year".
    {
      std::size_t j = i;
      bool the = false;
      if (low(j) == "the") {
        the = true;
        ++j;
      }
      if (in(relative_words(), low(j)) && !(the && low(j) == "this")) {
        std::string_view rel = low(j);
        ++j;
        std::size_t n = number(j);
        if (n > 0 && (rel == "past" || rel == "last" || rel == "next" || rel == "previous" || rel == "following" ||
                      rel == "coming" || rel == "first"))
          j += n;
        // "the following year" needs a relative word that takes "the".
        bool ok_the = !the || rel == "following" || rel == "past" || rel == "last" || rel == "next" ||
                      rel == "previous" || rel == "same" || rel == "coming" || rel == "preceding" || rel == "prior" ||
                      rel == "whole" || rel == "entire" || rel == "current" || rel == "upcoming";
        if (ok_the && in(date_units(), low(j)) && low(j) != "term") best = std::max(best, j + 1 - i);
        if (ok_the && in(weekday_names(), low(j))) best = std::max(best, j + 1 - i);
        if (ok_the && !the && (rel == "last" || rel == "next" || rel == "this") && month_at(j))
          best = std::max(best, j + 1 - i);
      }
    }
    // Durations: "two years", "35 years ago", "a year", "35-year", "10-year-old", "the 20th century".
    {
      std::size_t j = i;
      std::size_t a = approximator(j);
      j += a;
      std::size_t n = number(j);
      if (n == 0 && (low(j) == "a" || low(j) == "an") && low(j + 1) != "second") n = 1;
      if (n > 0) {
        std::size_t u = j + n;
        std::string_view unit = low(u);
        if (in(date_units(), unit) && unit != "term" && unit != "fall" && unit != "spring") {
          ++u;
          if (low(u) == "ago" || low(u) == "earlier" || low(u) == "later" || low(u) == "old") ++u;
          // "a year" alone is weak; require a number or a following ago/earlier/later for "a".
          bool article = low(j) == "a" || low(j) == "an";
          if (!article || u > j + n + 1) best = std::max(best, u - i);
          else if (unit == "year" || unit == "decade" || unit == "century") best = std::max(best, u - i);
        }
        // "35 - year" (hyphen split by the tokenizer), "35-year-old"
        if (low(u) == "-" && (low(u + 1) == "year" || low(u + 1) == "month" || low(u + 1) == "day" ||
                              low(u + 1) == "week" || low(u + 1) == "decade")) {
          std::size_t e = u + 2;
          if (low(e) == "-" && low(e + 1) == "old") e += 2;
          best = std::max(best, e - i);
        }
      }
      if (hyphen_duration(low(i))) best = std::max<std::size_t>(best, 1);
    }
    // "the 20th century", "the nineteenth century"
    if (w == "the" && (is_numeric_ordinal(low(i + 1)) || in(ordinal_words(), low(i + 1))) &&
        (low(i + 2) == "century" || low(i + 2) == "quarter" || low(i + 2) == "half"))
      best = std::max<std::size_t>(best, low(i + 3) == "of" && is_year(low(i + 4)) ? 5 : 3);
    return best;
  }

  // "35-year", "10-year-old", "five-year", "two-day"
  [[nodiscard]] static bool hyphen_duration(std::string_view w) {
    std::size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    std::string_view n = w.substr(0, dash), rest = w.substr(dash + 1);
    if (!(all_digits(n) || is_number_word(n))) return false;
    if (rest.ends_with("-old")) rest.remove_suffix(4);
    return rest == "year" || rest == "month" || rest == "day" || rest == "week" || rest == "decade" ||
           rest == "century" || rest == "years";
  }

  // A bare four-digit number is a year unless it counts something ("1500 troops") or is money.
  [[nodiscard]] bool year_context(std::size_t i) const {
    if (i > 0 && in(currency_symbols(), low(i - 1))) return false;
    std::string_view n = low(i + 1);
    if (in(quantity_units(), n) || in(currency_words(), n) || in(percent_words(), n) || in(scale_words(), n))
      return false;
    int v = int_value(low(i));
    if (v < 1900) {
      std::string_view p = i > 0 ? low(i - 1) : std::string_view();
      return p == "in" || p == "since" || p == "of" || p == "until" || p == "by" || p == "from" || p == "circa";
    }
    // "2000 people": a following lower-case plural word counts things.
    if (!n.empty() && n.back() == 's' && n.size() > 3 && !cap(i + 1) && n != "was" && n != "is" && n != "has" &&
        n != "as")
      return false;
    return true;
  }

  [[nodiscard]] std::size_t time(std::size_t i) const {
    std::string_view w = low(i);
    std::size_t best = 0;
    if (is_clock(w) || is_attached_time(w)) {
      std::size_t j = i + 1;
      if (low(j) == "a.m." || low(j) == "p.m." || low(j) == "am" || low(j) == "pm") ++j;
      if (low(j) == "gmt" || low(j) == "est" || low(j) == "edt" || low(j) == "utc" || low(j) == "bst" ||
          low(j) == "cet" || low(j) == "pst" || low(j) == "et" || low(j) == "kst")
        ++j;
      best = j - i;
    }
    if ((int_value(w) >= 1 && int_value(w) <= 12) &&
        (low(i + 1) == "a.m." || low(i + 1) == "p.m." || low(i + 1) == "am" || low(i + 1) == "pm" ||
         low(i + 1) == "o'clock"))
      best = std::max<std::size_t>(best, 2);
    if (w == "noon" || w == "midnight" || w == "tonight" || w == "overnight") best = std::max<std::size_t>(best, 1);
    std::string_view n = low(i + 1);
    bool part = n == "morning" || n == "afternoon" || n == "evening" || n == "night";
    if (part && (w == "this" || w == "yesterday" || w == "tomorrow" || w == "last" || w == "that" ||
                 (in(weekday_names(), w) && cap(i))))
      best = std::max<std::size_t>(best, 2);
    // Durations under a day: "two hours", "30 minutes"
    std::size_t a = approximator(i);
    std::size_t num = number(i + a);
    if (num > 0 && in(time_units(), low(i + a + num))) best = std::max(best, a + num + 1);
    return best;
  }

  [[nodiscard]] std::size_t money(std::size_t i) const {
    std::size_t a = approximator(i);
    std::size_t j = i + a;
    std::string_view w = low(j);
    // "$ 4.5 billion", "US$ 10"
    if (in(currency_symbols(), w) && (cap(j) || !std::isalpha(static_cast<unsigned char>(w[0])) || w == "us$")) {
      std::size_t n = number(j + 1);
      if (n > 0) return a + 1 + n;
    }
    // "$4.5" attached, then an optional scale: "$4.5 billion"
    for (std::string_view sym : {"us$", "hk$", "c$", "a$", "s$", "$", "£", "€", "¥", "₩"}) {
      if (w.size() > sym.size() && w.starts_with(sym) && is_numeric(w.substr(sym.size())))
        return a + 1 + (extend_number(j + 1) - (j + 1));
      // "$4.5bn", "$10m"
      if (w.size() > sym.size() && w.starts_with(sym)) {
        std::string_view rest = w.substr(sym.size());
        for (std::string_view sc : {"bn", "m", "mln", "k", "b", "tn"})
          if (rest.size() > sc.size() && rest.ends_with(sc) && is_numeric(rest.substr(0, rest.size() - sc.size())))
            return a + 1;
      }
    }
    // "4.5 billion dollars", "10 U.S. dollars", "200 yuan"
    std::size_t n = number(j);
    if (n > 0) {
      std::size_t k = j + n;
      std::size_t adj = 0;
      while (adj < 3 && in(currency_adjectives(), low(k + adj)) && !in(currency_words(), low(k + adj))) ++adj;
      if (in(currency_words(), low(k + adj)) && (adj == 0 || low(k + adj).starts_with("dollar"))) {
        // "won" is also a verb: "two won" needs a number, not a word.
        if (low(k + adj) == "won" && !numeric(j) && !in(scale_words(), low(k - 1))) return 0;
        return a + n + adj + 1;
      }
    }
    return 0;
  }

  [[nodiscard]] std::size_t percent(std::size_t i) const {
    std::size_t a = approximator(i);
    std::size_t j = i + a;
    std::string_view w = low(j);
    if (w.size() > 1 && w.back() == '%' && is_numeric(w.substr(0, w.size() - 1))) return a + 1;
    std::size_t n = number(j);
    if (n == 0) return 0;
    std::string_view p = low(j + n);
    if (p == "%" || p == "percent" || p == "pct" || p == "per-cent") return a + n + 1;
    if (p == "per" && low(j + n + 1) == "cent") return a + n + 2;
    if (p == "percentage" && (low(j + n + 1) == "point" || low(j + n + 1) == "points")) return a + n + 2;
    return 0;
  }

  [[nodiscard]] std::size_t quantity(std::size_t i) const {
    std::size_t a = approximator(i);
    std::size_t j = i + a;
    std::size_t n = number(j);
    if (n == 0) {
      // "5km", "10kg"
      std::string_view w = low(j);
      std::size_t d = 0;
      while (d < w.size() && ((w[d] >= '0' && w[d] <= '9') || w[d] == '.' || w[d] == ',')) ++d;
      if (d > 0 && d < w.size() && in(quantity_units(), w.substr(d)) && w.substr(d) != "m" && w.substr(d) != "b")
        return a + 1;
      return 0;
    }
    std::size_t k = j + n;
    std::string_view u = low(k);
    if (u == "square" || u == "cubic" || u == "nautical" || u == "sq" || u == "sq.") {
      if (in(quantity_units(), low(k + 1))) return a + n + 2;
      return 0;
    }
    if (in(quantity_units(), u) && u != "g" && u != "mt" && u != "mb") {
      if (u == "degrees" && (low(k + 1) == "celsius" || low(k + 1) == "fahrenheit" || low(k + 1) == "c" ||
                             low(k + 1) == "f"))
        return a + n + 2;
      return a + n + 1;
    }
    // "pounds" after a number is money in news text; handled there.
    return 0;
  }

  [[nodiscard]] std::size_t ordinal(std::size_t i) const {
    std::string_view w = low(i);
    if (is_numeric_ordinal(w)) return 1;
    if (!in(ordinal_words(), w)) return 0;
    if (w == "second") {
      std::string_view p = i > 0 ? low(i - 1) : std::string_view();
      if (p == "a" || p == "per" || p == "every" || p == "each" || p == "one" || p == "split") return 0;
      if (low(i + 1) == "hand" || low(i + 1) == "-") return 0;
    }
    return 1;
  }

  [[nodiscard]] std::size_t cardinal(std::size_t i) const {
    std::size_t a = approximator(i);
    std::size_t j = i + a;
    std::string_view w = low(j);
    // Fractions: "a third of", "a quarter of", "half of", "two-thirds"
    if ((w == "a" || w == "one") && in(fraction_words(), low(j + 1)) && low(j + 2) == "of") return a + 2;
    if (w == "half" && low(j + 1) == "of") return a + 1;
    {
      std::size_t dash = w.find('-');
      if (dash != std::string_view::npos && is_number_word(w.substr(0, dash)) &&
          in(fraction_words(), w.substr(dash + 1)))
        return a + 1;
    }
    if (in(vague_numbers(), w) && low(j + 1) == "of") return a + 1;
    std::size_t n = number(j);
    if (n == 0) return 0;
    if (n == 1 && w == "one") {
      // "one" is often a pronoun or a determiner of fixed phrases.
      std::string_view p = i > 0 ? low(i - 1) : std::string_view();
      if (p == "the" || p == "no" || p == "any" || p == "every" || p == "each" || p == "this" || p == "that" ||
          p == "which" || p == "someone" || p == "anyone" || low(j + 1) == "another" || cap(j + 1))
        return 0;
    }
    // A number glued to a name is part of it ("Ascend 950", "Boeing 747"): leave it to the model.
    if (a == 0 && i > 0 && cap(i - 1) && !in(month_names(), low(i - 1)) && numeric(j) && n == 1 &&
        low(i - 1) != "," && !(i == 1))
      return 0;
    return a + n;
  }

  [[nodiscard]] bool title_head(std::size_t i) const {
    std::string_view w = low(i);
    if (!in(title_heads(), w)) return false;
    bool next_cap = cap(i + 1) && !all_caps_;
    // Words that are titles only when capitalized before a name.
    if (w == "general" || w == "major" || w == "chief" || w == "justice" || w == "head" || w == "speaker" ||
        w == "executive" || w == "officer" || w == "fellow" || w == "cardinal" || w == "judge" || w == "coach" ||
        w == "leader" || w == "diplomat" || w == "lawmaker")
      return false;
    (void)next_cap;
    return true;
  }

  // Heads that need context: "General Brunson", "chief executive", "senior research fellow".
  [[nodiscard]] bool contextual_head(std::size_t i, std::size_t mods) const {
    std::string_view w = low(i);
    bool name_follows = cap(i + 1) && !all_caps_ && low(i + 1) != "of" && !in(title_heads(), low(i + 1));
    if (w == "general" || w == "major" || w == "judge" || w == "cardinal" || w == "coach")
      return cap(i) && (name_follows || mods > 0);
    if (w == "chief") return cap(i) && name_follows;
    if (w == "executive" || w == "officer") return mods > 0 && (low(i - 1) == "chief" || low(i - 1) == "executive");
    if (w == "fellow") return mods > 0 && (low(i - 1) == "research" || low(i - 1) == "senior");
    if (w == "leader") return low(i + 1) == "of" || name_follows || mods > 0 || (i > 0 && low(i - 1) == "the");
    if (w == "justice") return mods > 0 || (cap(i) && name_follows);
    if (w == "speaker") return cap(i) && !all_caps_;
    return false;
  }

  [[nodiscard]] std::size_t title(std::size_t i) const {
    // Fixed phrases first.
    std::size_t best = 0;
    for (const auto& phrase : title_phrases()) {
      std::size_t n = 0;
      while (n < phrase.size() && !phrase[n].empty() && low(i + n) == phrase[n]) ++n;
      if (n > 0 && (n == phrase.size() || phrase[n].empty())) best = std::max(best, n);
    }
    // modifiers* head: "foreign minister", "national security adviser", "vice-defence minister".
    std::size_t j = i, mods = 0;
    while (j < size() && is_title_modifier(low(j)) && j - i < 5) {
      ++j;
      ++mods;
      // "vice - defence minister": a hyphen the tokenizer split off joins two modifiers.
      if (low(j) == "-" && j + 1 < size() && (is_title_modifier(low(j + 1)) || title_head(j + 1))) {
        ++j;
        ++mods;
      }
    }
    // Try the longest head position first (a modifier may itself be a head: "chief").
    for (std::size_t h = j + 1; h-- > i;) {
      if (h >= size()) continue;
      std::size_t m = h - i;
      if (title_head(h) || contextual_head(h, m)) {
        std::size_t e = h + 1;
        // "chief executive officer"
        if (low(h) == "executive" && low(e) == "officer") ++e;
        best = std::max(best, e - i);
        break;
      }
    }
    return best;
  }

  [[nodiscard]] static bool is_title_modifier(std::string_view w) {
    if (in(title_modifiers(), w)) return true;
    // "vice-defence", "deputy-foreign": every part a modifier
    std::size_t dash = w.find('-');
    if (dash == std::string_view::npos) return false;
    return in(title_modifiers(), w.substr(0, dash)) && in(title_modifiers(), w.substr(dash + 1));
  }

  std::vector<Tok> toks_;
  bool all_caps_ = false;
};

}  // namespace

std::vector<Mention> find_patterns(const Document& doc, std::uint32_t first, std::uint32_t end,
                                   const PatternOptions& options) {
  std::vector<Mention> out;
  if (first >= end) return out;
  Matcher m(doc, first, end);
  for (std::size_t i = 0; i < m.size();) {
    Matcher::Found f = m.match_at(i, options);
    if (f.length == 0) {
      ++i;
      continue;
    }
    Mention mention;
    mention.first_token = first + static_cast<std::uint32_t>(i);
    mention.end_token = first + static_cast<std::uint32_t>(std::min(i + f.length, m.size()));
    mention.begin = doc.tokens()[mention.first_token].begin;
    mention.end = doc.tokens()[mention.end_token - 1].end;
    mention.type = std::string(f.type);
    mention.source = MentionSource::kPattern;
    mention.confidence = 0.9f;
    out.push_back(std::move(mention));
    i += f.length;
  }
  return out;
}

std::vector<Mention> find_patterns(const Document& doc, const PatternOptions& options) {
  std::vector<Mention> out;
  if (doc.sentences().empty()) return find_patterns(doc, 0, static_cast<std::uint32_t>(doc.tokens().size()), options);
  for (const Sentence& s : doc.sentences()) {
    std::vector<Mention> part = find_patterns(doc, s.first_token, s.end_token, options);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

}  // namespace erx::entities
