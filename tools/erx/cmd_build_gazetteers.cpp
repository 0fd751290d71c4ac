// erx build gazetteers --corpora DIR --out DIR [--frequencies FILE] [--common-min N]
#include <iostream>

#include <boost/program_options.hpp>

#include "erx/commands.hpp"
#include "gazetteer_build/gazetteer_builder.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace erx::cli {

int run_build_gazetteers(const Args& args) {
  std::string corpora;
  std::string out;
  std::string frequencies_path;
  std::uint64_t common_min = 20;
  bool show_dropped = false;
  po::options_description visible(
      "usage: erx build gazetteers --corpora DIR --out DIR [--frequencies FILE] [--common-min N]\n\n"
      "Builds the generated gazetteer lists (countries, states, cities, nationalities, first names)\n"
      "from the shared corpora into DIR, replacing those files and leaving the hand-written lists\n"
      "alone. With --frequencies (a clusters file or 'word<TAB>count' lines), one-word city and\n"
      "state names used at least N times as lower-case words, and at least as often as written,\n"
      "are left out ('Mobile', 'Reading', 'Of').\n\noptions");
  visible.add_options()("help,h", "show this help")("corpora,c", po::value(&corpora), "the shared corpora directory")(
      "out,o", po::value(&out), "output directory (models/en/gazetteers)")(
      "frequencies,f", po::value(&frequencies_path), "word counts of unlabeled text (e.g. models/en/clusters.txt)")(
      "common-min", po::value(&common_min)->default_value(20), "minimum lower-case count of a common word")(
      "show-dropped", po::bool_switch(&show_dropped), "print the names left out as common words");
  po::variables_map vm;
  if (const auto stop = parse_options("erx build gazetteers", args, visible, vm)) return *stop;
  if (corpora.empty() || out.empty()) {
    std::cerr << "erx build gazetteers: --corpora and --out are required\n\n" << visible << '\n';
    return 2;
  }
  gazetteer_build::WordFrequencies frequencies;
  gazetteer_build::BuildOptions options;
  options.corpora = corpora;
  options.common_word_min_count = common_min;
  if (!frequencies_path.empty()) {
    frequencies = gazetteer_build::WordFrequencies::load(frequencies_path);
    options.frequencies = &frequencies;
  }
  const gazetteer_build::Build build = gazetteer_build::build_gazetteers(options);
  gazetteer_build::write_gazetteers(build, out);
  for (const auto& list : build.lists) {
    std::cerr << list.file_name << ": " << list.entries.size() << " entries";
    if (!list.dropped.empty()) std::cerr << ", " << list.dropped.size() << " left out as common words";
    std::cerr << '\n';
    if (show_dropped)
      for (const auto& d : list.dropped) std::cout << list.file_name << '\t' << d << '\n';
  }
  return 0;
}

}  // namespace erx::cli
