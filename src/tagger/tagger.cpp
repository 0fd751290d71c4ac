// Implementation of erx/tagger.hpp: loading and tagging.
#include "erx/tagger.hpp"

#include <algorithm>
#include <bit>
#include <mutex>

#include "erx/error.hpp"
#include "ml/bytes.hpp"
#include "tagger/tagger_model.hpp"
#include "tagger/word_form.hpp"

namespace erx {

using tagger::Label;
using tagger::WordFeatures;

ModelFile Tagger::Impl::to_file() const {
  std::vector<std::string> names;
  for (const Label& l : labels) names.push_back(std::string(to_string(l.upos)) + "|" + l.xpos);
  ModelFile out(std::string(kStage), tagger::kPayloadVersion, std::move(names));
  ml::ByteWriter w;
  weights.write(w);
  out.add_section("weights", w.take());
  lexicon.ambiguity.write(w);
  lexicon.tagdict.write(w);
  out.add_section("lexicon", w.take());
  lemmatizer.write(w);
  out.add_section("lemmatizer", w.take());
  if (!lexicon.cluster_paths.empty()) {
    w.u32(static_cast<std::uint32_t>(lexicon.cluster_paths.size()));
    for (const std::string& p : lexicon.cluster_paths) w.str(p);
    lexicon.cluster_of.write(w);
    out.add_section("clusters", w.take());
  }
  return out;
}

std::shared_ptr<Tagger::Impl> Tagger::Impl::from_file(const ModelFile& file) {
  if (file.stage() != kStage)
    throw Error(ErrorCode::kModel, file.name() + ": is a '" + file.stage() + "' model, expected a 'tagger' model");
  file.require_stage_version(tagger::kPayloadVersion);
  auto impl = std::make_shared<Impl>(file);
  const std::string& name = file.name();
  if (file.labels().empty() || file.labels().size() > tagger::kMaxLabels)
    throw Error(ErrorCode::kModel, name + ": tagger model has " + std::to_string(file.labels().size()) + " labels");
  for (const std::string& l : file.labels()) {
    const std::size_t bar = l.find('|');
    Label label;
    if (bar != std::string::npos) {
      label.upos = upos_from_string(l.substr(0, bar));
      label.xpos = l.substr(bar + 1);
    }
    if (bar == std::string::npos || label.upos == Upos::kNone || label.xpos.empty())
      throw Error(ErrorCode::kModel, name + ": tagger label '" + l + "' is not of the form UPOS|XPOS");
    impl->labels.push_back(std::move(label));
  }
  {
    ml::ByteReader r(file.section("weights"), name + ": section 'weights'");
    impl->weights = ml::LinearModel::read(r);
    r.expect_end();
    r.check(impl->weights.num_classes() == impl->labels.size(), "class count differs from the label count");
  }
  {
    ml::ByteReader r(file.section("lexicon"), name + ": section 'lexicon'");
    impl->lexicon.ambiguity = ml::HashIndex::read(r);
    impl->lexicon.tagdict = ml::HashIndex::read(r);
    r.expect_end();
    impl->lexicon.tagdict.for_each_value(
        [&](std::uint32_t v) { r.check(v < impl->labels.size(), "tag dictionary label out of range"); });
  }
  {
    ml::ByteReader r(file.section("lemmatizer"), name + ": section 'lemmatizer'");
    impl->lemmatizer = tagger::Lemmatizer::read(r);
    r.expect_end();
  }
  if (file.has_section("clusters")) {
    ml::ByteReader r(file.section("clusters"), name + ": section 'clusters'");
    const std::uint32_t n = r.u32();
    r.check(n <= r.remaining() / 4, "cluster count larger than the data");
    impl->lexicon.cluster_paths.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string p = r.str();
      r.check(!p.empty() && p.find_first_not_of("01") == std::string::npos, "cluster path is not a bit string");
      impl->lexicon.cluster_paths.push_back(std::move(p));
    }
    impl->lexicon.cluster_of = ml::HashIndex::read(r);
    r.expect_end();
    impl->lexicon.cluster_of.for_each_value([&](std::uint32_t v) { r.check(v < n, "cluster index out of range"); });
    impl->lexicon.index_clusters();
  }
  return impl;
}

void Tagger::Impl::tag_sentence(Document& doc, std::uint32_t first, std::uint32_t end, Scratch& s) const {
  const std::size_t n = end - first;
  s.words.resize(n + 4);
  s.words[0] = s.words[1] = tagger::pad_before();
  s.words[n + 2] = s.words[n + 3] = tagger::pad_after();
  // The forms the tagger reads: Token::norm, or the text with typographic punctuation folded for
  // tokens that did not come through the tokenizer. Copied into one buffer, because store()
  // below may move the document's string pool.
  s.forms.clear();
  s.form_ends.resize(n);
  {
    const std::vector<Token>& tokens = doc.tokens();
    for (std::size_t i = 0; i < n; ++i) {
      const Token& t = tokens[first + i];
      if (t.norm.length == 0) {
        tagger::append_folded(doc.text(t), s.forms);
      } else {
        s.forms += doc.str(t.norm);
      }
      s.form_ends[i] = s.forms.size();
    }
    s.form_views.resize(n);
    s.form_hashes.resize(n);
    const std::size_t mask = s.word_cache.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t b = i == 0 ? 0 : s.form_ends[i - 1];
      const std::string_view form = std::string_view(s.forms).substr(b, s.form_ends[i] - b);
      const std::string_view raw = doc.text(tokens[first + i]);
      s.form_views[i] = form;
      const std::uint64_t h = ml::hash_string(form);
      s.form_hashes[i] = h;
      // Only tokens whose raw text is their form are cached (the raw text is a feature too).
      Scratch::CachedWord& c = s.word_cache[h & mask];
      if (raw == form && c.key == h && h != 0) {
        s.words[i + 2] = c.features;
        continue;
      }
      tagger::word_features(form, raw, lexicon, s.text, s.words[i + 2]);
      if (raw == form) c = {h, s.words[i + 2]};
    }
    tagger::mark_headline(s.words.data() + 2, n, s.form_views.data());
  }
  const WordFeatures* words = s.words.data() + 2;
  const std::span<float> scores(s.scores);
  int prev1 = tagger::kStartLabel, prev2 = tagger::kStartLabel;
  for (std::size_t i = 0; i < n; ++i) {
    int label = words[i].dict_label;
    if (label < 0) {
      tagger::extract(words, i, prev1, prev2, s.features);
      weights.score(s.features.view(), scores);
      label = ml::argmax(scores.first(labels.size()));
    }
    prev2 = prev1;
    prev1 = label;
    const Label& l = labels[static_cast<std::size_t>(label)];
    StrRef& xref = s.xpos_refs[static_cast<std::size_t>(label)];
    if (xref.length == 0) xref = doc.store(l.xpos);
    const std::uint64_t key = ml::combine(s.form_hashes[i], static_cast<std::uint64_t>(label));
    Scratch::CachedLemma& c = s.lemma_cache[key & (s.lemma_cache.size() - 1)];
    if (c.key != key || key == 0) {
      lemmatizer.lemmatize(s.form_views[i], l.xpos, s.lemma, s.lemma_scratch);
      c = {key, doc.store(s.lemma)};
    }
    const StrRef lemma = c.lemma;
    Token& mt = doc.mutable_tokens()[first + i];
    mt.upos = l.upos;
    mt.xpos = xref;
    mt.lemma = lemma;
  }
}

void Tagger::Impl::tag(Document& doc) const {
  Scratch s;
  s.scores.assign(labels.size(), 0.0f);
  s.xpos_refs.assign(labels.size(), StrRef{});
  const auto num_tokens = static_cast<std::uint32_t>(doc.tokens().size());
  const std::size_t cache = std::bit_ceil(std::clamp<std::size_t>(num_tokens / 2, 16, kCacheSize));
  s.word_cache.resize(cache);
  s.lemma_cache.resize(cache);
  if (doc.sentences().empty()) {
    if (num_tokens > 0) tag_sentence(doc, 0, num_tokens, s);
    return;
  }
  std::uint32_t covered = 0;
  for (std::size_t k = 0; k < doc.sentences().size(); ++k) {
    const Sentence sent = doc.sentences()[k];
    const std::uint32_t b = std::min(sent.first_token, num_tokens);
    const std::uint32_t e = std::min(sent.end_token, num_tokens);
    if (b > covered) tag_sentence(doc, covered, b, s);  // tokens outside any sentence
    if (e > b) tag_sentence(doc, b, e, s);
    covered = std::max(covered, e);
  }
  if (covered < num_tokens) tag_sentence(doc, covered, num_tokens, s);
}

Tagger::Tagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Tagger Tagger::load(const ModelFile& model) { return Tagger(Impl::from_file(model)); }

Tagger Tagger::english() {
  static const std::shared_ptr<const Impl> impl = Impl::from_file(ModelBundle::english().get(kStage));
  return Tagger(impl);
}

void Tagger::tag(Document& doc) const { impl_->tag(doc); }

const ModelFile& Tagger::model() const noexcept { return impl_->file; }

TaggerScores Tagger::evaluate(const Document& gold) const {
  Document doc = gold;
  tag(doc);
  if (doc.tokens().size() != gold.tokens().size())
    throw Error(ErrorCode::kInvalidArgument, "tagger evaluation: token counts differ");
  TaggerScores s;
  for (std::size_t i = 0; i < gold.tokens().size(); ++i) {
    const Token& g = gold.tokens()[i];
    const Token& p = doc.tokens()[i];
    ++s.tokens;
    const bool u = g.upos == p.upos;
    const bool x = gold.xpos(g) == doc.xpos(p);
    s.upos += u;
    s.xpos += x;
    s.all_tags += u && x;
    s.lemma += gold.lemma(g) == doc.lemma(p);
  }
  return s;
}

}  // namespace erx
