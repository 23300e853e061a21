#include "core/result.h"

#include <gtest/gtest.h>

namespace xaso {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return MakeError(ErrorCode::kInvalidArgument, "odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  XASO_ASSIGN_OR_RETURN(int h, Half(x));
  XASO_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

Status CheckEven(int x) {
  XASO_RETURN_IF_ERROR(Half(x));
  return Ok{};
}

TEST(ResultTest, PropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(CheckEven(4).has_value());
  EXPECT_FALSE(CheckEven(3).has_value());
}

}  // namespace
}  // namespace xaso
