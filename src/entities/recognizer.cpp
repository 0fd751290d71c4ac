// erx::EntityRecognizer: the two-pass BILOU model, the patterns and the user rules, merged.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <ostream>
#include <sstream>

#include "entities/consistency.hpp"
#include "entities/features.hpp"
#include "entities/lexicons.hpp"
#include "entities/mention_fixes.hpp"
#include "entities/patterns.hpp"
#include "entities/sequence_model.hpp"
#include "entities/tag_utils.hpp"
#include "entities/type_refiner.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/tokenizer.hpp"
#include "ml/bytes.hpp"

namespace erx {
namespace {

constexpr std::string_view kStage = "entities";
constexpr std::uint32_t kPayloadVersion = 1;

// The loaded statistical model: labels, lexicons and the two passes.
struct NerModel {
  entities::BilouLabels labels;
  entities::Gazetteer gazetteer;
  entities::ClusterTable clusters;
  bool use_pos = false;
  bool lower_sentences = false;  // shapes of sentences without capitals kept apart (model flag 4)
  bool two_pass = false;
  ml::LinearModel pass1, pass2;
  std::vector<float> trans1, trans2;
  std::unique_ptr<entities::TypeRefiner> refiner;
  int person_type = -1;  // id of PER (or PERSON) among the labels' types, -1 if none

  void finish() {
    const std::vector<std::string> types = labels.types();
    for (std::size_t t = 0; t < types.size(); ++t)
      if (types[t] == "PER" || types[t] == "PERSON") person_type = static_cast<int>(t);
    trans1 = entities::transition_matrix(pass1, labels.size());
    if (two_pass) trans2 = entities::transition_matrix(pass2, labels.size());
    refiner = std::make_unique<entities::TypeRefiner>(&gazetteer);
  }
};

std::shared_ptr<const NerModel> read_model(const ModelFile& file) {
  if (file.stage() != kStage)
    throw Error(ErrorCode::kModel, fmt::format("{}: a model of stage '{}', expected '{}'", file.name(), file.stage(), kStage));
  file.require_stage_version(kPayloadVersion);
  auto m = std::make_shared<NerModel>();
  {
    ml::ByteReader r(file.section("meta"), file.name() + ": section 'meta'");
    std::uint32_t flags = r.u32();
    m->use_pos = (flags & 1) != 0;
    m->two_pass = (flags & 2) != 0;
    m->lower_sentences = (flags & 4) != 0;
    std::uint32_t ntypes = r.u32();
    r.check(ntypes > 0 && ntypes < 1000, "bad number of entity types");
    std::vector<std::string> types;
    for (std::uint32_t i = 0; i < ntypes; ++i) types.push_back(r.str());
    r.expect_end();
    m->labels = entities::BilouLabels(std::move(types));
  }
  {
    ml::ByteReader r(file.section("pass1"), file.name() + ": section 'pass1'");
    m->pass1 = ml::LinearModel::read(r);
    r.expect_end();
    r.check(m->pass1.num_classes() == static_cast<std::size_t>(m->labels.size()), "pass1 class count differs from the labels");
  }
  if (m->two_pass) {
    ml::ByteReader r(file.section("pass2"), file.name() + ": section 'pass2'");
    m->pass2 = ml::LinearModel::read(r);
    r.expect_end();
    r.check(m->pass2.num_classes() == static_cast<std::size_t>(m->labels.size()), "pass2 class count differs from the labels");
  }
  {
    ml::ByteReader r(file.section("gazetteers"), file.name() + ": section 'gazetteers'");
    m->gazetteer = entities::Gazetteer::read(r);
    r.expect_end();
  }
  {
    ml::ByteReader r(file.section("clusters"), file.name() + ": section 'clusters'");
    m->clusters = entities::ClusterTable::read(r);
    r.expect_end();
  }
  m->finish();
  return m;
}

// A document's tokens as the feature extractor reads them.
entities::NerInput input_of(const Document& doc, bool want_pos) {
  entities::NerInput in;
  in.words.reserve(doc.tokens().size());
  bool tagged = want_pos && !doc.tokens().empty() && !doc.xpos(doc.tokens().front()).empty();
  for (const Token& t : doc.tokens()) {
    in.words.push_back(doc.norm(t));
    if (tagged) in.pos.push_back(doc.xpos(t));
  }
  if (doc.sentences().empty()) {
    in.sentences.emplace_back(0, static_cast<std::uint32_t>(doc.tokens().size()));
  } else {
    for (const Sentence& s : doc.sentences()) in.sentences.emplace_back(s.first_token, s.end_token);
  }
  return in;
}

entities::NerInput input_of(const LabeledDocument& doc, bool want_pos) {
  entities::NerInput in;
  bool tagged = want_pos;
  for (const LabeledSentence& s : doc.sentences) tagged = tagged && s.pos.size() == s.words.size();
  for (const LabeledSentence& s : doc.sentences) {
    auto first = static_cast<std::uint32_t>(in.words.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      in.words.push_back(s.words[i]);
      if (tagged) in.pos.push_back(s.pos[i]);
    }
    in.sentences.emplace_back(first, static_cast<std::uint32_t>(in.words.size()));
  }
  return in;
}

// Runs both passes; returns BILOU labels per token and local margins.
void run_model(const NerModel& m, const entities::NerInput& in, bool two_pass, std::vector<int>& labels,
               std::vector<float>& margins) {
  entities::FeatureExtractor fx(&m.gazetteer, &m.clusters, m.use_pos, m.lower_sentences);
  entities::PassDoc doc;
  std::vector<std::uint64_t> lower_hashes;
  fx.local(in, doc.features, lower_hashes);
  doc.sentences = in.sentences;
  entities::decode(m.pass1, m.trans1, m.labels, doc, labels, &margins);
  if (!two_pass || !m.two_pass) return;
  std::vector<int> types(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    int t = entities::BilouLabels::type_of(labels[i]);
    types[i] = t < 0 ? m.labels.num_types() : t;
  }
  entities::DocFeatures nonlocal;
  entities::FeatureExtractor::nonlocal(in, lower_hashes, types, labels, m.labels.num_types(), nonlocal);
  // Pass 2 sees the local and the non-local features of each token.
  entities::decode(m.pass2, m.trans2, m.labels, doc, labels, &margins, &nonlocal);
}

using Span = entities::ModelSpan;

std::vector<Span> spans_of(const std::vector<int>& labels, const std::vector<float>& margins) {
  std::vector<Span> out;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    int p = entities::BilouLabels::position_of(labels[i]);
    if (p == 0) start = i;
    if (p == 2 || p == 3) {
      std::uint32_t b = p == 3 ? i : start;
      float m = 0;
      for (std::uint32_t k = b; k <= i; ++k) m += margins[k];
      m /= static_cast<float>(i + 1 - b);
      // A squashed margin: 0.5 at a tie, approaching 1 as the model grows sure.
      float conf = 1.0f / (1.0f + std::exp(-m / 4.0f));
      out.push_back({b, i + 1, entities::BilouLabels::type_of(labels[i]), conf});
    }
  }
  return out;
}

// Gold BILOU labels of a sentence's tags.
void gold_labels(const LabeledSentence& s, const entities::BilouLabels& bilou, std::size_t sentence_no,
                 std::vector<int>& out) {
  std::size_t base = out.size();
  out.resize(base + s.words.size(), 0);
  if (s.tags.size() != s.words.size())
    throw Error(ErrorCode::kFormat, fmt::format("sentence {}: {} tags for {} words", sentence_no, s.tags.size(),
                                                s.words.size()));
  for (std::size_t i = 0; i < s.tags.size(); ++i)
    if (!ner::looks_like_tag(s.tags[i]))
      throw Error(ErrorCode::kFormat, fmt::format("sentence {}, word {}: bad tag '{}'", sentence_no, i + 1, s.tags[i]));
  for (const ner::TagSpan& span : ner::spans_from_tags(s.tags)) {
    auto it = std::find(bilou.types().begin(), bilou.types().end(), span.type);
    int t = static_cast<int>(it - bilou.types().begin());
    if (span.end - span.first == 1) {
      out[base + span.first] = entities::BilouLabels::label(t, 3);
    } else {
      out[base + span.first] = entities::BilouLabels::label(t, 0);
      for (std::uint32_t k = span.first + 1; k + 1 < span.end; ++k) out[base + k] = entities::BilouLabels::label(t, 1);
      out[base + span.end - 1] = entities::BilouLabels::label(t, 2);
    }
  }
}

// The sentence re-tokenized with erx's Tokenizer (entity spans and POS carried over); false if
// the tokenizer keeps every word whole.
bool retokenize(const LabeledSentence& in, const Tokenizer& tokenizer, LabeledSentence& out) {
  out = LabeledSentence{};
  std::vector<std::uint32_t> start(in.words.size() + 1, 0);
  bool changed = false;
  for (std::size_t i = 0; i < in.words.size(); ++i) {
    start[i] = static_cast<std::uint32_t>(out.words.size());
    Document d = tokenizer.tokenize(in.words[i]);
    std::vector<std::string> pieces;
    for (const Token& t : d.tokens()) pieces.emplace_back(d.norm(t));
    if (pieces.size() <= 1) pieces = {in.words[i]};
    else changed = true;
    for (const std::string& p : pieces) {
      out.words.push_back(p);
      if (in.pos.size() == in.words.size()) out.pos.push_back(p == "-" && pieces.size() > 1 ? "HYPH" : in.pos[i]);
    }
  }
  start[in.words.size()] = static_cast<std::uint32_t>(out.words.size());
  if (!changed) return false;
  if (!in.tags.empty()) {
    std::vector<ner::TagSpan> spans = ner::spans_from_tags(in.tags);
    for (ner::TagSpan& s : spans) {
      s.first = start[s.first];
      s.end = start[s.end];
    }
    out.tags = ner::tags_from_spans(out.words.size(), spans, ner::TagScheme::kIob2);
  }
  return true;
}

void append_doc(entities::PassDoc& into, const entities::DocFeatures& a, const entities::DocFeatures& b) {
  into.features.clear();
  into.features.feats.reserve(a.feats.size() + b.feats.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    into.features.feats.insert(into.features.feats.end(), a.begin(i), a.begin(i) + a.count(i));
    into.features.feats.insert(into.features.feats.end(), b.begin(i), b.begin(i) + b.count(i));
    into.features.offsets.push_back(static_cast<std::uint32_t>(into.features.feats.size()));
  }
}

}  // namespace

struct EntityRecognizer::Impl {
  EntityRecognizerOptions options;
  std::shared_ptr<const NerModel> model;
  EntityRuler rules;
};

EntityRecognizer::EntityRecognizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

EntityRecognizer EntityRecognizer::english(EntityRecognizerOptions options) {
  static std::once_flag once;
  static std::shared_ptr<const NerModel> model;
  static std::string error;
  std::call_once(once, [] {
    try {
      ModelBundle bundle = ModelBundle::english();
      if (bundle.has(kStage)) model = read_model(bundle.get(kStage));
      else error = "the built-in English bundle has no entity model (stage 'entities')";
    } catch (const Error& e) {
      error = e.what();
    }
  });
  if (!model) throw Error(ErrorCode::kModel, error);
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->model = model;
  return EntityRecognizer(std::move(impl));
}

EntityRecognizer EntityRecognizer::load(const std::string& path, EntityRecognizerOptions options) {
  return from_model(ModelFile::load(path, kStage), options);
}

EntityRecognizer EntityRecognizer::from_model(const ModelFile& model, EntityRecognizerOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->model = read_model(model);
  return EntityRecognizer(std::move(impl));
}

EntityRecognizer EntityRecognizer::rules_only(EntityRecognizerOptions options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  return EntityRecognizer(std::move(impl));
}

ModelFile EntityRecognizer::to_model() const {
  if (!impl_->model) throw Error(ErrorCode::kInvalidArgument, "to_model: this recognizer has no statistical model");
  const NerModel& m = *impl_->model;
  std::vector<std::string> label_names;
  for (int l = 0; l < m.labels.size(); ++l) label_names.push_back(m.labels.name(l));
  ModelFile file(std::string(kStage), kPayloadVersion, label_names);
  {
    ml::ByteWriter w;
    w.u32((m.use_pos ? 1u : 0u) | (m.two_pass ? 2u : 0u) | (m.lower_sentences ? 4u : 0u));
    w.u32(static_cast<std::uint32_t>(m.labels.num_types()));
    for (const std::string& t : m.labels.types()) w.str(t);
    file.add_section("meta", w.take());
  }
  {
    ml::ByteWriter w;
    m.pass1.write(w);
    file.add_section("pass1", w.take());
  }
  if (m.two_pass) {
    ml::ByteWriter w;
    m.pass2.write(w);
    file.add_section("pass2", w.take());
  }
  {
    ml::ByteWriter w;
    m.gazetteer.write(w);
    file.add_section("gazetteers", w.take());
  }
  {
    ml::ByteWriter w;
    m.clusters.write(w);
    file.add_section("clusters", w.take());
  }
  return file;
}

EntityRecognizer EntityRecognizer::with_rules(EntityRuler rules) const {
  auto impl = std::make_shared<Impl>(Impl{impl_->options, impl_->model, std::move(rules)});
  return EntityRecognizer(std::move(impl));
}

EntityRecognizer EntityRecognizer::with_options(EntityRecognizerOptions options) const {
  auto impl = std::make_shared<Impl>(Impl{options, impl_->model, impl_->rules});
  return EntityRecognizer(std::move(impl));
}

const EntityRecognizerOptions& EntityRecognizer::options() const noexcept { return impl_->options; }
const EntityRuler& EntityRecognizer::rules() const noexcept { return impl_->rules; }
bool EntityRecognizer::has_model() const noexcept { return impl_->model != nullptr; }
std::vector<std::string> EntityRecognizer::model_types() const {
  return impl_->model ? impl_->model->labels.types() : std::vector<std::string>{};
}

void EntityRecognizer::recognize(Document& doc) const {
  const Impl& im = *impl_;
  const EntityRecognizerOptions& opt = im.options;
  std::vector<Mention> model_mentions;
  if (opt.model && im.model && !doc.tokens().empty()) {
    const NerModel& m = *im.model;
    entities::NerInput in = input_of(doc, m.use_pos);
    std::vector<int> labels;
    std::vector<float> margins;
    run_model(m, in, opt.two_pass, labels, margins);
    std::vector<Span> spans = spans_of(labels, margins);
    entities::make_consistent(spans, in, m.person_type, m.refiner.get());
    for (const Span& s : spans) {
      Mention mention;
      mention.first_token = s.first;
      mention.end_token = s.end;
      mention.begin = doc.tokens()[s.first].begin;
      mention.end = doc.tokens()[s.end - 1].end;
      mention.confidence = s.confidence;
      mention.source = MentionSource::kModel;
      const std::string& type = m.labels.types()[static_cast<std::size_t>(s.type)];
      if (opt.refine_types) {
        std::vector<std::string_view> words(in.words.begin() + s.first, in.words.begin() + s.end);
        // "US - based Nvidia", "Seattle - born": the name is the part before the hyphen.
        static constexpr std::string_view kSuffixes[] = {"based", "born", "led", "backed", "owned", "funded",
                                                         "made", "run", "controlled", "linked", "bred"};
        if (words.size() >= 3 && words[words.size() - 2] == "-" &&
            std::find(std::begin(kSuffixes), std::end(kSuffixes), words.back()) != std::end(kSuffixes)) {
          words.resize(words.size() - 2);
          mention.end_token = s.end - 2;
          mention.end = doc.tokens()[mention.end_token - 1].end;
          mention.type = m.refiner->is_place(words) ? m.refiner->refine("LOC", words, {}, {}) : "ORG";
          model_mentions.push_back(std::move(mention));
          continue;
        }
        std::uint32_t sentence = doc.sentences().empty() ? 0 : doc.sentence_of(s.first);
        std::uint32_t sfirst = doc.sentences().empty() ? 0 : doc.sentences()[sentence].first_token;
        std::uint32_t send = doc.sentences().empty() ? static_cast<std::uint32_t>(in.words.size())
                                                     : doc.sentences()[sentence].end_token;
        std::string_view before = s.first > sfirst ? in.words[s.first - 1] : std::string_view();
        std::string_view after = s.end < send ? in.words[s.end] : std::string_view();
        mention.type = m.refiner->refine(type, words, before, after);
        // "Ascend 950", "Boeing 747": a name followed by a model number is a product.
        if (mention.type == "MISC" && s.end < send) {
          std::string_view next = in.words[s.end];
          bool digits = !next.empty() && next.size() <= 6 &&
                        next.find_first_not_of("0123456789") == std::string_view::npos;
          bool year = next.size() == 4 && (next.starts_with("19") || next.starts_with("20"));
          if (digits && !year) {
            mention.end_token = s.end + 1;
            mention.end = doc.tokens()[s.end].end;
            mention.type = "PRODUCT";
          }
        }
      } else {
        mention.type = type;
      }
      model_mentions.push_back(std::move(mention));
    }
  }
  entities::extend_hyphenated_names(doc, model_mentions);
  if (opt.refine_types && im.model) entities::split_place_compounds(doc, *im.model->refiner, model_mentions);
  std::vector<Mention> pattern_mentions;
  if ((opt.patterns || opt.titles) && !doc.tokens().empty())
    pattern_mentions = entities::find_patterns(doc, {.numeric = opt.patterns, .titles = opt.titles});
  // A title at the start of a model mention belongs to the title: "President Xi Jinping" ->
  // TITLE + PERSON, "CEO of Huawei" -> TITLE + ORG.
  for (const Mention& p : pattern_mentions) {
    if (p.type != "TITLE") continue;
    for (Mention& m : model_mentions) {
      if (m.first_token != p.first_token || p.end_token >= m.end_token) continue;
      std::uint32_t cut = p.end_token;
      std::string_view next = doc.norm(doc.tokens()[cut]);
      if ((next == "of" || next == "for" || next == "at") && cut + 1 < m.end_token) ++cut;
      m.first_token = cut;
      m.begin = doc.tokens()[m.first_token].begin;
    }
  }
  if (opt.refine_types && im.model)
    entities::retype_after_title_of(doc, pattern_mentions, *im.model->refiner, model_mentions);
  std::vector<RulePriority> priorities;
  std::vector<Mention> user = im.rules.match(doc, &priorities);

  // Merge by priority: user overrides, model, patterns, user fill-gaps. Within a level the
  // mentions are already non-overlapping.
  std::vector<Mention> out;
  std::vector<std::uint8_t> taken(doc.tokens().size(), 0);
  auto free = [&](const Mention& m) {
    for (std::uint32_t i = m.first_token; i < m.end_token; ++i)
      if (taken[i]) return false;
    return true;
  };
  auto take = [&](Mention m) {
    for (std::uint32_t i = m.first_token; i < m.end_token; ++i) taken[i] = 1;
    out.push_back(std::move(m));
  };
  for (std::size_t i = 0; i < user.size(); ++i)
    if (priorities[i] == RulePriority::kOverride && free(user[i])) take(user[i]);
  for (Mention& m : model_mentions)
    if (free(m)) take(std::move(m));
  for (Mention& m : pattern_mentions)
    if (free(m)) take(std::move(m));
  for (std::size_t i = 0; i < user.size(); ++i)
    if (priorities[i] == RulePriority::kFillGaps && free(user[i])) take(user[i]);
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  doc.mutable_mentions() = std::move(out);
}

std::vector<std::vector<Mention>> EntityRecognizer::recognize(const LabeledDocument& labeled) const {
  // Build a Document whose text is each sentence's words joined by spaces, one line per sentence,
  // and run the full recognizer on it (patterns and rules included, per the options).
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  for (const LabeledSentence& s : labeled.sentences) {
    Sentence sent;
    sent.first_token = static_cast<std::uint32_t>(tokens.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      if (i > 0) text += ' ';
      Token t;
      t.begin = static_cast<std::uint32_t>(text.size());
      text += s.words[i];
      t.end = static_cast<std::uint32_t>(text.size());
      tokens.push_back(t);
    }
    sent.end_token = static_cast<std::uint32_t>(tokens.size());
    if (sent.end_token > sent.first_token) {
      sent.begin = tokens[sent.first_token].begin;
      sent.end = tokens[sent.end_token - 1].end;
    }
    sentences.push_back(sent);
    text += '\n';
  }
  Document doc(text);
  bool tagged = true;
  for (const LabeledSentence& s : labeled.sentences) tagged = tagged && s.pos.size() == s.words.size();
  if (tagged) {
    std::size_t k = 0;
    for (const LabeledSentence& s : labeled.sentences)
      for (const std::string& p : s.pos) tokens[k++].xpos = doc.store(p);
  }
  for (Token& t : tokens) {
    std::string_view w = doc.text(t);
    bool digit = !w.empty() && w[0] >= '0' && w[0] <= '9';
    bool alpha = false;
    for (char c : w) alpha = alpha || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    t.kind = digit ? TokenKind::kNumber : alpha ? TokenKind::kWord : TokenKind::kPunct;
  }
  doc.mutable_tokens() = std::move(tokens);
  // Empty sentences are kept out of the Document (they have no tokens) but keep their slot.
  std::vector<Sentence> nonempty;
  for (const Sentence& s : sentences)
    if (s.end_token > s.first_token) nonempty.push_back(s);
  doc.mutable_sentences() = nonempty;
  recognize(doc);
  std::vector<std::vector<Mention>> out(labeled.sentences.size());
  std::size_t si = 0;
  for (const Mention& m : doc.mentions()) {
    while (si < sentences.size() && m.first_token >= sentences[si].end_token) ++si;
    if (si >= sentences.size()) break;
    Mention local = m;
    local.first_token -= sentences[si].first_token;
    local.end_token -= sentences[si].first_token;
    out[si].push_back(std::move(local));
  }
  return out;
}

EntityRecognizer EntityRecognizer::train(const std::vector<LabeledDocument>& train,
                                         const std::vector<LabeledDocument>& dev, const EntityResources& resources,
                                         const EntityTrainOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) *options.log << line << std::endl;
  };
  // Types, sorted, from the training tags.
  std::vector<std::string> types;
  std::size_t tagged = 0;
  for (const LabeledDocument& d : train)
    for (const LabeledSentence& s : d.sentences) {
      if (s.tags.empty()) continue;
      ++tagged;
      for (const ner::TagSpan& span : ner::spans_from_tags(s.tags))
        if (std::find(types.begin(), types.end(), span.type) == types.end()) types.push_back(span.type);
    }
  if (tagged == 0 || types.empty())
    throw Error(ErrorCode::kInvalidArgument, "train: the training data has no tagged sentence with an entity");
  std::sort(types.begin(), types.end());

  auto model = std::make_shared<NerModel>();
  model->labels = entities::BilouLabels(types);
  model->gazetteer = entities::Gazetteer(resources.gazetteers);
  model->clusters = entities::ClusterTable(resources.clusters);
  bool has_pos = !train.empty();
  for (const LabeledDocument& d : train)
    for (const LabeledSentence& s : d.sentences) has_pos = has_pos && s.pos.size() == s.words.size();
  model->use_pos = options.use_pos && has_pos;
  model->two_pass = options.two_pass;
  log(fmt::format("types: {}; gazetteer lists: {} ({} entries); cluster words: {}; POS features: {}",
                  fmt::join(types, " "), model->gazetteer.names().size(), model->gazetteer.num_entries(),
                  model->clusters.num_words(), model->use_pos ? "yes" : "no"));

  model->lower_sentences = options.lower_sentences;
  entities::FeatureExtractor fx(&model->gazetteer, &model->clusters, model->use_pos, model->lower_sentences);
  struct Prepared {
    entities::NerInput input;
    entities::PassDoc local;
    std::vector<std::uint64_t> lower_hashes;
  };
  auto prepare = [&](const std::vector<LabeledDocument>& docs) {
    std::vector<Prepared> out(docs.size());
    std::size_t sentence_no = 0;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      out[d].input = input_of(docs[d], model->use_pos);
      fx.local(out[d].input, out[d].local.features, out[d].lower_hashes);
      out[d].local.sentences = out[d].input.sentences;
      for (const LabeledSentence& s : docs[d].sentences) {
        ++sentence_no;
        if (s.tags.empty()) {
          out[d].local.gold.resize(out[d].local.gold.size() + s.words.size(), 0);
        } else {
          gold_labels(s, model->labels, sentence_no, out[d].local.gold);
        }
      }
    }
    return out;
  };
  std::vector<LabeledDocument> augmented;
  const std::vector<LabeledDocument>* train_docs = &train;
  if (options.retokenize) {
    Tokenizer tokenizer(TokenizerOptions{.split_sentences = false});
    augmented = train;
    std::size_t added = 0;
    for (const LabeledDocument& d : train) {
      LabeledDocument copy;
      bool changed = false;
      for (const LabeledSentence& s : d.sentences) {
        LabeledSentence r;
        if (retokenize(s, tokenizer, r)) {
          changed = true;
          copy.sentences.push_back(std::move(r));
        } else {
          copy.sentences.push_back(s);
        }
      }
      if (changed) {
        augmented.push_back(std::move(copy));
        ++added;
      }
    }
    train_docs = &augmented;
    log(fmt::format("re-tokenized copies of {} training documents added", added));
  }
  std::vector<Prepared> tr = prepare(*train_docs), dv = prepare(dev);
  auto locals = [](const std::vector<Prepared>& p) {
    std::vector<entities::PassDoc> out;
    out.reserve(p.size());
    for (const Prepared& x : p) out.push_back(x.local);
    return out;
  };
  std::vector<entities::PassDoc> tr1 = locals(tr), dv1 = locals(dv);

  entities::PassTrainOptions po;
  po.max_epochs = options.max_epochs;
  po.patience = options.patience;
  po.seed = options.seed;
  po.prune_threshold = options.prune_threshold;
  po.log = [&](const std::string& line) { log("pass 1 " + line); };
  int best_epoch = 0;
  double best_f1 = 0;
  model->pass1 = entities::train_pass(tr1, dv1, model->labels, po, &best_epoch, &best_f1);
  log(fmt::format("pass 1: best epoch {}, dev F1 {:.2f}, {} features", best_epoch, best_f1, model->pass1.num_features()));

  if (options.two_pass) {
    // First-pass labels of the training documents by jackknifing: each fold is labeled by a model
    // trained on the other folds for the epochs that were best above, so the second pass learns
    // from first-pass labels as noisy as the ones it will see at run time.
    const int folds = std::max(2, options.folds);
    std::vector<std::vector<int>> tr_labels(tr.size());
    for (int f = 0; f < folds; ++f) {
      std::vector<entities::PassDoc> part;
      for (std::size_t d = 0; d < tr1.size(); ++d)
        if (static_cast<int>(d % static_cast<std::size_t>(folds)) != f) part.push_back(tr1[d]);
      entities::PassTrainOptions fo = po;
      fo.max_epochs = std::max(1, best_epoch);
      fo.fixed_epochs = true;
      fo.log = nullptr;
      ml::LinearModel fm = entities::train_pass(part, {}, model->labels, fo, nullptr, nullptr);
      std::vector<float> ft = entities::transition_matrix(fm, model->labels.size());
      for (std::size_t d = 0; d < tr1.size(); ++d)
        if (static_cast<int>(d % static_cast<std::size_t>(folds)) == f)
          entities::decode(fm, ft, model->labels, tr1[d], tr_labels[d]);
      log(fmt::format("pass 2: jackknife fold {}/{} done", f + 1, folds));
    }
    std::vector<float> t1 = entities::transition_matrix(model->pass1, model->labels.size());
    auto second = [&](std::vector<Prepared>& docs, std::vector<entities::PassDoc>& firsts,
                      std::vector<std::vector<int>>* given) {
      std::vector<entities::PassDoc> out(docs.size());
      for (std::size_t d = 0; d < docs.size(); ++d) {
        std::vector<int> labels;
        if (given) labels = (*given)[d];
        else entities::decode(model->pass1, t1, model->labels, firsts[d], labels);
        std::vector<int> types_of(labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
          int t = entities::BilouLabels::type_of(labels[i]);
          types_of[i] = t < 0 ? model->labels.num_types() : t;
        }
        entities::DocFeatures nl;
        entities::FeatureExtractor::nonlocal(docs[d].input, docs[d].lower_hashes, types_of, labels,
                                             model->labels.num_types(), nl);
        append_doc(out[d], firsts[d].features, nl);
        out[d].sentences = firsts[d].sentences;
        out[d].gold = firsts[d].gold;
      }
      return out;
    };
    std::vector<entities::PassDoc> tr2 = second(tr, tr1, &tr_labels);
    std::vector<entities::PassDoc> dv2 = second(dv, dv1, nullptr);
    tr1.clear();
    tr1.shrink_to_fit();
    entities::PassTrainOptions p2 = po;
    p2.log = [&](const std::string& line) { log("pass 2 " + line); };
    int best2 = 0;
    double f2 = 0;
    model->pass2 = entities::train_pass(tr2, dv2, model->labels, p2, &best2, &f2);
    log(fmt::format("pass 2: best epoch {}, dev F1 {:.2f}, {} features", best2, f2, model->pass2.num_features()));
  }
  model->finish();
  auto impl = std::make_shared<Impl>();
  impl->model = std::move(model);
  return EntityRecognizer(std::move(impl));
}

// ------------------------------------------------------------------------------------------------

void EntityResources::load_gazetteers(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(ErrorCode::kIo, dir + ": not a readable directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".txt" && entry.path().stem().string().find("README") == std::string::npos &&
        entry.path().stem().string().find("LICENSE") == std::string::npos)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(ErrorCode::kIo, p.string() + ": cannot open gazetteer");
    std::vector<std::string>& list = gazetteers[p.stem().string()];
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t');
      if (tab != std::string::npos) line.resize(tab);
      if (!line.empty()) list.push_back(line);
    }
  }
}

void EntityResources::load_clusters(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open clusters file");
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0)
      throw Error(ErrorCode::kFormat, fmt::format("{}:{}: expected path<TAB>word[<TAB>count]", path, n));
    std::size_t tab2 = line.find('\t', tab + 1);
    std::string path_bits = line.substr(0, tab);
    std::string word = line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    for (char c : path_bits)
      if (c != '0' && c != '1')
        throw Error(ErrorCode::kFormat, fmt::format("{}:{}: cluster path '{}' is not a bit string", path, n, path_bits));
    clusters.emplace_back(std::move(word), std::move(path_bits));
  }
}

}  // namespace erx
