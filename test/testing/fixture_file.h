// Test helper: the bytes of a file under test/fixtures/ (small sample photos), found through
// XASO_SOURCE_DIR, which ctest sets for every test. Header-only, for any test executable.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace xaso::testing {

// The contents of test/fixtures/`name`; fails the test and returns "" when it cannot be read.
inline std::string ReadFixture(const std::string& name) {
  const char* root = std::getenv("XASO_SOURCE_DIR");
  if (root == nullptr) {
    ADD_FAILURE() << "XASO_SOURCE_DIR is not set (ctest sets it)";
    return "";
  }
  std::ifstream in(std::string(root) + "/test/fixtures/" + name, std::ios::binary);
  if (!in) ADD_FAILURE() << "cannot read test/fixtures/" << name;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace xaso::testing
