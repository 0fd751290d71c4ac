// bench_common.hpp — what every benchmark program needs: reading the input, repeating it to a size,
// timing on the calling thread and the peak memory of the process. Header-only, benchmarks only.
#pragma once

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace erx::bench {

// The bytes of the file at `path`. Prints "<program>: cannot read <path>" and exits with status 1
// if it cannot be read (a benchmark has nothing useful to do without its input).
inline std::string read_file_or_exit(const char* program, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << program << ": cannot read " << path << '\n';
    std::exit(1);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `text` repeated, each copy followed by a blank line (so copies stay separate paragraphs), until
// the result holds at least `min_bytes` bytes. `copies`, if given, receives the number of copies.
inline std::string repeat_to_size(const std::string& text, std::size_t min_bytes,
                                  std::size_t* copies = nullptr) {
  std::string out;
  std::size_t n = 0;
  if (!text.empty()) {
    out.reserve(min_bytes + text.size() + 2);
    while (out.size() < min_bytes) {
      out += text;
      out += "\n\n";
      ++n;
    }
  }
  if (copies != nullptr) *copies = n;
  return out;
}

// CPU time of the calling thread, in seconds: unlike wall time, it does not count the time other
// processes on a busy machine take the core away.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Monotonic wall-clock time, in seconds.
inline double wall_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The peak resident set size of this process so far, in KiB (getrusage ru_maxrss; Linux units).
inline long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// The current resident set size of this process, in KiB (from /proc/self/statm; 0 if unavailable).
inline long current_rss_kib() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0;
  long pages_resident = 0;
  if (!(statm >> pages_total >> pages_resident)) return 0;
  return pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace erx::bench
