// Loading, prediction and merging of the relation classifier (erx/relation_classifier.hpp).
#include <algorithm>
#include <cmath>

#include "erx/error.hpp"
#include "ml/bytes.hpp"
#include "ml/feature_buffer.hpp"
#include "ml/hash.hpp"
#include "relation_classifier/classifier_impl.hpp"
#include "relation_classifier/pair_features.hpp"

namespace erx {

std::uint64_t type_pair_key(std::string_view type_a, std::string_view type_b) noexcept {
  return ml::combine(ml::hash_string(type_a), ml::hash_string(type_b));
}

void RelationClassifier::Impl::index_signatures() {
  allowed.clear();
  for (const RelationSignature& s : signatures) {
    std::vector<int>& classes = allowed[type_pair_key(s.type_a, s.type_b)];
    if (classes.empty()) classes.push_back(0);
    if (std::find(classes.begin(), classes.end(), static_cast<int>(s.cls)) == classes.end())
      classes.push_back(static_cast<int>(s.cls));
  }
  for (auto& [key, classes] : allowed) std::sort(classes.begin(), classes.end());
}

const std::vector<int>* RelationClassifier::Impl::allowed_for(std::string_view type_a,
                                                              std::string_view type_b) const {
  const auto it = allowed.find(type_pair_key(type_a, type_b));
  return it == allowed.end() ? nullptr : &it->second;
}

std::vector<RelationClassifier::Impl::SentencePairs> RelationClassifier::Impl::candidates(const Document& doc) const {
  std::vector<SentencePairs> out;
  if (doc.sentences().empty()) return out;
  // Mentions per sentence, in text order (Document::mentions() is sorted and non-overlapping).
  std::vector<std::uint32_t> in_sentence;
  std::uint32_t current = 0;
  const auto flush = [&] {
    SentencePairs sp{current, {}};
    for (std::size_t i = 0; i < in_sentence.size(); ++i)
      for (std::size_t j = i + 1; j < in_sentence.size(); ++j) {
        const Mention& a = doc.mentions()[in_sentence[i]];
        const Mention& b = doc.mentions()[in_sentence[j]];
        if (b.first_token < a.end_token) continue;  // overlapping mentions are no pair
        if (allowed_for(a.type, b.type) == nullptr) continue;
        sp.pairs.push_back({in_sentence[i], in_sentence[j], static_cast<int>(j - i - 1)});
      }
    if (!sp.pairs.empty()) out.push_back(std::move(sp));
    in_sentence.clear();
  };
  for (std::uint32_t m = 0; m < doc.mentions().size(); ++m) {
    const Mention& mention = doc.mentions()[m];
    if (mention.source == MentionSource::kCoreference || mention.end_token <= mention.first_token ||
        mention.end_token > doc.tokens().size())
      continue;
    const std::uint32_t s = doc.sentence_of(mention.first_token);
    if (mention.end_token > doc.sentences()[s].end_token) continue;  // crosses a sentence boundary
    if (s != current) {
      flush();
      current = s;
    }
    in_sentence.push_back(m);
  }
  flush();
  return out;
}

std::vector<RelationPrediction> RelationClassifier::Impl::predict(const Document& doc,
                                                                  std::span<const ml::LinearModel> models,
                                                                  std::vector<std::int32_t>* tops) const {
  std::vector<RelationPrediction> out;
  std::vector<float> scores(num_classes()), member(num_classes());
  ml::FeatureBuffer buf;
  for (const SentencePairs& sp : candidates(doc)) {
    relclf::PairFeatures features(doc, sp.sentence);
    for (const Pair& p : sp.pairs) {
      const Mention& a = doc.mentions()[p.a];
      const Mention& b = doc.mentions()[p.b];
      const std::vector<int>& classes = *allowed_for(a.type, b.type);
      buf.clear();
      const std::int32_t top = features.extract(a, b, p.between, buf);
      std::fill(scores.begin(), scores.end(), 0.0f);
      for (const ml::LinearModel& model : models) {
        model.score(buf.view(), member);
        for (std::size_t c = 0; c < scores.size(); ++c) scores[c] += member[c];
      }
      scores[0] -= options.none_bias * static_cast<float>(models.size());
      int best = classes.front();
      for (int c : classes)
        if (scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)]) best = c;
      if (best == 0) continue;
      // Confidence: softmax of the allowed classes' scores averaged over the ensemble (not
      // calibrated: perceptron margins are large, so most confidences are close to 1).
      double total = 0;
      const double top_score = scores[static_cast<std::size_t>(best)];
      const double members = static_cast<double>(models.size());
      for (int c : classes)
        total += std::exp((static_cast<double>(scores[static_cast<std::size_t>(c)]) - top_score) / members);
      const auto confidence = static_cast<float>(1.0 / total);
      if (confidence < options.min_confidence) continue;
      const auto k = static_cast<std::size_t>((best - 1) / 2);
      const bool forward = (best - 1) % 2 == 0;
      out.push_back({forward ? p.a : p.b, forward ? p.b : p.a, types[k], confidence});
      if (tops != nullptr) tops->push_back(top);
    }
  }
  return out;
}

ModelFile RelationClassifier::Impl::to_file() const {
  ModelFile out(std::string(kStage), kRelationPayloadVersion, types);
  ml::ByteWriter w;
  w.u32(static_cast<std::uint32_t>(weights.size()));
  for (const ml::LinearModel& m : weights) m.write(w);
  out.add_section("weights", w.take());
  w.u32(static_cast<std::uint32_t>(signatures.size()));
  for (const RelationSignature& s : signatures) {
    w.u32(s.cls);
    w.str(s.type_a);
    w.str(s.type_b);
  }
  out.add_section("signatures", w.take());
  return out;
}

std::shared_ptr<RelationClassifier::Impl> RelationClassifier::Impl::from_file(const ModelFile& file) {
  if (file.stage() != kStage)
    throw Error(ErrorCode::kModel, file.name() + ": stage '" + file.stage() + "', expected 'relations'");
  file.require_stage_version(kRelationPayloadVersion);
  auto impl = std::make_shared<Impl>();
  impl->types = file.labels();
  if (impl->types.empty()) throw Error(ErrorCode::kModel, file.name() + ": no relation types");
  {
    ml::ByteReader r(file.section("weights"), file.name() + ": section 'weights'");
    const std::uint32_t n = r.u32();
    if (n == 0 || n > 1000)
      throw Error(ErrorCode::kModel, file.name() + ": section 'weights': bad model count " + std::to_string(n));
    for (std::uint32_t i = 0; i < n; ++i) {
      impl->weights.push_back(ml::LinearModel::read(r));
      if (impl->weights.back().num_classes() != impl->num_classes())
        throw Error(ErrorCode::kModel, file.name() + ": section 'weights': model " + std::to_string(i) + " has " +
                                           std::to_string(impl->weights.back().num_classes()) +
                                           " classes, expected " + std::to_string(impl->num_classes()));
    }
    r.expect_end();
  }
  {
    ml::ByteReader r(file.section("signatures"), file.name() + ": section 'signatures'");
    const std::uint32_t n = r.u32();
    for (std::uint32_t i = 0; i < n; ++i) {
      RelationSignature s;
      s.cls = r.u32();
      s.type_a = r.str();
      s.type_b = r.str();
      if (s.cls == 0 || s.cls >= impl->num_classes())
        throw Error(ErrorCode::kModel, file.name() + ": section 'signatures': class " + std::to_string(s.cls) +
                                           " out of range");
      impl->signatures.push_back(std::move(s));
    }
    r.expect_end();
  }
  impl->index_signatures();
  return impl;
}

RelationClassifier::RelationClassifier(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

RelationClassifier RelationClassifier::load(const std::string& path, RelationClassifierOptions options) {
  return from_model(ModelFile::load(path, kStage), options);
}

RelationClassifier RelationClassifier::from_model(const ModelFile& model, RelationClassifierOptions options) {
  auto impl = Impl::from_file(model);
  impl->options = options;
  return RelationClassifier(std::move(impl));
}

ModelFile RelationClassifier::to_model() const { return impl_->to_file(); }

RelationClassifier RelationClassifier::with_options(RelationClassifierOptions options) const {
  auto impl = std::make_shared<Impl>(*impl_);
  impl->options = options;
  return RelationClassifier(std::move(impl));
}

const RelationClassifierOptions& RelationClassifier::options() const noexcept { return impl_->options; }

std::vector<std::string> RelationClassifier::types() const { return impl_->types; }

std::vector<RelationPrediction> RelationClassifier::predict(const Document& doc) const {
  return impl_->predict(doc, impl_->weights);
}

void RelationClassifier::add_relations(Document& doc) const {
  std::vector<std::int32_t> tops;
  const std::vector<RelationPrediction> predictions = impl_->predict(doc, impl_->weights, &tops);
  if (predictions.empty()) return;
  const auto argument = [&](std::uint32_t m) {
    const Mention& mention = doc.mentions()[m];
    return Argument{mention.entity, mention.begin, mention.end};
  };
  const auto same = [](const Argument& x, const Argument& y) {
    return x.entity >= 0 || y.entity >= 0 ? x.entity == y.entity : x.begin == y.begin && x.end == y.end;
  };
  std::vector<Relation>& relations = doc.mutable_relations();
  const std::size_t existing = relations.size();
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    const RelationPrediction& p = predictions[i];
    Relation r;
    r.subject = argument(p.subject);
    r.object = argument(p.object);
    const bool duplicate = std::any_of(relations.begin(), relations.begin() + static_cast<std::ptrdiff_t>(existing),
                                       [&](const Relation& x) {
                                         return x.type == p.type && same(x.subject, r.subject) &&
                                                same(x.object, r.object);
                                       });
    if (duplicate) continue;
    r.predicate = p.type;
    r.type = p.type;
    const std::int32_t top = tops[i];
    const Mention& s = doc.mentions()[p.subject];
    const Mention& o = doc.mentions()[p.object];
    const auto inside = [&](const Mention& m) {
      return static_cast<std::uint32_t>(top) >= m.first_token && static_cast<std::uint32_t>(top) < m.end_token;
    };
    if (top >= 0 && !inside(s) && !inside(o)) r.predicate_text = std::string(doc.text(doc.tokens()[static_cast<std::size_t>(top)]));
    r.confidence = p.confidence;
    r.sentence = doc.sentence_of(s.first_token);
    r.evidence_begin = doc.sentences()[r.sentence].begin;
    r.evidence_end = doc.sentences()[r.sentence].end;
    relations.push_back(std::move(r));
  }
  std::stable_sort(relations.begin(), relations.end(),
                   [](const Relation& x, const Relation& y) { return x.sentence < y.sentence; });
}

}  // namespace erx
