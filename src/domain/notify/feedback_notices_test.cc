#include "domain/notify/feedback_notices.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::notify {
namespace {

using calendar::testing::D;

class FeedbackNoticesTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  CalendarLookup lookup_ = [this](int64_t) -> const calendar::LegalCalendar& { return cal_; };
  static feedback::Feedback Item(std::optional<int64_t> unit) {
    feedback::Feedback f;
    f.id = 12;
    f.commune_id = 1;
    f.tracking_code = "PA-ABCDEFGH";
    f.unit_id = unit;
    f.status = feedback::ItemStatus::kAssigned;
    f.due_on = D("2024-02-26");  // received 05/02/2024, 10 working days across Tết
    return f;
  }
};

TEST_F(FeedbackNoticesTest, TheUnitHearsBeforeTheAnswerDateAndWhenItIsLate) {
  // Wednesday 21/02: Thursday, Friday and Monday 26/02 are left.
  const auto soon = FeedbackNotices({Item(4)}, D("2024-02-21"), lookup_);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].dedupe_key, "feedback:12:due:2024-02-26:soon");
  EXPECT_EQ(soon[0].recipient_unit_id, 4);
  EXPECT_EQ(soon[0].link, "/quan-ly/phan-anh/12");
  EXPECT_TRUE(FeedbackNotices({Item(4)}, D("2024-02-20"), lookup_).empty());
  const auto late = FeedbackNotices({Item(4)}, D("2024-02-27"), lookup_);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].dedupe_key, "feedback:12:due:2024-02-26:overdue");
  // The subject names the code only: no citizen details travel in a notice.
  EXPECT_EQ(late[0].subject, "Quá hạn trả lời phản ánh PA-ABCDEFGH (hạn 26/02/2024)");
}

TEST_F(FeedbackNoticesTest, UnroutedItemsGoToTheLeadersAndAnsweredOnesToNobody) {
  const auto late = FeedbackNotices({Item(std::nullopt)}, D("2024-02-27"), lookup_);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].recipient_role, "leader");
  auto answered = Item(4);
  answered.status = feedback::ItemStatus::kAnswered;
  EXPECT_TRUE(FeedbackNotices({answered}, D("2024-02-27"), lookup_).empty());
}

}  // namespace
}  // namespace xaso::notify
