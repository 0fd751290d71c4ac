// erx eval <target> ...: dispatches to the evaluation of one stage. Each target is one entry of
// kTargets; its function is declared in commands.hpp and defined in cmd_eval_<target>.cpp.
#include "erx/commands.hpp"
#include "erx/dispatch.hpp"

namespace erx::cli {
namespace {

constexpr Target kTargets[] = {
    {"ner", "entity P/R/F1 per type and micro, as conlleval (IOB1, IOB2, BILOU)", run_eval_ner},
    {"openie", "open-IE tuples against CaRB gold: best F1 and AUC, as the CaRB scorer", run_eval_openie},
    {"parser", "UAS/LAS: gold tags, predicted tags, raw text (CoNLL 2018 alignment)", run_eval_parser},
    {"relations", "typed-link precision/recall against CoNLL04 JSON", run_eval_relations},
    {"linker", "name merges and pronouns against GUM coreference (gold trees)", run_eval_linker},
    {"tagger", "UPOS/XPOS/lemma accuracy: gold tokens and raw text (CoNLL 2018 alignment)", run_eval_tagger},
    {"tokenize", "token, word and sentence F1 against CoNLL-U (CoNLL 2018 definitions)", run_eval_tokenize},
};

}  // namespace

int run_eval(const Args& args) { return dispatch("eval", "--gold FILE [options]", kTargets, args); }

}  // namespace erx::cli
