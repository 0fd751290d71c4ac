# check_portfile.cmake — a dry run of ports/erx/portfile.cmake without vcpkg.
#
#   cmake -DERX_SOURCE_DIR=<repo> -P packaging/check_portfile.cmake
#
# Defines stand-ins for the vcpkg helper functions the port calls, each of which records its call
# and arguments instead of doing anything; file() is replaced too, so nothing on disk changes.
# Then runs the portfile once per combination of features (core / core+tools) and library linkage
# (static / dynamic) and checks, for each run:
#   - the helpers run in vcpkg's order: vcpkg_from_github, vcpkg_cmake_configure,
#     vcpkg_cmake_install, vcpkg_cmake_config_fixup, vcpkg_fixup_pkgconfig, vcpkg_install_copyright,
#     each exactly once;
#   - vcpkg_from_github: OUT_SOURCE_PATH SOURCE_PATH, REPO owner/name (and ports/erx/vcpkg.json's
#     homepage names it), REF v${VERSION}, SHA512 0 or 128 hex digits, HEAD_REF;
#   - vcpkg_cmake_configure: the SOURCE_PATH from vcpkg_from_github; tests, examples and
#     benchmarks off, install on, the tools option following the "tools" feature; every -DERX_*
#     option it passes is declared in erx's CMake code;
#   - vcpkg_cmake_config_fixup finds the package where ERX_INSTALL_CMAKEDIR puts it;
#   - vcpkg_copy_tools(TOOL_NAMES erx) exactly when "tools" is selected, after the install;
#   - vcpkg_install_copyright installs ${SOURCE_PATH}/LICENSE, which exists;
#   - file(INSTALL) sources exist and file(REMOVE_RECURSE) stays inside CURRENT_PACKAGES_DIR.
# Prints "portfile dry run: N runs, OK" or fails with the first problem.
cmake_minimum_required(VERSION 3.21)
if(NOT ERX_SOURCE_DIR)
  get_filename_component(ERX_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
set(port_dir "${ERX_SOURCE_DIR}/ports/erx")
set(portfile "${port_dir}/portfile.cmake")
if(NOT EXISTS "${portfile}")
  message(FATAL_ERROR "no ${portfile}")
endif()

file(READ "${port_dir}/vcpkg.json" port_manifest)
string(JSON PORT_VERSION GET "${port_manifest}" version)
string(JSON PORT_HOMEPAGE ERROR_VARIABLE no_homepage GET "${port_manifest}" homepage)

# The -D options erx's CMake code declares (option() or a cache set()).
set(declared_options "")
file(GLOB cmake_sources "${ERX_SOURCE_DIR}/CMakeLists.txt" "${ERX_SOURCE_DIR}/cmake/*.cmake"
     "${ERX_SOURCE_DIR}/src/CMakeLists.txt" "${ERX_SOURCE_DIR}/tests/CMakeLists.txt")
foreach(f IN LISTS cmake_sources)
  file(STRINGS "${f}" lines REGEX "^[ \t]*(option|set)\\([A-Z_]+ ")
  foreach(line IN LISTS lines)
    # (Two tests: if() evaluates both sides of an OR, and a failed MATCHES clears CMAKE_MATCH_1.)
    if(line MATCHES "^[ \t]*option\\(([A-Z_]+) ")
      list(APPEND declared_options "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^[ \t]*set\\(([A-Z_]+) .*CACHE")
      list(APPEND declared_options "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endforeach()
foreach(standard BUILD_SHARED_LIBS)
  list(APPEND declared_options ${standard})
endforeach()

# --- Recording stand-ins -------------------------------------------------------------------------
# Each call appends its name to the global list ERX_CALLS and stores its arguments (a list) in
# the global property ERX_CALL_<n>.
function(erx_record name)
  get_property(calls GLOBAL PROPERTY ERX_CALLS)
  list(LENGTH calls n)
  set_property(GLOBAL APPEND PROPERTY ERX_CALLS "${name}")
  set_property(GLOBAL PROPERTY ERX_CALL_${n} "${ARGN}")
endfunction()

function(erx_fail)
  list(JOIN ARGN "" text)
  message(FATAL_ERROR "portfile dry run (features: ${FEATURES}; linkage: ${VCPKG_LIBRARY_LINKAGE}): ${text}")
endfunction()

function(vcpkg_from_github)
  erx_record(vcpkg_from_github ${ARGN})
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUT_SOURCE_PATH;REPO;REF;SHA512;HEAD_REF" "PATCHES")
  if(NOT arg_OUT_SOURCE_PATH)
    erx_fail("vcpkg_from_github without OUT_SOURCE_PATH")
  endif()
  # vcpkg extracts the archive somewhere under buildtrees; the dry run uses the real source tree
  # so that files the port reads from it (LICENSE) are checked to exist.
  set(${arg_OUT_SOURCE_PATH} "${ERX_SOURCE_DIR}" PARENT_SCOPE)
endfunction()

# Same contract as vcpkg's: -D<option>=ON for each selected feature, =OFF otherwise.
function(vcpkg_check_features)
  erx_record(vcpkg_check_features ${ARGN})
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUT_FEATURE_OPTIONS;PREFIX" "FEATURES;INVERTED_FEATURES")
  set(out "")
  set(pairs ${arg_FEATURES})
  list(LENGTH pairs n)
  math(EXPR odd "${n} % 2")
  if(n EQUAL 0 OR odd)
    erx_fail("vcpkg_check_features FEATURES needs <feature> <option> pairs, got '${pairs}'")
  endif()
  while(pairs)
    list(POP_FRONT pairs feature option)
    if(feature IN_LIST FEATURES)
      list(APPEND out "-D${option}=ON")
    else()
      list(APPEND out "-D${option}=OFF")
    endif()
  endwhile()
  set(${arg_OUT_FEATURE_OPTIONS} "${out}" PARENT_SCOPE)
endfunction()

foreach(helper vcpkg_cmake_configure vcpkg_cmake_install vcpkg_cmake_config_fixup
               vcpkg_fixup_pkgconfig vcpkg_copy_tools vcpkg_copy_pdbs vcpkg_install_copyright
               vcpkg_replace_string vcpkg_check_linkage)
  cmake_language(EVAL CODE "function(${helper})\n erx_record(${helper} \${ARGN})\nendfunction()")
endforeach()

# file(): records instead of acting. INSTALL sources must exist; REMOVE_RECURSE/REMOVE must stay
# inside CURRENT_PACKAGES_DIR; READ/STRINGS of existing files are passed through.
function(file mode)
  erx_record(file ${mode} ${ARGN})
  if(mode STREQUAL "INSTALL")
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "DESTINATION;RENAME" "FILES")
    set(sources ${arg_FILES} ${arg_UNPARSED_ARGUMENTS})
    foreach(src IN LISTS sources)
      if(NOT EXISTS "${src}")
        erx_fail("file(INSTALL) of a missing file: ${src}")
      endif()
    endforeach()
    string(FIND "${arg_DESTINATION}" "${CURRENT_PACKAGES_DIR}/" at)
    if(NOT at EQUAL 0)
      erx_fail("file(INSTALL) outside CURRENT_PACKAGES_DIR: ${arg_DESTINATION}")
    endif()
  elseif(mode MATCHES "^REMOVE(_RECURSE)?$")
    foreach(path IN LISTS ARGN)
      string(FIND "${path}" "${CURRENT_PACKAGES_DIR}/" at)
      if(NOT at EQUAL 0)
        erx_fail("file(${mode}) outside CURRENT_PACKAGES_DIR: ${path}")
      endif()
    endforeach()
  elseif(mode MATCHES "^(READ|STRINGS)$")
    _file(${mode} ${ARGN})
    list(GET ARGN 1 var)
    set(${var} "${${var}}" PARENT_SCOPE)
  else()
    erx_fail("file(${mode}) is not expected in the port")
  endif()
endfunction()

# --- One run per combination ---------------------------------------------------------------------
set(PORT erx)
set(VERSION "${PORT_VERSION}")
set(CURRENT_PACKAGES_DIR "/erx-dry-run/packages/erx_x64-linux")
set(CURRENT_BUILDTREES_DIR "/erx-dry-run/buildtrees/erx")
set(TARGET_TRIPLET x64-linux)
set(VCPKG_TARGET_IS_LINUX ON)

# calls_of(<out> <name>): indices of the recorded calls of <name>.
function(calls_of out name)
  get_property(calls GLOBAL PROPERTY ERX_CALLS)
  set(found "")
  set(i 0)
  foreach(call IN LISTS calls)
    if(call STREQUAL name)
      list(APPEND found ${i})
    endif()
    math(EXPR i "${i} + 1")
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# once(<index var> <name>): the index of the single call of <name>; fails unless exactly one.
function(once out name)
  calls_of(found ${name})
  list(LENGTH found n)
  if(NOT n EQUAL 1)
    erx_fail("${name} called ${n} times, expected once")
  endif()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

set(runs 0)
foreach(FEATURES IN ITEMS "core" "core;tools")
  foreach(VCPKG_LIBRARY_LINKAGE IN ITEMS static dynamic)
    set_property(GLOBAL PROPERTY ERX_CALLS "")
    unset(SOURCE_PATH)
    include("${portfile}")

    # Order of the required helpers.
    set(previous -1)
    set(previous_name "(start)")
    foreach(name vcpkg_from_github vcpkg_cmake_configure vcpkg_cmake_install
                 vcpkg_cmake_config_fixup vcpkg_fixup_pkgconfig vcpkg_install_copyright)
      once(at ${name})
      if(NOT at GREATER previous)
        erx_fail("${name} runs before ${previous_name}")
      endif()
      set(previous ${at})
      set(previous_name ${name})
    endforeach()

    # vcpkg_from_github
    once(at vcpkg_from_github)
    get_property(args GLOBAL PROPERTY ERX_CALL_${at})
    cmake_parse_arguments(gh "" "OUT_SOURCE_PATH;REPO;REF;SHA512;HEAD_REF" "PATCHES" ${args})
    if(NOT gh_OUT_SOURCE_PATH STREQUAL "SOURCE_PATH")
      erx_fail("vcpkg_from_github(OUT_SOURCE_PATH ${gh_OUT_SOURCE_PATH}): use SOURCE_PATH")
    endif()
    if(NOT gh_REPO MATCHES "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
      erx_fail("vcpkg_from_github REPO '${gh_REPO}' is not owner/name")
    endif()
    if(no_homepage OR NOT PORT_HOMEPAGE MATCHES "/${gh_REPO}$")
      erx_fail("ports/erx/vcpkg.json homepage '${PORT_HOMEPAGE}' does not name ${gh_REPO}")
    endif()
    if(NOT gh_REF STREQUAL "v${VERSION}")
      erx_fail("vcpkg_from_github REF '${gh_REF}', expected v${VERSION}")
    endif()
    if(NOT gh_SHA512 MATCHES "^(0|[0-9a-f]{128})$")
      erx_fail("vcpkg_from_github SHA512 '${gh_SHA512}' is neither 0 nor 128 hex digits")
    endif()
    if(NOT gh_HEAD_REF)
      erx_fail("vcpkg_from_github without HEAD_REF")
    endif()

    # vcpkg_cmake_configure
    once(at vcpkg_cmake_configure)
    get_property(args GLOBAL PROPERTY ERX_CALL_${at})
    cmake_parse_arguments(cfg "" "SOURCE_PATH" "OPTIONS;OPTIONS_RELEASE;OPTIONS_DEBUG" ${args})
    if(NOT cfg_SOURCE_PATH STREQUAL ERX_SOURCE_DIR)
      erx_fail("vcpkg_cmake_configure SOURCE_PATH '${cfg_SOURCE_PATH}' is not vcpkg_from_github's")
    endif()
    if("tools" IN_LIST FEATURES)
      set(tools ON)
    else()
      set(tools OFF)
    endif()
    foreach(required -DERX_BUILD_TESTS=OFF -DERX_BUILD_EXAMPLES=OFF -DERX_BUILD_BENCHMARKS=OFF
                     -DERX_INSTALL=ON -DERX_BUILD_TOOLS=${tools})
      if(NOT required IN_LIST cfg_OPTIONS)
        erx_fail("vcpkg_cmake_configure OPTIONS lack ${required}: ${cfg_OPTIONS}")
      endif()
    endforeach()
    set(cmakedir "")
    foreach(option IN LISTS cfg_OPTIONS cfg_OPTIONS_RELEASE cfg_OPTIONS_DEBUG)
      if(option MATCHES "^-D([A-Za-z0-9_]+)(:[A-Z]+)?=(.*)$")
        set(name "${CMAKE_MATCH_1}")
        set(value "${CMAKE_MATCH_3}")
        if(name MATCHES "^ERX_|^BUILD_SHARED_LIBS$" AND NOT name IN_LIST declared_options)
          erx_fail("vcpkg_cmake_configure passes -D${name}, which erx's CMake code does not declare")
        endif()
        if(name STREQUAL "ERX_INSTALL_CMAKEDIR")
          set(cmakedir "${value}")
        endif()
      endif()
    endforeach()

    # vcpkg_cmake_config_fixup: its CONFIG_PATH (default share/${PORT}) is where erx installs to.
    once(at vcpkg_cmake_config_fixup)
    get_property(args GLOBAL PROPERTY ERX_CALL_${at})
    cmake_parse_arguments(fix "" "PACKAGE_NAME;CONFIG_PATH" "" ${args})
    if(NOT fix_CONFIG_PATH)
      set(fix_CONFIG_PATH "share/${PORT}")
    endif()
    if(fix_PACKAGE_NAME AND NOT fix_PACKAGE_NAME STREQUAL "erx")
      erx_fail("vcpkg_cmake_config_fixup PACKAGE_NAME '${fix_PACKAGE_NAME}', expected erx")
    endif()
    if(NOT cmakedir STREQUAL fix_CONFIG_PATH)
      erx_fail("erx installs its CMake package to '${cmakedir}' (ERX_INSTALL_CMAKEDIR) but "
               "vcpkg_cmake_config_fixup looks in '${fix_CONFIG_PATH}'")
    endif()

    # vcpkg_copy_tools, with the tools feature only, after the install.
    calls_of(copies vcpkg_copy_tools)
    if(tools)
      list(LENGTH copies n)
      if(NOT n EQUAL 1)
        erx_fail("vcpkg_copy_tools called ${n} times with the tools feature, expected once")
      endif()
      once(install_at vcpkg_cmake_install)
      if(NOT copies GREATER install_at)
        erx_fail("vcpkg_copy_tools runs before vcpkg_cmake_install")
      endif()
      get_property(args GLOBAL PROPERTY ERX_CALL_${copies})
      cmake_parse_arguments(ct "AUTO_CLEAN" "SEARCH_DIR;DESTINATION" "TOOL_NAMES" ${args})
      if(NOT ct_TOOL_NAMES STREQUAL "erx")
        erx_fail("vcpkg_copy_tools TOOL_NAMES '${ct_TOOL_NAMES}', expected erx")
      endif()
    elseif(copies)
      erx_fail("vcpkg_copy_tools called without the tools feature")
    endif()

    # vcpkg_install_copyright
    once(at vcpkg_install_copyright)
    get_property(args GLOBAL PROPERTY ERX_CALL_${at})
    cmake_parse_arguments(cp "" "COMMENT" "FILE_LIST" ${args})
    if(NOT cp_FILE_LIST STREQUAL "${ERX_SOURCE_DIR}/LICENSE")
      erx_fail("vcpkg_install_copyright FILE_LIST '${cp_FILE_LIST}', expected \${SOURCE_PATH}/LICENSE")
    endif()
    if(NOT EXISTS "${cp_FILE_LIST}")
      erx_fail("${cp_FILE_LIST} does not exist")
    endif()

    math(EXPR runs "${runs} + 1")
    get_property(calls GLOBAL PROPERTY ERX_CALLS)
    list(JOIN calls " " calls)
    message(STATUS "features '${FEATURES}', linkage ${VCPKG_LIBRARY_LINKAGE}: ${calls}")
  endforeach()
endforeach()
message(STATUS "portfile dry run: ${runs} runs, OK")
