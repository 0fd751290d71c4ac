// erx train <target> ...: dispatches to the training of one model. Each target is one entry of
// kTargets; its function is declared in commands.hpp and defined in cmd_train_<target>.cpp.
#include "erx/commands.hpp"
#include "erx/dispatch.hpp"

namespace erx::cli {
namespace {

constexpr Target kTargets[] = {
    {"clusters", "Brown word clusters from unlabeled tokenized text", run_train_clusters},
    {"ner", "entity recognizer from CoNLL-2003 / IOB2 files", run_train_ner},
    {"parser", "dependency parser from CoNLL-U treebanks", run_train_parser},
    {"relations", "relation classifier from CoNLL04-style JSON", run_train_relations},
    {"tagger", "part-of-speech tagger and lemmatizer from CoNLL-U", run_train_tagger},
    {"tokenizer", "sentence-boundary model from CoNLL-U", run_train_tokenizer},
};

}  // namespace

int run_train(const Args& args) { return dispatch("train", "[options]", kTargets, args); }

}  // namespace erx::cli
