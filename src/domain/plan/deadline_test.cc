#include "domain/plan/deadline.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::plan {
namespace {

using calendar::testing::D;

class DeadlineTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  static Task OneOff(const char* due) {
    Task t;
    t.plan_year = 2024;
    t.starts_on = D("2024-02-01");
    t.due_on = D(due);
    t.status = TaskStatus::kInProgress;
    t.progress = 40;
    return t;
  }
  static Task Recurring(Recurrence r) {
    Task t;
    t.plan_year = 2024;
    t.starts_on = D("2024-02-01");
    t.recurrence = r;
    return t;
  }
};

// Tết Giáp Thìn: 08/02–14/02/2024 off. A deadline on Saturday 10/02 moves to Thursday 15/02.
TEST_F(DeadlineTest, DeadlineInsideTetMovesPastTheHoliday) {
  const Task t = OneOff("2024-02-10");
  auto on_15 = Evaluate(t, D("2024-02-15"), cal_);
  EXPECT_EQ(on_15.due, D("2024-02-15"));
  EXPECT_FALSE(on_15.overdue);
  auto on_16 = Evaluate(t, D("2024-02-16"), cal_);
  EXPECT_TRUE(on_16.overdue);
  EXPECT_EQ(on_16.working_days_left, -1);
  // From the eve of the holiday one working day remains, because the holiday does not count.
  EXPECT_EQ(Evaluate(t, D("2024-02-07"), cal_).working_days_left, 1);
}

TEST_F(DeadlineTest, OneOffOverdueTheDayAfterAWorkingDayDeadline) {
  const Task t = OneOff("2024-07-04");  // Thursday: the half-year report
  EXPECT_FALSE(Evaluate(t, D("2024-07-04"), cal_).overdue);
  EXPECT_TRUE(Evaluate(t, D("2024-07-05"), cal_).overdue);
}

TEST_F(DeadlineTest, DoneTaskIsNeverOverdue) {
  Task t = OneOff("2024-03-01");
  t.status = TaskStatus::kDone;
  t.progress = 100;
  auto s = Evaluate(t, D("2026-11-27"), cal_);
  EXPECT_FALSE(s.overdue);
  EXPECT_EQ(s.due, D("2024-03-01"));
}

TEST_F(DeadlineTest, OngoingTaskHasNoDeadline) {
  auto s = Evaluate(Recurring(Recurrence::kOngoing), D("2024-05-01"), cal_);
  EXPECT_FALSE(s.due.has_value());
  EXPECT_FALSE(s.overdue);
}

TEST_F(DeadlineTest, QuarterlyTaskMissingLastQuarterIsOverdue) {
  Task t = Recurring(Recurrence::kQuarterly);
  // 31/03/2024 is a Sunday: the quarter's deadline is Monday 01/04.
  auto s = Evaluate(t, D("2024-04-10"), cal_);
  EXPECT_TRUE(s.overdue);
  EXPECT_EQ(s.due, D("2024-04-01"));
  EXPECT_FALSE(Evaluate(t, D("2024-04-01"), cal_).overdue);
}

TEST_F(DeadlineTest, QuarterlyTaskDoneInTheQuarterShowsTheNextDeadline) {
  Task t = Recurring(Recurrence::kQuarterly);
  t.last_done_on = D("2024-03-20");
  auto s = Evaluate(t, D("2024-04-10"), cal_);
  EXPECT_FALSE(s.overdue);
  EXPECT_EQ(s.due, D("2024-07-01"));  // 30/06/2024 is a Sunday
  // Done in the first quarter does not cover the second.
  EXPECT_TRUE(Evaluate(t, D("2024-07-10"), cal_).overdue);
}

TEST_F(DeadlineTest, PeriodicTaskDoneForAnEarlierPeriodIsLateForTheNextOne) {
  Task t = Recurring(Recurrence::kQuarterly);
  t.status = TaskStatus::kDone;
  t.progress = 100;
  t.last_done_on = D("2024-03-20");
  EXPECT_FALSE(Evaluate(t, D("2024-05-10"), cal_).overdue);
  EXPECT_TRUE(Evaluate(t, D("2024-07-10"), cal_).overdue);  // nothing reported for Q2
}

TEST_F(DeadlineTest, RecurringTaskThatStartedAfterAPeriodIgnoresIt) {
  Task t = Recurring(Recurrence::kHalfYearly);
  t.starts_on = D("2024-07-15");
  EXPECT_FALSE(Evaluate(t, D("2024-08-01"), cal_).overdue);
  EXPECT_EQ(NominalDeadline(t, D("2024-08-01")), D("2024-12-31"));
}

TEST_F(DeadlineTest, RecurringDeadlineAfterThePlanYearIsTheLastPeriod) {
  Task t = Recurring(Recurrence::kYearly);
  EXPECT_EQ(NominalDeadline(t, D("2025-03-01")), D("2024-12-31"));
  EXPECT_TRUE(Evaluate(t, D("2025-03-01"), cal_).overdue);
  t.last_done_on = D("2024-12-20");
  EXPECT_FALSE(Evaluate(t, D("2025-03-01"), cal_).overdue);
}

}  // namespace
}  // namespace xaso::plan
