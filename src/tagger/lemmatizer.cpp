// Implementation of tagger/lemmatizer.hpp.
#include "tagger/lemmatizer.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "ml/hash.hpp"
#include "tagger/word_form.hpp"

namespace erx::tagger {
namespace {

enum KeyKind : std::uint64_t { kExactKey = 1, kLowerKey = 2, kRuleKey = 3 };

std::uint64_t key(KeyKind kind, std::uint64_t xpos_hash, std::string_view s) {
  return ml::feature(kind, xpos_hash, ml::hash_string(s));
}

// A lemma edit: strip `strip` bytes from the end of the form, then append `append`.
struct Edit {
  std::size_t strip;
  std::string append;
  bool operator<(const Edit& o) const { return strip != o.strip ? strip < o.strip : append < o.append; }
  bool operator==(const Edit& o) const { return strip == o.strip && append == o.append; }
};

Edit edit_between(std::string_view form, std::string_view lemma) {
  std::size_t p = 0;
  while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
  // Back off to a code point boundary so that edits never split a character.
  while (p > 0 && p < form.size() && (static_cast<unsigned char>(form[p]) & 0xC0) == 0x80) --p;
  return {form.size() - p, std::string(lemma.substr(p))};
}

const std::string& majority(const std::map<std::string, std::size_t>& counts) {
  const std::string* best = nullptr;
  std::size_t n = 0;
  for (const auto& [lemma, c] : counts)
    if (c > n) {  // ties: the first in byte order (std::map order), deterministic
      best = &lemma;
      n = c;
    }
  return *best;
}

class StringTable {
 public:
  explicit StringTable(std::string& blob, std::vector<std::uint32_t>& offsets) : blob_(blob), offsets_(offsets) {
    offsets_.assign(1, 0);
  }
  std::uint32_t id(const std::string& s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(offsets_.size() - 1);
    blob_ += s;
    offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
    ids_.emplace(s, id);
    return id;
  }

 private:
  std::string& blob_;
  std::vector<std::uint32_t>& offsets_;
  std::unordered_map<std::string, std::uint32_t> ids_;
};

}  // namespace

void Lemmatizer::apply_rules(std::uint64_t xpos_hash, std::string_view base, std::string& out) const {
  const std::size_t n = std::min(code_points(base), kMaxSuffix);
  for (std::size_t len = n + 1; len-- > 0;) {
    const std::string_view suffix = base.substr(suffix_start(base, len));
    const std::uint32_t r = rules_.find(key(kRuleKey, xpos_hash, suffix));
    if (r == ml::HashIndex::kMissing) continue;
    const std::size_t strip = std::min<std::size_t>(rule_strip_[r], base.size());
    out.assign(base.substr(0, base.size() - strip));
    out += string_at(rule_append_[r]);
    if (out.empty()) out.assign(base);
    return;
  }
  out.assign(base);
}

void Lemmatizer::lemmatize(std::string_view form, std::string_view xpos, std::string& out, std::string& scratch) const {
  const std::uint64_t xh = ml::hash_string(xpos);
  std::uint32_t s = exact_.find(key(kExactKey, xh, form));
  if (s != ml::HashIndex::kMissing) {
    out.assign(string_at(s));
    return;
  }
  if (keep_case(xh)) {
    apply_rules(xh, form, out);
    return;
  }
  scratch.clear();
  append_lower(form, scratch);
  s = lower_.find(key(kLowerKey, xh, scratch));
  if (s != ml::HashIndex::kMissing) {
    out.assign(string_at(s));
    return;
  }
  apply_rules(xh, scratch, out);
}

Lemmatizer Lemmatizer::train(std::span<const Example> examples) {
  Lemmatizer lem;
  StringTable strings(lem.strings_, lem.string_offsets_);

  // 1. Which tags keep capitals: among capitalized forms, does the lemma start upper-case?
  std::map<std::string, std::pair<std::size_t, std::size_t>> caps;  // xpos -> (kept, lowered)
  for (const Example& e : examples) {
    const Case c = case_of(e.form);
    if (c != Case::kTitle && c != Case::kUpper) continue;
    auto& [kept, lowered] = caps[std::string(e.xpos)];
    if (case_of(e.lemma) == Case::kLower) ++lowered;
    else ++kept;
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keep;
  for (const auto& [xpos, kl] : caps)
    if (kl.first > kl.second) keep.emplace_back(ml::hash_string(xpos), 1);
  lem.keep_case_ = ml::HashIndex(keep);

  // 2. Majority lemma per (xpos, exact form) and per (xpos, base form).
  using Counts = std::map<std::string, std::size_t>;
  std::map<std::pair<std::string, std::string>, Counts> exact, base;  // (xpos, form) -> lemma counts
  std::string lower;
  for (const Example& e : examples) {
    if (e.lemma.empty() || e.lemma == "_" || e.xpos.empty()) continue;
    ++exact[{std::string(e.xpos), std::string(e.form)}][std::string(e.lemma)];
    lower.clear();
    if (lem.keep_case(ml::hash_string(e.xpos))) lower.assign(e.form);
    else append_lower(e.form, lower);
    ++base[{std::string(e.xpos), lower}][std::string(e.lemma)];
  }

  // 3. Suffix rules over base-form types: every suffix (up to kMaxSuffix code points) that
  //    contains the stripped part votes for the type's edit.
  std::map<std::pair<std::string, std::string>, std::map<Edit, std::size_t>> votes;  // (xpos, suffix)
  for (const auto& [k, counts] : base) {
    const auto& [xpos, form] = k;
    const Edit e = edit_between(form, majority(counts));
    const std::size_t n = std::min(code_points(form), kMaxSuffix);
    for (std::size_t len = 0; len <= n; ++len) {
      const std::size_t start = suffix_start(form, len);
      if (form.size() - start < e.strip) continue;
      ++votes[{xpos, form.substr(start)}][e];
    }
  }
  // Best edit per key; a key is kept if its support is >= 2 (or it is a bare tag, suffix "") and
  // its edit differs from what its shorter suffix resolves to.
  std::map<std::pair<std::string, std::string>, Edit> best;
  for (const auto& [k, edits] : votes) {
    const Edit* b = nullptr;
    std::size_t n = 0, total = 0;
    for (const auto& [e, c] : edits) {
      total += c;
      if (c > n) {
        b = &e;
        n = c;
      }
    }
    if (k.second.empty() || total >= 2) best.emplace(k, *b);
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rules;
  for (const auto& [k, e] : best) {
    const auto& [xpos, suffix] = k;
    if (!suffix.empty()) {
      // What a shorter suffix would give.
      const Edit* parent = nullptr;
      for (std::size_t len = code_points(suffix); len-- > 0 && parent == nullptr;) {
        auto it = best.find({xpos, suffix.substr(suffix_start(suffix, len))});
        if (it != best.end()) parent = &it->second;
      }
      if (parent != nullptr && *parent == e) continue;
    }
    const auto id = static_cast<std::uint32_t>(lem.rule_strip_.size());
    lem.rule_strip_.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(e.strip, 255)));
    lem.rule_append_.push_back(strings.id(e.append));
    rules.emplace_back(key(kRuleKey, ml::hash_string(xpos), suffix), id);
  }
  lem.rules_ = ml::HashIndex(rules);

  // 4. Exceptions: base forms the rules get wrong, then exact forms the rest gets wrong.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> lower_ex;
  std::string out;
  for (const auto& [k, counts] : base) {
    const auto& [xpos, form] = k;
    const std::uint64_t xh = ml::hash_string(xpos);
    if (lem.keep_case(xh)) continue;  // keep-case tags have no lower-case lexicon
    const std::string& gold = majority(counts);
    lem.apply_rules(xh, form, out);
    if (out != gold) lower_ex.emplace_back(key(kLowerKey, xh, form), strings.id(gold));
  }
  lem.lower_ = ml::HashIndex(lower_ex);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> exact_ex;
  std::string scratch;
  for (const auto& [k, counts] : exact) {
    const auto& [xpos, form] = k;
    const std::string& gold = majority(counts);
    lem.lemmatize(form, xpos, out, scratch);
    if (out != gold) exact_ex.emplace_back(key(kExactKey, ml::hash_string(xpos), form), strings.id(gold));
  }
  lem.exact_ = ml::HashIndex(exact_ex);
  return lem;
}

void Lemmatizer::write(ml::ByteWriter& out) const {
  keep_case_.write(out);
  exact_.write(out);
  lower_.write(out);
  rules_.write(out);
  out.array(rule_strip_);
  out.array(rule_append_);
  out.str(strings_);
  out.array(string_offsets_);
}

Lemmatizer Lemmatizer::read(ml::ByteReader& in) {
  Lemmatizer lem;
  lem.keep_case_ = ml::HashIndex::read(in);
  lem.exact_ = ml::HashIndex::read(in);
  lem.lower_ = ml::HashIndex::read(in);
  lem.rules_ = ml::HashIndex::read(in);
  lem.rule_strip_ = in.array<std::uint8_t>();
  lem.rule_append_ = in.array<std::uint32_t>();
  lem.strings_ = in.str();
  lem.string_offsets_ = in.array<std::uint32_t>();
  // Validate every id a lookup can return.
  const auto& off = lem.string_offsets_;
  in.check(!off.empty() && off.front() == 0 && off.back() == lem.strings_.size(), "lemmatizer: bad string table");
  for (std::size_t i = 1; i < off.size(); ++i) in.check(off[i - 1] <= off[i], "lemmatizer: bad string table");
  const std::size_t num_strings = off.size() - 1;
  in.check(lem.rule_strip_.size() == lem.rule_append_.size(), "lemmatizer: bad rule table");
  for (std::uint32_t a : lem.rule_append_) in.check(a < num_strings, "lemmatizer: string id out of range");
  lem.exact_.for_each_value([&](std::uint32_t v) { in.check(v < num_strings, "lemmatizer: string id out of range"); });
  lem.lower_.for_each_value([&](std::uint32_t v) { in.check(v < num_strings, "lemmatizer: string id out of range"); });
  lem.rules_.for_each_value([&](std::uint32_t v) { in.check(v < lem.rule_strip_.size(), "lemmatizer: rule id out of range"); });
  return lem;
}

}  // namespace erx::tagger
