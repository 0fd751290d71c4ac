// Conversions between CoNLL-U sentences and erx Documents (erx/conllu.hpp).
#include <charconv>
#include <string>

#include "erx/conllu.hpp"
#include "erx/error.hpp"

namespace erx::conllu {
namespace {

bool starts_document_or_paragraph(const Sentence& s) {
  return s.has_comment("newdoc") || s.has_comment("newpar");
}

bool parse_int(std::string_view text, int& value) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// The surface tokens of a sentence: multi-word token lines replace the words they cover.
std::vector<const Word*> surface_tokens(const Sentence& s) {
  std::vector<const Word*> out;
  int skip_until = 0;
  for (const Word& w : s.lines) {
    if (w.is_empty_node()) continue;
    if (w.is_multiword()) {
      out.push_back(&w);
      parse_int(std::string_view(w.id).substr(w.id.find('-') + 1), skip_until);
      continue;
    }
    int id = 0;
    parse_int(w.id, id);
    if (id <= skip_until) continue;
    out.push_back(&w);
  }
  return out;
}

void append_clean(std::string& out, std::string_view text) {
  for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

std::string raw_text(std::span<const Sentence> sentences) {
  std::string text;
  bool first = true;
  for (const Sentence& s : sentences) {
    if (!first) text += starts_document_or_paragraph(s) ? "\n\n" : " ";
    first = false;
    std::string_view given = s.comment("text");
    if (!given.empty() || s.has_comment("text")) {
      text += given;
      continue;
    }
    auto tokens = surface_tokens(s);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      text += tokens[i]->form;
      if (i + 1 < tokens.size() && !tokens[i]->no_space_after()) text += ' ';
    }
  }
  return text;
}

Document to_document(std::span<const Sentence> sentences) {
  // First the text, remembering each word's span.
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  bool first = true;
  for (const Sentence& s : sentences) {
    if (!first) text += starts_document_or_paragraph(s) ? "\n\n" : "\n";
    first = false;
    auto words = s.words();
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto begin = static_cast<std::uint32_t>(text.size());
      text += words[i]->form;
      spans.emplace_back(begin, static_cast<std::uint32_t>(text.size()));
      if (i + 1 < words.size() && !words[i]->no_space_after()) text += ' ';
    }
  }

  Document doc(text);
  auto& tokens = doc.mutable_tokens();
  auto& out_sentences = doc.mutable_sentences();
  tokens.reserve(spans.size());
  bool all_heads = true;
  std::size_t next_span = 0;
  for (const Sentence& s : sentences) {
    auto words = s.words();
    const auto first_token = static_cast<std::uint32_t>(tokens.size());
    for (const Word* w : words) {
      Token t;
      t.begin = spans[next_span].first;
      t.end = spans[next_span].second;
      ++next_span;
      t.upos = upos_from_string(w->upos);
      t.kind = t.upos == Upos::kPUNCT ? TokenKind::kPunct : TokenKind::kWord;
      if (w->xpos != "_") t.xpos = doc.store(w->xpos);
      if (w->lemma != "_" || w->form == "_") t.lemma = doc.store(w->lemma);
      if (w->deprel != "_") t.deprel = doc.store(w->deprel);
      int head = 0;
      if (parse_int(w->head, head) && head >= 0 && static_cast<std::size_t>(head) <= words.size()) {
        t.head = head == 0 ? -1 : static_cast<std::int32_t>(first_token) + head - 1;
      } else {
        all_heads = false;
      }
      tokens.push_back(t);
    }
    if (!words.empty()) {
      const auto end_token = static_cast<std::uint32_t>(tokens.size());
      out_sentences.push_back({first_token, end_token, tokens[first_token].begin, tokens[end_token - 1].end});
    }
  }
  doc.set_has_parse(all_heads && !tokens.empty());
  return doc;
}

std::string write(const Document& doc) {
  std::string out;
  const auto& tokens = doc.tokens();
  for (const erx::Sentence& s : doc.sentences()) {
    out += "# text = ";
    append_clean(out, doc.text(s));
    out += '\n';
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = tokens[i];
      out += std::to_string(i - s.first_token + 1);
      out += '\t';
      append_clean(out, doc.text(t));
      out += '\t';
      std::string_view lemma = doc.lemma(t);
      out += lemma.empty() ? "_" : lemma;
      out += '\t';
      out += to_string(t.upos);
      out += '\t';
      std::string_view xpos = doc.xpos(t);
      out += xpos.empty() ? "_" : xpos;
      out += "\t_\t";
      if (doc.has_parse()) {
        out += t.head < 0 ? "0" : std::to_string(static_cast<std::uint32_t>(t.head) - s.first_token + 1);
      } else {
        out += '_';
      }
      out += '\t';
      std::string_view deprel = doc.deprel(t);
      out += deprel.empty() ? "_" : deprel;
      out += "\t_\t";
      const bool glued = i + 1 < s.end_token && tokens[i + 1].begin == t.end;
      if (glued) out += "SpaceAfter=No|";
      out += "TokenRange=" + std::to_string(t.begin) + ':' + std::to_string(t.end);
      out += '\n';
    }
    out += '\n';
  }
  return out;
}

}  // namespace erx::conllu
