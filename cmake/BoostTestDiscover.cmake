# CMake 3.25 has no test discovery for Boost.Test: after each build, ask the executable for its
# top-level suites (`--list_content` prints them to stderr) and register one CTest test per suite,
# so a failure names its suite and suites run in parallel.
set(_samla_discover_script ${CMAKE_CURRENT_LIST_DIR}/BoostTestDiscoverRun.cmake)

function(samla_add_boost_tests target)
  cmake_parse_arguments(ARG "" "WORKING_DIRECTORY;TIMEOUT" "ENVIRONMENT;LABELS" ${ARGN})
  if(NOT ARG_WORKING_DIRECTORY)
    set(ARG_WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  set(ctest_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake)
  add_custom_command(
    TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D EXE=$<TARGET_FILE:${target}> -D OUT=${ctest_file}
            -D PREFIX=${target} -D WORKDIR=${ARG_WORKING_DIRECTORY} -D TIMEOUT=${ARG_TIMEOUT}
            "-D ENVIRONMENT=${ARG_ENVIRONMENT}" "-D LABELS=${ARG_LABELS}"
            -P ${_samla_discover_script}
    BYPRODUCTS ${ctest_file}
    VERBATIM)
  # CTest includes this wrapper; until the executable is built, a test says so and fails.
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake)
  file(WRITE ${include_file}
       "if(EXISTS \"${ctest_file}\")\n"
       "  include(\"${ctest_file}\")\n"
       "else()\n"
       "  add_test(${target}_NOT_BUILT ${target}_NOT_BUILT)\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
