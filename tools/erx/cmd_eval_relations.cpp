// erx eval relations --gold FILE: typed-link precision and recall against CoNLL04 (JSON).
#include <fmt/format.h>

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "erx/commands.hpp"
#include "erx/error.hpp"
#include "erx/io.hpp"
#include "erx/pipeline.hpp"

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

}  // namespace

int run_eval_relations(const Args& args) {
  std::string gold_path;
  long show = 0;
  po::options_description visible(
      "usage: erx eval relations --gold FILE [--show N]\n\n"
      "Runs erx on each sentence of a CoNLL04 JSON file (tokens joined by spaces) and scores its\n"
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
      "show", po::value(&show)->default_value(0), "print the first N false positives and misses");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(visible).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "erx eval relations: " << e.what() << "\n\n" << visible << '\n';
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  if (gold_path.empty()) {
    std::cerr << "erx eval relations: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
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
