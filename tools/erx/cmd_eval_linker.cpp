// erx eval linker --gold FILE...: the linker against GUM's coreference, on gold trees and gold
// name mentions.
#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "erx/commands.hpp"
#include "erx/conllu.hpp"
#include "erx/error.hpp"
#include "erx/linker.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

namespace {

// One GUM entity span in a sentence: words [first, last], its entity id and GUM type.
struct Span {
  std::size_t first, last;
  std::string id, type;
};

// The spans of GUM's MISC "Entity=" annotation ("(12-person-...", "12)", "(5-place-...)").
std::vector<Span> entity_spans(const std::vector<const conllu::Word*>& words) {
  std::vector<Span> spans;
  std::vector<Span> open;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& misc = words[i]->misc;
    const std::size_t at = misc.find("Entity=");
    if (at == std::string::npos) continue;
    const std::string value =
        misc.substr(at + 7, misc.find('|', at) == std::string::npos ? std::string::npos
                                                                    : misc.find('|', at) - at - 7);
    std::size_t j = 0;
    while (j < value.size()) {
      if (value[j] == '(') {
        std::size_t k = j + 1;
        while (k < value.size() && value[k] != '(' && value[k] != ')') ++k;
        const std::string body = value.substr(j + 1, k - j - 1);
        const std::size_t dash = body.find('-');
        Span s{i, i, body.substr(0, dash), ""};
        if (dash != std::string::npos)
          s.type = body.substr(dash + 1, body.find('-', dash + 1) - dash - 1);
        if (k < value.size() && value[k] == ')') {
          spans.push_back(s);
          j = k + 1;
        } else {
          open.push_back(s);
          j = k;
        }
      } else {
        std::size_t k = j;
        while (k < value.size() && value[k] != '(' && value[k] != ')') ++k;
        const std::string id = value.substr(j, k - j);
        if (k < value.size() && value[k] == ')') {
          for (std::size_t o = open.size(); o-- > 0;) {
            if (open[o].id != id) continue;
            open[o].last = i;
            spans.push_back(open[o]);
            open.erase(open.begin() + static_cast<std::ptrdiff_t>(o));
            break;
          }
        }
        j = k + 1;
      }
    }
  }
  return spans;
}

bool is_pronoun(std::string_view w) {
  for (std::string_view p : {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
                             "himself", "herself", "itself"})
    if (w == p) return true;
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

int run_eval_linker(const Args& args) {
  std::vector<std::string> gold;
  po::options_description visible(
      "usage: erx eval linker --gold FILE... \n\n"
      "Scores the linker against the coreference of GUM CoNLL-U files (one document per file, or\n"
      "a directory of them), on the gold trees. The mentions it links are GUM's person, place and\n"
      "organization spans made only of proper nouns (a leading determiner dropped), typed PERSON,\n"
      "GPE and ORG: the recognizer is not involved. Prints the pairwise precision and recall of\n"
      "the linker's merges of those names (two names of one GUM entity should be one erx entity),\n"
      "and for the pronouns whose GUM entity has a name, how many the linker links and how many\n"
      "of those to the right entity.\n\noptions");
  visible.add_options()("help,h", "show this help")("gold,g", po::value(&gold)->multitoken(),
                                                    "GUM .conllu files or directories");
  po::variables_map vm;
  if (const auto stop = parse_options("erx eval linker", args, visible, vm)) return *stop;
  if (gold.empty()) {
    std::cerr << "erx eval linker: --gold FILE is required\n\n" << visible << '\n';
    return 2;
  }
  std::vector<std::string> files;
  for (const std::string& g : gold) {
    if (std::filesystem::is_directory(g)) {
      for (const auto& entry : std::filesystem::directory_iterator(g))
        if (entry.path().extension() == ".conllu") files.push_back(entry.path().string());
    } else {
      files.push_back(g);
    }
  }
  std::sort(files.begin(), files.end());

  const std::map<std::string, std::string> types = {
      {"person", "PERSON"}, {"place", "GPE"}, {"organization", "ORG"}};
  const Linker linker;
  long tp = 0, fp = 0, fn = 0, pronouns = 0, linked = 0, correct = 0;
  for (const std::string& file : files) {
    const auto sentences = conllu::read_file(file);
    Document doc = conllu::to_document(sentences);
    std::vector<std::string> gold_id(
        doc.tokens().size());  // GUM id of a name's first token / a pronoun
    std::uint32_t base = 0;
    for (const conllu::Sentence& s : sentences) {
      const auto words = s.words();
      std::vector<char> taken(words.size(), 0);
      auto spans = entity_spans(words);
      std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.last - a.first > b.last - b.first;
      });
      for (Span sp : spans) {
        if (sp.first == sp.last && is_pronoun(lower(words[sp.first]->form))) {
          gold_id[base + sp.first] = sp.id;
          continue;
        }
        const auto type = types.find(sp.type);
        if (type == types.end()) continue;
        while (sp.first <= sp.last && words[sp.first]->upos == "DET") ++sp.first;
        if (sp.first > sp.last) continue;
        bool name = true;
        for (std::size_t k = sp.first; k <= sp.last; ++k) {
          const std::string& u = words[k]->upos;
          name = name && (u == "PROPN" || ((u == "ADP" || u == "PART" || u == "PUNCT") &&
                                           k > sp.first && k < sp.last));
          name = name && !taken[k];
        }
        if (!name) continue;
        for (std::size_t k = sp.first; k <= sp.last; ++k) taken[k] = 1;
        Mention m;
        m.first_token = base + static_cast<std::uint32_t>(sp.first);
        m.end_token = base + static_cast<std::uint32_t>(sp.last) + 1;
        m.begin = doc.tokens()[m.first_token].begin;
        m.end = doc.tokens()[m.end_token - 1].end;
        m.type = type->second;
        doc.mutable_mentions().push_back(m);
        gold_id[m.first_token] = sp.id;
      }
      base += static_cast<std::uint32_t>(words.size());
    }
    auto& mentions = doc.mutable_mentions();
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    linker.link(doc);

    std::vector<std::pair<std::string, std::int32_t>> names;  // gold id, erx entity
    for (const Mention& m : doc.mentions())
      if (m.source != MentionSource::kCoreference && m.entity >= 0)
        names.emplace_back(gold_id[m.first_token], m.entity);
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = i + 1; j < names.size(); ++j) {
        const bool same_gold = !names[i].first.empty() && names[i].first == names[j].first;
        const bool same_erx = names[i].second == names[j].second;
        if (same_gold && same_erx)
          ++tp;
        else if (same_erx)
          ++fp;
        else if (same_gold)
          ++fn;
      }
    }
    // Each erx entity stands for the GUM entity most of its names belong to.
    std::map<std::int32_t, std::map<std::string, int>> votes;
    std::set<std::string> named;
    for (const auto& [id, e] : names) {
      if (id.empty()) continue;
      ++votes[e][id];
      named.insert(id);
    }
    std::map<std::uint32_t, std::int32_t> pronoun_entity;
    for (const Mention& m : doc.mentions())
      if (m.source == MentionSource::kCoreference && m.end_token == m.first_token + 1)
        pronoun_entity[m.first_token] = m.entity;
    for (std::uint32_t t = 0; t < doc.tokens().size(); ++t) {
      if (gold_id[t].empty() || !is_pronoun(lower(doc.text(doc.tokens()[t]))) ||
          !named.contains(gold_id[t]))
        continue;
      ++pronouns;
      const auto it = pronoun_entity.find(t);
      if (it == pronoun_entity.end()) continue;
      ++linked;
      const auto& v = votes[it->second];
      std::string best;
      int count = 0;
      for (const auto& [id, c] : v)
        if (c > count) best = id, count = c;
      if (best == gold_id[t]) ++correct;
    }
  }
  const auto ratio = [](long a, long b) {
    return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  std::cout << files.size() << " documents\n";
  std::cout << fmt::format(
      "name merges  precision {:6.2f}%  recall {:6.2f}%   (pairs: tp {}, fp {}, fn {})\n",
      ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn);
  std::cout << fmt::format(
      "pronouns     precision {:6.2f}%  recall {:6.2f}%   ({} with a named antecedent, {} linked, "
      "{} right)\n",
      ratio(correct, linked), ratio(correct, pronouns), pronouns, linked, correct);
  return 0;
}

}  // namespace erx::cli
