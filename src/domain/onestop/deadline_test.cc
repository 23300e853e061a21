#include "domain/onestop/deadline.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/onestop/onestop_testing.h"

namespace xaso::onestop {
namespace {

using calendar::testing::D;

using testing::VnTime;

Procedure SameDay() {
  Procedure p;
  p.same_day = true;
  return p;
}

Procedure Days(int n) {
  Procedure p;
  p.working_days = n;
  return p;
}

class OnestopDeadlineTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  SameDayCutoff cutoff_ = ParseSameDayCutoff("15:00").value();
};

TEST(SameDayCutoffTest, ParsesHhMmOnly) {
  EXPECT_EQ(ParseSameDayCutoff("15:00")->minutes, 900);
  EXPECT_EQ(ParseSameDayCutoff("00:00")->minutes, 0);
  EXPECT_EQ(ParseSameDayCutoff("23:59")->minutes, 1439);
  for (const char* bad : {"9:00", "24:00", "15:60", "15-00", "15:00:00", "", "ab:cd", " 15:00"}) {
    const auto r = ParseSameDayCutoff(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

// Wednesday 04/03/2026: received before 15:00 (and at 15:00:00 sharp) it is returned the same
// day; after it, on Thursday.
TEST_F(OnestopDeadlineTest, SameDayReceivedAfterTheCutoffIsDueTheNextWorkingDay) {
  EXPECT_EQ(DueAt(VnTime("2026-03-04", 14, 59), SameDay(), cal_, cutoff_), D("2026-03-04"));
  EXPECT_EQ(DueAt(VnTime("2026-03-04", 15, 0, 0), SameDay(), cal_, cutoff_), D("2026-03-04"));
  EXPECT_EQ(DueAt(VnTime("2026-03-04", 15, 0, 1), SameDay(), cal_, cutoff_), D("2026-03-05"));
  EXPECT_EQ(DueAt(VnTime("2026-03-04", 15, 1), SameDay(), cal_, cutoff_), D("2026-03-05"));
  // Friday after 15:00: the next working day is Monday.
  EXPECT_EQ(DueAt(VnTime("2026-03-06", 15, 1), SameDay(), cal_, cutoff_), D("2026-03-09"));
}

// The cutoff is data: another value moves the boundary.
TEST_F(OnestopDeadlineTest, CutoffComesFromTheRule) {
  const SameDayCutoff noon = ParseSameDayCutoff("12:00").value();
  EXPECT_EQ(DueAt(VnTime("2026-03-04", 14, 59), SameDay(), cal_, noon), D("2026-03-05"));
}

// The cutoff is in Vietnam time: 08:01 UTC is 15:01 in Hà Nội.
TEST_F(OnestopDeadlineTest, CutoffIsInVietnamTime) {
  const int64_t utc_0801 = D("2026-03-04").days() * 86400 + 8 * 3600 + 60;
  EXPECT_EQ(DueAt(utc_0801, SameDay(), cal_, cutoff_), D("2026-03-05"));
}

// Tết Bính Ngọ 2026: off Sat 14/02 - Sun 22/02. Three working days from Thursday 12/02 are
// Friday 13/02, Monday 23/02 and Tuesday 24/02.
TEST_F(OnestopDeadlineTest, DeadlineAcrossTet2026) {
  EXPECT_FALSE(cal_.IsWorkingDay(D("2026-02-16")));
  EXPECT_FALSE(cal_.IsWorkingDay(D("2026-02-20")));
  EXPECT_TRUE(cal_.IsWorkingDay(D("2026-02-23")));
  EXPECT_EQ(DueAt(VnTime("2026-02-12", 9, 0), Days(3), cal_, cutoff_), D("2026-02-24"));
  // Same-day, received on the last afternoon before Tết after 15:00: due after the holiday.
  EXPECT_EQ(DueAt(VnTime("2026-02-13", 15, 30), SameDay(), cal_, cutoff_), D("2026-02-23"));
  // Received online during Tết: counts from Monday 23/02.
  EXPECT_EQ(DueAt(VnTime("2026-02-17", 10, 0), Days(1), cal_, cutoff_), D("2026-02-24"));
}

// Saturday 28/11/2026 (online): receipt counts from Monday 30/11, so three working days end on
// Thursday 03/12, and a same-day procedure is due on Monday whatever the hour.
TEST_F(OnestopDeadlineTest, ReceiptOnASaturdayCountsFromTheNextWorkingDay) {
  EXPECT_EQ(EffectiveReceiptDay(VnTime("2026-11-28", 9, 0), cal_), D("2026-11-30"));
  EXPECT_EQ(DueAt(VnTime("2026-11-28", 9, 0), Days(3), cal_, cutoff_), D("2026-12-03"));
  EXPECT_EQ(DueAt(VnTime("2026-11-28", 9, 0), SameDay(), cal_, cutoff_), D("2026-11-30"));
  EXPECT_EQ(DueAt(VnTime("2026-11-28", 16, 0), SameDay(), cal_, cutoff_), D("2026-11-30"));
}

// Working days count from the day after receipt; the hour does not matter for them.
TEST_F(OnestopDeadlineTest, WorkingDaysStartTheDayAfterReceipt) {
  EXPECT_EQ(DueAt(VnTime("2026-03-02", 7, 30), Days(1), cal_, cutoff_), D("2026-03-03"));
  EXPECT_EQ(DueAt(VnTime("2026-03-02", 16, 59), Days(5), cal_, cutoff_), D("2026-03-09"));
}

// Five working days from Monday 02/03 (due 09/03). Asked to supplement on Wednesday 04/03 after
// two days of work (03 and 04); back on Monday 16/03: three days left, due Thursday 19/03.
TEST_F(OnestopDeadlineTest, SupplementStopsTheClockAndKeepsTheDaysUsed) {
  const int64_t received = VnTime("2026-03-02", 9, 0);
  const SupplementRound round{VnTime("2026-03-04", 10, 0), VnTime("2026-03-16", 10, 0)};
  EXPECT_EQ(DueAfterSupplements(received, {}, Days(5), cal_, cutoff_).value(), D("2026-03-09"));
  EXPECT_EQ(DueAfterSupplements(received, {&round, 1}, Days(5), cal_, cutoff_).value(),
            D("2026-03-19"));
}

TEST_F(OnestopDeadlineTest, SupplementAskedOnTheDayOfReceiptUsesNoDay) {
  const int64_t received = VnTime("2026-03-02", 9, 0);
  const SupplementRound round{VnTime("2026-03-02", 11, 0), VnTime("2026-03-06", 8, 0)};
  EXPECT_EQ(DueAfterSupplements(received, {&round, 1}, Days(5), cal_, cutoff_).value(),
            D("2026-03-13"));
}

// Two rounds: one day used before each request (03/03, then 06/03), three left from 09/03.
TEST_F(OnestopDeadlineTest, DaysUsedAddUpOverRounds) {
  const int64_t received = VnTime("2026-03-02", 9, 0);
  const SupplementRound rounds[] = {{VnTime("2026-03-03", 9, 0), VnTime("2026-03-05", 9, 0)},
                                    {VnTime("2026-03-06", 9, 0), VnTime("2026-03-09", 9, 0)}};
  EXPECT_EQ(DueAfterSupplements(received, rounds, Days(5), cal_, cutoff_).value(), D("2026-03-12"));
}

// Asked on the due date itself: every day is used, the office still gets one working day.
TEST_F(OnestopDeadlineTest, AtLeastOneWorkingDayAfterTheSupplement) {
  const int64_t received = VnTime("2026-03-02", 9, 0);
  const SupplementRound round{VnTime("2026-03-09", 9, 0), VnTime("2026-03-11", 9, 0)};
  EXPECT_EQ(DueAfterSupplements(received, {&round, 1}, Days(5), cal_, cutoff_).value(),
            D("2026-03-12"));
}

// A same-day procedure starts again at the supplement, with the cutoff.
TEST_F(OnestopDeadlineTest, SameDayRestartsAtTheSupplement) {
  const int64_t received = VnTime("2026-03-04", 9, 0);
  const SupplementRound before{VnTime("2026-03-04", 10, 0), VnTime("2026-03-05", 14, 0)};
  const SupplementRound after{VnTime("2026-03-04", 10, 0), VnTime("2026-03-05", 15, 30)};
  EXPECT_EQ(DueAfterSupplements(received, {&before, 1}, SameDay(), cal_, cutoff_).value(),
            D("2026-03-05"));
  EXPECT_EQ(DueAfterSupplements(received, {&after, 1}, SameDay(), cal_, cutoff_).value(),
            D("2026-03-06"));
}

TEST_F(OnestopDeadlineTest, RoundsOutOfOrderAreRejected) {
  const int64_t received = VnTime("2026-03-04", 9, 0);
  const SupplementRound before_receipt{VnTime("2026-03-03", 9, 0), VnTime("2026-03-05", 9, 0)};
  const SupplementRound back_before_asked{VnTime("2026-03-05", 9, 0), VnTime("2026-03-04", 9, 0)};
  const SupplementRound overlapping[] = {{VnTime("2026-03-05", 9, 0), VnTime("2026-03-09", 9, 0)},
                                         {VnTime("2026-03-06", 9, 0), VnTime("2026-03-10", 9, 0)}};
  for (auto rounds : {std::span<const SupplementRound>(&before_receipt, 1),
                      std::span<const SupplementRound>(&back_before_asked, 1),
                      std::span<const SupplementRound>(overlapping)}) {
    const auto r = DueAfterSupplements(received, rounds, Days(5), cal_, cutoff_);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace xaso::onestop
