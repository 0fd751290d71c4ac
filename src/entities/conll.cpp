// Token-per-line files (CoNLL-2003, UNER / IOB2 TSV): parsing, column detection, documents.
#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "entities/tag_utils.hpp"
#include "erx/entities.hpp"
#include "erx/error.hpp"

namespace erx::ner {
namespace {

std::vector<std::string> split_fields(std::string_view line, char delimiter) {
  std::vector<std::string> fields;
  if (delimiter == '\t') {
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
  } else {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) fields.emplace_back(line.substr(i, j - i));
      i = j;
    }
  }
  return fields;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

bool is_integer(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "# key = value" or "# newdoc ..." comment lines of CoNLL-U-like files.
bool looks_like_key_comment(std::string_view line) {
  if (line.size() < 2 || line[0] != '#') return false;
  if (line.starts_with("# newdoc") || line.starts_with("# newpar")) return true;
  std::size_t eq = line.find(" = ");
  if (eq == std::string_view::npos) return false;
  std::string_view key = line.substr(1, eq - 1);
  while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
  return !key.empty() && key.find(' ') == std::string_view::npos;
}

bool looks_like_pos(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || c == '$' || c == ',' || c == '.' || c == ':' || c == '`' || c == '\'' ||
              c == '(' || c == ')' || c == '#' || c == '"' || c == '-' || c == '|';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

ConllFile parse_conll(std::string_view text, std::string_view name) {
  ConllFile file;
  file.name = std::string(name);
  // Split into lines (LF or CRLF).
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  // The delimiter and width come from the first data line.
  for (std::string_view line : lines) {
    if (is_blank(line) || looks_like_key_comment(line)) continue;
    if (line[0] == '#' && line.find('\t') == std::string_view::npos && line.find(" = ") != std::string_view::npos)
      continue;
    file.delimiter = line.find('\t') != std::string_view::npos ? '\t' : ' ';
    file.width = split_fields(line, file.delimiter).size();
    break;
  }

  ConllSentence current;
  bool pending_new_doc = false;
  auto flush = [&] {
    if (!current.lines.empty()) {
      file.sentences.push_back(std::move(current));
    } else if (!current.comments.empty()) {
      // Comments without tokens: keep them for the next sentence.
      return;
    }
    current = ConllSentence{};
    current.new_document = pending_new_doc;
    pending_new_doc = false;
  };
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (is_blank(line)) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      std::vector<std::string> fields = split_fields(line, file.delimiter);
      if (looks_like_key_comment(line) || fields.size() != file.width) {
        if (line.starts_with("# newdoc")) {
          if (current.lines.empty()) current.new_document = true;
          else pending_new_doc = true;
        }
        current.comments.emplace_back(line);
        continue;
      }
    }
    ConllLine l;
    l.line_number = n + 1;
    l.text = std::string(line);
    l.fields = split_fields(line, file.delimiter);
    if (l.fields.size() != file.width)
      throw Error(ErrorCode::kFormat, fmt::format("{}:{}: {} fields, but the first token line has {}", name, n + 1,
                                                  l.fields.size(), file.width));
    l.doc_start = l.fields[0] == "-DOCSTART-";
    if (l.doc_start) {
      // A -DOCSTART- line is its own sentence (it is followed by a blank line in CoNLL files).
      if (!current.lines.empty()) flush();
      current.new_document = true;
    }
    current.lines.push_back(std::move(l));
  }
  flush();
  if (!current.comments.empty() && current.lines.empty()) {
    // Trailing comments: attach to an empty sentence so nothing is lost.
  }

  // Columns: an index column first (UNER, CoNLL-U-like), then the word; the gold tag is the last
  // column whose values all look like tags; a POS column between them if its values look like PTB tags.
  if (file.width >= 2) {
    bool indexed = true;
    std::size_t checked = 0;
    for (const ConllSentence& s : file.sentences)
      for (const ConllLine& l : s.lines) {
        if (l.doc_start) continue;
        if (!is_integer(l.fields[0])) indexed = false;
        ++checked;
      }
    file.word_column = indexed && checked > 0 && file.width >= 3 ? 1 : 0;
    std::vector<bool> tag_like(file.width, true), pos_like(file.width, true);
    for (const ConllSentence& s : file.sentences)
      for (const ConllLine& l : s.lines) {
        if (l.doc_start) continue;
        for (std::size_t c = 0; c < file.width; ++c) {
          if (tag_like[c] && !looks_like_tag(l.fields[c])) tag_like[c] = false;
          if (pos_like[c] && !looks_like_pos(l.fields[c])) pos_like[c] = false;
        }
      }
    for (std::size_t c = file.width; c-- > static_cast<std::size_t>(file.word_column) + 1;)
      if (tag_like[c]) {
        file.tag_column = static_cast<int>(c);
        break;
      }
    int limit = file.tag_column >= 0 ? file.tag_column : static_cast<int>(file.width);
    for (int c = file.word_column + 1; c < limit; ++c)
      if (pos_like[static_cast<std::size_t>(c)] && !tag_like[static_cast<std::size_t>(c)]) {
        file.pos_column = c;
        break;
      }
  }
  return file;
}

ConllFile read_conll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kIo, path + ": read error");
  return parse_conll(buffer.str(), path);
}

std::vector<LabeledDocument> ConllFile::documents() const {
  std::vector<LabeledDocument> docs(1);
  for (const ConllSentence& s : sentences) {
    if (s.new_document && !docs.back().sentences.empty()) docs.emplace_back();
    LabeledSentence out;
    for (const ConllLine& l : s.lines) {
      if (l.doc_start) continue;
      out.words.push_back(l.fields[static_cast<std::size_t>(word_column)]);
      if (tag_column >= 0) out.tags.push_back(l.fields[static_cast<std::size_t>(tag_column)]);
      if (pos_column >= 0) out.pos.push_back(l.fields[static_cast<std::size_t>(pos_column)]);
    }
    if (!out.words.empty()) docs.back().sentences.push_back(std::move(out));
  }
  if (docs.back().sentences.empty()) docs.pop_back();
  return docs;
}

std::string_view map_type(std::string_view type, std::string_view type_set) {
  bool conll = type_set == "conll";
  bool uner = type_set == "uner";
  if (!conll && !uner) return type;
  if (type == "PER" || type == "PERSON") return "PER";
  if (type == "ORG") return "ORG";
  if (type == "LOC" || type == "GPE" || type == "FAC") return "LOC";
  if (uner) return {};
  if (type == "MISC" || type == "NORP" || type == "EVENT" || type == "PRODUCT" || type == "WORK_OF_ART" ||
      type == "LAW" || type == "LANGUAGE")
    return "MISC";
  return {};
}

}  // namespace erx::ner
