// For the PAPI file readers' tests: what a reader refused, one line per problem.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/result.h"

namespace xaso::papi {

// Empty when `parsed` holds a value. Otherwise "field: message" per field error (CsvProblems'
// "dòng 3, cột 4 (1.2): …"), or the message alone for an error without fields (the CSV
// reader's); the error must be kInvalidArgument.
template <class T>
std::vector<std::string> ProblemLines(const Result<T>& parsed) {
  if (parsed.has_value()) return {};
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> out;
  for (const FieldError& f : parsed.error().fields) out.push_back(f.field + ": " + f.message);
  if (out.empty()) out.push_back(parsed.error().message);
  return out;
}

}  // namespace xaso::papi
