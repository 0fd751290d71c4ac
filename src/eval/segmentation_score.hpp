// eval/segmentation_score.hpp — token, word and sentence scores as the CoNLL 2018 shared task
// evaluation script (conll18_ud_eval.py) defines them (internal, header-only so that tests and
// tools can use it with a static or a shared erx).
//
// Both sides are reduced to spans over the text with all white space removed (offsets in code
// points), so a system that tokenizes raw text can be compared with gold CoNLL-U:
//   - tokens: surface tokens (a multi-word token line counts once); correct = same span;
//   - words: syntactic words; outside multi-word tokens correct = same span, inside them words
//     are aligned by the longest common subsequence of their lower-cased forms;
//   - sentences: correct = same span.
//
//   auto gold = erx::conllu::read_file("en_ewt-ud-dev.conllu");
//   erx::Document doc = tokenizer.tokenize(erx::conllu::raw_text(gold));
//   erx::eval::SegmentationScores s = erx::eval::score(erx::eval::from_conllu(gold),
//                                                      erx::eval::from_document(doc));
#pragma once

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "erx/conllu.hpp"
#include "erx/document.hpp"
#include "erx/error.hpp"

namespace erx::eval {

// Counts of one kind of unit.
struct Score {
  std::size_t gold = 0;     // units in the gold data
  std::size_t system = 0;   // units the system produced
  std::size_t correct = 0;  // system units that match a gold unit
  [[nodiscard]] double precision() const noexcept { return system ? double(correct) / double(system) : 0.0; }
  [[nodiscard]] double recall() const noexcept { return gold ? double(correct) / double(gold) : 0.0; }
  [[nodiscard]] double f1() const noexcept {
    return gold + system ? 2.0 * double(correct) / double(gold + system) : 0.0;
  }
};

struct SegmentationScores {
  Score tokens;
  Score words;
  Score sentences;
};

// A half-open span of code points in the white-space-free text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct SegWord {
  Span span;            // the word's span, or its multi-word token's span
  bool multiword = false;
  std::string form;     // lower-cased (ASCII) form, for the LCS alignment
};

// One side of the comparison.
struct Segmentation {
  std::string characters;  // the white-space-free text (UTF-8), must match between sides
  std::vector<Span> tokens;
  std::vector<SegWord> words;
  std::vector<Span> sentences;
};

namespace detail {

// True for the characters the CoNLL 2018 script removes (Unicode Zs) and the line breaks and
// tabs that separate tokens in raw text.
inline bool is_white(char32_t cp) noexcept {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f': case 0x85: case 0xA0:
    case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0x2028: case 0x2029:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Appends the non-white characters of `s` to `out`; returns how many code points were added.
inline std::size_t append_visible(std::string& out, std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8::sequence_length(s, i);
    if (n == 0) {
      out.push_back(s[i]);
      ++count;
      ++i;
      continue;
    }
    if (!is_white(utf8::decode(s, i, n))) {
      out.append(s.data() + i, n);
      ++count;
    }
    i += n;
  }
  return count;
}

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

inline int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

inline std::size_t spans_correct(const std::vector<Span>& gold, const std::vector<Span>& system) {
  std::size_t correct = 0, gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].begin < gold[gi].begin) {
      ++si;
    } else if (gold[gi].begin < system[si].begin) {
      ++gi;
    } else {
      correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return correct;
}

inline bool beyond_end(const std::vector<SegWord>& w, std::size_t i, std::size_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].span.begin >= end;
  return w[i].span.end > end;
}

inline std::size_t extend_end(const SegWord& w, std::size_t end) {
  return (w.multiword && w.span.end > end) ? w.span.end : end;
}

// Word alignment of conll18_ud_eval.py (align_words): spans outside multi-word tokens, LCS of
// lower-cased forms inside the smallest region that covers overlapping multi-word tokens.
// When `pairs` is not null, the aligned (gold index, system index) pairs are appended to it.
inline std::size_t words_aligned(const std::vector<SegWord>& gold, const std::vector<SegWord>& sys,
                                 std::vector<std::pair<std::size_t, std::size_t>>* pairs = nullptr) {
  std::size_t aligned = 0, gi = 0, si = 0;
  std::vector<std::size_t> lcs;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      std::size_t end;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!sys[si].multiword && sys[si].span.begin < gold[gi].span.begin) ++si;
      } else {
        end = sys[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.begin < sys[si].span.begin) ++gi;
      }
      const std::size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].span.begin <= sys[si].span.begin)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(sys[si], end);
          ++si;
        }
      }
      const std::size_t ng = gi - gs, ns = si - ss;
      if (ng == 0 || ns == 0) continue;
      lcs.assign(ng * ns, 0);
      auto at = [&](std::size_t g, std::size_t s) -> std::size_t& { return lcs[g * ns + s]; };
      for (std::size_t g = ng; g-- > 0;) {
        for (std::size_t s = ns; s-- > 0;) {
          std::size_t v = 0;
          if (gold[gs + g].form == sys[ss + s].form) v = 1 + (g + 1 < ng && s + 1 < ns ? at(g + 1, s + 1) : 0);
          if (g + 1 < ng) v = std::max(v, at(g + 1, s));
          if (s + 1 < ns) v = std::max(v, at(g, s + 1));
          at(g, s) = v;
        }
      }
      std::size_t g = 0, s = 0;
      while (g < ng && s < ns) {
        if (gold[gs + g].form == sys[ss + s].form) {
          ++aligned;
          if (pairs) pairs->emplace_back(gs + g, ss + s);
          ++g;
          ++s;
        } else if (at(g, s) == (g + 1 < ng ? at(g + 1, s) : 0)) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].span.begin == sys[si].span.begin && gold[gi].span.end == sys[si].span.end) {
      ++aligned;
      if (pairs) pairs->emplace_back(gi, si);
      ++gi;
      ++si;
    } else if (gold[gi].span.begin <= sys[si].span.begin) {
      ++gi;
    } else {
      ++si;
    }
  }
  return aligned;
}

}  // namespace detail

// The gold side: surface tokens, words and sentences of CoNLL-U sentences (empty nodes skipped,
// white space removed from forms as conll18_ud_eval.py does).
inline Segmentation from_conllu(std::span<const conllu::Sentence> sentences) {
  Segmentation out;
  std::size_t index = 0;
  for (const conllu::Sentence& s : sentences) {
    const std::size_t sentence_begin = index;
    int mwt_last = 0;
    Span mwt_span;
    for (const conllu::Word& w : s.lines) {
      if (w.is_empty_node()) continue;
      if (w.is_multiword()) {
        const std::size_t begin = index;
        index += detail::append_visible(out.characters, w.form);
        mwt_span = {begin, index};
        out.tokens.push_back(mwt_span);
        mwt_last = detail::to_int(std::string_view(w.id).substr(w.id.find('-') + 1));
        continue;
      }
      if (detail::to_int(w.id) <= mwt_last) {
        out.words.push_back({mwt_span, true, detail::lower_ascii(w.form)});
        continue;
      }
      const std::size_t begin = index;
      index += detail::append_visible(out.characters, w.form);
      out.tokens.push_back({begin, index});
      out.words.push_back({{begin, index}, false, detail::lower_ascii(w.form)});
    }
    if (index > sentence_begin) out.sentences.push_back({sentence_begin, index});
  }
  return out;
}

// The system side: a tokenized Document. Tokens joined by Token::fused_with_next form one
// multi-word surface token.
inline Segmentation from_document(const Document& doc) {
  Segmentation out;
  const auto& tokens = doc.tokens();
  std::vector<Span> spans(tokens.size());
  std::size_t index = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t begin = index;
    index += detail::append_visible(out.characters, doc.text(tokens[i]));
    spans[i] = {begin, index};
  }
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t j = i;
    while (j + 1 < tokens.size() && tokens[j].fused_with_next) ++j;
    const Span surface{spans[i].begin, spans[j].end};
    out.tokens.push_back(surface);
    for (std::size_t k = i; k <= j; ++k)
      out.words.push_back({j > i ? surface : spans[k], j > i, detail::lower_ascii(doc.text(tokens[k]))});
    i = j + 1;
  }
  for (const Sentence& s : doc.sentences()) {
    if (s.end_token <= s.first_token) continue;
    out.sentences.push_back({spans[s.first_token].begin, spans[s.end_token - 1].end});
  }
  return out;
}

// Scores `system` against `gold`. Throws Error(kInvalidArgument) naming the first differing
// character when the two white-space-free texts differ (the script's precondition).
inline SegmentationScores score(const Segmentation& gold, const Segmentation& system) {
  if (gold.characters != system.characters) {
    std::size_t i = 0;
    while (i < gold.characters.size() && i < system.characters.size() &&
           gold.characters[i] == system.characters[i])
      ++i;
    throw Error(ErrorCode::kInvalidArgument,
                "the gold and system texts differ at byte " + std::to_string(i) +
                    " of the text without white space: gold \"" +
                    gold.characters.substr(i > 20 ? i - 20 : 0, 40) + "\", system \"" +
                    system.characters.substr(i > 20 ? i - 20 : 0, 40) + "\"");
  }
  SegmentationScores out;
  out.tokens = {gold.tokens.size(), system.tokens.size(), detail::spans_correct(gold.tokens, system.tokens)};
  out.sentences = {gold.sentences.size(), system.sentences.size(),
                   detail::spans_correct(gold.sentences, system.sentences)};
  out.words = {gold.words.size(), system.words.size(), detail::words_aligned(gold.words, system.words)};
  return out;
}

}  // namespace erx::eval
