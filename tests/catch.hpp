// Includes Catch2, version 3 (split headers) or version 2 (single header), whichever is installed.
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>
#endif

// ERX_SKIP(message): skips the current test case (Catch2 v3.3+), or warns and returns (v2).
#if defined(SKIP)
#define ERX_SKIP(message) SKIP(message)
#else
#define ERX_SKIP(message) \
  do {                    \
    WARN(message);        \
    return;               \
  } while (false)
#endif
