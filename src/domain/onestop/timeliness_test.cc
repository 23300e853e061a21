#include "domain/onestop/timeliness.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/onestop/onestop_testing.h"

namespace xaso::onestop {
namespace {

using calendar::testing::D;

using testing::VnTime;

Date Due() { return D("2026-03-10"); }

TEST(TimelinessTest, FinishedEarlyOnTimeOrLateByDay) {
  EXPECT_EQ(ClassifyFinished(Due(), VnTime("2026-03-09", 23, 59)), Timeliness::kEarly);
  EXPECT_EQ(ClassifyFinished(Due(), VnTime("2026-03-10", 0, 0)), Timeliness::kOnTime);
  EXPECT_EQ(ClassifyFinished(Due(), VnTime("2026-03-10", 23, 59)), Timeliness::kOnTime);
  EXPECT_EQ(ClassifyFinished(Due(), VnTime("2026-03-11", 0, 0)), Timeliness::kLate);
}

// 17:00 UTC on the due date is already the next day in Vietnam.
TEST(TimelinessTest, DaysAreVietnamDays) {
  const int64_t utc_17 = Due().days() * 86400 + 17 * 3600;
  EXPECT_EQ(ClassifyFinished(Due(), utc_17), Timeliness::kLate);
  EXPECT_EQ(ClassifyUnfinished(Due(), utc_17 - 1), Timeliness::kWithinTime);
}

TEST(TimelinessTest, UnfinishedWithinTimeUntilTheDueDateEnds) {
  EXPECT_EQ(ClassifyUnfinished(Due(), VnTime("2026-03-02", 8, 0)), Timeliness::kWithinTime);
  EXPECT_EQ(ClassifyUnfinished(Due(), VnTime("2026-03-10", 23, 59)), Timeliness::kWithinTime);
  EXPECT_EQ(ClassifyUnfinished(Due(), VnTime("2026-03-11", 0, 0)), Timeliness::kOverdue);
}

TEST(TimelinessTest, Codes) {
  EXPECT_EQ(TimelinessCode(Timeliness::kEarly), "early");
  EXPECT_EQ(TimelinessCode(Timeliness::kOnTime), "on_time");
  EXPECT_EQ(TimelinessCode(Timeliness::kLate), "late");
  EXPECT_EQ(TimelinessCode(Timeliness::kWithinTime), "within_time");
  EXPECT_EQ(TimelinessCode(Timeliness::kOverdue), "overdue");
}

// Early and on time both count as on time for the 766 index.
TEST(TimelinessTest, Index766TimelinessPoints) {
  EXPECT_DOUBLE_EQ(TimelinessPoints({3, 5, 2}).value(), 16.0);
  EXPECT_DOUBLE_EQ(TimelinessPoints({0, 1, 0}).value(), 20.0);
  EXPECT_DOUBLE_EQ(TimelinessPoints({4, 0, 0}).value(), 20.0);
  EXPECT_DOUBLE_EQ(TimelinessPoints({0, 0, 7}).value(), 0.0);
  EXPECT_DOUBLE_EQ(TimelinessPoints({1, 0, 2}).value(), 20.0 / 3);
}

TEST(TimelinessTest, Index766WithNothingFinishedHasNoScore) {
  EXPECT_EQ(TimelinessPoints({}), std::nullopt);
  EXPECT_EQ(FinishedCounts{}.finished(), 0);
}

}  // namespace
}  // namespace xaso::onestop
