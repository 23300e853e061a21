#include "core/vn_int.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace xaso {
namespace {

TEST(VnIntTest, GroupsThousandsWithDots) {
  EXPECT_EQ(GroupThousands(0), "0");
  EXPECT_EQ(GroupThousands(999), "999");
  EXPECT_EQ(GroupThousands(1000), "1.000");
  EXPECT_EQ(GroupThousands(1250000), "1.250.000");
  EXPECT_EQ(GroupThousands(-45000), "-45.000");
  EXPECT_EQ(GroupThousands(std::numeric_limits<int64_t>::min()), "-9.223.372.036.854.775.808");
}

TEST(VnIntTest, ReadsPlainAndGroupedNumbers) {
  EXPECT_EQ(ParseGroupedInt("1250000"), 1250000);
  EXPECT_EQ(ParseGroupedInt("1.250.000"), 1250000);
  EXPECT_EQ(ParseGroupedInt("12.500"), 12500);
  EXPECT_EQ(ParseGroupedInt("0"), 0);
  EXPECT_EQ(ParseGroupedInt("-5.000"), -5000);
  EXPECT_EQ(ParseGroupedInt("999"), 999);
}

TEST(VnIntTest, RefusesWhatIsNotAWholeNumber) {
  for (const char* bad : {"", "-", "12.50", "1.2500", "1250.000.0", ".250", "1234.567", "1..250",
                          "250.", "1,250,000", "1 250", "12a", "+5", "99999999999999999999"}) {
    EXPECT_FALSE(ParseGroupedInt(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace xaso
