// bench_relations — linking, relation extraction and graph building throughput on one core.
//
//   bench_relations [FILE] [--conllu FILE.conllu] [--kb K] [--passes P]
//
// Input: FILE (default: the bundled examples/sample-article.txt) repeated until it is at least
// K KiB (default 1024) and run once through the built-in pipeline (not timed) for tokens, tags, a
// parse and mentions; or, with --conllu, the gold words, tags and trees of a CoNLL-U file (no
// mentions unless its MISC column has NE=B-TYPE/I-TYPE tags, as tests/data/*.conllu do).
// Then the linker, the relation extractor (entity mode and open mode) and RelationGraph::add each
// run P times (default 5) on fresh copies on the calling thread. Prints tokens/s of the fastest
// pass of each in thread CPU time (the machine may be shared). Reads nothing else, downloads
// nothing.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench_common.hpp"
#include "erx/conllu.hpp"
#include "erx/graph.hpp"
#include "erx/linker.hpp"
#include "erx/pipeline.hpp"
#include "erx/relations.hpp"

namespace {

std::string read_file(const std::string& path) {
  return erx::bench::read_file_or_exit("bench_relations", path);
}

using erx::bench::thread_cpu_seconds;

// The fastest of `passes` runs of `stage` on copies of `doc`, in seconds of thread CPU time.
template <class Stage>
double best_seconds(const erx::Document& doc, int passes, Stage stage) {
  double best = 1e300;
  for (int p = 0; p < passes; ++p) {
    erx::Document copy = doc;
    const double t0 = thread_cpu_seconds();
    stage(copy);
    best = std::min(best, thread_cpu_seconds() - t0);
  }
  return best;
}

// Mentions from MISC "NE=B-TYPE"/"NE=I-TYPE" tags, if the file has them.
void add_misc_mentions(const std::vector<erx::conllu::Sentence>& sentences, erx::Document& doc) {
  std::uint32_t token = 0;
  auto& mentions = doc.mutable_mentions();
  for (const auto& s : sentences) {
    for (const erx::conllu::Word* w : s.words()) {
      const std::size_t at = w->misc.find("NE=");
      if (at != std::string::npos && at + 5 < w->misc.size()) {
        const std::string tag = w->misc.substr(at + 3, w->misc.find('|', at) - at - 3);
        const erx::Token& t = doc.tokens()[token];
        if (tag[0] == 'I' && !mentions.empty() && mentions.back().end_token == token) {
          mentions.back().end_token = token + 1;
          mentions.back().end = t.end;
        } else {
          erx::Mention m;
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
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = ERX_SOURCE_DIR "/examples/sample-article.txt";
  std::string conllu_path;
  long kb = 1024;
  int passes = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--conllu" && i + 1 < argc) {
      conllu_path = argv[++i];
    } else if (a == "--kb" && i + 1 < argc) {
      kb = std::atol(argv[++i]);
    } else if (a == "--passes" && i + 1 < argc) {
      passes = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--help" || a == "-h") {
      std::cout << "usage: bench_relations [FILE] [--conllu FILE.conllu] [--kb K] [--passes P]\n";
      return 0;
    } else {
      path = a;
    }
  }
  try {
    erx::Document doc;
    std::string source;
    if (!conllu_path.empty()) {
      const auto sentences = erx::conllu::read_file(conllu_path);
      doc = erx::conllu::to_document(sentences);
      add_misc_mentions(sentences, doc);
      source = conllu_path + " (gold trees)";
    } else {
      const std::string text = read_file(path);
      std::string big;
      while (big.size() < static_cast<std::size_t>(kb) * 1024) big += text + "\n\n";
      doc = erx::Pipeline::english().run(big);
      source =
          path + " x" + std::to_string(big.size() / (text.size() + 2)) + " (built-in pipeline)";
    }
    const double tokens = static_cast<double>(doc.tokens().size());
    std::cout << "input: " << source << ", " << doc.tokens().size() << " tokens, "
              << doc.sentences().size() << " sentences, " << doc.mentions().size()
              << " mentions, parse: " << (doc.has_parse() ? "yes" : "no") << "\n";

    const erx::Linker linker;
    const double link_s = best_seconds(doc, passes, [&](erx::Document& d) { linker.link(d); });
    erx::Document linked = doc;
    linker.link(linked);

    const erx::RelationExtractor extractor;
    const double extract_s =
        best_seconds(linked, passes, [&](erx::Document& d) { extractor.extract(d); });
    erx::RelationOptions open_options;
    open_options.open = true;
    const erx::RelationExtractor open(erx::RelationSchema::english(), open_options);
    const double open_s = best_seconds(linked, passes, [&](erx::Document& d) { open.extract(d); });

    erx::Document extracted = linked;
    extractor.extract(extracted);
    erx::Document opened = linked;
    open.extract(opened);
    const double graph_s = best_seconds(extracted, passes, [&](erx::Document& d) {
      erx::RelationGraph g;
      g.add(d);
    });

    std::cout << "entities: " << linked.entities().size()
              << ", relations: " << extracted.relations().size()
              << " (open mode: " << opened.relations().size() << ")\n";
    std::cout << "linker:             " << static_cast<long>(tokens / link_s) << " tokens/s\n";
    std::cout << "relations:          " << static_cast<long>(tokens / extract_s) << " tokens/s\n";
    std::cout << "relations (open):   " << static_cast<long>(tokens / open_s) << " tokens/s\n";
    std::cout << "graph add:          " << static_cast<long>(tokens / graph_s) << " tokens/s\n";
    std::cout << "linker + relations: " << static_cast<long>(tokens / (link_s + extract_s))
              << " tokens/s\n";
  } catch (const std::exception& e) {
    std::cerr << "bench_relations: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
