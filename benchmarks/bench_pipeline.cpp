// bench_pipeline — the whole English pipeline end to end on one core: tokens per second and peak
// memory.
//
//   bench_pipeline [FILE] [--kb K] [--passes P] [--model DIR]
//
// FILE (default: the bundled examples/sample-article.txt) is one document; it is processed as
// copies of itself until at least K KiB (default 2048) have gone through, each copy a separate
// Document, as a server handling a stream of news articles would. Each pass runs every stage
// (tokenizer, tagger, parser, entity recognizer, linker, relation extractor) via Pipeline::run on
// the calling thread; the fastest of P passes (default 3) is reported in thread CPU time and in
// wall time, then the share of each stage from a separate pass that times the stages one by one.
// Peak memory is the process's peak resident set size (getrusage), which includes the loaded
// models, the input and one document at a time. --model loads a bundle directory instead of the
// built-in models. Reads nothing else, downloads nothing.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "bench_common.hpp"
#include "erx/pipeline.hpp"

namespace {

constexpr const char* kProgram = "bench_pipeline";

struct PassTime {
  double cpu = 0;
  double wall = 0;
  std::size_t tokens = 0;
};

// One pass of Pipeline::run over `copies` copies of `text`.
PassTime run_pass(const erx::Pipeline& pipeline, std::string_view text, std::size_t copies) {
  PassTime t;
  const double cpu0 = erx::bench::thread_cpu_seconds();
  const double wall0 = erx::bench::wall_seconds();
  for (std::size_t i = 0; i < copies; ++i) {
    const erx::Document doc = pipeline.run(text);
    t.tokens += doc.tokens().size();
  }
  t.cpu = erx::bench::thread_cpu_seconds() - cpu0;
  t.wall = erx::bench::wall_seconds() - wall0;
  return t;
}

// Thread CPU seconds of each stage, in pipeline order, over `copies` copies of `text`.
constexpr std::array<const char*, 6> kStageNames = {"tokenizer", "tagger",   "parser",
                                                    "entities",  "linker",   "relations"};
std::array<double, 6> stage_seconds(const erx::Pipeline& pipeline, std::string_view text,
                                    std::size_t copies) {
  std::array<double, 6> seconds{};
  for (std::size_t i = 0; i < copies; ++i) {
    erx::Document doc(text);
    double t = erx::bench::thread_cpu_seconds();
    const auto lap = [&](std::size_t stage) {
      const double now = erx::bench::thread_cpu_seconds();
      seconds[stage] += now - t;
      t = now;
    };
    pipeline.tokenizer().tokenize(doc);
    lap(0);
    if (pipeline.tagger() != nullptr) pipeline.tagger()->tag(doc);
    lap(1);
    if (pipeline.parser() != nullptr) pipeline.parser()->parse(doc);
    lap(2);
    pipeline.entity_recognizer().recognize(doc);
    lap(3);
    pipeline.linker().link(doc);
    lap(4);
    pipeline.relation_extractor().extract(doc);
    lap(5);
  }
  return seconds;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

}  // namespace

int main(int argc, char** argv) {
  std::string path = ERX_SOURCE_DIR "/examples/sample-article.txt";
  std::string model_dir;
  long kb = 2048;
  int passes = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--kb" && i + 1 < argc) {
      kb = std::max(1L, std::atol(argv[++i]));
    } else if (a == "--passes" && i + 1 < argc) {
      passes = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--model" && i + 1 < argc) {
      model_dir = argv[++i];
    } else if (a == "--help" || a == "-h") {
      std::cout << "usage: bench_pipeline [FILE] [--kb K] [--passes P] [--model DIR]\n";
      return 0;
    } else {
      path = a;
    }
  }
  try {
    const std::string text = erx::bench::read_file_or_exit(kProgram, path);
    if (text.empty()) {
      std::cerr << kProgram << ": " << path << " is empty\n";
      return 1;
    }
    const std::size_t copies =
        std::max<std::size_t>(1, static_cast<std::size_t>(kb) * 1024 / text.size());
    const long rss_before_kib = erx::bench::current_rss_kib();
    const double load0 = erx::bench::wall_seconds();
    const erx::Pipeline pipeline =
        model_dir.empty() ? erx::Pipeline::english() : erx::Pipeline::load(model_dir);
    const double load_s = erx::bench::wall_seconds() - load0;
    const long rss_loaded_kib = erx::bench::current_rss_kib();

    (void)run_pass(pipeline, text, 1);  // warm-up: first-touch of the model pages
    PassTime best;
    best.cpu = 1e300;
    for (int p = 0; p < passes; ++p) {
      const PassTime t = run_pass(pipeline, text, copies);
      if (t.cpu < best.cpu) best = t;
    }
    const auto stages = stage_seconds(pipeline, text, copies);
    double stage_total = 0;
    for (double s : stages) stage_total += s;

    const double tokens = static_cast<double>(best.tokens);
    std::printf("input: %s, %zu bytes x %zu documents, %zu tokens per pass\n", path.c_str(),
                text.size(), copies, best.tokens);
    std::printf("model: %s, loaded in %.2f s, resident after load %.1f MiB (%.1f MiB before)\n",
                model_dir.empty() ? "built-in English" : model_dir.c_str(), load_s,
                mib(rss_loaded_kib), mib(rss_before_kib));
    std::printf("pipeline: %.0f tokens/s (thread CPU time), %.0f tokens/s (wall), best of %d\n",
                tokens / best.cpu, tokens / best.wall, passes);
    std::printf("peak memory: %.1f MiB resident (getrusage ru_maxrss)\n",
                mib(erx::bench::peak_rss_kib()));
    std::printf("stages (share of CPU time, tokens/s alone):\n");
    for (std::size_t s = 0; s < stages.size(); ++s) {
      std::printf("  %-10s %5.1f%%  %12.0f\n", kStageNames[s], 100.0 * stages[s] / stage_total,
                  stages[s] > 0 ? tokens / stages[s] : 0.0);
    }
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
    return 1;
  }
  return 0;
}
