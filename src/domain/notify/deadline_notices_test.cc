#include "domain/notify/deadline_notices.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::notify {
namespace {

using calendar::testing::D;

class DeadlineNoticesTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  CalendarLookup lookup_ = [this](int64_t) -> const calendar::LegalCalendar& { return cal_; };

  static plan::Task OneOff(int64_t id, const char* due) {
    plan::Task t;
    t.id = id;
    t.commune_id = 1;
    t.plan_year = 2024;
    t.title = "Niêm yết thủ tục hành chính";
    t.lead_unit_id = 7;
    t.starts_on = D("2024-01-02");
    t.due_on = D(due);
    t.status = plan::TaskStatus::kInProgress;
    t.progress = 20;
    return t;
  }
  std::vector<OutboxMessage> On(const plan::Task& t, const char* today) {
    return DeadlineNotices({t}, D(today), lookup_);
  }
};

TEST_F(DeadlineNoticesTest, DueSoonThreeWorkingDaysBeforeAndAddressedToTheLeadUnit) {
  // Friday 08/03/2024: Monday, Tuesday, Wednesday remain before Wednesday 13/03.
  const auto msgs = On(OneOff(42, "2024-03-13"), "2024-03-08");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].dedupe_key, "task:42:due:2024-03-13:soon");
  EXPECT_EQ(msgs[0].commune_id, 1);
  EXPECT_EQ(msgs[0].recipient_unit_id, 7);
  EXPECT_EQ(msgs[0].recipient_role, "");
  EXPECT_EQ(msgs[0].subject, "Sắp đến hạn: Niêm yết thủ tục hành chính (hạn 13/03/2024)");
  EXPECT_NE(msgs[0].body.find("còn 3 ngày làm việc"), std::string::npos);
  EXPECT_EQ(msgs[0].link, "/quan-ly/nhiem-vu/42");
}

TEST_F(DeadlineNoticesTest, NothingFourWorkingDaysBeforeNorOnTheDeadlineItself) {
  EXPECT_TRUE(On(OneOff(1, "2024-03-13"), "2024-03-07").empty());
  EXPECT_TRUE(On(OneOff(1, "2024-03-13"), "2024-03-13").empty());
}

TEST_F(DeadlineNoticesTest, AScanThatMissedADayStillSendsTheSameMessage) {
  const auto three_left = On(OneOff(5, "2024-03-13"), "2024-03-08");
  const auto one_left = On(OneOff(5, "2024-03-13"), "2024-03-12");
  ASSERT_EQ(one_left.size(), 1u);
  ASSERT_EQ(three_left.size(), 1u);
  EXPECT_EQ(one_left[0].dedupe_key, three_left[0].dedupe_key);
}

// Tết Giáp Thìn: 08/02–14/02/2024 are days off, so from Wednesday 07/02 only 15/02, 16/02 and
// 19/02 remain before Monday 19/02: the notice goes out before the holiday, not during it.
TEST_F(DeadlineNoticesTest, DueSoonCountsWorkingDaysAcrossTet) {
  EXPECT_TRUE(On(OneOff(9, "2024-02-19"), "2024-02-06").empty());
  const auto msgs = On(OneOff(9, "2024-02-19"), "2024-02-07");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].dedupe_key, "task:9:due:2024-02-19:soon");
  EXPECT_EQ(On(OneOff(9, "2024-02-19"), "2024-02-12").size(), 1u);  // a scan during Tết
}

// A deadline on Saturday 10/02/2024, inside Tết, moves to Thursday 15/02: the task is overdue
// from Friday 16/02, and the key names the effective deadline.
TEST_F(DeadlineNoticesTest, OverdueTheDayAfterTheEffectiveDeadlineAcrossTet) {
  EXPECT_TRUE(On(OneOff(3, "2024-02-10"), "2024-02-15").empty());
  const auto msgs = On(OneOff(3, "2024-02-10"), "2024-02-16");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].dedupe_key, "task:3:due:2024-02-15:overdue");
  EXPECT_EQ(msgs[0].subject, "Quá hạn: Niêm yết thủ tục hành chính (hạn 15/02/2024)");
  // Still overdue a month later: the same key, so the outbox keeps one message.
  EXPECT_EQ(On(OneOff(3, "2024-02-10"), "2024-03-20")[0].dedupe_key, msgs[0].dedupe_key);
}

TEST_F(DeadlineNoticesTest, AMovedDeadlineGetsANewKey) {
  const auto before = On(OneOff(4, "2024-03-13"), "2024-03-11");
  const auto after = On(OneOff(4, "2024-03-14"), "2024-03-11");
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(before[0].dedupe_key, after[0].dedupe_key);
}

TEST_F(DeadlineNoticesTest, DoneAndOngoingTasksGetNothing) {
  plan::Task done = OneOff(1, "2024-03-13");
  done.status = plan::TaskStatus::kDone;
  done.progress = 100;
  EXPECT_TRUE(On(done, "2024-03-12").empty());
  EXPECT_TRUE(On(done, "2024-04-12").empty());
  plan::Task ongoing = OneOff(2, "2024-03-13");
  ongoing.due_on.reset();
  ongoing.recurrence = plan::Recurrence::kOngoing;
  EXPECT_TRUE(On(ongoing, "2024-03-12").empty());
}

TEST_F(DeadlineNoticesTest, QuarterlyTaskIsRemindedUnlessTheQuarterIsReportedDone) {
  plan::Task q = OneOff(6, "2024-01-01");
  q.due_on.reset();
  q.recurrence = plan::Recurrence::kQuarterly;
  q.last_done_on = D("2024-06-20");  // the second quarter's work is reported
  // 30/09/2024 is a Monday; Wednesday 25/09 leaves 26, 27 and 30/09.
  const auto msgs = On(q, "2024-09-25");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].dedupe_key, "task:6:due:2024-09-30:soon");
  q.last_done_on = D("2024-09-20");
  EXPECT_TRUE(On(q, "2024-09-25").empty());
  // Done for the second quarter only: the third quarter is overdue in October.
  q.last_done_on = D("2024-06-20");
  const auto late = On(q, "2024-10-02");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].dedupe_key, "task:6:due:2024-09-30:overdue");
}

TEST_F(DeadlineNoticesTest, EachTaskUsesItsOwnCommunesCalendar) {
  // Commune 2 declares Friday 08/03/2024 a day off, so from Thursday 07/03 only three working
  // days remain before Wednesday 13/03 there, and four in commune 1.
  calendar::LegalCalendar other(calendar::testing::SeedRules(), [] {
    auto o = calendar::testing::SeedOverrides();
    calendar::CalendarOverride off;
    off.date = D("2024-03-08");
    off.kind = calendar::CalendarOverride::Kind::kDayOff;
    off.name_vi = "Nghỉ địa phương";
    o.push_back(off);
    return o;
  }());
  plan::Task a = OneOff(1, "2024-03-13");
  plan::Task b = OneOff(2, "2024-03-13");
  b.commune_id = 2;
  const auto msgs = DeadlineNotices(
      {a, b}, D("2024-03-07"),
      [&](int64_t c) -> const calendar::LegalCalendar& { return c == 2 ? other : cal_; });
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].commune_id, 2);
}

}  // namespace
}  // namespace xaso::notify
