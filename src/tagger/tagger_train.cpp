// Tagger::train (erx/tagger.hpp): averaged-perceptron training with early stopping on dev.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "erx/error.hpp"
#include "ml/brown_clusters.hpp"
#include "ml/labels.hpp"
#include "ml/perceptron.hpp"
#include "ml/training.hpp"
#include "tagger/tagger_model.hpp"
#include "tagger/word_form.hpp"

namespace erx {
namespace {

using tagger::WordFeatures;

// A training sentence: its words (with two pads on each side) and gold label ids (-1 = none).
struct TrainSentence {
  std::size_t offset;  // index of the first pad in `words`
  std::size_t size;    // number of tokens
};

// The normalized form of a gold token, as Impl::tag_sentence computes it.
std::string form_of(const Document& doc, const Token& t) {
  std::string out;
  if (t.norm.length == 0) {
    tagger::append_folded(doc.text(t), out);
  } else {
    out = doc.str(t.norm);
  }
  return out;
}

// Calls f(first, end) for each sentence of doc (the whole doc if it has none).
template <typename F>
void for_each_sentence(const Document& doc, F&& f) {
  if (doc.sentences().empty()) {
    if (!doc.tokens().empty()) f(std::uint32_t{0}, static_cast<std::uint32_t>(doc.tokens().size()));
    return;
  }
  for (const Sentence& s : doc.sentences()) f(s.first_token, s.end_token);
}

std::string percent(std::size_t a, std::size_t b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b));
  return buf;
}

}  // namespace

Tagger Tagger::train(std::span<const Document> train, std::span<const Document> dev,
                     const TaggerTrainingOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };

  // 1. Labels, sorted by name so that ids do not depend on corpus order.
  std::set<std::string> label_names;
  for (const Document& doc : train)
    for (const Token& t : doc.tokens())
      if (t.upos != Upos::kNone && !doc.xpos(t).empty())
        label_names.insert(std::string(to_string(t.upos)) + "|" + std::string(doc.xpos(t)));
  if (label_names.empty()) throw Error(ErrorCode::kInvalidArgument, "tagger training: no tagged token in the training data");
  if (label_names.size() > tagger::kMaxLabels)
    throw Error(ErrorCode::kInvalidArgument, "tagger training: more than 1024 distinct UPOS|XPOS labels");
  ml::LabelSet labels;
  for (const std::string& l : label_names) labels.add(l);
  auto gold_label = [&](const Document& doc, const Token& t) {
    if (t.upos == Upos::kNone || doc.xpos(t).empty()) return -1;
    return labels.find(std::string(to_string(t.upos)) + "|" + std::string(doc.xpos(t)));
  };

  // 2. Lexicons: ambiguity classes over lower-case forms, tag dictionary over exact forms.
  std::map<std::string, std::map<int, std::size_t>> by_lower, by_form;
  std::vector<tagger::Lemmatizer::Example> lemma_examples;
  std::vector<std::string> forms;  // owns the strings lemma_examples point to
  std::size_t train_tokens = 0;
  // Ambiguity classes of training tokens are jackknifed: a token's class is computed from the
  // sentences of the other kFolds - 1 folds, so that training sees classes as reliable as those of
  // new text (and rare words with no class), not classes that contain the token's own tag.
  constexpr std::size_t kFolds = 10;
  std::vector<std::map<std::string, std::map<int, std::size_t>>> fold_lower(kFolds);
  {
    std::size_t sentence_index = 0;
    for (const Document& doc : train) {
      for_each_sentence(doc, [&](std::uint32_t b, std::uint32_t e) {
        if (e <= b) return;
        const std::size_t fold = sentence_index++ % kFolds;
        for (std::uint32_t i = b; i < e; ++i) {
          const Token& t = doc.tokens()[i];
          const int g = gold_label(doc, t);
          if (g < 0) continue;
          ++train_tokens;
          std::string form = form_of(doc, t);
          std::string lower;
          tagger::append_lower_digits(form, lower);
          ++by_lower[lower][g];
          ++fold_lower[fold][lower][g];
          ++by_form[form][g];
        }
      });
    }
  }
  forms.reserve(train_tokens);
  for (const Document& doc : train)
    for (const Token& t : doc.tokens())
      if (gold_label(doc, t) >= 0) forms.push_back(form_of(doc, t));
  {
    std::size_t k = 0;
    for (const Document& doc : train)
      for (const Token& t : doc.tokens())
        if (gold_label(doc, t) >= 0) lemma_examples.push_back({forms[k++], doc.xpos(t), doc.lemma(t)});
  }

  // An ambiguity class: the labels that make up at least 5% of a word's occurrences, for words
  // seen at least options.ambiguity_min_count times.
  constexpr std::uint32_t kNoClass = 0xFFFFFFFFu;
  std::map<std::vector<int>, std::uint32_t> classes;
  auto class_of = [&](const std::map<int, std::size_t>& counts) -> std::uint32_t {
    std::size_t total = 0;
    for (const auto& [l, c] : counts) total += c;
    if (total < static_cast<std::size_t>(std::max(1, options.ambiguity_min_count))) return kNoClass;
    std::vector<int> set;
    for (const auto& [l, c] : counts)
      if (c * 20 >= total) set.push_back(l);
    return classes.emplace(set, static_cast<std::uint32_t>(classes.size())).first->second;
  };

  auto impl = std::make_shared<Impl>(ModelFile(std::string(kStage), tagger::kPayloadVersion));
  for (const std::string& l : labels.names()) {
    tagger::Label label;
    const std::size_t bar = l.find('|');
    label.upos = upos_from_string(l.substr(0, bar));
    label.xpos = l.substr(bar + 1);
    impl->labels.push_back(std::move(label));
  }
  {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> amb;
    for (const auto& [lower, counts] : by_lower) {
      const std::uint32_t id = class_of(counts);
      if (id != kNoClass) amb.emplace_back(ml::hash_string(lower), id);
    }
    impl->lexicon.ambiguity = ml::HashIndex(amb);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> dict;
    for (const auto& [form, counts] : by_form) {
      std::size_t total = 0, best = 0;
      int best_label = -1;
      for (const auto& [l, c] : counts) {
        total += c;
        if (c > best) {
          best = c;
          best_label = l;
        }
      }
      if (total >= static_cast<std::size_t>(options.tagdict_min_count) &&
          static_cast<double>(best) >= options.tagdict_min_share * static_cast<double>(total))
        dict.emplace_back(ml::hash_string(form), static_cast<std::uint32_t>(best_label));
    }
    impl->lexicon.tagdict = ml::HashIndex(dict);
    log("labels " + std::to_string(labels.size()) + ", ambiguity classes " + std::to_string(classes.size()) +
        " over " + std::to_string(amb.size()) + " words, tag dictionary " + std::to_string(dict.size()) + " words");
  }
  // Brown clusters, copied into the model so that it stays self-contained: the cluster paths
  // (sorted, unique) and hash(word) -> path index for every word of the clusters file.
  if (!options.clusters.empty()) {
    const ml::ClusterTable table = ml::ClusterTable::load(options.clusters);
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    entries.reserve(table.size());
    table.for_each([&](std::string_view word, std::string_view bits) { entries.emplace_back(word, bits); });
    std::sort(entries.begin(), entries.end());  // deterministic order
    std::set<std::string_view> paths;
    for (const auto& e : entries) paths.insert(e.second);
    impl->lexicon.cluster_paths.assign(paths.begin(), paths.end());
    std::map<std::string_view, std::uint32_t> path_index;
    for (const std::string& p : impl->lexicon.cluster_paths)
      path_index.emplace(p, static_cast<std::uint32_t>(path_index.size()));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> items;
    items.reserve(entries.size());
    for (const auto& [word, bits] : entries) items.emplace_back(ml::hash_string(word), path_index.at(bits));
    impl->lexicon.cluster_of = ml::HashIndex(items);
    impl->lexicon.index_clusters();
    log("clusters: " + std::to_string(entries.size()) + " words in " + std::to_string(paths.size()) + " clusters");
  }
  impl->lemmatizer = tagger::Lemmatizer::train(lemma_examples);
  log("lemmatizer: " + std::to_string(impl->lemmatizer.num_rules()) + " suffix rules, " +
      std::to_string(impl->lemmatizer.num_exceptions()) + " exceptions");

  // 3. Word features of every training token, computed once.
  std::vector<WordFeatures> words;
  std::vector<int> gold;  // parallel to words (pads: -1)
  std::vector<TrainSentence> sentences;
  {
    std::string scratch, lower;
    std::size_t sentence_index = 0;
    for (const Document& doc : train) {
      for_each_sentence(doc, [&](std::uint32_t b, std::uint32_t e) {
        if (e <= b) return;
        const std::size_t fold = sentence_index++ % kFolds;
        sentences.push_back({words.size(), e - b});
        words.push_back(tagger::pad_before());
        words.push_back(tagger::pad_before());
        gold.insert(gold.end(), 2, -1);
        std::vector<std::string> sentence_forms;
        for (std::uint32_t i = b; i < e; ++i) {
          const Token& t = doc.tokens()[i];
          WordFeatures w;
          sentence_forms.push_back(form_of(doc, t));
          tagger::word_features(sentence_forms.back(), doc.text(t), impl->lexicon, scratch, w);
          {
            lower.clear();
            tagger::append_lower_digits(sentence_forms.back(), lower);
            std::map<int, std::size_t> counts = by_lower[lower];
            for (const auto& [l, c] : fold_lower[fold][lower]) {
              if ((counts[l] -= c) == 0) counts.erase(l);
            }
            const std::uint32_t id = class_of(counts);
            w.ambiguity = id == kNoClass ? 0 : id + 1;
          }
          words.push_back(w);
          gold.push_back(gold_label(doc, t));
        }
        const std::vector<std::string_view> views(sentence_forms.begin(), sentence_forms.end());
        tagger::mark_headline(words.data() + words.size() - views.size(), views.size(), views.data());
        words.push_back(tagger::pad_after());
        words.push_back(tagger::pad_after());
        gold.insert(gold.end(), 2, -1);
      });
    }
  }

  // 4. Epochs.
  ml::Perceptron perceptron(labels.size());
  ml::Rng rng(options.seed);
  ml::EarlyStopping stopping(options.patience);
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(labels.size());
  ml::FeatureBuffer buf;
  ml::CompileOptions compile;
  compile.prune_threshold = options.prune_threshold;
  std::shared_ptr<Impl> best;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    ml::shuffle(std::span(order), rng);
    std::size_t correct = 0, seen = 0;
    for (std::size_t si : order) {
      const TrainSentence& s = sentences[si];
      const WordFeatures* w = words.data() + s.offset + 2;
      const int* g = gold.data() + s.offset + 2;
      int prev1 = tagger::kStartLabel, prev2 = tagger::kStartLabel;
      for (std::size_t i = 0; i < s.size; ++i) {
        int guess = w[i].dict_label;
        if (guess < 0) {
          tagger::extract(w, i, prev1, prev2, buf);
          perceptron.score(buf.view(), scores);
          guess = ml::argmax(scores);
          if (g[i] >= 0) perceptron.update(buf.view(), g[i], guess);
          perceptron.tick();
        }
        if (g[i] >= 0) {
          ++seen;
          correct += guess == g[i];
        }
        prev2 = prev1;
        prev1 = guess;
      }
    }
    auto candidate = std::make_shared<Impl>(*impl);
    candidate->weights = perceptron.compile(compile);
    std::string line = "epoch " + std::to_string(epoch) + ": train " + percent(correct, seen) + "%";
    double dev_score = static_cast<double>(epoch);  // without dev: the last epoch is the best
    if (!dev.empty()) {
      TaggerScores total;
      Tagger t(candidate);
      for (const Document& d : dev) {
        const TaggerScores sc = t.evaluate(d);
        total.tokens += sc.tokens;
        total.upos += sc.upos;
        total.xpos += sc.xpos;
        total.lemma += sc.lemma;
      }
      dev_score = total.tokens == 0 ? 0.0 : static_cast<double>(total.upos) / static_cast<double>(total.tokens);
      line += ", dev UPOS " + percent(total.upos, total.tokens) + "% XPOS " + percent(total.xpos, total.tokens) +
              "% lemma " + percent(total.lemma, total.tokens) + "%";
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    line += ", " + std::to_string(candidate->weights.num_features()) + " features, " +
            std::to_string(static_cast<int>(secs)) + " s";
    if (stopping.improved(epoch, dev_score)) best = candidate;
    log(line);
    if (stopping.should_stop(epoch)) break;
  }
  log("best epoch " + std::to_string(stopping.best_epoch()));
  best->file = best->to_file();
  // Round-trip through the file format so that the returned tagger is exactly what loads.
  return Tagger(Impl::from_file(ModelFile::from_memory(best->file.serialize(), "<trained tagger>", kStage)));
}

}  // namespace erx
