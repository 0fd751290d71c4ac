// The subcommands of the erx program. Each takes the arguments after its name and returns the
// process exit status (0 success, 1 runtime error, 2 usage error).
#pragma once

#include <string>
#include <vector>

namespace erx::cli {

using Args = std::vector<std::string>;

int run_tokenize(const Args& args);
int run_parse(const Args& args);  // erx parse
int run_ner(const Args& args);             // erx ner --input conll FILE
int run_eval_ner(const Args& args);        // erx eval ner
int run_train_ner(const Args& args);       // erx train ner
int run_extract(const Args& args);
int run_eval(const Args& args);           // erx eval <target>: dispatches to run_eval_*
int run_eval_tokenize(const Args& args);  // erx eval tokenize
int run_eval_tagger(const Args& args);    // erx eval tagger
int run_train(const Args& args);           // erx train <target>: dispatches to run_train_*
int run_train_clusters(const Args& args);  // erx train clusters
int run_build(const Args& args);             // erx build <target>: dispatches to run_build_*
int run_build_gazetteers(const Args& args);  // erx build gazetteers
int run_train_tagger(const Args& args);    // erx train tagger
int run_train_tokenizer(const Args& args);  // erx train tokenizer
int run_train_parser(const Args& args);    // erx train parser
int run_eval_parser(const Args& args);     // erx eval parser
int run_eval_relations(const Args& args);  // erx eval relations
int run_eval_openie(const Args& args);     // erx eval openie
int run_train_relations(const Args& args);  // erx train relations
int run_eval_linker(const Args& args);     // erx eval linker

}  // namespace erx::cli
