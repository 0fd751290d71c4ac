# check_manifests.cmake — validates vcpkg.json and ports/erx/vcpkg.json against vcpkg's JSON schema.
#
#   cmake -DERX_SOURCE_DIR=<repo> -DERX_AJV=<ajv-cli program> -DERX_WORK_DIR=<scratch dir>
#         -P packaging/check_manifests.cmake
#
# Uses the schema files copied into packaging/schemas/vcpkg (see SOURCE.md there) and ajv-cli with
# ajv-formats (the schema uses "format": "uri"), which scripts/bootstrap.sh installs with npm into
# .cache/node. Without ajv it prints "SKIPPED: ..." (ctest reports the test as skipped).
# To show that the validator really rejects things, it first validates a manifest that breaks the
# schema (an upper-case port name, a dependency without a name) and fails if that one passes.
cmake_minimum_required(VERSION 3.21)
if(NOT ERX_SOURCE_DIR)
  get_filename_component(ERX_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
set(schemas "${ERX_SOURCE_DIR}/packaging/schemas/vcpkg")
foreach(f vcpkg.schema.json vcpkg-schema-definitions.schema.json vcpkg-configuration.schema.json)
  if(NOT EXISTS "${schemas}/${f}")
    message(FATAL_ERROR "missing schema ${schemas}/${f}")
  endif()
endforeach()
if(NOT ERX_AJV OR NOT EXISTS "${ERX_AJV}")
  message("SKIPPED: ajv-cli not found (scripts/bootstrap.sh test installs it with npm into "
          ".cache/node); the vcpkg manifests were not validated against the schema")
  return()
endif()
if(NOT ERX_WORK_DIR)
  set(ERX_WORK_DIR "${CMAKE_CURRENT_BINARY_DIR}")
endif()

# validate(<result var> <output var> <manifest>)
function(validate result output manifest)
  execute_process(
    COMMAND "${ERX_AJV}" validate --spec=draft7 -c ajv-formats
            -s "${schemas}/vcpkg.schema.json"
            -r "${schemas}/vcpkg-schema-definitions.schema.json"
            -r "${schemas}/vcpkg-configuration.schema.json"
            -d "${manifest}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(${result} "${rc}" PARENT_SCOPE)
  set(${output} "${out}" PARENT_SCOPE)
endfunction()

set(broken "${ERX_WORK_DIR}/broken-vcpkg.json")
file(WRITE "${broken}" "{\"name\": \"Erx_Broken\", \"version\": \"0.1.0\", \"dependencies\": [{\"host\": true}]}\n")
validate(rc out "${broken}")
if(rc EQUAL 0)
  message(FATAL_ERROR "ajv accepted a manifest that breaks the schema; the check proves nothing:\n${out}")
endif()
message(STATUS "a broken manifest is rejected, as it should be")

set(failed "")
foreach(manifest vcpkg.json ports/erx/vcpkg.json)
  validate(rc out "${ERX_SOURCE_DIR}/${manifest}")
  if(rc EQUAL 0)
    message(STATUS "${manifest}: valid")
  else()
    message("${manifest}: INVALID\n${out}")
    list(APPEND failed ${manifest})
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "invalid vcpkg manifests: ${failed}")
endif()
