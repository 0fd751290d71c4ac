// erx eval relations --gold FILE [--model DIR]: typed-relation precision and recall against
// CoNLL04-style JSON — strict end-to-end scores of a trained bundle (entity model + relation
// classifier), or, without --model, a proxy score of the built-in pattern extractor.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "erx/commands.hpp"
#include "erx/error.hpp"
#include "erx/io.hpp"
#include "erx/model.hpp"
#include "erx/pipeline.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/relation_common.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

bool is_place(std::string_view type) { return type == "GPE" || type == "LOC" || type == "FAC"; }

// The CoNLL04 label an erx relation stands for, or "" when it stands for none of them. CoNLL04
// has five labels; erx's schema is finer and wider, so this is a proxy (documented in --help).
std::string conll04_label(const Relation& r, std::string_view subject_type,
                          std::string_view object_type) {
  const std::string_view verb = std::string_view(r.predicate).substr(0, r.predicate.find(' '));
  const bool person_s = subject_type == "PERSON", person_o = object_type == "PERSON";
  if (person_s && person_o) {
    for (std::string_view k :
         {"kill", "assassinate", "murder", "shoot", "slay", "execute", "stab", "assassinated"})
      if (verb == k) return "Kill";
    return "";
  }
  if (person_s && object_type == "ORG" && (r.type == "ROLE" || r.type == "AFFILIATION"))
    return "Work_For";
  if (person_s && is_place(object_type) &&
      (r.type == "ROLE" || r.type == "AFFILIATION" || r.type == "LOCATED_IN"))
    return "Live_In";
  if (subject_type == "ORG" && is_place(object_type) &&
      (r.type == "BASED_IN" || r.type == "LOCATED_IN"))
    return "OrgBased_In";
  if (is_place(subject_type) && is_place(object_type) && r.type == "LOCATED_IN")
    return "Located_In";
  return "";
}

struct Counts {
  long tp = 0, fp = 0, fn = 0;
};

std::string score_line(std::string_view name, const Counts& c) {
  const double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0.0;
  const double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0.0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  return fmt::format(
      "{:<12} precision {:6.2f}%  recall {:6.2f}%  F1 {:6.2f}   (tp {}, fp {}, fn {})\n", name,
      100 * p, 100 * r, 100 * f, c.tp, c.fp, c.fn);
}


std::string prf_line(std::string_view name, const PrfCounts& c) {
  return fmt::format("{:<14} precision {:6.2f}%  recall {:6.2f}%  F1 {:6.2f}   (gold {}, predicted {}, correct {})\n",
                     name, 100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.gold, c.predicted, c.correct);
}

void print_scores(std::string_view title, const PrfCounts& all, const std::map<std::string, PrfCounts>& types) {
  std::cout << title << '\n';
  for (const auto& [type, c] : types) std::cout << "  " << prf_line(type, c);
  std::cout << "  " << prf_line("micro", all);
}

TypedSpan typed_span(const Mention& m) { return TypedSpan{m.begin, m.end, m.type}; }

// The relations of `predictions` over `doc`'s mentions, as the strict setting compares them.
std::vector<TypedRelation> typed_relations(const Document& doc, const std::vector<RelationPrediction>& predictions) {
  std::vector<TypedRelation> out;
  for (const RelationPrediction& p : predictions)
    out.push_back({typed_span(doc.mentions()[p.subject]), typed_span(doc.mentions()[p.object]), p.type});
  return out;
}

// Prints the false positives and misses of one sentence while fewer than `show` lines were shown.
void show_errors(std::string_view setting, const Document& doc, const std::vector<TypedRelation>& gold,
                 const std::vector<TypedRelation>& predicted, long show, long& shown) {
  const auto print = [&](std::string_view what, const TypedRelation& r) {
    std::cout << '[' << setting << "] " << what << ' ' << r.type << ": " << doc.text(r.subject.begin, r.subject.end)
              << " (" << r.subject.type << ") -> " << doc.text(r.object.begin, r.object.end) << " (" << r.object.type
              << ")   | " << doc.text() << '\n';
    ++shown;
  };
  for (const TypedRelation& p : predicted)
    if (shown < show && std::find(gold.begin(), gold.end(), p) == gold.end()) print("false positive", p);
  for (const TypedRelation& g : gold)
    if (shown < show && std::find(predicted.begin(), predicted.end(), g) == predicted.end()) print("miss", g);
}

// Strict end-to-end scores of the bundle in `model_dir` on `gold_path`: entities predicted by the
// bundle's entity model, relations by its relation classifier; and the relation classifier alone
// on the gold entities.
int run_strict(const std::string& gold_path, const std::string& model_dir, long show,
               const RelationClassifierOptions& classifier_options) {
  const std::vector<RelationCorpusSentence> corpus = read_conll04(gold_path);
  const ModelBundle bundle = ModelBundle::load(model_dir);
  const RelationClassifier classifier =
      RelationClassifier::from_model(bundle.get(RelationClassifier::kStage), classifier_options);
  // The bundle's own entity types, as its model predicts them (no OntoNotes refinement, no
  // patterns or titles: the corpus schema is the model's).
  EntityRecognizerOptions entity_options;
  entity_options.patterns = false;
  entity_options.titles = false;
  entity_options.refine_types = false;
  std::optional<EntityRecognizer> recognizer;
  if (bundle.has("entities")) recognizer = EntityRecognizer::from_model(bundle.get("entities"), entity_options);
  const cli::SyntaxStages syntax = cli::SyntaxStages::english();

  StrictRelationScorer end_to_end, gold_entities;
  long shown = 0;
  std::size_t reachable = 0;  // gold relations whose two arguments were predicted exactly
  for (const RelationCorpusSentence& s : corpus) {
    Document doc = syntax.document(s);
    std::vector<TypedSpan> gold_spans;
    for (const Mention& m : doc.mentions()) gold_spans.push_back(typed_span(m));
    std::vector<TypedRelation> gold;
    for (const RelationCorpusRelation& r : s.relations)
      gold.push_back({gold_spans[r.subject], gold_spans[r.object], r.type});

    const std::vector<TypedRelation> with_gold = typed_relations(doc, classifier.predict(doc));
    gold_entities.add_relations(gold, with_gold);
    show_errors("gold entities", doc, gold, with_gold, show, shown);
    if (!recognizer) continue;
    recognizer->recognize(doc);
    std::vector<TypedSpan> spans;
    for (const Mention& m : doc.mentions()) spans.push_back(typed_span(m));
    end_to_end.add_entities(gold_spans, spans);
    for (const TypedRelation& g : gold)
      reachable += std::find(spans.begin(), spans.end(), g.subject) != spans.end() &&
                   std::find(spans.begin(), spans.end(), g.object) != spans.end();
    const std::vector<TypedRelation> predicted = typed_relations(doc, classifier.predict(doc));
    end_to_end.add_relations(gold, predicted);
    show_errors("predicted entities", doc, gold, predicted, show, shown);
  }
  std::cout << gold_path << ": " << corpus.size() << " sentences; bundle " << model_dir << '\n';
  if (recognizer) {
    print_scores("entities (strict: span and type), predicted by the bundle's entity model:", end_to_end.entities(),
                 end_to_end.entity_types());
    print_scores("relations (strict: both spans, both entity types, relation type), predicted entities:",
                 end_to_end.relations(), end_to_end.relation_types());
    std::cout << "  (" << reachable << " of " << end_to_end.relations().gold
              << " gold relations have both arguments among the predicted entities)\n";
  } else {
    std::cout << "(the bundle has no entities.erxm: end-to-end scores need an entity model)\n";
  }
  print_scores("relations (strict), gold entities:", gold_entities.relations(), gold_entities.relation_types());
  return 0;
}

}  // namespace

int run_eval_relations(const Args& args) {
  std::string gold_path, model_dir;
  RelationClassifierOptions classifier_options;
  long show = 0;
  po::options_description visible(
      "usage: erx eval relations --gold FILE [--model DIR] [--show N]\n\n"
      "With --model DIR (a bundle directory holding relations.erxm, the relation classifier, and\n"
      "entities.erxm, an entity model of the same schema, e.g. models/conll04): strict end-to-end\n"
      "scores on a CoNLL04-style JSON file, as the joint entity and relation literature reports\n"
      "them. Each sentence (its gold tokens) is tagged and parsed by erx, its entities predicted by\n"
      "the bundle's entity model and its relations by the classifier. Printed: entity P/R/F1\n"
      "(span and type exact), relation P/R/F1 where a relation counts only if both argument spans,\n"
      "both entity types and the relation type are right (micro and per type), and the relation\n"
      "scores of the classifier given the gold entities.\n\n"
      "Without --model: runs erx on each sentence of a CoNLL04 JSON file (tokens joined by spaces) and scores its\n"
      "typed links against the gold relations: precision, recall and F1 per CoNLL04 label and\n"
      "micro-averaged. A predicted link matches a gold one when both arguments overlap the gold\n"
      "entities and the label is the same. A predicted link inside one gold entity (\"Lubbock ,\n"
      "Texas\" is one CoNLL04 location) is not scored. erx's types stand for CoNLL04 labels as:\n"
      "  Kill         PERSON -> PERSON with a killing verb (kill, assassinate, murder, shoot, "
      "...)\n"
      "  Work_For     PERSON -> ORG, ROLE or AFFILIATION\n"
      "  Live_In      PERSON -> GPE/LOC/FAC, ROLE, AFFILIATION or LOCATED_IN\n"
      "  OrgBased_In  ORG -> GPE/LOC/FAC, BASED_IN or LOCATED_IN\n"
      "  Located_In   GPE/LOC/FAC -> GPE/LOC/FAC, LOCATED_IN\n"
      "erx is not trained on CoNLL04 and its schema is not CoNLL04's, so this measures how "
      "precise\n"
      "erx's links are where the two overlap, not what a CoNLL04 system would score.\n\noptions");
  visible.add_options()("help,h", "show this help")("gold,g", po::value(&gold_path),
                                                    "CoNLL04 JSON file")(
      "model,m", po::value(&model_dir), "bundle directory with relations.erxm (+ entities.erxm): strict scores")(
      "none-bias", po::value(&classifier_options.none_bias)->default_value(0.0f),
      "with --model: RelationClassifierOptions::none_bias (> 0 favours recall)")(
      "show", po::value(&show)->default_value(0), "print the first N false positives and misses (with --model: of the gold-entity and the end-to-end runs)");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval relations", args, visible, vm)) return *stop;
  if (gold_path.empty()) {
    std::cerr << "erx eval relations: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  if (!model_dir.empty()) return run_strict(gold_path, model_dir, show, classifier_options);
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(read_input(gold_path), ec);
  if (ec || !root.is_array())
    throw Error(ErrorCode::kFormat,
                gold_path + ": not a CoNLL04 JSON array (" + ec.message() + ")");

  const Pipeline pipeline = Pipeline::english();
  std::map<std::string, Counts> counts;
  Counts all;
  long sentences = 0, shown = 0;
  for (const boost::json::value& item : root.as_array()) {
    const boost::json::object& s = item.as_object();
    // The text: tokens joined by single spaces, with each token's byte span.
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    for (const boost::json::value& t : s.at("tokens").as_array()) {
      if (!text.empty()) text += ' ';
      const auto begin = static_cast<std::uint32_t>(text.size());
      text += t.as_string();
      spans.emplace_back(begin, static_cast<std::uint32_t>(text.size()));
    }
    struct GoldEntity {
      std::uint32_t begin, end;
    };
    std::vector<GoldEntity> entities;
    for (const boost::json::value& e : s.at("entities").as_array()) {
      const auto& a = e.as_array();
      const auto first = static_cast<std::size_t>(a.at(0).to_number<long>());
      const auto last = static_cast<std::size_t>(a.at(1).to_number<long>()) - 1;
      entities.push_back({spans.at(first).first, spans.at(last).second});
    }
    const auto entity_at = [&](std::uint32_t begin, std::uint32_t end) {
      for (std::size_t i = 0; i < entities.size(); ++i)
        if (begin < entities[i].end && entities[i].begin < end) return static_cast<long>(i);
      return -1L;
    };
    std::set<std::tuple<long, long, std::string>> gold;
    for (const boost::json::value& r : s.at("relations").as_array()) {
      const auto& a = r.as_array();
      const GoldEntity head{
          spans.at(static_cast<std::size_t>(a.at(0).to_number<long>())).first,
          spans.at(static_cast<std::size_t>(a.at(1).to_number<long>()) - 1).second};
      const GoldEntity tail{
          spans.at(static_cast<std::size_t>(a.at(2).to_number<long>())).first,
          spans.at(static_cast<std::size_t>(a.at(3).to_number<long>()) - 1).second};
      gold.emplace(entity_at(head.begin, head.end), entity_at(tail.begin, tail.end),
                   std::string(a.at(4).as_string()));
    }

    const Document doc = pipeline.run(text);
    // The gold entity an argument stands for: the one its words overlap, or, for a pronoun or
    // description (CoNLL04 marks none), the one another mention of its entity overlaps.
    const auto gold_of = [&](const Argument& a) {
      long g = entity_at(a.begin, a.end);
      if (g >= 0 || a.entity < 0) return g;
      for (std::uint32_t m : doc.entities()[static_cast<std::size_t>(a.entity)].mentions) {
        const Mention& mention = doc.mentions()[m];
        if (mention.source == MentionSource::kCoreference) continue;
        if ((g = entity_at(mention.begin, mention.end)) >= 0) return g;
      }
      return -1L;
    };
    std::set<std::tuple<long, long, std::string>> predicted;
    for (const Relation& r : doc.relations()) {
      if (r.subject.entity < 0 || r.object.entity < 0) continue;
      const std::string label =
          conll04_label(r, doc.entities()[static_cast<std::size_t>(r.subject.entity)].type,
                        doc.entities()[static_cast<std::size_t>(r.object.entity)].type);
      if (label.empty()) continue;
      const long s_entity = gold_of(r.subject);
      const long o_entity = gold_of(r.object);
      if (s_entity >= 0 && s_entity == o_entity) continue;  // both inside one gold entity
      predicted.emplace(s_entity, o_entity, label);
      if (shown < show && !gold.contains({s_entity, o_entity, label})) {
        std::cout << "false positive " << label << ": " << doc.text(r.subject.begin, r.subject.end)
                  << " --" << r.predicate << "--> " << doc.text(r.object.begin, r.object.end)
                  << "   | " << text << '\n';
        ++shown;
      }
    }
    for (const auto& p : predicted) {
      Counts& c = counts[std::get<2>(p)];
      if (gold.contains(p))
        ++c.tp, ++all.tp;
      else
        ++c.fp, ++all.fp;
    }
    for (const auto& g : gold) {
      if (!predicted.contains(g)) {
        ++counts[std::get<2>(g)].fn;
        ++all.fn;
      }
    }
    ++sentences;
  }
  std::cout << gold_path << ": " << sentences << " sentences\n";
  for (const auto& [label, c] : counts) std::cout << score_line(label, c);
  std::cout << score_line("micro", all);
  return 0;
}

}  // namespace erx::cli
