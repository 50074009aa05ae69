# cmake --install: the `fakezoom` and `fakezoom-client` commands, the shipped fixtures (in
# share/fakezoom/fixtures), the headers, the static libraries, a CMake package and a pkg-config
# file. A project then embeds fakezoom as it would any library:
#   find_package(fakezoom 0.1 REQUIRED)
#   target_link_libraries(my_tests PRIVATE fakezoom::server fakezoom::client)
# fakezoom::server is the embeddable server (<fakezoom/server.hpp>), fakezoom::client the Zoom
# client (<fakezoom/client.hpp>). tests/installed builds against an installed tree.
include(CMakePackageConfigHelpers)

add_library(fakezoom_server INTERFACE)
target_link_libraries(fakezoom_server INTERFACE fakezoom_app)
add_library(fakezoom::server ALIAS fakezoom_server)

set(FAKEZOOM_SERVER_PARTS model state zoom journal webhooks admin engine fixtures spec http app)
set(fakezoom_exported fakezoom_server fakezoom_client fakezoom_options fakezoom_version)
foreach(part IN LISTS FAKEZOOM_SERVER_PARTS)
  list(APPEND fakezoom_exported fakezoom_${part})
  set_target_properties(fakezoom_${part} PROPERTIES EXPORT_NAME ${part})
  install(DIRECTORY server/${part}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()
foreach(name server client options version)
  set_target_properties(fakezoom_${name} PROPERTIES EXPORT_NAME ${name})
endforeach()
install(DIRECTORY client/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/generated/fakezoom/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/fakezoom)
install(TARGETS ${fakezoom_exported} EXPORT fakezoomTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS fakezoom fakezoom-client RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY fixtures/ DESTINATION ${CMAKE_INSTALL_DATADIR}/fakezoom/fixtures)  # fakezoom_FIXTURES_DIR
# Zoom's documents, when the build found them (cmake/ZoomApi.cmake): served by default.
if(FAKEZOOM_ZOOM_API_FOUND)
  install(DIRECTORY ${FAKEZOOM_BUILD_DATA_DIR}/zoom-api/ DESTINATION ${CMAKE_INSTALL_DATADIR}/fakezoom/fixtures/zoom-api)
  install(DIRECTORY ${FAKEZOOM_BUILD_DATA_DIR}/events/ DESTINATION ${CMAKE_INSTALL_DATADIR}/fakezoom/events)
endif()

set(FAKEZOOM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fakezoom)
install(EXPORT fakezoomTargets NAMESPACE fakezoom:: DESTINATION ${FAKEZOOM_CMAKE_DIR})
set(FAKEZOOM_FIXTURES_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/fakezoom/fixtures)
configure_package_config_file(cmake/fakezoomConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/fakezoomConfig.cmake
                              INSTALL_DESTINATION ${FAKEZOOM_CMAKE_DIR} PATH_VARS FAKEZOOM_FIXTURES_INSTALL_DIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/fakezoomConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/fakezoomConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/fakezoomConfigVersion.cmake
        DESTINATION ${FAKEZOOM_CMAKE_DIR})

# pkg-config: the libraries in link order, dependents first.
set(FAKEZOOM_PC_LIBS "")
foreach(part app http engine admin spec fixtures zoom journal webhooks state model)
  string(APPEND FAKEZOOM_PC_LIBS " -lfakezoom_${part}")
endforeach()
# Relocatable: the prefix is found from the .pc file's own place, wherever the tree is installed.
file(RELATIVE_PATH FAKEZOOM_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(cmake/fakezoom.pc.in ${CMAKE_CURRENT_BINARY_DIR}/fakezoom.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/fakezoom.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# scripts/package: the same tree as a Debian package, fakezoom_VERSION_amd64.deb, for /usr.
# One package holds the commands and what embedding needs; the -dev packages of what the
# headers include are recommended, not required, so a CI job that only runs the server
# installs the runtime libraries alone.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fakezoom)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Fake Zoom API server and contract-test harness")
set(CPACK_PACKAGE_DESCRIPTION "fakezoom serves Zoom's documented REST API (its Postman collection and OpenAPI specs) with
 Zoom's auth, validation, OAuth, rate limits, a WireMock-shaped journal, faults, webhooks
 and a stateful account, for CI and localhost. It ships the fakezoom and fakezoom-client
 commands, the shipped fixtures and a C++ library to embed it in tests.")
set(CPACK_PACKAGE_CONTACT "fakezoom maintainers <fakezoom@localhost>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libcpp-httplib0.11, libssl3, libyaml-cpp0.7, zlib1g, libbrotli1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libcpp-httplib-dev, nlohmann-json3-dev, libyaml-cpp-dev, libvalijson-dev, libssl-dev")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
