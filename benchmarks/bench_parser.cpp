// bench_parser — dependency parsing throughput on one core, and its cost on very long sentences.
//
//   bench_parser [FILE] [--conllu FILE.conllu] [--model parser.erxm] [--kb K] [--passes P]
//
// Input: FILE (default: the bundled examples/sample-article.txt) repeated until it is at least
// K KiB (default 1024), tokenized and tagged once with the built-in tokenizer and tagger (not
// timed); or, with --conllu, the words and gold tags of a CoNLL-U file. The parser (built-in, or
// --model) then parses a fresh copy of the document P times (default 5) on the calling thread.
// Prints tokens/s of the fastest pass in thread CPU time (the machine may be shared), the model
// size, and the time to parse one 1,000-token and one 100,000-token sentence without
// punctuation (cost must grow linearly). Reads nothing else, downloads nothing.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench_common.hpp"
#include "erx/conllu.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
  return erx::bench::read_file_or_exit("bench_parser", path);
}

using erx::bench::thread_cpu_seconds;

// The fastest of `passes` parses of copies of `doc`, in seconds of thread CPU time.
double best_parse_seconds(const erx::Parser& parser, const erx::Document& doc, int passes) {
  double best = 1e300;
  for (int p = 0; p < passes; ++p) {
    erx::Document copy = doc;
    const double t0 = thread_cpu_seconds();
    parser.parse(copy);
    best = std::min(best, thread_cpu_seconds() - t0);
  }
  return best;
}

// `doc`'s first `n` tokens (repeating the document as needed) as one sentence, punctuation
// tokens left out: the worst case for a parser whose stack can only grow.
erx::Document one_long_sentence(const erx::Document& doc, std::size_t n) {
  std::string text;
  std::vector<erx::Token> tokens;
  std::vector<std::string> xpos, lemma;
  const auto& source = doc.tokens();
  for (std::size_t i = 0; tokens.size() < n; i = (i + 1) % source.size()) {
    const erx::Token& t = source[i];
    if (t.upos == erx::Upos::kPUNCT || t.kind == erx::TokenKind::kPunct) continue;
    erx::Token copy = t;
    copy.begin = static_cast<std::uint32_t>(text.size());
    text += doc.text(t);
    copy.end = static_cast<std::uint32_t>(text.size());
    text += ' ';
    tokens.push_back(copy);
    xpos.emplace_back(doc.xpos(t));
    lemma.emplace_back(doc.lemma(t));
  }
  erx::Document out(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    erx::Token t = tokens[i];
    t.norm = {};
    t.xpos = out.store(xpos[i]);
    t.lemma = out.store(lemma[i]);
    out.mutable_tokens().push_back(t);
  }
  out.mutable_sentences().push_back({0, static_cast<std::uint32_t>(tokens.size()), 0, tokens.back().end});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = ERX_SOURCE_DIR "/examples/sample-article.txt";
  std::string conllu_path, model_path;
  long kb = 1024;
  int passes = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else if (a == "--conllu" && i + 1 < argc) {
      conllu_path = argv[++i];
    } else if (a == "--kb" && i + 1 < argc) {
      kb = std::atol(argv[++i]);
    } else if (a == "--passes" && i + 1 < argc) {
      passes = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--help" || a == "-h") {
      std::cout << "usage: bench_parser [FILE] [--conllu FILE.conllu] [--model parser.erxm] [--kb K] [--passes P]\n";
      return 0;
    } else {
      path = a;
    }
  }
  try {
    const erx::Parser parser = model_path.empty() ? erx::Parser::english() : erx::Parser::load(model_path);
    erx::Document doc;
    std::string source;
    if (!conllu_path.empty()) {
      doc = erx::conllu::to_document(erx::conllu::read_file(conllu_path));
      source = conllu_path + " (gold words and tags)";
    } else {
      const std::string unit = read_file(path);
      std::string text;
      while (text.size() < static_cast<std::size_t>(kb) * 1024) text += unit + "\n\n";
      doc = erx::Tokenizer().tokenize(text);
      erx::Tagger::english().tag(doc);
      source = path + " (repeated, tokenized and tagged by erx)";
    }
    const double seconds = best_parse_seconds(parser, doc, passes);
    const double tokens = static_cast<double>(doc.tokens().size());
    std::cout << "input:        " << source << '\n'
              << "tokens:       " << doc.tokens().size() << " in " << doc.sentences().size() << " sentences\n"
              << "model:        " << parser.memory_bytes() / 1024 << " KiB in memory, " << parser.labels().size()
              << " labels\n"
              << "parse:        " << static_cast<long>(tokens / seconds) << " tokens/s (best of " << passes
              << " passes, one core, thread CPU time)\n";
    for (std::size_t n : {std::size_t{1000}, std::size_t{100000}}) {
      const erx::Document longest = one_long_sentence(doc, n);
      const double s = best_parse_seconds(parser, longest, 1);
      std::cout << "one sentence: " << n << " tokens without punctuation in " << s * 1000.0 << " ms ("
                << static_cast<long>(static_cast<double>(n) / s) << " tokens/s)\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_parser: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
