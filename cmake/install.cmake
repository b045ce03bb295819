# `cmake --install`: the public headers, the libraries, the sbcheck CLI and a
# CMake package, so that `find_package(sbcheck CONFIG)` gives sbcheck::sbcheck
# and sbcheck::gtest (docs/check-your-cell.md).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(sbcheck_package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/sbcheck)

# The static libraries behind sbcheck::sbcheck go along: a static library's
# dependencies are linked by its users.
install(TARGETS sbcheck_library sbcheck_gtest sbcheck_cli sbcheck_compare sbcheck_explore sbcheck_properties
                sbcheck_reference sbcheck_harness sbcheck_model sbcheck_options
        EXPORT sbcheckTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS sbcheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/sbcheck DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT sbcheckTargets NAMESPACE sbcheck:: DESTINATION ${sbcheck_package_dir})

configure_package_config_file(cmake/sbcheckConfig.cmake.in ${PROJECT_BINARY_DIR}/sbcheckConfig.cmake
                              INSTALL_DESTINATION ${sbcheck_package_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sbcheckConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sbcheckConfig.cmake ${PROJECT_BINARY_DIR}/sbcheckConfigVersion.cmake
        DESTINATION ${sbcheck_package_dir})
