// erx/erx.hpp — the whole public API of erx in one include.
//
// erx turns raw English text into entities and typed links between them:
//
//   #include <erx/erx.hpp>
//
//   auto pipeline = erx::Pipeline::english();          // built-in model, no files needed
//   erx::Document doc = pipeline.run("Lee visited Beijing on Monday.");
//   for (const erx::Token& t : doc.tokens()) std::cout << doc.text(t) << '\n';
//
// Modules, one header each: document.hpp (the data model), tokenizer.hpp, pipeline.hpp,
// error.hpp (the one exception type), tagger.hpp (UPOS, PTB tags and lemmas), model.hpp (model
// files and bundles), linker.hpp (mentions to entities), relations.hpp (typed
// links and their schema), graph.hpp (the relation graph over many documents; the opt-in
// boost_graph.hpp adapts it to Boost.Graph and is not included here).
#pragma once

#include "erx/document.hpp"
#include "erx/error.hpp"
#include "erx/graph.hpp"
#include "erx/linker.hpp"
#include "erx/model.hpp"
#include "erx/parser.hpp"
#include "erx/pipeline.hpp"
#include "erx/relation_classifier.hpp"
#include "erx/relations.hpp"
#include "erx/tagger.hpp"
#include "erx/tokenizer.hpp"
#include "erx/version.hpp"
