// Tests of erx/error.hpp.
#include "erx/error.hpp"

#include "catch.hpp"

TEST_CASE("Error carries its code and message") {
  const erx::Error e(erx::ErrorCode::kModel, "tagger.erxm: truncated at byte 12");
  CHECK(e.code() == erx::ErrorCode::kModel);
  CHECK(std::string(e.what()) == "tagger.erxm: truncated at byte 12");
  CHECK(erx::to_string(e.code()) == "model");
}

TEST_CASE("Error is caught as std::exception") {
  try {
    throw erx::Error(erx::ErrorCode::kIo, "x.txt: cannot open");
  } catch (const std::exception& e) {
    CHECK(std::string(e.what()) == "x.txt: cannot open");
    return;
  }
  FAIL("not caught");
}

TEST_CASE("Every error code has a distinct name") {
  using erx::ErrorCode;
  const ErrorCode codes[] = {ErrorCode::kIo, ErrorCode::kFormat, ErrorCode::kModel,
                             ErrorCode::kInvalidArgument, ErrorCode::kLimit};
  for (auto a : codes)
    for (auto b : codes)
      if (a != b) CHECK(erx::to_string(a) != erx::to_string(b));
}
