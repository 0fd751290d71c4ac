// erx::to_json: a Document in the JSON shape of DESIGN.md.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "erx/writers.hpp"
#include "writers/json_format.hpp"

namespace erx {
namespace {

using boost::json::array;
using boost::json::object;
using writers::json_text;

std::string entity_id(std::int32_t index) {
  std::string id = std::to_string(index + 1);
  id.insert(id.begin(), 'e');
  return id;
}

object token_json(const Document& doc, const Token& t, std::uint32_t sentence_first) {
  object o;
  o["start"] = t.begin;
  o["end"] = t.end;
  o["text"] = json_text(doc.text(t));
  if (t.upos != Upos::kNone) o["upos"] = to_string(t.upos);
  if (!doc.xpos(t).empty()) o["xpos"] = json_text(doc.xpos(t));
  if (!doc.lemma(t).empty()) o["lemma"] = json_text(doc.lemma(t));
  if (doc.has_parse()) {
    o["head"] = t.head < 0 ? 0 : static_cast<std::int64_t>(t.head) - sentence_first + 1;
    o["deprel"] = json_text(doc.deprel(t));
  }
  return o;
}

object argument_json(const Document& doc, const Argument& a) {
  object o;
  const auto& entities = doc.entities();
  if (a.entity >= 0 && static_cast<std::size_t>(a.entity) < entities.size()) {
    const Entity& e = entities[static_cast<std::size_t>(a.entity)];
    o["entity"] = entity_id(a.entity);
    o["name"] = json_text(e.name);
    o["type"] = json_text(e.type);
  }
  o["text"] = json_text(doc.text(a.begin, a.end));
  o["start"] = a.begin;
  o["end"] = a.end;
  return o;
}

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  object root;
  root["id"] = json_text(doc.id());

  array sentences;
  for (const Sentence& s : doc.sentences()) {
    object o;
    o["start"] = s.begin;
    o["end"] = s.end;
    if (options.include_tokens) {
      array tokens;
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
        tokens.push_back(token_json(doc, doc.tokens()[i], s.first_token));
      o["tokens"] = std::move(tokens);
    }
    sentences.push_back(std::move(o));
  }
  root["sentences"] = std::move(sentences);

  array entities;
  for (std::size_t i = 0; i < doc.entities().size(); ++i) {
    const Entity& e = doc.entities()[i];
    object o;
    o["id"] = entity_id(static_cast<std::int32_t>(i));
    o["name"] = json_text(e.name);
    o["type"] = json_text(e.type);
    array mentions;
    for (std::uint32_t m : e.mentions) {
      const Mention& mention = doc.mentions()[m];
      object mo;
      mo["start"] = mention.begin;
      mo["end"] = mention.end;
      mo["text"] = json_text(doc.text(mention));
      mo["sentence"] = doc.sentences().empty() ? 0 : doc.sentence_of(mention.first_token);
      mentions.push_back(std::move(mo));
    }
    o["mentions"] = std::move(mentions);
    if (!e.aliases.empty()) {
      array aliases;
      for (const std::string& alias : e.aliases) aliases.push_back(json_text(alias));
      o["aliases"] = std::move(aliases);
    }
    entities.push_back(std::move(o));
  }
  root["entities"] = std::move(entities);

  array relations;
  for (const Relation& r : doc.relations()) {
    object o;
    o["subject"] = argument_json(doc, r.subject);
    o["predicate"] = json_text(r.predicate);
    o["predicate_text"] = json_text(r.predicate_text);
    o["type"] = json_text(r.type);
    o["object"] = argument_json(doc, r.object);
    if (!r.arguments.empty()) {
      array extra;
      for (const Argument& a : r.arguments) extra.push_back(argument_json(doc, a));
      o["arguments"] = std::move(extra);
    }
    if (r.passive) o["passive"] = true;  // open mode: the object comes first in the sentence
    o["negated"] = r.negated;
    o["modality"] = to_string(r.modality);
    o["confidence"] = static_cast<double>(r.confidence);
    o["sentence"] = r.sentence;
    object evidence;
    evidence["start"] = r.evidence_begin;
    evidence["end"] = r.evidence_end;
    o["evidence"] = std::move(evidence);
    relations.push_back(std::move(o));
  }
  root["relations"] = std::move(relations);

  std::string out;
  writers::format_json(out, root, options.pretty);
  out += '\n';
  return out;
}

}  // namespace erx
