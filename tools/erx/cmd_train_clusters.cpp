// erx train clusters --text FILE... --out FILE [--clusters N] [--min-count K]
#include <chrono>
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "ml/brown_clusters.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_train_clusters(const Args& args) {
  std::vector<std::string> texts;
  std::string out;
  std::uint32_t clusters = 1000;
  std::uint64_t min_count = 3;
  po::options_description visible(
      "usage: erx train clusters --text FILE... --out FILE [--clusters N] [--min-count K]\n\n"
      "Learns Brown word clusters (Liang 2005's algorithm) from tokenized text: one sentence per\n"
      "line, tokens separated by spaces. Writes 'bits<TAB>word<TAB>count' lines. Deterministic;\n"
      "single-threaded; time grows with N^2 times the vocabulary.\n\noptions");
  visible.add_options()("help,h", "show this help")(
      "text,t", po::value(&texts)->multitoken(), "input text file(s)")(
      "out,o", po::value(&out), "output clusters file")(
      "clusters,c", po::value(&clusters)->default_value(1000), "number of clusters (N)")(
      "min-count,m", po::value(&min_count)->default_value(3), "leave out words seen fewer times");
  po::variables_map vm;
  if (const auto stop = parse_options("erx train clusters", args, visible, vm)) return *stop;
  if (texts.empty() || out.empty()) {
    std::cerr << "erx train clusters: --text and --out are required\n\n" << visible << '\n';
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  const ml::BrownCorpus corpus = ml::BrownCorpus::from_files(texts, min_count);
  std::cerr << "corpus: " << corpus.sentences() << " sentences, " << corpus.tokens() << " tokens, " << corpus.types()
            << " word types; " << corpus.words().size() << " seen at least " << min_count << " times; "
            << corpus.bigrams().size() << " distinct bigrams (" << seconds() << " s)\n";
  ml::BrownOptions options;
  options.clusters = clusters;
  options.progress = [](const std::string& line) { std::cerr << line << '\n'; };
  const ml::BrownClusters result = ml::learn_brown_clusters(corpus, options);
  result.write(out);
  std::cerr << "wrote " << result.entries.size() << " words in " << result.cluster_count << " clusters to " << out
            << "; mutual information " << result.mutual_information << " nats; " << seconds() << " s\n";
  return 0;
}

}  // namespace erx::cli
