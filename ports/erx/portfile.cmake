# vcpkg port of erx, in registry form: use it as an overlay port (README: "Use erx in your project").
# The source is the release tag v${VERSION} of the upstream repository. Before a release is tagged,
# SHA512 is 0 and the port builds the development head only (`vcpkg install erx --head`); on each
# release set SHA512 to the archive's hash, which vcpkg prints when it refuses the 0.
vcpkg_from_github(
    OUT_SOURCE_PATH SOURCE_PATH
    REPO erx-project/erx
    REF "v${VERSION}"
    SHA512 0
    HEAD_REF main
)

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
    FEATURES
        tools ERX_BUILD_TOOLS
)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        ${FEATURE_OPTIONS}
        -DERX_INSTALL=ON
        -DERX_INSTALL_CMAKEDIR=share/erx
        -DERX_BUILD_TESTS=OFF
        -DERX_BUILD_EXAMPLES=OFF
        -DERX_BUILD_BENCHMARKS=OFF
)

vcpkg_cmake_install()
vcpkg_cmake_config_fixup()
vcpkg_fixup_pkgconfig()
if("tools" IN_LIST FEATURES)
    vcpkg_copy_tools(TOOL_NAMES erx AUTO_CLEAN)
endif()
vcpkg_copy_pdbs()

file(REMOVE_RECURSE
    "${CURRENT_PACKAGES_DIR}/debug/include"
    "${CURRENT_PACKAGES_DIR}/debug/share"
    "${CURRENT_PACKAGES_DIR}/share/doc"
)

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
