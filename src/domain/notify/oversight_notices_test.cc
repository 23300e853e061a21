#include "domain/notify/oversight_notices.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::notify {
namespace {

using calendar::testing::D;

class OversightNoticesTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  CalendarLookup lookup_ = [this](int64_t) -> const calendar::LegalCalendar& { return cal_; };

  static oversight::Recommendation Rec(std::optional<int64_t> unit) {
    oversight::Recommendation r;
    r.id = 9;
    r.commune_id = 1;
    r.title = "Công khai dự toán ngân sách";
    r.received_on = D("2024-04-26");
    r.due_on = D("2024-05-13");  // 15 days, moved off the weekend
    r.assigned_unit_id = unit;
    return r;
  }
};

TEST_F(OversightNoticesTest, ALateAnswerIsFlaggedToTheLeadersAndTheAssignedUnit) {
  const auto msgs = RecommendationNotices({Rec(4)}, D("2024-05-14"), lookup_);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].recipient_unit_id, 4);
  EXPECT_EQ(msgs[0].dedupe_key, "rec:9:due:2024-05-13:overdue:unit");
  EXPECT_EQ(msgs[1].recipient_role, "leader");
  EXPECT_FALSE(msgs[1].recipient_unit_id.has_value());
  EXPECT_EQ(msgs[1].dedupe_key, "rec:9:due:2024-05-13:overdue:leader");
  EXPECT_EQ(msgs[1].link, "/quan-ly/giam-sat/9");
  EXPECT_NE(msgs[1].subject.find("Quá hạn trả lời kiến nghị"), std::string::npos);
}

TEST_F(OversightNoticesTest, DueSoonWithinThreeWorkingDaysAndNothingOnTheDay) {
  // Wednesday 08/05: Thursday, Friday and Monday 13/05 remain.
  const auto soon = RecommendationNotices({Rec(std::nullopt)}, D("2024-05-08"), lookup_);
  ASSERT_EQ(soon.size(), 1u);  // no unit assigned: the leaders only
  EXPECT_EQ(soon[0].dedupe_key, "rec:9:due:2024-05-13:soon:leader");
  EXPECT_TRUE(RecommendationNotices({Rec(4)}, D("2024-05-07"), lookup_).empty());
  EXPECT_TRUE(RecommendationNotices({Rec(4)}, D("2024-05-13"), lookup_).empty());
  auto answered = Rec(4);
  answered.status = oversight::RecommendationStatus::kAnswered;
  EXPECT_TRUE(RecommendationNotices({answered}, D("2024-06-01"), lookup_).empty());
}

TEST_F(OversightNoticesTest, AFindingDueInTetIsOverdueOnlyAfterTheHoliday) {
  oversight::Finding f;
  f.id = 3;
  f.commune_id = 1;
  f.inspection_id = 2;
  f.responsible_unit_id = 5;
  f.description = "Chưa niêm yết thủ tục hành chính tại Bộ phận Một cửa";
  f.remediation_due_on = D("2024-02-10");  // Tết: effective 15/02
  EXPECT_TRUE(FindingNotices({f}, D("2024-02-15"), lookup_).empty());
  const auto late = FindingNotices({f}, D("2024-02-16"), lookup_);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].dedupe_key, "finding:3:due:2024-02-15:overdue");
  EXPECT_EQ(late[0].recipient_unit_id, 5);
  EXPECT_EQ(late[0].link, "/quan-ly/kiem-tra/2");
  const auto soon = FindingNotices({f}, D("2024-02-07"), lookup_);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].dedupe_key, "finding:3:due:2024-02-15:soon");
}

}  // namespace
}  // namespace xaso::notify
