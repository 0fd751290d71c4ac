// bench_tokenizer — tokenizer and sentence splitter throughput on one core, and peak memory.
//
//   bench_tokenizer [FILE] [--mb N] [--doc-kb K] [--passes P]
//
// Reads FILE (default: the bundled examples/sample-article.txt), repeats it until the text is at
// least N MB (default 64), cuts it into documents of about K KiB (default 1024; 0 = one single
// document) at copies' boundaries when possible, and tokenizes every document P times (default 3)
// on the calling thread. Prints MB/s and tokens/s of the fastest pass and the peak resident set
// size (getrusage ru_maxrss) of the process. Reads nothing else, downloads nothing.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.hpp"
#include "erx/tokenizer.hpp"

namespace {

std::string read_file(const std::string& path) {
  return erx::bench::read_file_or_exit("bench_tokenizer", path);
}

using erx::bench::thread_cpu_seconds;

using erx::bench::peak_rss_kib;

}  // namespace

int main(int argc, char** argv) {
  std::string path = ERX_SOURCE_DIR "/examples/sample-article.txt";
  double mb = 64;
  double doc_kb = 1024;
  int passes = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "bench_tokenizer: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--mb") mb = std::atof(value());
    else if (arg == "--doc-kb") doc_kb = std::atof(value());
    else if (arg == "--passes") passes = std::max(1, std::atoi(value()));
    else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: bench_tokenizer [FILE] [--mb N] [--doc-kb K] [--passes P]\n";
      return 0;
    } else path = std::string(arg);
  }

  const std::string unit = read_file(path);
  if (unit.empty()) {
    std::cerr << "bench_tokenizer: " << path << " is empty\n";
    return 1;
  }
  const auto target = static_cast<std::size_t>(mb * 1024 * 1024);
  std::string text;
  text.reserve(target + unit.size() + 1);
  while (text.size() < target) {
    text += unit;
    if (text.back() != '\n') text += '\n';
  }

  // Documents: views of `text` of about doc_kb KiB, cut after a newline.
  std::vector<std::string_view> docs;
  const auto doc_bytes = static_cast<std::size_t>(doc_kb * 1024);
  if (doc_bytes == 0) {
    docs.push_back(text);
  } else {
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = std::min(text.size(), begin + doc_bytes);
      if (end < text.size()) {
        const std::size_t nl = text.find('\n', end);
        end = nl == std::string::npos ? text.size() : nl + 1;
      }
      docs.emplace_back(text.data() + begin, end - begin);
      begin = end;
    }
  }

  const erx::Tokenizer tokenizer;
  double best = 1e300, best_cpu = 1e300;
  std::size_t tokens = 0, sentences = 0;
  for (int pass = 0; pass < passes; ++pass) {
    std::size_t pass_tokens = 0, pass_sentences = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    for (std::string_view d : docs) {
      const erx::Document doc = tokenizer.tokenize(d);
      pass_tokens += doc.tokens().size();
      pass_sentences += doc.sentences().size();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    best_cpu = std::min(best_cpu, thread_cpu_seconds() - cpu_start);
    tokens = pass_tokens;
    sentences = pass_sentences;
  }

  const double mbytes = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  std::printf("input      %s (%zu bytes) repeated to %.1f MiB in %zu documents\n", path.c_str(),
              unit.size(), mbytes, docs.size());
  std::printf("output     %zu tokens, %zu sentences per pass\n", tokens, sentences);
  std::printf("time       %.3f s wall, %.3f s CPU (fastest of %d passes, one thread; includes\n"
              "           copying each document into its erx::Document)\n",
              best, best_cpu, passes);
  std::printf("throughput %.1f MiB/s, %.2f million tokens/s (wall)\n", mbytes / best,
              static_cast<double>(tokens) / best / 1e6);
  std::printf("           %.1f MiB/s, %.2f million tokens/s (CPU time)\n", mbytes / best_cpu,
              static_cast<double>(tokens) / best_cpu / 1e6);
  std::printf("peak RSS   %.1f MiB (whole process, including the %.1f MiB input)\n",
              static_cast<double>(peak_rss_kib()) / 1024.0, mbytes);
  return 0;
}
