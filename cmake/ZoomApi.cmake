# Zoom's current API, served by default (fixtures/zoom-api/README.md): Zoom's 2026 OpenAPI
# documents are read from FAKEZOOM_ZOOM_SPECS_DIR at configure time, checked against the
# digests below, and copied into the build tree's data folder, which `cmake --install` and
# scripts/package ship as share/fakezoom/fixtures/zoom-api and share/fakezoom/events. The
# repository holds only their names and digests: the documents are Zoom's, not the project's.
# Without the folder fakezoom builds all the same and serves its small hand-written fixtures.
get_filename_component(_zoom_specs_default "${PROJECT_SOURCE_DIR}/../shared/zoom-specs" ABSOLUTE)
set(FAKEZOOM_ZOOM_SPECS_DIR "${_zoom_specs_default}" CACHE PATH "Folder holding Zoom's 2026 OpenAPI documents")

# name;sha256 prefix, as fixtures/zoom-api/README.md lists them.
set(FAKEZOOM_ZOOM_REST_SPECS
    zoom-meetings-openapi3-2026-08.json 55ab776a322d16a2
    zoom-users-openapi3-2026-08.json 3e90866701abbb19
    zoom-accounts-openapi3-2026-03.json bb40563f509a6ebf
    zoom-team-chat-openapi3-2026-03.json 1c3b44b638f3867c
    zoom-phone-openapi3-2026-07.json 41d590439a406a3f
    zoom-number-management-openapi3-2026-07.json 664864d281158cab
    zoom-canvas-openapi3-2026-08.json 7f5021613461d212
    zoom-my-notes-openapi3-2026-08.json e535613c122cddae)
set(FAKEZOOM_ZOOM_EVENTS_SPECS
    zoom-meetings-events-openapi31-2026-08.json 9c076fc46429c393
    zoom-users-events-openapi31-2026-03.json d1e9e885f97edc38
    zoom-accounts-events-openapi31-2026-03.json 8a9d9b7f2675572c
    zoom-team-chat-events-openapi31-2026-03.json 450a9dbb722f1c9f
    zoom-phone-events-openapi31-2026-07.json 293e0746949a5201)

# The build tree's data folder, laid out as the installed share/fakezoom is.
set(FAKEZOOM_BUILD_DATA_DIR "${PROJECT_BINARY_DIR}/share/fakezoom")
set(FAKEZOOM_ZOOM_API_FOUND OFF)

function(_fakezoom_copy_documents list destination)
  set(names ${${list}})
  list(LENGTH names count)
  math(EXPR last "${count} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET names ${i} name)
    list(GET names ${j} digest)
    set(source "${FAKEZOOM_ZOOM_SPECS_DIR}/${name}")
    if(NOT EXISTS "${source}")
      message(FATAL_ERROR "${FAKEZOOM_ZOOM_SPECS_DIR} lacks ${name}: give -DFAKEZOOM_ZOOM_SPECS_DIR=FOLDER with all of "
                          "fixtures/zoom-api/README.md's documents, or an empty value to build without them")
    endif()
    file(SHA256 "${source}" sum)
    string(SUBSTRING "${sum}" 0 16 sum)
    if(NOT sum STREQUAL digest)
      message(FATAL_ERROR "${source}: sha256 starts ${sum}, not ${digest} as fixtures/zoom-api/README.md says")
    endif()
    configure_file("${source}" "${destination}/${name}" COPYONLY)
  endforeach()
endfunction()

if(FAKEZOOM_ZOOM_SPECS_DIR AND EXISTS "${FAKEZOOM_ZOOM_SPECS_DIR}")
  _fakezoom_copy_documents(FAKEZOOM_ZOOM_REST_SPECS "${FAKEZOOM_BUILD_DATA_DIR}/zoom-api")
  _fakezoom_copy_documents(FAKEZOOM_ZOOM_EVENTS_SPECS "${FAKEZOOM_BUILD_DATA_DIR}/events")
  set(FAKEZOOM_ZOOM_API_FOUND ON)
  message(STATUS "fakezoom: Zoom's 2026 API from ${FAKEZOOM_ZOOM_SPECS_DIR} (served by default)")
else()
  file(REMOVE_RECURSE "${FAKEZOOM_BUILD_DATA_DIR}/zoom-api" "${FAKEZOOM_BUILD_DATA_DIR}/events")
  message(STATUS "fakezoom: no Zoom specs at '${FAKEZOOM_ZOOM_SPECS_DIR}': the default fixtures are the small "
                 "hand-written ones (fixtures/zoom-api/README.md)")
endif()
