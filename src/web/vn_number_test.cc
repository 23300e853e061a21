#include "web/vn_number.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

TEST(VnNumberTest, ThousandsAreSeparatedByDots) {
  EXPECT_EQ(VnInt(0), "0");
  EXPECT_EQ(VnInt(999), "999");
  EXPECT_EQ(VnInt(1000), "1.000");
  EXPECT_EQ(VnInt(1234567), "1.234.567");
  EXPECT_EQ(VnInt(-45000), "-45.000");
}

TEST(VnNumberTest, DecimalsAfterACommaAndPercentages) {
  EXPECT_EQ(VnDecimal(3.5), "3,5");
  EXPECT_EQ(VnDecimal(8), "8");
  EXPECT_EQ(VnDecimal(1234.56), "1.234,6");
  EXPECT_EQ(VnDecimal(-0.5), "-0,5");
  EXPECT_EQ(VnPercent(0.875), "87,5%");
  EXPECT_EQ(VnPercent(1.0), "100%");
  EXPECT_EQ(VnPercent(2.0 / 3), "66,7%");
  EXPECT_EQ(VnPercent(std::nullopt), "—");
}

}  // namespace
}  // namespace xaso::web
