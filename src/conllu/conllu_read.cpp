// Reading and writing CoNLL-U lines (erx/conllu.hpp): the column level.
#include <fstream>
#include <istream>
#include <ostream>
#include <string>

#include "erx/conllu.hpp"
#include "erx/error.hpp"

namespace erx::conllu {
namespace {

[[noreturn]] void fail(std::string_view name, std::size_t line, const std::string& problem) {
  throw Error(ErrorCode::kFormat, std::string(name) + ":" + std::to_string(line) + ": " + problem);
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  int separators = 0;
  for (char c : id) {
    if (c == '-' || c == '.') {
      ++separators;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return separators <= 1 && id.front() != '-' && id.front() != '.' && id.back() != '-' &&
         id.back() != '.';
}

}  // namespace

bool Word::no_space_after() const noexcept {
  std::string_view m = misc;
  std::size_t pos = 0;
  while (pos <= m.size()) {
    std::size_t bar = m.find('|', pos);
    if (bar == std::string_view::npos) bar = m.size();
    if (m.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

std::string_view Sentence::comment(std::string_view key) const noexcept {
  for (const std::string& c : comments) {
    std::string_view v = c;
    if (v.size() > key.size() && v.substr(0, key.size()) == key) {
      std::string_view rest = v.substr(key.size());
      std::size_t i = 0;
      while (i < rest.size() && rest[i] == ' ') ++i;
      if (i < rest.size() && rest[i] == '=') {
        ++i;
        if (i < rest.size() && rest[i] == ' ') ++i;
        return rest.substr(i);
      }
    }
  }
  return {};
}

bool Sentence::has_comment(std::string_view key) const noexcept {
  for (const std::string& c : comments)
    if (std::string_view(c).substr(0, key.size()) == key) return true;
  return false;
}

std::vector<const Word*> Sentence::words() const {
  std::vector<const Word*> out;
  out.reserve(lines.size());
  for (const Word& w : lines)
    if (!w.is_multiword() && !w.is_empty_node()) out.push_back(&w);
  return out;
}

std::vector<Sentence> read(std::istream& in, std::string_view name) {
  std::vector<Sentence> sentences;
  Sentence current;
  std::string line;
  std::size_t line_number = 0;
  auto flush = [&] {
    if (!current.lines.empty()) sentences.push_back(std::move(current));
    else if (!current.comments.empty()) sentences.push_back(std::move(current));
    current = Sentence{};
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      std::size_t start = 1;
      while (start < line.size() && line[start] == ' ') ++start;
      current.comments.push_back(line.substr(start));
      continue;
    }
    Word w;
    std::string* fields[10] = {&w.id,   &w.form, &w.lemma, &w.upos, &w.xpos,
                               &w.feats, &w.head, &w.deprel, &w.deps, &w.misc};
    std::size_t pos = 0;
    for (int f = 0; f < 10; ++f) {
      std::size_t tab = line.find('\t', pos);
      if (f < 9 && tab == std::string::npos)
        fail(name, line_number, "expected 10 tab-separated columns, found " + std::to_string(f + 1));
      if (f == 9 && tab != std::string::npos) fail(name, line_number, "more than 10 columns");
      *fields[f] = line.substr(pos, f == 9 ? std::string::npos : tab - pos);
      pos = tab + 1;
    }
    if (!valid_id(w.id)) fail(name, line_number, "bad word id '" + w.id + "'");
    current.lines.push_back(std::move(w));
  }
  if (in.bad()) throw Error(ErrorCode::kIo, std::string(name) + ": read error");
  flush();
  return sentences;
}

std::vector<Sentence> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open for reading");
  return read(in, path);
}

void write(std::ostream& out, const Sentence& sentence) {
  for (const std::string& c : sentence.comments) out << "# " << c << '\n';
  for (const Word& w : sentence.lines) {
    out << w.id << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos << '\t'
        << w.feats << '\t' << w.head << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc
        << '\n';
  }
  out << '\n';
}

}  // namespace erx::conllu
