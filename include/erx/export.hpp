// erx/export.hpp — symbol visibility for the erx library.
//
// ERX_API marks every declaration that is part of the library's binary interface. The library is
// compiled with hidden visibility, so anything without ERX_API stays private to the shared object.
// CMake defines ERX_STATIC for consumers of a static build and ERX_BUILDING while compiling erx.
#pragma once

#if defined(ERX_STATIC)
#define ERX_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#if defined(ERX_BUILDING)
#define ERX_API __declspec(dllexport)
#else
#define ERX_API __declspec(dllimport)
#endif
#else
#define ERX_API __attribute__((visibility("default")))
#endif
