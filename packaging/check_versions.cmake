# check_versions.cmake — erx's version is the same everywhere it is written down.
#
#   cmake -DERX_SOURCE_DIR=<repo> -P packaging/check_versions.cmake
#
# Reads the version from CMakeLists.txt (project VERSION), include/erx/version.hpp (the MAJOR,
# MINOR and PATCH macros and ERX_VERSION_STRING), vcpkg.json, ports/erx/vcpkg.json and
# conanfile.py, prints them, and fails unless all are equal.
cmake_minimum_required(VERSION 3.21)
if(NOT ERX_SOURCE_DIR)
  get_filename_component(ERX_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
set(semver "[0-9]+\\.[0-9]+\\.[0-9]+")
set(names "")

# found(<where> <version>): records one place's version ("" when it could not be read).
macro(found where version)
  list(APPEND names "${where}")
  set(version_of_${where} "${version}")
  if("${version}" STREQUAL "")
    message(FATAL_ERROR "no version found in ${where}")
  endif()
  message(STATUS "${where}: ${version}")
endmacro()

file(READ "${ERX_SOURCE_DIR}/CMakeLists.txt" text)
string(REGEX MATCH "project\\(erx[^)]*VERSION[ \t\n]+(${semver})" _ "${text}")
found(CMakeLists.txt "${CMAKE_MATCH_1}")

file(READ "${ERX_SOURCE_DIR}/include/erx/version.hpp" text)
set(parts "")
foreach(part MAJOR MINOR PATCH)
  string(REGEX MATCH "#define ERX_VERSION_${part} ([0-9]+)" _ "${text}")
  list(APPEND parts "${CMAKE_MATCH_1}")
endforeach()
list(JOIN parts "." from_macros)
found(version.hpp:macros "${from_macros}")
string(REGEX MATCH "#define ERX_VERSION_STRING \"(${semver})\"" _ "${text}")
found(version.hpp:string "${CMAKE_MATCH_1}")

foreach(manifest vcpkg.json ports/erx/vcpkg.json)
  file(READ "${ERX_SOURCE_DIR}/${manifest}" text)
  string(JSON version ERROR_VARIABLE error GET "${text}" version)
  if(error)
    message(FATAL_ERROR "${manifest}: ${error}")
  endif()
  found(${manifest} "${version}")
endforeach()

file(READ "${ERX_SOURCE_DIR}/conanfile.py" text)
string(REGEX MATCH "\n    version = \"(${semver})\"" _ "${text}")
found(conanfile.py "${CMAKE_MATCH_1}")

list(GET names 0 first)
foreach(where IN LISTS names)
  if(NOT version_of_${where} STREQUAL version_of_${first})
    message(FATAL_ERROR "version mismatch: ${where} says ${version_of_${where}}, "
                        "${first} says ${version_of_${first}}")
  endif()
endforeach()
message(STATUS "version ${version_of_${first}} is the same everywhere")
