// bench_tagger — part-of-speech tagging + lemmatization throughput on one core.
//
//   bench_tagger [FILE] [--model tagger.erxm] [--kb K] [--passes P]
//
// Reads FILE (default: the bundled examples/sample-article.txt), repeats it until it is at least
// K KiB (default 2048), tokenizes it once (not timed), then tags a fresh copy of the tokenized
// document P times (default 5) on the calling thread with the built-in English tagger (or
// --model). Prints tokens/s of the fastest pass in thread CPU time (the machine may be shared),
// and the tagger's model size. Reads nothing else, downloads nothing.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "erx/model.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "bench_tagger: cannot read " << path << '\n';
    std::exit(1);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = ERX_SOURCE_DIR "/examples/sample-article.txt";
  std::string model_path;
  long kb = 2048;
  int passes = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else if (a == "--kb" && i + 1 < argc) kb = std::atol(argv[++i]);
    else if (a == "--passes" && i + 1 < argc) passes = std::atoi(argv[++i]);
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: bench_tagger [FILE] [--model tagger.erxm] [--kb K] [--passes P]\n";
      return 0;
    } else path = a;
  }
  try {
    const std::string once = read_file(path);
    std::string text;
    while (text.size() < static_cast<std::size_t>(kb) * 1024) text += once + "\n\n";
    const erx::Tagger tagger =
        model_path.empty() ? erx::Tagger::english() : erx::Tagger::load(erx::ModelFile::load(model_path, "tagger"));
    const erx::Document tokenized = erx::Tokenizer().tokenize(text);
    const std::size_t tokens = tokenized.tokens().size();
    double best = 1e30;
    for (int p = 0; p < passes; ++p) {
      erx::Document doc = tokenized;
      const double t0 = thread_cpu_seconds();
      tagger.tag(doc);
      best = std::min(best, thread_cpu_seconds() - t0);
    }
    std::printf("input: %s, %zu bytes, %zu tokens, %zu sentences\n", path.c_str(), text.size(), tokens,
                tokenized.sentences().size());
    std::printf("model: %s, %zu bytes\n", tagger.model().name().c_str(), tagger.model().file_size());
    std::printf("tagging (UPOS + XPOS + lemma): %.0f tokens/s (best of %d passes, %.3f s CPU per pass)\n",
                static_cast<double>(tokens) / best, passes, best);
  } catch (const std::exception& e) {
    std::cerr << "bench_tagger: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
