# ErxInstall.cmake — install rules, the CMake package and the pkg-config file of erx.
#
# Included from the top-level CMakeLists.txt when ERX_INSTALL is ON (the default only when erx is
# the top-level project, so a parent that embeds erx with add_subdirectory/FetchContent installs
# nothing of it). Installs, for static and shared builds alike:
#
#   <libdir>/liberx.{a,so}                         the library, exported as erx::erx
#   <includedir>/erx/*.hpp                         the public headers
#   <bindir>/erx                                   the command-line program (when built)
#   ${ERX_INSTALL_CMAKEDIR}/erxConfig.cmake        find_package(erx) ...
#   ${ERX_INSTALL_CMAKEDIR}/erxConfigVersion.cmake ... with a version check ...
#   ${ERX_INSTALL_CMAKEDIR}/erxTargets*.cmake      ... and the imported target erx::erx
#   ${ERX_INSTALL_PKGCONFIGDIR}/erx.pc             pkg-config
#   <datadir>/doc/erx/LICENSE
#
# Every installed file is relocatable: the CMake files locate the prefix from their own path and
# erx.pc from ${pcfiledir}, so the installed tree can be moved or packaged (tests/install checks it).
#
# The dependencies a consumer must find are derived from what the erx target links (its
# LINK_LIBRARIES), so a module that adds `target_link_libraries(erx PRIVATE Boost::iostreams)` is
# packaged without touching this file. A static erx needs its private dependencies at the
# consumer's link time: erxConfig.cmake finds them again with find_dependency, and erx.pc names them
# in Requires.private / Libs.private. A shared erx needs none of them in its consumers.

include(CMakePackageConfigHelpers)

set(ERX_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/erx" CACHE STRING
    "Where erxConfig.cmake is installed, relative to the prefix (vcpkg uses share/erx)")
set(ERX_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where erx.pc is installed, relative to the prefix")

# erx_package_dependencies(<target>): reads what <target> links and sets, in the caller's scope,
#   ERX_PACKAGE_DEPENDENCIES   "Package[:comp,comp]" entries, one per CMake package (for the checks)
#   ERX_CONFIG_DEPENDENCIES    the find_dependency() lines of erxConfig.cmake
#   ERX_PC_REQUIRES_PRIVATE    pkg-config modules for Requires.private
#   ERX_PC_LIBS_PRIVATE        linker flags for Libs.private (packages without a .pc file)
# Fails at configure time for a dependency it cannot package (an absolute path, or a namespace it
# does not know), so the problem shows up when the link line is written, not in a consumer.
function(erx_package_dependencies target)
  get_target_property(links ${target} LINK_LIBRARIES)
  if(NOT links)
    set(links "")
  endif()
  set(icu_components "")
  set(boost_components "")
  set(need_boost OFF)
  set(need_fmt OFF)
  set(need_threads OFF)
  set(pc_requires "")
  set(pc_libs "")
  set(boost_libdirs "")
  foreach(item IN LISTS links)
    if(item MATCHES "^\\$<LINK_ONLY:(.*)>$")
      set(item "${CMAKE_MATCH_1}")
    endif()
    if(item MATCHES "^\\$<")
      message(FATAL_ERROR "erx links '${item}': ErxInstall.cmake cannot package a generator "
                          "expression; link an imported target (Pkg::lib) instead.")
    elseif(item MATCHES "^ICU::(.+)$")
      list(APPEND icu_components "${CMAKE_MATCH_1}")
      if(NOT CMAKE_MATCH_1 STREQUAL "data")  # icu-uc.pc already pulls in the data library
        list(APPEND pc_requires "icu-${CMAKE_MATCH_1}")
      endif()
    elseif(item MATCHES "^fmt::fmt(-header-only)?$")
      set(need_fmt ON)
      list(APPEND pc_requires fmt)
    elseif(item MATCHES "^Boost::(.+)$")
      set(need_boost ON)
      set(component "${CMAKE_MATCH_1}")
      if(NOT component MATCHES "^(headers|boost|disable_autolinking|diagnostic_definitions|dynamic_linking)$")
        list(APPEND boost_components "${component}")
        list(APPEND pc_libs "-lboost_${component}")
        get_target_property(location ${item} LOCATION)
        if(location)
          get_filename_component(dir "${location}" DIRECTORY)
          list(APPEND boost_libdirs "${dir}")
        endif()
      endif()
    elseif(item STREQUAL "Threads::Threads")
      set(need_threads ON)
      list(APPEND pc_libs "-pthread")
    elseif(item MATCHES "::")
      message(FATAL_ERROR "erx links '${item}', which cmake/ErxInstall.cmake does not know how to "
                          "package: add it to erx_package_dependencies() (and to vcpkg.json, "
                          "ports/erx/vcpkg.json and conanfile.py).")
    elseif(TARGET ${item})
      # A target of this project: install(EXPORT) requires it in the export set and says so.
    elseif(IS_ABSOLUTE "${item}" OR item MATCHES "[/\\\\]")
      message(FATAL_ERROR "erx links the path '${item}': the installed package would not be "
                          "relocatable. Link an imported target instead.")
    else()
      list(APPEND pc_libs "-l${item}")  # a plain system library such as m or dl
    endif()
  endforeach()

  set(deps "")
  set(config "")
  if(icu_components)
    list(REMOVE_DUPLICATES icu_components)
    list(JOIN icu_components " " comps)
    string(APPEND config "  find_dependency(ICU COMPONENTS ${comps})\n")
    list(JOIN icu_components "," comps)
    list(APPEND deps "ICU:${comps}")
  endif()
  if(need_fmt)
    string(APPEND config "  find_dependency(fmt)\n")
    list(APPEND deps "fmt")
  endif()
  if(need_boost)
    if(boost_components)
      list(REMOVE_DUPLICATES boost_components)
      list(JOIN boost_components " " comps)
      string(APPEND config "  find_dependency(Boost COMPONENTS ${comps})\n")
      list(JOIN boost_components "," comps)
      list(APPEND deps "Boost:${comps}")
    else()
      string(APPEND config "  find_dependency(Boost)\n")
      list(APPEND deps "Boost")
    endif()
  endif()
  if(need_threads)
    string(APPEND config "  find_dependency(Threads)\n")
    list(APPEND deps "Threads")
  endif()

  # Boost has no .pc file: name its directory unless the linker searches it anyway.
  if(boost_libdirs)
    list(REMOVE_DUPLICATES boost_libdirs)
    foreach(dir IN LISTS boost_libdirs)
      if(NOT dir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
        list(PREPEND pc_libs "-L${dir}")
      endif()
    endforeach()
  endif()
  list(REMOVE_DUPLICATES pc_requires)
  list(REMOVE_DUPLICATES pc_libs)
  list(JOIN pc_requires " " pc_requires)
  list(JOIN pc_libs " " pc_libs)

  set(ERX_PACKAGE_DEPENDENCIES "${deps}" PARENT_SCOPE)
  set(ERX_CONFIG_DEPENDENCIES "${config}" PARENT_SCOPE)
  set(ERX_PC_REQUIRES_PRIVATE "${pc_requires}" PARENT_SCOPE)
  set(ERX_PC_LIBS_PRIVATE "${pc_libs}" PARENT_SCOPE)
endfunction()

# erx_relative_to_prefix(<out> <dir>): the path from <prefix>/<dir> back to <prefix> ("../..").
function(erx_relative_to_prefix out dir)
  file(RELATIVE_PATH rel "/erx-prefix/${dir}" "/erx-prefix")
  string(REGEX REPLACE "/$" "" rel "${rel}")
  set(${out} "${rel}" PARENT_SCOPE)
endfunction()

# --- Targets and headers -------------------------------------------------------------------------
install(TARGETS erx EXPORT erxTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/erx" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET erx_cli)
  install(TARGETS erx_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/erx)

# --- CMake package -------------------------------------------------------------------------------
erx_package_dependencies(erx)
if(BUILD_SHARED_LIBS)
  set(ERX_PACKAGE_STATIC OFF)
else()
  set(ERX_PACKAGE_STATIC ON)
endif()
# What the build links, for the packaging checks (tests/packaging compares it with the manifests).
file(WRITE "${PROJECT_BINARY_DIR}/erx-package-dependencies.txt"
     "${ERX_PACKAGE_DEPENDENCIES}\n")

install(EXPORT erxTargets NAMESPACE erx:: DESTINATION "${ERX_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/erxConfig.cmake.in" "${PROJECT_BINARY_DIR}/erxConfig.cmake"
  INSTALL_DESTINATION "${ERX_INSTALL_CMAKEDIR}"
  NO_SET_AND_CHECK_MACRO NO_CHECK_REQUIRED_COMPONENTS_MACRO)
# 0.x releases may break the API between minor versions; from 1.0 on, a major version is the promise.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(erx_compatibility SameMinorVersion)
else()
  set(erx_compatibility SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/erxConfigVersion.cmake"
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY ${erx_compatibility})
install(FILES "${PROJECT_BINARY_DIR}/erxConfig.cmake" "${PROJECT_BINARY_DIR}/erxConfigVersion.cmake"
        DESTINATION "${ERX_INSTALL_CMAKEDIR}")

# --- pkg-config ----------------------------------------------------------------------------------
# Paths in erx.pc are relative to ${pcfiledir} unless the install dirs were given as absolute paths.
erx_relative_to_prefix(ERX_PC_PREFIX "${ERX_INSTALL_PKGCONFIGDIR}")
set(ERX_PC_PREFIX "\${pcfiledir}/${ERX_PC_PREFIX}")
if(IS_ABSOLUTE "${ERX_INSTALL_PKGCONFIGDIR}")
  set(ERX_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
endif()
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(ERX_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(ERX_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
set(ERX_PC_CFLAGS "")
if(ERX_PACKAGE_STATIC)
  set(ERX_PC_CFLAGS " -DERX_STATIC")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/erx.pc.in" "${PROJECT_BINARY_DIR}/erx.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/erx.pc" DESTINATION "${ERX_INSTALL_PKGCONFIGDIR}")
