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
include(ErxDependencies)

set(ERX_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/erx" CACHE STRING
    "Where erxConfig.cmake is installed, relative to the prefix (vcpkg uses share/erx)")
set(ERX_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where erx.pc is installed, relative to the prefix")

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
# A static erx brings its dependencies to the consumer's link line; a shared one resolves them
# itself, so its erx.pc names none (and pkg-config needs no .pc file of them).
set(ERX_PC_CFLAGS "")
if(ERX_PACKAGE_STATIC)
  set(ERX_PC_CFLAGS " -DERX_STATIC")
else()
  set(ERX_PC_REQUIRES_PRIVATE "")
  set(ERX_PC_LIBS_PRIVATE "")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/erx.pc.in" "${PROJECT_BINARY_DIR}/erx.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/erx.pc" DESTINATION "${ERX_INSTALL_PKGCONFIGDIR}")
