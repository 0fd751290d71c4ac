// bench_tagger — part-of-speech tagging + lemmatization throughput on one core.
//
//   bench_tagger [FILE] [--model tagger.erxm] [--kb K] [--passes P]
//
// Reads FILE (default: the bundled examples/sample-article.txt), repeats it until it is at least
// K KiB (default 2048), tokenizes it once (not timed), then tags a fresh copy of the tokenized
// document P times (default 5) on the calling thread with the built-in English tagger (or
// --model). Prints tokens/s of the fastest pass in thread CPU time (the machine may be shared),
// and the tagger's model size. Reads nothing else, downloads nothing.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench_common.hpp"
#include "erx/model.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
  return erx::bench::read_file_or_exit("bench_tagger", path);
}

using erx::bench::thread_cpu_seconds;

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
