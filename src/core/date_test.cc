#include "core/date.h"

#include <gtest/gtest.h>

namespace xaso {
namespace {

TEST(DateTest, RoundTripsThroughDays) {
  for (long d = -800000; d < 800000; d += 997) {
    const Date date = Date::FromDays(d);
    EXPECT_EQ(Date::FromYmd(date.year(), date.month(), date.day()).days(), d);
  }
}

TEST(DateTest, KnowsWeekdays) {
  EXPECT_EQ(Date::FromYmd(2024, 1, 29).weekday(), 0);   // Monday, the plan's date.
  EXPECT_EQ(Date::FromYmd(2026, 11, 26).weekday(), 3);  // Thursday.
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).weekday(), 3);
}

TEST(DateTest, ParsesOnlyValidIsoDates) {
  EXPECT_EQ(Date::ParseIso("2024-02-29")->ToIso(), "2024-02-29");
  EXPECT_FALSE(Date::ParseIso("2023-02-29"));
  EXPECT_FALSE(Date::ParseIso("2024-13-01"));
  EXPECT_FALSE(Date::ParseIso("2024-1-01"));
  EXPECT_FALSE(Date::ParseIso("abcd-ef-gh"));
  EXPECT_FALSE(Date::ParseIso(""));
}

TEST(DateTest, FormatsVietnameseStyle) {
  EXPECT_EQ(Date::FromYmd(2024, 7, 5).ToVi(), "05/07/2024");
}

}  // namespace
}  // namespace xaso
