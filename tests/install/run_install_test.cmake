# run_install_test.cmake — installs erx and builds consumers against the installed tree only.
#
#   cmake -DERX_VARIANT=static|shared -DERX_SOURCE_DIR=... -DERX_WORK_DIR=...
#         [-DERX_INSTALL_FROM=<configured erx build dir>]   install that build (else: build erx anew)
#         [-DERX_CONFIG=Release] [-DERX_GENERATOR=Ninja] [-DERX_CXX_COMPILER=c++]
#         [-DERX_VERSION=0.1.0] [-DERX_PKG_CONFIG=/usr/bin/pkg-config] [-DERX_JOBS=2]
#         -P run_install_test.cmake
#
# Steps, each failing the test with the command's output when it goes wrong:
#   1. install erx into <work>/prefix-a: from the given build tree, or else from a new build of
#      tests/install/embed, a project that embeds erx with add_subdirectory (BUILD_SHARED_LIBS per
#      variant; ERX_INSTALL=ON; the CMake package in share/erx, as the vcpkg port installs it),
#      after checking that the embedded erx builds the library only and that the parent's program
#      linking erx::erx runs;
#   2. check the installed files: library kind, headers, CMake package, erx.pc, and that no
#      installed text file names the source tree, the build tree or the prefix, and no installed
#      ELF file has an RPATH/RUNPATH into them (the package must be relocatable);
#   3. build test_package/ with find_package(erx <version>) and run it; check that a newer major
#      version is refused by the version file;
#   4. move the prefix to <work>/prefix-b (prefix-a no longer exists) and build test_package/ and
#      examples/ against the moved tree, run them and check their output (the user rules of
#      custom_entities match; export_graph writes a graph with nodes as JSON, and DOT);
#   5. compile test_package.cpp with the flags `pkg-config [--static] erx` prints (moved tree).
cmake_minimum_required(VERSION 3.21)

foreach(var ERX_VARIANT ERX_SOURCE_DIR ERX_WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_install_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT ERX_VARIANT MATCHES "^(static|shared)$")
  message(FATAL_ERROR "ERX_VARIANT must be static or shared, not '${ERX_VARIANT}'")
endif()
if(NOT ERX_CONFIG)
  set(ERX_CONFIG Release)
endif()
if(NOT ERX_GENERATOR)
  set(ERX_GENERATOR Ninja)
endif()
if(NOT ERX_JOBS)
  set(ERX_JOBS 2)
endif()
if(NOT ERX_VERSION)
  file(STRINGS "${ERX_SOURCE_DIR}/include/erx/version.hpp" line REGEX "ERX_VERSION_STRING")
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" ERX_VERSION "${line}")
endif()

set(work "${ERX_WORK_DIR}")
set(prefix_a "${work}/prefix-a")
set(prefix_b "${work}/prefix-b")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

# Arguments every configure of a consumer or of erx gets: same generator, compiler and build type,
# and no way to find an erx other than the prefix given.
set(common_args -G "${ERX_GENERATOR}" "-DCMAKE_BUILD_TYPE=${ERX_CONFIG}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
if(ERX_CXX_COMPILER)
  list(APPEND common_args "-DCMAKE_CXX_COMPILER=${ERX_CXX_COMPILER}")
endif()

# run(<step> <command...>): runs a command, fails the test with its output if it fails. Sets
# RUN_OUTPUT (standard output and error) and RUN_STDOUT (standard output alone).
function(run step)
  message(STATUS "[${ERX_VARIANT}] ${step}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " cmd)
    message(FATAL_ERROR "[${ERX_VARIANT}] ${step} failed (${rc}):\n  ${cmd}\n${out}${err}")
  endif()
  set(RUN_OUTPUT "${out}${err}" PARENT_SCOPE)
  set(RUN_STDOUT "${out}" PARENT_SCOPE)
endfunction()

# expect(<text> <regex> <what>): fails unless <text> matches <regex>.
function(expect text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "[${ERX_VARIANT}] expected ${what} (/${regex}/) in:\n${text}")
  endif()
endfunction()

# consumer(<name> <source dir> <prefix> [cmake args...]): configures and builds a consumer project
# against <prefix> only, and checks that it found erx there.
function(consumer name source prefix)
  set(dir "${work}/${name}")
  run("configure ${name}" "${CMAKE_COMMAND}" -S "${source}" -B "${dir}" ${common_args}
      "-DCMAKE_PREFIX_PATH=${prefix}" ${ARGN})
  file(STRINGS "${dir}/CMakeCache.txt" found REGEX "^erx_DIR:")
  string(REGEX REPLACE "^erx_DIR:[A-Z]+=" "" found "${found}")
  file(REAL_PATH "${found}" found)
  file(REAL_PATH "${prefix}" real_prefix)
  string(FIND "${found}/" "${real_prefix}/" at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "[${ERX_VARIANT}] ${name} found erx in '${found}', not under '${prefix}'")
  endif()
  run("build ${name}" "${CMAKE_COMMAND}" --build "${dir}" --config "${ERX_CONFIG}"
      --parallel ${ERX_JOBS})
endfunction()

# program(<out> <build dir> <name>): the path of an executable a consumer built.
function(program out dir name)
  foreach(candidate "${dir}/${name}" "${dir}/${ERX_CONFIG}/${name}" "${dir}/${name}.exe"
                    "${dir}/${ERX_CONFIG}/${name}.exe")
    if(EXISTS "${candidate}" AND NOT IS_DIRECTORY "${candidate}")
      set(${out} "${candidate}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "[${ERX_VARIANT}] no program ${name} in ${dir}")
endfunction()

# --- 1. Install ----------------------------------------------------------------------------------
if(ERX_VARIANT STREQUAL "shared")
  set(shared ON)
else()
  set(shared OFF)
endif()
if(ERX_INSTALL_FROM)
  set(build_dir "${ERX_INSTALL_FROM}")
  # The build tree's variant must be the one this test is named after.
  file(STRINGS "${build_dir}/CMakeCache.txt" cached REGEX "^BUILD_SHARED_LIBS:")
  set(cached_shared OFF)
  if(cached MATCHES "=(ON|on|TRUE|true|1|YES|yes|Y)$")
    set(cached_shared ON)
  endif()
  if(NOT cached_shared STREQUAL shared)
    message(FATAL_ERROR "[${ERX_VARIANT}] ${build_dir} is not a ${ERX_VARIANT} build (${cached})")
  endif()
else()
  # erx embedded in a parent project (tests/install/embed): built as a subproject, it must build
  # the library only (tests, tools, examples and benchmarks default to OFF there).
  set(embed_dir "${work}/embed")
  set(build_dir "${embed_dir}/erx")
  run("configure a project embedding erx" "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}/embed"
      -B "${embed_dir}" ${common_args} "-DERX_SOURCE_DIR=${ERX_SOURCE_DIR}"
      "-DBUILD_SHARED_LIBS=${shared}" -DERX_INSTALL=ON
      -DERX_INSTALL_CMAKEDIR=share/erx)  # the layout the vcpkg port asks for
  file(STRINGS "${embed_dir}/CMakeCache.txt" options REGEX "^ERX_BUILD_[A-Z]+:BOOL=")
  foreach(option IN LISTS options)
    if(NOT option MATCHES "=OFF$")
      message(FATAL_ERROR "[${ERX_VARIANT}] embedded erx: ${option} (should default to OFF)")
    endif()
  endforeach()
  run("build the project embedding erx" "${CMAKE_COMMAND}" --build "${embed_dir}"
      --config "${ERX_CONFIG}" --parallel ${ERX_JOBS})
  foreach(dir tests tools examples benchmarks)
    if(EXISTS "${build_dir}/${dir}")
      message(FATAL_ERROR "[${ERX_VARIANT}] embedded erx configured ${dir}/; it should build the "
                          "library only")
    endif()
  endforeach()
  program(exe "${embed_dir}" embedded)
  run("run the program embedding erx" "${exe}" "${ERX_VERSION}")
  expect("${RUN_OUTPUT}" "test_package: OK" "test_package: OK")
  set(build_dir "${embed_dir}")
endif()
run("install erx" "${CMAKE_COMMAND}" --install "${build_dir}" --config "${ERX_CONFIG}"
    --prefix "${prefix_a}")

# --- 2. Installed files --------------------------------------------------------------------------
file(GLOB_RECURSE config_files "${prefix_a}/*/erxConfig.cmake")
list(LENGTH config_files n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "[${ERX_VARIANT}] expected one erxConfig.cmake under ${prefix_a}, found ${n}")
endif()
get_filename_component(cmake_dir "${config_files}" DIRECTORY)
file(RELATIVE_PATH cmake_rel "${prefix_a}" "${cmake_dir}")
foreach(f erxConfigVersion.cmake erxTargets.cmake)
  if(NOT EXISTS "${cmake_dir}/${f}")
    message(FATAL_ERROR "[${ERX_VARIANT}] missing ${cmake_dir}/${f}")
  endif()
endforeach()
file(GLOB_RECURSE pc_files "${prefix_a}/*/erx.pc")
list(LENGTH pc_files n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "[${ERX_VARIANT}] expected one erx.pc under ${prefix_a}, found ${n}")
endif()
get_filename_component(pc_dir "${pc_files}" DIRECTORY)
file(RELATIVE_PATH pc_rel "${prefix_a}" "${pc_dir}")
if(NOT EXISTS "${prefix_a}/include/erx/erx.hpp")
  message(FATAL_ERROR "[${ERX_VARIANT}] missing include/erx/erx.hpp")
endif()
file(GLOB_RECURSE static_libs "${prefix_a}/*erx.a" "${prefix_a}/*erx.lib")
file(GLOB_RECURSE shared_libs "${prefix_a}/*liberx.so*" "${prefix_a}/*liberx*.dylib" "${prefix_a}/*erx*.dll")
file(READ "${config_files}" config_text)
if(shared)
  if(NOT shared_libs OR static_libs)
    message(FATAL_ERROR "[shared] expected a shared erx only; found: ${shared_libs} ${static_libs}")
  endif()
  expect("${config_text}" "set\\(erx_STATIC OFF\\)" "erx_STATIC OFF in erxConfig.cmake")
else()
  if(NOT static_libs OR shared_libs)
    message(FATAL_ERROR "[static] expected a static erx only; found: ${static_libs} ${shared_libs}")
  endif()
  expect("${config_text}" "set\\(erx_STATIC ON\\)" "erx_STATIC ON in erxConfig.cmake")
  expect("${config_text}" "find_dependency\\(ICU" "find_dependency(ICU ...) for a static erx")
endif()

# Relocatable: no installed text file names a path of this machine's trees, no RPATH into them.
get_filename_component(source_real "${ERX_SOURCE_DIR}" REALPATH)
get_filename_component(build_real "${build_dir}" REALPATH)
set(forbidden "${ERX_SOURCE_DIR}" "${source_real}" "${build_dir}" "${build_real}" "${prefix_a}")
list(REMOVE_DUPLICATES forbidden)
file(GLOB_RECURSE installed LIST_DIRECTORIES false "${prefix_a}/*")
set(checked 0)
foreach(f IN LISTS installed)
  if(IS_SYMLINK "${f}")
    continue()
  endif()
  file(READ "${f}" head LIMIT 4 HEX)
  if(head STREQUAL "7f454c46")  # ELF: check its run-time search path
    file(READ_ELF "${f}" RPATH rpath RUNPATH runpath)
    foreach(path IN LISTS forbidden)
      string(FIND "${rpath}:${runpath}" "${path}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "[${ERX_VARIANT}] ${f} has an RPATH into ${path}: ${rpath} ${runpath}")
      endif()
    endforeach()
    # Without debug information (whose file names are legitimate), a path of the source or build
    # tree inside a binary means the library would read files from there at run time.
    if(ERX_CONFIG MATCHES "^(Release|MinSizeRel)$")
      foreach(path "${source_real}" "${build_real}")
        string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" path_regex "${path}/")
        file(STRINGS "${f}" hits LIMIT_COUNT 1 REGEX "${path_regex}")
        if(hits)
          message(FATAL_ERROR "[${ERX_VARIANT}] ${f} contains the path '${hits}': an installed "
                              "erx must not depend on its source or build tree")
        endif()
      endforeach()
    endif()
  elseif(f MATCHES "\\.(cmake|pc|hpp|h|txt|md)$" OR f MATCHES "/LICENSE$")
    file(READ "${f}" text)
    foreach(path IN LISTS forbidden)
      string(FIND "${text}" "${path}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "[${ERX_VARIANT}] ${f} names the absolute path ${path}; the installed "
                            "package must not depend on where it was built or installed")
      endif()
    endforeach()
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()
message(STATUS "[${ERX_VARIANT}] ${checked} installed files hold no absolute build or install path")

# --- 3. find_package(erx <version>) against prefix-a ---------------------------------------------
consumer(consumer-a "${ERX_SOURCE_DIR}/test_package" "${prefix_a}" "-DERX_REQUIRE_VERSION=${ERX_VERSION}")
program(exe "${work}/consumer-a" test_package)
run("run test_package (prefix-a)" "${exe}" "${ERX_VERSION}")
expect("${RUN_OUTPUT}" "test_package: OK" "test_package: OK")

string(REGEX MATCH "^[0-9]+" major "${ERX_VERSION}")
math(EXPR next_major "${major} + 1")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${ERX_SOURCE_DIR}/test_package"
                        -B "${work}/consumer-too-new" ${common_args} "-DCMAKE_PREFIX_PATH=${prefix_a}"
                        "-DERX_REQUIRE_VERSION=${next_major}.0"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "[${ERX_VARIANT}] find_package(erx ${next_major}.0) accepted erx ${ERX_VERSION}")
endif()
expect("${out}" "erx" "a version error naming erx")
message(STATUS "[${ERX_VARIANT}] find_package(erx ${next_major}.0) is refused, as it should be")

# --- 4. Move the prefix, then build the consumers again ------------------------------------------
file(RENAME "${prefix_a}" "${prefix_b}")
if(EXISTS "${prefix_a}")
  message(FATAL_ERROR "[${ERX_VARIANT}] ${prefix_a} still exists after the move")
endif()
consumer(consumer-b "${ERX_SOURCE_DIR}/test_package" "${prefix_b}")
program(exe "${work}/consumer-b" test_package)
run("run test_package (moved prefix)" "${exe}" "${ERX_VERSION}")
expect("${RUN_OUTPUT}" "test_package: OK" "test_package: OK")

consumer(examples "${ERX_SOURCE_DIR}/examples" "${prefix_b}")
program(exe "${work}/examples" example_quickstart)
run("run example_quickstart" "${exe}" "Lee Jae Myung visited Beijing on Monday.")
expect("${RUN_OUTPUT}" "sentence \\[0, 40\\): Lee Jae Myung visited Beijing on" "quickstart's sentence")
program(exe "${work}/examples" example_many_documents)
set(article "${ERX_SOURCE_DIR}/examples/sample-article.txt")
run("run example_many_documents" "${exe}" "${article}" "${article}" "${article}")
expect("${RUN_OUTPUT}" "total: 3 documents on [0-9]+ threads, [1-9][0-9]* tokens"
       "three documents processed")
program(exe "${work}/examples" example_custom_entities)
run("run example_custom_entities" "${exe}")
expect("${RUN_OUTPUT}" "Hankuk University of Foreign Studies\tORG\tuser" "the user phrase as an ORG")
expect("${RUN_OUTPUT}" "Ascend 910\tPRODUCT\tuser" "the user pattern as a PRODUCT")
program(exe "${work}/examples" example_export_graph)
run("run example_export_graph" "${exe}" --format json)
string(JSON nodes ERROR_VARIABLE error LENGTH "${RUN_STDOUT}" nodes)
if(error OR NOT nodes GREATER 0)
  message(FATAL_ERROR "[${ERX_VARIANT}] export_graph --format json: no nodes (${error}):\n${RUN_OUTPUT}")
endif()
run("run example_export_graph" "${exe}" --format dot)
expect("${RUN_STDOUT}" "^digraph" "a DOT graph")

# --- 5. pkg-config (moved prefix) ----------------------------------------------------------------
if(NOT ERX_PKG_CONFIG OR NOT EXISTS "${ERX_PKG_CONFIG}")
  message(STATUS "[${ERX_VARIANT}] SKIPPED pkg-config consumer: no pkg-config program")
  return()
endif()
if(NOT ERX_CXX_COMPILER)
  set(ERX_CXX_COMPILER c++)
endif()
set(ENV{PKG_CONFIG_PATH} "${prefix_b}/${pc_rel}")
run("pkg-config --modversion erx" "${ERX_PKG_CONFIG}" --modversion erx)
string(STRIP "${RUN_OUTPUT}" pc_version)
if(NOT pc_version STREQUAL ERX_VERSION)
  message(FATAL_ERROR "[${ERX_VARIANT}] pkg-config says erx ${pc_version}, expected ${ERX_VERSION}")
endif()
set(static_flag "")
if(NOT shared)
  set(static_flag --static)
endif()
run("pkg-config --cflags erx" "${ERX_PKG_CONFIG}" --cflags erx)
string(STRIP "${RUN_OUTPUT}" cflags)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run("pkg-config --libs erx" "${ERX_PKG_CONFIG}" ${static_flag} --libs erx)
string(STRIP "${RUN_OUTPUT}" libs)
separate_arguments(libs UNIX_COMMAND "${libs}")
expect("${cflags}" "-I[^;]*prefix-b/" "an include directory under the moved prefix")
if(NOT shared)
  expect("${cflags}" "-DERX_STATIC" "-DERX_STATIC for a static erx")
endif()
set(rpath "")
if(shared)
  get_filename_component(libdir_rel "${pc_rel}" DIRECTORY)  # lib/pkgconfig -> lib
  set(rpath "-Wl,-rpath,${prefix_b}/${libdir_rel}")
endif()
set(exe "${work}/pkg-config-consumer")
run("compile test_package.cpp with pkg-config flags" "${ERX_CXX_COMPILER}" -std=c++20
    "${ERX_SOURCE_DIR}/test_package/test_package.cpp" -o "${exe}" ${cflags} ${libs} ${rpath})
run("run the pkg-config consumer" "${exe}" "${ERX_VERSION}")
expect("${RUN_OUTPUT}" "test_package: OK" "test_package: OK")
message(STATUS "[${ERX_VARIANT}] all install checks passed")
