// Implementation of parser/features.hpp.
//
// The template ids are part of the model format (they are hashed into every feature): append new
// templates at the end of the enum, never renumber.
#include "parser/features.hpp"

#include <algorithm>

#include "ml/hash.hpp"

namespace erx::parser {
namespace {

enum Template : std::uint64_t {
  // single words
  kS0wp = 1, kS0w, kS0p, kN0wp, kN0w, kN0p, kN1wp, kN1w, kN1p, kN2wp, kN2w, kN2p,
  kS1wp, kS1w, kS1p, kS2w, kS2p, kS0m, kN0m, kS1m, kN1m, kS0shape, kN0shape,
  // word pairs
  kS0wpN0wp, kS0wpN0w, kS0wN0wp, kS0wpN0p, kS0pN0wp, kS0wN0w, kS0pN0p, kN0pN1p,
  kS1wS0w, kS1wpS0p, kS1pS0wp, kS1pS0p, kS1mS0m, kS0mN0m, kS1pN0p, kS1wN0w, kS0uN0u, kS1uS0u,
  kN0wN1w, kN0wN1p, kN0pN1w,
  // three words
  kN0pN1pN2p, kS0pN0pN1p, kS1pS0pN0p, kS0pS0lpN0p, kS0pS0rpN0p, kS0pN0pN0lp, kS2pS1pS0p,
  kS1pS1rpS0p, kS1pS0pS0lp, kS1pS1lpS0p, kS1pS0pS0rp,
  // distance
  kS0wd, kS0pd, kN0wd, kN0pd, kS0wN0wd, kS0pN0pd, kS1wd2, kS1pd2, kS1pS0pd2, kS1wS0wd2,
  // valency
  kS0wvr, kS0pvr, kS0wvl, kS0pvl, kN0wvl, kN0pvl, kS1wvr, kS1pvr, kS1wvl, kS1pvl,
  // first-order dependents
  kS0lw, kS0lp, kS0ll, kS0rw, kS0rp, kS0rl, kN0lw, kN0lp, kN0ll, kS1lw, kS1lp, kS1ll, kS1rw,
  kS1rp, kS1rl,
  // second-order dependents
  kS0l2w, kS0l2p, kS0l2l, kS0r2w, kS0r2p, kS0r2l, kN0l2w, kN0l2p, kN0l2l, kS1r2p, kS1r2l,
  kS0pS0lpS0l2p, kS0pS0rpS0r2p, kN0pN0lpN0l2p, kS1pS1rpS1r2p,
  // label sets
  kS0wsr, kS0psr, kS0wsl, kS0psl, kN0wsl, kN0psl, kS1wsr, kS1psr, kS1psl,
  // dependents' labels with heads
  kS0pS0llS0rl, kS1pS1llS1rl, kN0pN0llN0l2l, kS0wS0rl, kS1wS1rl,
};

constexpr std::uint64_t distance_bucket(int d) noexcept {
  if (d <= 5) return static_cast<std::uint64_t>(d);
  return d <= 10 ? 6 : 7;
}
constexpr std::uint64_t cap(int v) noexcept { return static_cast<std::uint64_t>(std::min(v, 7)); }

bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

}  // namespace

void fill_attrs(const Document& doc, std::uint32_t first, std::uint32_t end, std::vector<WordAttrs>& attrs,
                std::string& lower) {
  const std::size_t n = end - first;
  attrs.resize(n + 2);
  static const WordAttrs kRoot = [] {
    const std::uint64_t h = ml::hash_string("<ROOT>");
    return WordAttrs{h, h, h, h, h};
  }();
  static const WordAttrs kNone = [] {
    const std::uint64_t h = ml::hash_string("<NONE>");
    return WordAttrs{h, h, h, h, h};
  }();
  attrs[0] = kRoot;
  attrs[n + 1] = kNone;
  const auto& tokens = doc.tokens();
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = tokens[first + i];
    const std::string_view form = doc.norm(t);
    lower.assign(form);
    for (char& c : lower)
      if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    WordAttrs& a = attrs[i + 1];
    a.word = ml::hash_string(lower);
    const std::string_view xpos = doc.xpos(t);
    const std::string_view upos = to_string(t.upos);
    a.upos = ml::hash_string(upos, 1);
    a.tag = xpos.empty() ? a.upos : ml::hash_string(xpos, 2);
    const std::string_view lemma = doc.lemma(t);
    a.lemma = lemma.empty() ? a.word : ml::hash_string(lemma, 3);
    // Shape: the last three bytes of the lower-cased form and whether the form starts with a capital.
    const std::string_view suffix = std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0);
    const bool capital = !form.empty() && is_ascii_upper(form.front());
    a.shape = ml::hash_string(suffix, capital ? 5 : 4);
  }
}

void extract_features(const State& st, const WordAttrs* a, ml::FeatureBuffer& out, ml::FeatureBuffer& act) {
  out.clear();
  act.clear();
  const auto add = [&out](auto... parts) { out.add(ml::feature(parts...)); };
  // Templates that also go to the per-action (label) scorer.
  const auto both = [&out, &act](auto... parts) {
    const std::uint64_t f = ml::feature(parts...);
    out.add(f);
    act.add(f);
  };

  const int s0 = st.stack(0), s1 = st.stack(1), s2 = st.stack(2);
  const int b0 = st.buffer(0), b1 = st.buffer(1), b2 = st.buffer(2);
  const int s0l = st.leftmost(s0), s0l2 = st.leftmost2(s0), s0r = st.rightmost(s0), s0r2 = st.rightmost2(s0);
  const int s1l = st.leftmost(s1), s1r = st.rightmost(s1), s1r2 = st.rightmost2(s1);
  const int b0l = st.leftmost(b0), b0l2 = st.leftmost2(b0);
  const auto lab = [&st](int x) { return static_cast<std::uint64_t>(st.label(x) + 1); };

  const WordAttrs& S0 = a[s0];
  const WordAttrs& S1 = a[s1];
  const WordAttrs& S2 = a[s2];
  const WordAttrs& N0 = a[b0];
  const WordAttrs& N1 = a[b1];
  const WordAttrs& N2 = a[b2];

  // single words
  both(kS0wp, S0.word, S0.tag);
  both(kS0w, S0.word);
  both(kS0p, S0.tag);
  both(kN0wp, N0.word, N0.tag);
  both(kN0w, N0.word);
  both(kN0p, N0.tag);
  both(kN1wp, N1.word, N1.tag);
  add(kN1w, N1.word);
  both(kN1p, N1.tag);
  add(kN2wp, N2.word, N2.tag);
  add(kN2w, N2.word);
  add(kN2p, N2.tag);
  both(kS1wp, S1.word, S1.tag);
  both(kS1w, S1.word);
  both(kS1p, S1.tag);
  add(kS2w, S2.word);
  add(kS2p, S2.tag);
  both(kS0m, S0.lemma);
  both(kN0m, N0.lemma);
  both(kS1m, S1.lemma);
  add(kN1m, N1.lemma);
  both(kS0shape, S0.shape, S0.tag);
  both(kN0shape, N0.shape, N0.tag);

  // word pairs
  add(kS0wpN0wp, S0.word, S0.tag, N0.word, N0.tag);
  add(kS0wpN0w, S0.word, S0.tag, N0.word);
  add(kS0wN0wp, S0.word, N0.word, N0.tag);
  both(kS0wpN0p, S0.word, S0.tag, N0.tag);
  both(kS0pN0wp, S0.tag, N0.word, N0.tag);
  both(kS0wN0w, S0.word, N0.word);
  both(kS0pN0p, S0.tag, N0.tag);
  add(kN0pN1p, N0.tag, N1.tag);
  both(kS1wS0w, S1.word, S0.word);
  both(kS1wpS0p, S1.word, S1.tag, S0.tag);
  both(kS1pS0wp, S1.tag, S0.word, S0.tag);
  both(kS1pS0p, S1.tag, S0.tag);
  both(kS1mS0m, S1.lemma, S0.lemma);
  both(kS0mN0m, S0.lemma, N0.lemma);
  add(kS1pN0p, S1.tag, N0.tag);
  add(kS1wN0w, S1.word, N0.word);
  both(kS0uN0u, S0.upos, N0.upos);
  both(kS1uS0u, S1.upos, S0.upos);
  add(kN0wN1w, N0.word, N1.word);
  add(kN0wN1p, N0.word, N1.tag);
  add(kN0pN1w, N0.tag, N1.word);

  // three words
  add(kN0pN1pN2p, N0.tag, N1.tag, N2.tag);
  both(kS0pN0pN1p, S0.tag, N0.tag, N1.tag);
  both(kS1pS0pN0p, S1.tag, S0.tag, N0.tag);
  add(kS0pS0lpN0p, S0.tag, a[s0l].tag, N0.tag);
  add(kS0pS0rpN0p, S0.tag, a[s0r].tag, N0.tag);
  add(kS0pN0pN0lp, S0.tag, N0.tag, a[b0l].tag);
  both(kS2pS1pS0p, S2.tag, S1.tag, S0.tag);
  add(kS1pS1rpS0p, S1.tag, a[s1r].tag, S0.tag);
  add(kS1pS0pS0lp, S1.tag, S0.tag, a[s0l].tag);
  add(kS1pS1lpS0p, S1.tag, a[s1l].tag, S0.tag);
  add(kS1pS0pS0rp, S1.tag, S0.tag, a[s0r].tag);

  // distance (0 when either end is absent or ROOT)
  const std::uint64_t d1 = (s0 > 0 && s0 <= st.size() && b0 <= st.size()) ? distance_bucket(b0 - s0) : 0;
  const std::uint64_t d2 = (s1 > 0 && s1 <= st.size()) ? distance_bucket(s0 - s1) : 0;
  add(kS0wd, S0.word, d1);
  both(kS0pd, S0.tag, d1);
  add(kN0wd, N0.word, d1);
  both(kN0pd, N0.tag, d1);
  add(kS0wN0wd, S0.word, N0.word, d1);
  both(kS0pN0pd, S0.tag, N0.tag, d1);
  add(kS1wd2, S1.word, d2);
  both(kS1pd2, S1.tag, d2);
  both(kS1pS0pd2, S1.tag, S0.tag, d2);
  add(kS1wS0wd2, S1.word, S0.word, d2);

  // valency
  add(kS0wvr, S0.word, cap(st.right_valency(s0)));
  both(kS0pvr, S0.tag, cap(st.right_valency(s0)));
  add(kS0wvl, S0.word, cap(st.left_valency(s0)));
  both(kS0pvl, S0.tag, cap(st.left_valency(s0)));
  add(kN0wvl, N0.word, cap(st.left_valency(b0)));
  both(kN0pvl, N0.tag, cap(st.left_valency(b0)));
  add(kS1wvr, S1.word, cap(st.right_valency(s1)));
  both(kS1pvr, S1.tag, cap(st.right_valency(s1)));
  add(kS1wvl, S1.word, cap(st.left_valency(s1)));
  add(kS1pvl, S1.tag, cap(st.left_valency(s1)));

  // first-order dependents
  add(kS0lw, a[s0l].word);
  both(kS0lp, a[s0l].tag);
  both(kS0ll, lab(s0l));
  add(kS0rw, a[s0r].word);
  both(kS0rp, a[s0r].tag);
  both(kS0rl, lab(s0r));
  add(kN0lw, a[b0l].word);
  both(kN0lp, a[b0l].tag);
  both(kN0ll, lab(b0l));
  add(kS1lw, a[s1l].word);
  add(kS1lp, a[s1l].tag);
  add(kS1ll, lab(s1l));
  add(kS1rw, a[s1r].word);
  both(kS1rp, a[s1r].tag);
  both(kS1rl, lab(s1r));

  // second-order dependents
  add(kS0l2w, a[s0l2].word);
  add(kS0l2p, a[s0l2].tag);
  both(kS0l2l, lab(s0l2));
  add(kS0r2w, a[s0r2].word);
  add(kS0r2p, a[s0r2].tag);
  both(kS0r2l, lab(s0r2));
  add(kN0l2w, a[b0l2].word);
  add(kN0l2p, a[b0l2].tag);
  add(kN0l2l, lab(b0l2));
  add(kS1r2p, a[s1r2].tag);
  add(kS1r2l, lab(s1r2));
  add(kS0pS0lpS0l2p, S0.tag, a[s0l].tag, a[s0l2].tag);
  add(kS0pS0rpS0r2p, S0.tag, a[s0r].tag, a[s0r2].tag);
  add(kN0pN0lpN0l2p, N0.tag, a[b0l].tag, a[b0l2].tag);
  add(kS1pS1rpS1r2p, S1.tag, a[s1r].tag, a[s1r2].tag);

  // label sets
  add(kS0wsr, S0.word, st.right_labels(s0));
  both(kS0psr, S0.tag, st.right_labels(s0));
  add(kS0wsl, S0.word, st.left_labels(s0));
  both(kS0psl, S0.tag, st.left_labels(s0));
  add(kN0wsl, N0.word, st.left_labels(b0));
  both(kN0psl, N0.tag, st.left_labels(b0));
  add(kS1wsr, S1.word, st.right_labels(s1));
  add(kS1psr, S1.tag, st.right_labels(s1));
  add(kS1psl, S1.tag, st.left_labels(s1));

  // dependents' labels with their heads
  both(kS0pS0llS0rl, S0.tag, lab(s0l), lab(s0r));
  add(kS1pS1llS1rl, S1.tag, lab(s1l), lab(s1r));
  both(kN0pN0llN0l2l, N0.tag, lab(b0l), lab(b0l2));
  add(kS0wS0rl, S0.word, lab(s0r));
  add(kS1wS1rl, S1.word, lab(s1r));
}

}  // namespace erx::parser
