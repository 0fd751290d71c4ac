// bench_ner — entity recognition throughput on one core, and the size of the entity model.
//
//   bench_ner [FILE] [--model M] [--kb K] [--passes P] [--no-patterns] [--one-pass]
//
// Reads FILE (default: the bundled examples/sample-article.txt, else ../shared/seed-article.txt),
// repeats it until the text is at least K KiB (default 2048), tokenizes it once into documents of
// one copy each, then runs EntityRecognizer::recognize over every document P times (default 3) on
// the calling thread. Prints tokens/s of the fastest pass (thread CPU time, so other processes on a
// busy machine do not count), mentions found, the model file size and the peak resident set size.
// Tokenization is not timed (bench_tokenizer measures it). Reads nothing else, downloads nothing.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "erx/entities.hpp"
#include "erx/model.hpp"
#include "erx/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
  return erx::bench::read_file_or_exit("bench_ner", path);
}

using erx::bench::thread_cpu_seconds;

using erx::bench::peak_rss_kib;

}  // namespace

int main(int argc, char** argv) {
  std::string file, model_path;
  std::size_t kib = 2048;
  int passes = 3;
  erx::EntityRecognizerOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else if (a == "--kb" && i + 1 < argc) kib = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--passes" && i + 1 < argc) passes = std::atoi(argv[++i]);
    else if (a == "--no-patterns") options.patterns = options.titles = false;
    else if (a == "--one-pass") options.two_pass = false;
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: bench_ner [FILE] [--model M] [--kb K] [--passes P] [--no-patterns] [--one-pass]\n";
      return 0;
    } else file = a;
  }
  if (file.empty()) {
    file = ERX_SOURCE_DIR "/examples/sample-article.txt";
    if (!std::filesystem::exists(file)) file = ERX_SOURCE_DIR "/../shared/seed-article.txt";
  }
  const std::string text = read_file(file);
  if (text.empty()) {
    std::cerr << "bench_ner: " << file << " is empty\n";
    return 1;
  }
  erx::EntityRecognizer recognizer = model_path.empty() ? erx::EntityRecognizer::english(options)
                                                        : erx::EntityRecognizer::load(model_path, options);
  std::size_t model_bytes = model_path.empty() ? erx::ModelBundle::english().get("entities").file_size()
                                               : std::filesystem::file_size(model_path);
  erx::Tokenizer tokenizer;
  std::vector<erx::Document> docs;
  std::size_t bytes = 0, tokens = 0;
  while (bytes < kib * 1024) {
    docs.push_back(tokenizer.tokenize(text));
    bytes += text.size();
    tokens += docs.back().tokens().size();
  }
  double best = 1e30;
  std::size_t mentions = 0;
  for (int p = 0; p < passes; ++p) {
    mentions = 0;
    double start = thread_cpu_seconds();
    for (erx::Document& d : docs) {
      recognizer.recognize(d);
      mentions += d.mentions().size();
    }
    best = std::min(best, thread_cpu_seconds() - start);
  }
  std::printf("bench_ner: %s, %zu documents, %zu tokens, %zu mentions per pass\n", file.c_str(), docs.size(), tokens,
              mentions);
  std::printf("entity recognition: %.0f tokens/s (fastest of %d passes, %.3f s CPU, %s, %s)\n",
              static_cast<double>(tokens) / best, passes, best, options.two_pass ? "two passes" : "one pass",
              options.patterns ? "with patterns and titles" : "model only");
  std::printf("entity model: %.2f MB (model, clusters and gazetteers); peak RSS %.1f MB\n",
              static_cast<double>(model_bytes) / 1e6, static_cast<double>(peak_rss_kib()) / 1024.0);
  return 0;
}
