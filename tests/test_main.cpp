// The main() of every test program when building against Catch2 v2.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
