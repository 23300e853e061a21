# Precompiled headers (docs/decisions/0017-build-speed.md). CLI11, nlohmann-json, SOCI,
# GoogleTest and kainjow mustache cost 0.4 to 1.5 s of parsing in every translation unit that
# includes them; a precompiled header parses them once per target. gcc uses a PCH only when the
# -O/-f/-m options and the macros it depends on match, and otherwise falls back to the headers
# with a -Winvalid-pch warning, so a mismatch costs time, never correctness. clang-tidy reads a
# copy of the compile database without the PCH flags (tools/tidy.sh), so a missing #include
# still shows up there.
option(XASO_PCH "Precompile the heavy third-party headers" ON)

set(XASO_PCH_STD <algorithm> <cstdint> <map> <optional> <string> <string_view> <utility>
    <vector>)

# xaso_pch(TARGET HEADERS...): a PCH of its own for a target with many heavy translation units.
function(xaso_pch target)
  if(XASO_PCH)
    target_precompile_headers(${target} PRIVATE ${XASO_PCH_STD} ${ARGN})
  endif()
endfunction()

# The tests share one PCH (GoogleTest, nlohmann-json): most test targets have one to three
# translation units, too few to pay for a PCH each.
if(XASO_PCH AND XASO_BUILD_TESTS)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/xaso_test_pch.cc CONTENT "// Carries the PCH of the tests.\n")
  add_library(xaso_test_pch STATIC ${CMAKE_BINARY_DIR}/xaso_test_pch.cc)
  target_link_libraries(xaso_test_pch PRIVATE GTest::gtest nlohmann_json::nlohmann_json)
  xaso_apply_warnings(xaso_test_pch)
  xaso_test_options(xaso_test_pch)
  target_precompile_headers(xaso_test_pch PRIVATE ${XASO_PCH_STD} <gtest/gtest.h>
    <nlohmann/json.hpp>)
endif()
