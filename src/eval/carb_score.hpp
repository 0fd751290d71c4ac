// eval/carb_score.hpp — the scorer of the CaRB open information extraction benchmark (Bhardwaj,
// Aggarwal and Mausam, "CaRB: A Crowdsourced Benchmark for Open IE", EMNLP 2019), written from the
// paper and from what its public scorer does with its default settings (internal, header-only so
// that tests and tools can use it with a static or a shared erx).
//
//   erx::eval::OpenTupleSet gold = erx::eval::read_carb_gold(text_of("gold/dev.tsv"), "dev.tsv");
//   erx::eval::OpenTupleSet system = erx::eval::read_carb_tabbed(text_of("out.tsv"), "out.tsv");
//   erx::eval::CarbResult r = erx::eval::carb_score(gold, system);
//   // r.best.f1, r.auc, r.curve
//
// Matching one gold tuple with one system tuple (CaRB's default "lenient binary" match):
//   - Both tuples are made binary for the comparison: arg1, and everything after it joined with
//     spaces ("arg2 arg3 ..."). Words are the whitespace-separated pieces, compared exactly (case
//     and punctuation count), each system word used at most once.
//   - Relation: the gold words found among the system words. A system "be" left over matches any
//     form of "be" in the gold relation. No relation word in common: the pair scores (0, 0).
//   - Arguments, for each binary part the gold tuple has (arg1, rest): its words count in the
//     recall denominator; if the system tuple lacks that part the pair scores (0, 0); otherwise
//     its words count in the precision denominator and the common words in both numerators. A
//     system part the gold tuple lacks is not counted at all.
//   - precision = common words / system words, recall = common words / gold words.
//   - When the gold relation contains "said", "told", "added", "adds" or "says", the system tuple
//     is also scored with its two parts swapped, and the better pair (higher precision, then
//     higher recall) is kept.
// Scoring, for every confidence threshold t (each distinct system confidence), sentence by
// sentence over the gold sentences, with the system tuples of confidence >= t:
//   - precision: system tuples are paired one-to-one with gold tuples, greedily by highest match
//     precision (ties go to the earlier gold tuple, then the earlier system tuple); numerator = sum
//     of the paired precisions, denominator = number of system tuples;
//   - recall: each gold tuple takes the highest match recall of any system tuple (several gold
//     tuples may take the same one); denominator = number of gold tuples.
//   P(t) = sum of numerators / sum of denominators (1 when no system tuple passes t), R(t) the same
//   for recall (0 without gold tuples). System tuples of sentences without gold are not scored;
//   their confidences still are thresholds. Best F1 is the highest F1 over the thresholds (the
//   lowest such threshold); AUC is the trapezoid area under the (R, P) points with (0, 1) added.
// Sentences of the two sets are paired by a key: the text without spaces, PTB bracket escapes
// ("-LRB-") undone, ASCII punctuation removed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "erx/document.hpp"
#include "erx/error.hpp"

namespace erx::eval {

// One open-IE tuple: a relation phrase, its arguments (arg1, arg2, extra arguments) and the
// system's confidence (1 for gold tuples).
struct OpenTuple {
  std::string relation;
  std::vector<std::string> arguments;
  double confidence = 1.0;
};

// The tuples of one sentence, in the order they were given.
struct OpenSentence {
  std::string text;  // as given (one entry per distinct text)
  std::vector<OpenTuple> tuples;
};

// Tuples grouped by sentence text, sentences in order of first appearance. A regular value.
class OpenTupleSet {
 public:
  // Appends `tuple` to the sentence `text` (a new sentence when this text was not seen yet).
  void add(std::string_view text, OpenTuple tuple) {
    auto [it, inserted] = index_.try_emplace(std::string(text), sentences_.size());
    if (inserted) sentences_.push_back(OpenSentence{std::string(text), {}});
    sentences_[it->second].tuples.push_back(std::move(tuple));
  }
  // Adds the sentence `text` without tuples, unless it is already there.
  void add_sentence(std::string_view text) {
    auto [it, inserted] = index_.try_emplace(std::string(text), sentences_.size());
    if (inserted) sentences_.push_back(OpenSentence{std::string(text), {}});
  }
  [[nodiscard]] const std::vector<OpenSentence>& sentences() const noexcept { return sentences_; }
  // Number of tuples over all sentences.
  [[nodiscard]] std::size_t tuple_count() const noexcept {
    std::size_t n = 0;
    for (const OpenSentence& s : sentences_) n += s.tuples.size();
    return n;
  }

 private:
  std::vector<OpenSentence> sentences_;
  std::unordered_map<std::string, std::size_t> index_;
};

// How well one system tuple matches one gold tuple.
struct CarbMatch {
  double precision = 0.0;
  double recall = 0.0;
};

// One point of the precision-recall curve.
struct CarbPoint {
  double confidence = 0.0;  // threshold: system tuples with at least this confidence
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};

// The scores of a system against gold.
struct CarbResult {
  std::vector<CarbPoint> curve;  // one point per distinct system confidence, ascending
  CarbPoint best;                // the point of highest F1 (all zero when there is no curve)
  double auc = 0.0;              // area under the curve with (recall 0, precision 1) added
  std::size_t gold_sentences = 0;
  std::size_t gold_tuples = 0;
  std::size_t system_tuples = 0;           // system tuples in gold sentences (the scored ones)
  std::size_t unmatched_sentences = 0;     // system sentences with no gold sentence
};

namespace carb_detail {

// White space as Python's str.split() and str.strip() see it (Unicode White_Space plus the
// ASCII separators U+001C..U+001F). Returns its byte length at text[i], or 0.
inline std::size_t space_length(std::string_view text, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) ? 1 : 0;
  const std::size_t n = utf8::sequence_length(text, i);
  if (n == 0) return 0;
  const char32_t cp = utf8::decode(text, i, n);
  const bool space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                     cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  return space ? n : 0;
}

// `text` without leading and trailing white space.
inline std::string_view strip(std::string_view text) noexcept {
  std::size_t b = 0;
  while (b < text.size()) {
    const std::size_t n = space_length(text, b);
    if (n == 0) break;
    b += n;
  }
  // Trailing: scan forward, remembering where the last run of white space began.
  std::size_t end = b, i = b;
  while (i < text.size()) {
    const std::size_t n = space_length(text, i);
    if (n == 0) {
      i += std::max<std::size_t>(utf8::sequence_length(text, i), 1);
      end = i;
    } else {
      i += n;
    }
  }
  return text.substr(b, end - b);
}

// The whitespace-separated words of `text`.
inline std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0, start = 0;
  bool in_word = false;
  while (i < text.size()) {
    const std::size_t n = space_length(text, i);
    if (n > 0) {
      if (in_word) out.push_back(text.substr(start, i - start));
      in_word = false;
      i += n;
    } else {
      if (!in_word) start = i;
      in_word = true;
      i += std::max<std::size_t>(utf8::sequence_length(text, i), 1);
    }
  }
  if (in_word) out.push_back(text.substr(start));
  return out;
}

inline std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Gold words found among the system words (each system word used once). `system` is consumed.
inline std::size_t common_words(const std::vector<std::string_view>& gold,
                                std::vector<std::string_view>& system) {
  std::size_t n = 0;
  for (std::string_view w : gold) {
    auto it = std::find(system.begin(), system.end(), w);
    if (it == system.end()) continue;
    ++n;
    system.erase(it);
  }
  return n;
}

// A tuple reduced to (relation, arg1, rest) as words; `parts` is 0, 1 or 2 arguments.
struct BinaryTuple {
  std::vector<std::string_view> relation;
  std::vector<std::vector<std::string_view>> parts;
};

inline std::string join_rest(const std::vector<std::string>& arguments) {
  std::string rest;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    if (i > 1) rest += ' ';
    rest += arguments[i];
  }
  return rest;
}

// The lenient match of CaRB on tuples already made binary.
inline CarbMatch lenient_match(const BinaryTuple& gold, const BinaryTuple& system) {
  std::size_t p_num = 0, p_den = system.relation.size();
  std::size_t r_num = 0, r_den = gold.relation.size();
  std::vector<std::string_view> left = system.relation;
  std::size_t common = common_words(gold.relation, left);
  if (std::find(left.begin(), left.end(), std::string_view("be")) != left.end()) {
    static constexpr std::string_view kBe[] = {"be", "is", "am", "are", "was", "were", "been", "being"};
    for (std::string_view form : kBe) {
      if (std::find(gold.relation.begin(), gold.relation.end(), form) != gold.relation.end()) {
        ++common;
        break;
      }
    }
  }
  if (common == 0) return {};
  p_num += common;
  r_num += common;
  for (std::size_t i = 0; i < gold.parts.size(); ++i) {
    r_den += gold.parts[i].size();
    if (i >= system.parts.size()) return {};
    std::vector<std::string_view> sys = system.parts[i];
    p_den += sys.size();
    const std::size_t c = common_words(gold.parts[i], sys);
    p_num += c;
    r_num += c;
  }
  CarbMatch m;
  m.precision = p_den == 0 ? 0.0 : double(p_num) / double(p_den);
  m.recall = r_den == 0 ? 0.0 : double(r_num) / double(r_den);
  return m;
}

// Strings owning the joined "rest" part of each tuple, so that BinaryTuple can hold views.
struct Prepared {
  std::string rest;
  std::string swapped_first;  // for the swapped variant: the rest becomes arg1
  BinaryTuple straight;
  BinaryTuple swapped;  // parts (rest, arg1); only used for system tuples with >= 2 arguments
  bool said = false;    // gold relation of the reporting kind
};

inline void prepare(const OpenTuple& t, Prepared& p) {
  p.rest = join_rest(t.arguments);
  p.straight.relation = words(t.relation);
  p.straight.parts.clear();
  if (!t.arguments.empty()) p.straight.parts.push_back(words(t.arguments[0]));
  if (t.arguments.size() >= 2) p.straight.parts.push_back(words(p.rest));
  p.swapped.relation = p.straight.relation;
  p.swapped.parts.clear();
  if (t.arguments.size() >= 2) {
    p.swapped.parts.push_back(words(p.rest));
    p.swapped.parts.push_back(words(t.arguments[0]));
  }
  p.said = false;
  for (std::string_view verb : {"said", "told", "added", "adds", "says"})
    if (t.relation.find(verb) != std::string::npos) p.said = true;
}

inline CarbMatch match_prepared(const Prepared& gold, const Prepared& system,
                                std::size_t system_arguments) {
  const CarbMatch straight = lenient_match(gold.straight, system.straight);
  if (!gold.said || system_arguments < 2) return straight;
  const CarbMatch reverse = lenient_match(gold.straight, system.swapped);
  if (reverse.precision > straight.precision ||
      (reverse.precision == straight.precision && reverse.recall > straight.recall))
    return reverse;
  return straight;
}

inline double f1(double p, double r) noexcept { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace carb_detail

// The key by which CaRB pairs the sentences of two tuple sets: `text` without ASCII spaces, with
// the PTB bracket escapes (-LRB- -RRB- -LSB- -RSB- -LCB- -RCB-) undone and ASCII punctuation
// removed.
inline std::string carb_sentence_key(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    if (c != ' ') s += c;
  static constexpr std::pair<std::string_view, char> kEscapes[] = {
      {"-LRB-", '('}, {"-RRB-", ')'}, {"-LSB-", '['}, {"-RSB-", ']'}, {"-LCB-", '{'}, {"-RCB-", '}'}};
  for (const auto& [escape, bracket] : kEscapes) {
    std::size_t at = 0;
    while ((at = s.find(escape, at)) != std::string::npos) s.replace(at, escape.size(), 1, bracket);
  }
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool punct = (u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96) ||
                       (u >= 123 && u <= 126);
    if (!punct) out += c;
  }
  return out;
}

// The match of system tuple `system` against gold tuple `gold`, as described at the top.
// Thread-safe; never throws except std::bad_alloc.
inline CarbMatch carb_match(const OpenTuple& gold, const OpenTuple& system) {
  carb_detail::Prepared g, s;
  carb_detail::prepare(gold, g);
  carb_detail::prepare(system, s);
  return carb_detail::match_prepared(g, s, system.arguments.size());
}

// Reads CaRB gold tuples: one per line, "sentence<TAB>relation<TAB>arg1[<TAB>arg2...]", each
// field stripped of surrounding white space; blank lines are skipped. `name` is used in error
// messages. Throws Error(kFormat) naming `name` and the line for a line with fewer than two fields.
inline OpenTupleSet read_carb_gold(std::string_view text, std::string_view name) {
  OpenTupleSet set;
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = carb_detail::strip(text.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const auto fields = carb_detail::split_tabs(line);
    if (fields.size() < 2)
      throw Error(ErrorCode::kFormat, std::string(name) + ":" + std::to_string(line_no) +
                                          ": expected sentence<TAB>relation<TAB>arguments...");
    OpenTuple t;
    t.relation = std::string(carb_detail::strip(fields[1]));
    for (std::size_t i = 2; i < fields.size(); ++i)
      t.arguments.emplace_back(carb_detail::strip(fields[i]));
    set.add(carb_detail::strip(fields[0]), std::move(t));
  }
  return set;
}

// Reads system tuples in CaRB's tabbed format: one per line,
// "sentence<TAB>confidence<TAB>relation[<TAB>arg1...]" (the line stripped of surrounding white
// space); blank lines are skipped. Throws Error(kFormat) naming `name` and the line for a line
// with fewer than three fields or a confidence that is not a number.
inline OpenTupleSet read_carb_tabbed(std::string_view text, std::string_view name) {
  OpenTupleSet set;
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = carb_detail::strip(text.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const auto fields = carb_detail::split_tabs(line);
    const std::string where = std::string(name) + ":" + std::to_string(line_no) + ": ";
    if (fields.size() < 3)
      throw Error(ErrorCode::kFormat,
                  where + "expected sentence<TAB>confidence<TAB>relation<TAB>arguments...");
    const std::string number(carb_detail::strip(fields[1]));
    char* end = nullptr;
    const double confidence = std::strtod(number.c_str(), &end);
    if (number.empty() || end != number.c_str() + number.size() || confidence != confidence)
      throw Error(ErrorCode::kFormat, where + "confidence '" + std::string(fields[1]) + "' is not a number");
    OpenTuple t;
    t.relation = std::string(fields[2]);
    t.confidence = confidence;
    for (std::size_t i = 3; i < fields.size(); ++i) t.arguments.emplace_back(fields[i]);
    set.add(fields[0], std::move(t));
  }
  return set;
}

// One line of CaRB's tabbed format for `tuple` of sentence `text` (tabs and newlines inside the
// fields are replaced by spaces), ending in '\n'.
inline std::string carb_tabbed_line(std::string_view text, const OpenTuple& tuple) {
  const auto field = [](std::string& out, std::string_view s) {
    for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  };
  std::string out;
  field(out, text);
  char number[32];
  std::snprintf(number, sizeof number, "%.4f", tuple.confidence);
  out += '\t';
  out += number;
  out += '\t';
  field(out, tuple.relation);
  for (const std::string& a : tuple.arguments) {
    out += '\t';
    field(out, a);
  }
  out += '\n';
  return out;
}

// The relations of `doc` as CaRB tuples of the sentence `text` (the key the tuples are filed
// under, usually the input line; when empty, each relation's own sentence with its white space
// runs made single spaces): arg1 is the argument that comes first in the sentence's own
// order (the object of a passive relation, Relation::passive), then the other one, then the extra
// arguments; the relation is the predicate as the sentence words it; the confidence is the
// relation's. Argument texts have their white space runs replaced by one space.
inline void add_document_tuples(const Document& doc, std::string_view text, OpenTupleSet& out) {
  const auto words_of = [&](std::uint32_t begin, std::uint32_t end) {
    std::string s;
    for (std::string_view w : carb_detail::words(doc.text(begin, end))) {
      if (!s.empty()) s += ' ';
      s += w;
    }
    return s;
  };
  if (!text.empty()) out.add_sentence(text);
  for (const Relation& r : doc.relations()) {
    std::string own;
    if (text.empty() && r.sentence < doc.sentences().size()) {
      const Sentence& s = doc.sentences()[r.sentence];
      own = words_of(s.begin, s.end);
    }
    OpenTuple t;
    for (std::string_view w : carb_detail::words(r.predicate_text)) {
      if (!t.relation.empty()) t.relation += ' ';
      t.relation += w;
    }
    const Argument& first = r.passive ? r.object : r.subject;
    const Argument& second = r.passive ? r.subject : r.object;
    t.arguments.push_back(words_of(first.begin, first.end));
    t.arguments.push_back(words_of(second.begin, second.end));
    for (const Argument& a : r.arguments) t.arguments.push_back(words_of(a.begin, a.end));
    t.confidence = r.confidence;
    out.add(text.empty() ? std::string_view(own) : text, std::move(t));
  }
}

// Scores `system` against `gold` as described at the top. Thread-safe; never throws except
// std::bad_alloc.
inline CarbResult carb_score(const OpenTupleSet& gold, const OpenTupleSet& system) {
  using carb_detail::Prepared;
  CarbResult result;
  // Sentences by key; a later sentence with the same key replaces an earlier one, keeping its
  // position (as a Python dict built from the pairs would).
  const auto by_key = [](const OpenTupleSet& set) {
    std::vector<std::pair<std::string, const OpenSentence*>> order;
    std::unordered_map<std::string, std::size_t> index;
    for (const OpenSentence& s : set.sentences()) {
      std::string key = carb_sentence_key(s.text);
      auto [it, inserted] = index.try_emplace(key, order.size());
      if (inserted)
        order.emplace_back(std::move(key), &s);
      else
        order[it->second].second = &s;
    }
    return std::make_pair(std::move(order), std::move(index));
  };
  const auto [gold_order, gold_index] = by_key(gold);
  const auto [system_order, system_index] = by_key(system);

  std::vector<double> thresholds;
  for (const auto& [key, s] : system_order)
    for (const OpenTuple& t : s->tuples) thresholds.push_back(t.confidence);
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  const std::size_t n = thresholds.size();
  std::vector<double> p(n, 0.0), pl(n, 0.0), r(n, 0.0), rl(n, 0.0);

  for (const auto& [key, s] : system_order)
    if (!gold_index.count(key)) ++result.unmatched_sentences;

  std::vector<Prepared> gold_prep, system_prep;
  std::vector<std::vector<CarbMatch>> scores;
  for (const auto& [key, gs] : gold_order) {
    ++result.gold_sentences;
    result.gold_tuples += gs->tuples.size();
    const std::vector<OpenTuple> none;
    const auto found = system_index.find(key);
    const std::vector<OpenTuple>& predicted =
        found == system_index.end() ? none : system_order[found->second].second->tuples;
    result.system_tuples += predicted.size();
    const std::size_t rows = gs->tuples.size(), cols = predicted.size();
    gold_prep.resize(rows);
    system_prep.resize(cols);
    for (std::size_t i = 0; i < rows; ++i) carb_detail::prepare(gs->tuples[i], gold_prep[i]);
    for (std::size_t j = 0; j < cols; ++j) carb_detail::prepare(predicted[j], system_prep[j]);
    scores.assign(rows, std::vector<CarbMatch>(cols));
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j)
        scores[i][j] =
            carb_detail::match_prepared(gold_prep[i], system_prep[j], predicted[j].arguments.size());

    // The thresholds between two consecutive confidences of this sentence see the same tuples.
    std::vector<double> confidences;
    for (const OpenTuple& t : predicted) confidences.push_back(t.confidence);
    std::sort(confidences.begin(), confidences.end());
    confidences.erase(std::unique(confidences.begin(), confidences.end()), confidences.end());
    std::size_t from = 0;
    std::vector<std::size_t> passing;
    std::vector<char> row_used, col_used;
    for (double conf : confidences) {
      const auto c = static_cast<std::size_t>(
          std::lower_bound(thresholds.begin(), thresholds.end(), conf) - thresholds.begin());
      passing.clear();
      for (std::size_t j = 0; j < cols; ++j)
        if (predicted[j].confidence >= conf) passing.push_back(j);
      double recall_sum = 0.0;
      for (std::size_t i = 0; i < rows; ++i) {
        double best = 0.0;
        for (std::size_t j : passing) best = std::max(best, scores[i][j].recall);
        recall_sum += best;
      }
      // Greedy one-to-one pairing by highest precision.
      double precision_sum = 0.0;
      row_used.assign(rows, 0);
      col_used.assign(cols, 0);
      const std::size_t pairs = std::min(rows, passing.size());
      for (std::size_t k = 0; k < pairs; ++k) {
        double best = -1.0;
        std::size_t bi = 0, bj = 0;
        for (std::size_t i = 0; i < rows; ++i) {
          if (row_used[i]) continue;
          for (std::size_t j : passing) {
            if (col_used[j]) continue;
            if (scores[i][j].precision > best) {
              best = scores[i][j].precision;
              bi = i;
              bj = j;
            }
          }
        }
        row_used[bi] = 1;
        col_used[bj] = 1;
        precision_sum += best;
      }
      for (std::size_t k = from; k <= c; ++k) {
        p[k] += precision_sum;
        pl[k] += double(passing.size());
        r[k] += recall_sum;
        rl[k] += double(rows);
      }
      from = c + 1;
    }
    for (std::size_t k = from; k < n; ++k) rl[k] += double(rows);
  }

  result.curve.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    CarbPoint& pt = result.curve[k];
    pt.confidence = thresholds[k];
    pt.precision = pl[k] > 0 ? p[k] / pl[k] : 1.0;
    pt.recall = rl[k] > 0 ? r[k] / rl[k] : 0.0;
    pt.f1 = carb_detail::f1(pt.precision, pt.recall);
    if (k == 0 || pt.f1 > result.best.f1) result.best = pt;
  }
  if (n == 0) return result;
  // Trapezoids in threshold order (recall does not grow with the threshold), ending at (0, 1).
  std::vector<std::pair<double, double>> points;
  for (const CarbPoint& pt : result.curve) points.emplace_back(pt.recall, pt.precision);
  points.emplace_back(0.0, 1.0);
  bool non_increasing = true;
  for (std::size_t k = 1; k < points.size(); ++k)
    if (points[k].first > points[k - 1].first) non_increasing = false;
  if (!non_increasing)
    std::stable_sort(points.begin(), points.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
  double area = 0.0;
  for (std::size_t k = 1; k < points.size(); ++k)
    area += (points[k - 1].first - points[k].first) * (points[k - 1].second + points[k].second) / 2;
  result.auc = area;
  return result;
}

}  // namespace erx::eval
