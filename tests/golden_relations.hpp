// The golden relation cases of tests/data/relations_golden.conllu: reading them, building their
// documents from gold trees and gold mentions, and checking a document against their expectations.
// Shared by test_relations.cpp and test_linker.cpp.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "erx/conllu.hpp"
#include "erx/document.hpp"
#include "erx/relations.hpp"

namespace erx::test {

// One expected (or rejected) relation: "Lee --visit--> Beijing | VISIT | hypothetical negated".
struct RelationExpectation {
  std::string line;  // as written, for messages
  std::string subject, predicate, object, type;
  bool check_modality = false;
  Modality modality = Modality::kAsserted;
  bool negated = false;
};

// One expected entity: "Huawei | ORG | The company, it".
struct EntityExpectation {
  std::string line;
  std::string name, type;
  std::vector<std::string> mentions;
};

struct GoldenCase {
  std::string id;
  std::vector<conllu::Sentence> sentences;
  std::vector<RelationExpectation> expect, reject;
  std::vector<EntityExpectation> entities;
  std::vector<std::string> unlinked;  // mention texts that must belong to no entity
  std::vector<std::pair<std::string, std::string>>
      distinct;  // (entity name, a text it must not have)
  bool open = false, schema_only = false;
};

inline std::string trim_copy(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

inline std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t next = s.find(sep, pos);
    out.push_back(trim_copy(
        s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos)));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

inline RelationExpectation parse_relation_expectation(const std::string& line) {
  RelationExpectation e;
  e.line = line;
  const auto fields = split(line, '|');
  const std::string& link = fields[0];
  const std::size_t a = link.find(" --");
  const std::size_t b = link.find("--> ");
  e.subject = link.substr(0, a);
  e.predicate = link.substr(a + 3, b - a - 3);
  e.object = link.substr(b + 4);
  if (fields.size() > 1) e.type = fields[1];
  if (fields.size() > 2) {
    std::istringstream flags(fields[2]);
    std::string flag;
    while (flags >> flag) {
      if (flag == "negated")
        e.negated = true;
      else if (flag == "asserted")
        e.check_modality = true, e.modality = Modality::kAsserted;
      else if (flag == "reported")
        e.check_modality = true, e.modality = Modality::kReported;
      else if (flag == "hypothetical")
        e.check_modality = true, e.modality = Modality::kHypothetical;
    }
  }
  return e;
}

// Reads the golden file: documents start at "# newdoc id = ..."; their expectations are the
// "# expect/reject/entity/unlinked/options = ..." comments of their first sentence.
inline std::vector<GoldenCase> load_golden(const std::string& path) {
  std::vector<GoldenCase> cases;
  for (conllu::Sentence& s : conllu::read_file(path)) {
    if (s.has_comment("newdoc")) {
      cases.emplace_back();
      cases.back().id = std::string(s.comment("newdoc id"));
      for (const std::string& c : s.comments) {
        const std::size_t eq = c.find(" = ");
        if (eq == std::string::npos) continue;
        const std::string key = c.substr(0, eq), value = c.substr(eq + 3);
        GoldenCase& g = cases.back();
        if (key == "expect")
          g.expect.push_back(parse_relation_expectation(value));
        else if (key == "reject")
          g.reject.push_back(parse_relation_expectation(value));
        else if (key == "unlinked")
          g.unlinked.push_back(value);
        else if (key == "distinct") {
          const auto fields = split(value, '|');
          g.distinct.emplace_back(fields[0], fields.size() > 1 ? fields[1] : "");
        } else if (key == "options") {
          g.open = value.find("open") != std::string::npos;
          g.schema_only = value.find("schema-only") != std::string::npos;
        } else if (key == "entity") {
          const auto fields = split(value, '|');
          EntityExpectation e;
          e.line = value;
          e.name = fields[0];
          e.type = fields.size() > 1 ? fields[1] : "";
          if (fields.size() > 2)
            for (const std::string& m : split(fields[2], ',')) e.mentions.push_back(m);
          g.entities.push_back(std::move(e));
        }
      }
    }
    if (!cases.empty()) cases.back().sentences.push_back(std::move(s));
  }
  return cases;
}

// The case's document from its gold trees, with the gold mentions of MISC "NE=B-TYPE/I-TYPE".
inline Document gold_document(const GoldenCase& g) {
  Document doc = conllu::to_document(g.sentences);
  auto& mentions = doc.mutable_mentions();
  std::uint32_t token = 0;
  for (const conllu::Sentence& s : g.sentences) {
    for (const conllu::Word* w : s.words()) {
      const std::size_t at = w->misc.find("NE=");
      if (at != std::string::npos) {
        std::string tag = w->misc.substr(at + 3);
        tag = tag.substr(0, tag.find('|'));
        const Token& t = doc.tokens()[token];
        if (tag[0] == 'I' && !mentions.empty() && mentions.back().end_token == token) {
          mentions.back().end_token = token + 1;
          mentions.back().end = t.end;
        } else {
          Mention m;
          m.first_token = token;
          m.end_token = token + 1;
          m.begin = t.begin;
          m.end = t.end;
          m.type = tag.substr(2);
          mentions.push_back(m);
        }
      }
      ++token;
    }
  }
  return doc;
}

// The name of an argument: its entity's canonical name, or its text for a plain phrase.
inline std::string argument_name(const Document& doc, const Argument& a) {
  if (a.entity >= 0) return doc.entities()[static_cast<std::size_t>(a.entity)].name;
  return std::string(doc.text(a.begin, a.end));
}

inline bool same_link(const Document& doc, const Relation& r, const RelationExpectation& e) {
  return argument_name(doc, r.subject) == e.subject && r.predicate == e.predicate &&
         argument_name(doc, r.object) == e.object;
}

// All relations of `doc`, one per line, for failure messages.
inline std::string describe(const Document& doc) {
  std::string out;
  for (const Relation& r : doc.relations()) {
    out += "  " + argument_name(doc, r.subject) + " --" + r.predicate + "--> " +
           argument_name(doc, r.object) + " | " + r.type + " | " +
           std::string(to_string(r.modality)) + (r.negated ? " negated" : "") + "\n";
  }
  out += " entities:";
  for (const Entity& e : doc.entities()) {
    out += " [" + e.name + " " + e.type + ":";
    for (std::uint32_t m : e.mentions) out += " '" + std::string(doc.text(doc.mentions()[m])) + "'";
    out += "]";
  }
  return out;
}

// Checks `doc` against the case. Returns "" when every expectation holds, else what failed.
inline std::string check_case(const GoldenCase& g, const Document& doc) {
  std::string failures;
  for (const RelationExpectation& e : g.expect) {
    const auto it = std::find_if(doc.relations().begin(), doc.relations().end(),
                                 [&](const Relation& r) { return same_link(doc, r, e); });
    if (it == doc.relations().end()) {
      failures += "missing: " + e.line + "\n";
      continue;
    }
    if (!e.type.empty() && it->type != e.type)
      failures += "wrong type " + it->type + ": " + e.line + "\n";
    if (e.check_modality && it->modality != e.modality)
      failures += "wrong modality " + std::string(to_string(it->modality)) + ": " + e.line + "\n";
    if (it->negated != e.negated) failures += std::string("wrong negation: ") + e.line + "\n";
  }
  for (const RelationExpectation& e : g.reject) {
    for (const Relation& r : doc.relations())
      if (same_link(doc, r, e)) failures += "unexpected: " + e.line + "\n";
  }
  for (const EntityExpectation& e : g.entities) {
    const auto it = std::find_if(doc.entities().begin(), doc.entities().end(),
                                 [&](const Entity& x) { return x.name == e.name; });
    if (it == doc.entities().end()) {
      failures += "missing entity: " + e.line + "\n";
      continue;
    }
    if (!e.type.empty() && it->type != e.type)
      failures += "wrong entity type " + it->type + ": " + e.line + "\n";
    for (const std::string& text : e.mentions) {
      const bool found =
          std::any_of(it->mentions.begin(), it->mentions.end(),
                      [&](std::uint32_t m) { return doc.text(doc.mentions()[m]) == text; });
      if (!found) failures += "entity lacks mention '" + text + "': " + e.line + "\n";
    }
  }
  for (const std::string& text : g.unlinked) {
    for (const Mention& m : doc.mentions())
      if (doc.text(m) == text && m.entity >= 0) failures += "'" + text + "' should not be linked\n";
  }
  for (const auto& [name, text] : g.distinct) {
    const auto it = std::find_if(doc.entities().begin(), doc.entities().end(),
                                 [&](const Entity& x) { return x.name == name; });
    if (it == doc.entities().end()) {
      failures += "missing entity: " + name + "\n";
      continue;
    }
    for (std::uint32_t m : it->mentions)
      if (doc.text(doc.mentions()[m]) == text)
        failures += "'" + text + "' wrongly merged into " + name + "\n";
  }
  if (!failures.empty()) failures += "got:\n" + describe(doc);
  return failures;
}

}  // namespace erx::test
