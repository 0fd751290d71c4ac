// erx/version.hpp — the version of erx this header belongs to. Kept equal to the version in
// CMakeLists.txt, vcpkg.json and conanfile.py (a test checks it).
#pragma once

#define ERX_VERSION_MAJOR 0
#define ERX_VERSION_MINOR 1
#define ERX_VERSION_PATCH 0
#define ERX_VERSION_STRING "0.1.0"
