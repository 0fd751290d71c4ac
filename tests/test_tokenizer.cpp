// Tests of erx/tokenizer.hpp.
#include "erx/tokenizer.hpp"

#include "catch.hpp"

TEST_CASE("Tokenizer round-trips its input") {
  erx::Tokenizer tokenizer;
  erx::Document doc = tokenizer.tokenize("Lee visited Beijing.");
  REQUIRE(!doc.tokens().empty());
  CHECK(doc.text(doc.tokens().front()) == "Lee");
}
