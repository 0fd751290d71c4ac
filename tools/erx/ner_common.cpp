// Helpers shared by the NER subcommands (see ner_common.hpp).
#include "erx/ner_common.hpp"

#include <set>

#include "erx/error.hpp"
#include "erx/model.hpp"
#include "erx/tagger.hpp"

namespace erx::cli {

std::string resolve_type_set(const std::string& requested, const ner::ConllFile& file) {
  if (requested != "auto") {
    if (requested != "conll" && requested != "uner" && requested != "all")
      throw Error(ErrorCode::kInvalidArgument, "unknown type set '" + requested + "' (expected auto, conll, uner or all)");
    return requested;
  }
  if (file.tag_column < 0) return "all";
  std::set<std::string> types;
  for (const ner::ConllSentence& s : file.sentences)
    for (const ner::ConllLine& l : s.lines) {
      if (l.doc_start) continue;
      const std::string& tag = l.fields[static_cast<std::size_t>(file.tag_column)];
      std::size_t dash = tag.find('-');
      if (dash != std::string::npos) types.insert(tag.substr(dash + 1));
    }
  if (types.count("MISC")) return "conll";
  for (const std::string& t : types)
    if (t != "PER" && t != "ORG" && t != "LOC" && t != "OTHER") return "all";
  return "uner";
}

EntityRecognizer conll_recognizer(const std::string& model_path, const std::string& type_set,
                                  const std::string& rules_path) {
  EntityRecognizerOptions options;
  bool all = type_set == "all";
  options.patterns = all;
  options.titles = all;
  options.refine_types = all;
  EntityRecognizer r = model_path.empty() ? EntityRecognizer::english(options) : EntityRecognizer::load(model_path, options);
  if (!rules_path.empty()) {
    EntityRuler rules;
    rules.load(rules_path);
    r = r.with_rules(std::move(rules));
  }
  return r;
}

void apply_pos(std::vector<LabeledDocument>& docs, const std::string& pos) {
  if (pos == "file") return;
  if (pos == "none") {
    for (LabeledDocument& d : docs)
      for (LabeledSentence& s : d.sentences) s.pos.clear();
    return;
  }
  if (pos != "tagger") throw Error(ErrorCode::kInvalidArgument, "unknown --pos '" + pos + "' (expected tagger, file or none)");
  static const Tagger tagger = Tagger::english();
  for (LabeledDocument& d : docs)
    for (LabeledSentence& s : d.sentences) {
      std::string text;
      std::vector<Token> tokens;
      for (const std::string& w : s.words) {
        if (!text.empty()) text += ' ';
        Token t;
        t.begin = static_cast<std::uint32_t>(text.size());
        text += w;
        t.end = static_cast<std::uint32_t>(text.size());
        tokens.push_back(t);
      }
      Document doc(text);
      Sentence sent;
      sent.first_token = 0;
      sent.end_token = static_cast<std::uint32_t>(tokens.size());
      sent.begin = 0;
      sent.end = static_cast<std::uint32_t>(text.size());
      doc.mutable_tokens() = std::move(tokens);
      doc.mutable_sentences() = {sent};
      tagger.tag(doc);
      s.pos.clear();
      for (const Token& t : doc.tokens()) s.pos.emplace_back(doc.xpos(t));
    }
}

std::size_t add_lowercase_copies(std::vector<LabeledDocument>& docs, double fraction) {
  if (!(fraction > 0.0)) return 0;
  const std::size_t n = docs.size();
  std::size_t added = 0;
  for (std::size_t d = 0; d < n; ++d) {
    const auto before = static_cast<std::size_t>(static_cast<double>(d) * fraction);
    const auto after = static_cast<std::size_t>(static_cast<double>(d + 1) * fraction);
    if (after == before) continue;
    LabeledDocument copy = docs[d];
    for (LabeledSentence& s : copy.sentences) {
      for (std::string& w : s.words)
        for (char& c : w)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      s.pos.clear();
    }
    docs.push_back(std::move(copy));
    ++added;
  }
  return added;
}

std::vector<std::vector<std::string>> predict_tags(const EntityRecognizer& recognizer, const ner::ConllFile& file,
                                                   const std::string& type_set, ner::TagScheme scheme,
                                                   const std::string& pos) {
  // Group the file's sentences into documents the way ConllFile::documents() does, remembering
  // which file sentence each labeled sentence came from.
  std::vector<std::vector<std::string>> out(file.sentences.size());
  std::vector<LabeledDocument> docs(1);
  std::vector<std::vector<std::size_t>> origin(1);
  for (std::size_t si = 0; si < file.sentences.size(); ++si) {
    const ner::ConllSentence& s = file.sentences[si];
    out[si].assign(s.lines.size(), "O");
    if (s.new_document && !docs.back().sentences.empty()) {
      docs.emplace_back();
      origin.emplace_back();
    }
    LabeledSentence ls;
    for (const ner::ConllLine& l : s.lines) {
      if (l.doc_start) continue;
      ls.words.push_back(l.fields[static_cast<std::size_t>(file.word_column)]);
      if (file.pos_column >= 0) ls.pos.push_back(l.fields[static_cast<std::size_t>(file.pos_column)]);
    }
    if (ls.words.empty()) continue;
    docs.back().sentences.push_back(std::move(ls));
    origin.back().push_back(si);
  }
  apply_pos(docs, pos);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::vector<std::vector<Mention>> mentions = recognizer.recognize(docs[d]);
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      std::size_t si = origin[d][k];
      const ner::ConllSentence& s = file.sentences[si];
      std::vector<ner::TagSpan> spans;
      for (const Mention& m : mentions[k]) {
        std::string_view type = ner::map_type(m.type, type_set);
        if (type.empty()) continue;
        spans.push_back({m.first_token, m.end_token, std::string(type)});
      }
      std::vector<std::string> tags = ner::tags_from_spans(docs[d].sentences[k].words.size(), spans, scheme);
      // Put the tags back on the file's lines, skipping -DOCSTART- lines (tagged O).
      std::size_t t = 0;
      for (std::size_t li = 0; li < s.lines.size(); ++li)
        if (!s.lines[li].doc_start) out[si][li] = tags[t++];
    }
  }
  return out;
}

}  // namespace erx::cli
