# Installs the erx library, its headers and the erx program. The CMake package config, version file
# and pkg-config file are completed by the packaging work (see issue "Consumable everywhere").
install(TARGETS erx EXPORT erxTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/erx DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET erx_cli)
  install(TARGETS erx_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
