# xaso_cc_library() and xaso_cc_test(), in the spirit of abseil's AbseilHelpers.cmake.
# Every folder under src/ is one library with explicit DEPS, so the link graph matches the
# layer table in STYLE.md; tools/check_layers.sh checks the includes.

function(xaso_apply_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast
    # Aggregates with default member initialisers are deliberately brace-initialised in part.
    -Wno-missing-field-initializers)
  if(XASO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# xaso_cc_library(NAME n SRCS a.cc ... DEPS xaso::core ...)
# Creates xaso_<n> and the alias xaso::<n>. A library without sources is an INTERFACE target.
function(xaso_cc_library)
  cmake_parse_arguments(X "" "NAME" "SRCS;DEPS" ${ARGN})
  set(target xaso_${X_NAME})
  if(X_SRCS)
    add_library(${target} STATIC ${X_SRCS})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} PUBLIC ${X_DEPS})
    xaso_apply_warnings(${target})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} INTERFACE ${X_DEPS})
  endif()
  add_library(xaso::${X_NAME} ALIAS ${target})
endfunction()

# Test sources are compiled at -O1 in Release: they link the same -O3 libraries the xaso binary
# is made of, and -O3 on gtest's macro expansions costs a third of their compile time
# (docs/decisions/0017-build-speed.md).
function(xaso_test_options target)
  target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-O1>)
endfunction()

# xaso_cc_test(NAME n SRCS a_test.cc ... DEPS xaso::...)
# One executable per test target, every case registered with ctest.
function(xaso_cc_test)
  if(NOT XASO_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(X "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${X_NAME} ${X_SRCS})
  target_link_libraries(${X_NAME} PRIVATE ${X_DEPS} GTest::gtest GTest::gtest_main)
  xaso_apply_warnings(${X_NAME})
  xaso_test_options(${X_NAME})
  gtest_discover_tests(${X_NAME} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "XASO_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# xaso_embed(TARGET_SOURCES var NAME FunctionName BASE dir GLOBS "*.sql" ...)
# Generates <binary>/embedded_<NAME>.cc defining `std::span<const EmbeddedFile> NAME()`.
function(xaso_embed)
  cmake_parse_arguments(X "" "OUT_VAR;NAME;BASE" "GLOBS" ${ARGN})
  set(files "")
  foreach(g IN LISTS X_GLOBS)
    file(GLOB_RECURSE found RELATIVE "${X_BASE}" CONFIGURE_DEPENDS "${X_BASE}/${g}")
    list(APPEND files ${found})
  endforeach()
  list(SORT files)
  set(abs "")
  foreach(f IN LISTS files)
    list(APPEND abs "${X_BASE}/${f}")
  endforeach()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${X_NAME}.cc")
  string(REPLACE ";" "\\;" files_arg "${files}")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${X_NAME} -DBASE=${X_BASE}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${abs} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${X_NAME}")
  set(${X_OUT_VAR} "${out}" PARENT_SCOPE)
endfunction()
