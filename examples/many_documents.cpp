// many_documents — many documents on several threads, one shared pipeline.
//
// Shows: load the Pipeline once and share it. Pipeline::run() is const and thread-safe (each call
// keeps its scratch memory to itself), so every thread of a pool calls the same pipeline without
// locks. Each task writes only its own result slot, so collecting the results needs no lock either.
// The pool is boost::asio::thread_pool; any thread pool works the same way.
//
// Usage: many_documents FILE...      one document per file; prints a line per document and totals
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <erx/erx.hpp>

namespace {

// What one task found in its document; written by that task only.
struct Result {
  std::size_t tokens = 0, sentences = 0, entities = 0, relations = 0;
  std::string error;  // set when the file could not be read or processed
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: many_documents FILE...\n";
    return 2;
  }
  const std::vector<std::string> files(argv + 1, argv + argc);

  // Load once; every task uses this one pipeline (read-only).
  const erx::Pipeline pipeline = erx::Pipeline::english();

  std::vector<Result> results(files.size());
  const unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  boost::asio::thread_pool pool(threads);
  for (std::size_t i = 0; i < files.size(); ++i) {
    boost::asio::post(pool, [&pipeline, &files, &results, i] {
      Result& out = results[i];  // this task's own slot
      std::ifstream in(files[i], std::ios::binary);
      if (!in) {
        out.error = "cannot open";
        return;
      }
      std::ostringstream text;
      text << in.rdbuf();
      try {
        const erx::Document doc = pipeline.run(text.str());
        out = {doc.tokens().size(), doc.sentences().size(), doc.entities().size(),
               doc.relations().size(), {}};
      } catch (const erx::Error& e) {
        out.error = e.what();
      }
    });
  }
  pool.join();  // wait for every task

  Result total;
  int status = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Result& r = results[i];
    if (!r.error.empty()) {
      std::cerr << files[i] << ": " << r.error << '\n';
      status = 1;
      continue;
    }
    std::cout << files[i] << ": " << r.tokens << " tokens, " << r.sentences << " sentences, "
              << r.entities << " entities, " << r.relations << " relations\n";
    total.tokens += r.tokens;
    total.sentences += r.sentences;
    total.entities += r.entities;
    total.relations += r.relations;
  }
  std::cout << "total: " << files.size() << " documents on " << threads << " threads, "
            << total.tokens << " tokens, " << total.sentences << " sentences, " << total.entities
            << " entities, " << total.relations << " relations\n";
  return status;
}
