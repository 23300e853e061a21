#include "domain/feedback/feedback.h"

#include <cmath>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/feedback/feedback_service.h"

namespace xaso::feedback {
namespace {

using calendar::testing::D;

Submission Valid() {
  Submission s;
  s.commune_id = 1;
  s.category_id = 2;
  s.description = "Đèn chiếu sáng đường trục thôn 3 hỏng đã hai tuần.";
  return s;
}

bool HasField(const Status& s, const std::string& field) {
  if (s.has_value()) return false;
  for (const auto& f : s.error().fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(ValidateSubmissionTest, AnonymousWithADescriptionIsEnough) {
  EXPECT_TRUE(ValidateSubmission(Valid()).has_value());
}

TEST(ValidateSubmissionTest, DescriptionRequiredAndAtMost4000Characters) {
  Submission s = Valid();
  s.description = "  ";
  EXPECT_TRUE(HasField(ValidateSubmission(s), "description"));
  s.description = std::string(4000, 'a');
  EXPECT_TRUE(ValidateSubmission(s).has_value());
  s.description = std::string(3999, 'a') + "ệ";  // 4,000 characters, more bytes
  EXPECT_TRUE(ValidateSubmission(s).has_value());
  s.description += "a";
  EXPECT_TRUE(HasField(ValidateSubmission(s), "description"));
}

TEST(ValidateSubmissionTest, CoordinatesBothAndInRange) {
  Submission s = Valid();
  s.lat = 20.7;
  EXPECT_TRUE(HasField(ValidateSubmission(s), "long"));
  s.lon = 106.1;
  EXPECT_TRUE(ValidateSubmission(s).has_value());
  s.lat = 91;
  EXPECT_TRUE(HasField(ValidateSubmission(s), "lat"));
  s.lat = std::nan("");
  EXPECT_TRUE(HasField(ValidateSubmission(s), "lat"));
}

TEST(ValidateSubmissionTest, ContactDetailsMustBeWhatTheySay) {
  Submission s = Valid();
  s.citizen_phone = "0221 3 000 000";
  s.citizen_email = "ngo.thu@example.vn";
  EXPECT_TRUE(ValidateSubmission(s).has_value());
  s.citizen_phone = "gọi tôi";
  s.citizen_email = "khong-phai-email";
  auto v = ValidateSubmission(s);
  EXPECT_TRUE(HasField(v, "citizen_phone"));
  EXPECT_TRUE(HasField(v, "citizen_email"));
  s = Valid();
  s.show_name = true;  // to show a name, there must be one
  EXPECT_TRUE(HasField(ValidateSubmission(s), "show_name"));
}

TEST(WorkflowTest, TheStatesMoveOnlyForward) {
  EXPECT_TRUE(CanMove(ItemStatus::kReceived, ItemStatus::kAssigned));
  EXPECT_TRUE(CanMove(ItemStatus::kAssigned, ItemStatus::kInProgress));
  EXPECT_TRUE(CanMove(ItemStatus::kInProgress, ItemStatus::kAnswered));
  EXPECT_TRUE(CanMove(ItemStatus::kAnswered, ItemStatus::kClosed));
  EXPECT_TRUE(CanMove(ItemStatus::kAnswered, ItemStatus::kInProgress));  // reopened
  EXPECT_TRUE(CanMove(ItemStatus::kReceived, ItemStatus::kForwarded));
  EXPECT_FALSE(CanMove(ItemStatus::kClosed, ItemStatus::kInProgress));
  EXPECT_FALSE(CanMove(ItemStatus::kReceived, ItemStatus::kClosed));
  EXPECT_FALSE(CanMove(ItemStatus::kForwarded, ItemStatus::kAnswered));
  EXPECT_FALSE(CanMove(ItemStatus::kAnswered, ItemStatus::kReceived));
  EXPECT_TRUE(IsOpen(ItemStatus::kInProgress));
  EXPECT_FALSE(IsOpen(ItemStatus::kForwarded));
}

TEST(AnswerDueTest, TenWorkingDaysAcrossTet) {
  const auto cal = calendar::testing::SeedCalendar();
  // Received Monday 05/02/2024; 08–14/02 is Tết: 10 working days end on Monday 26/02.
  EXPECT_EQ(AnswerDue(D("2024-02-05"), 10, cal), D("2024-02-26"));
  // Received Friday 05/07/2024: two weeks of working days, Friday 19/07.
  EXPECT_EQ(AnswerDue(D("2024-07-05"), 10, cal), D("2024-07-19"));
}

TEST(TrackingCodeTest, ReadableAndRecognised) {
  const std::string code = MakeTrackingCode(std::string("\x00\x01\x1e\xff\x10\x20\x30\x40", 8));
  EXPECT_EQ(code.size(), 11u);
  EXPECT_TRUE(IsTrackingCode(code));
  EXPECT_EQ(code.rfind("PA-", 0), 0u);
  EXPECT_EQ(code.find_first_of("01OIL", 3), std::string::npos);
  EXPECT_FALSE(IsTrackingCode("PA-ABCDEFG0"));
  EXPECT_FALSE(IsTrackingCode("PA-ABCDEFGHJ"));
  EXPECT_FALSE(IsTrackingCode("pa-ABCDEFGH"));
  EXPECT_FALSE(IsTrackingCode("PA-abcdefgh"));
}

TEST(CanRateTest, OnlyAnUnratedAnswerOfAnItemThatIsNotADuplicate) {
  Feedback f;
  f.status = ItemStatus::kAnswered;
  f.answer = "Đã sửa.";
  EXPECT_TRUE(CanRate(f));
  f.status = ItemStatus::kClosed;
  EXPECT_TRUE(CanRate(f));
  for (auto s : {ItemStatus::kReceived, ItemStatus::kAssigned, ItemStatus::kInProgress,
                 ItemStatus::kForwarded}) {
    f.status = s;
    EXPECT_FALSE(CanRate(f));
  }
  f.status = ItemStatus::kAnswered;
  f.rating = Rating::kUnsatisfied;
  EXPECT_FALSE(CanRate(f));
  f.rating = Rating::kNone;
  f.merged_into = 7;
  EXPECT_FALSE(CanRate(f));
  f.merged_into.reset();
  f.answer.clear();  // closed as a duplicate or without an answer
  EXPECT_FALSE(CanRate(f));
}

TEST(SearchTermsTest, FoldedWordsWithLikeWildcardsEscaped) {
  EXPECT_EQ(SearchTerms("  Công KHAI, ngân sách! "),
            (std::vector<std::string>{"cong", "khai", "ngan", "sach"}));
  EXPECT_EQ(SearchTerms("100% lo_ai a\\b"),
            (std::vector<std::string>{"100\\%", "lo\\_ai", "a\\\\b"}));
  EXPECT_TRUE(SearchTerms(" ,.?! ").empty());
  EXPECT_EQ(SearchTerms("a b c d e f g").size(), kMaxSearchTerms);
  const auto long_word = SearchTerms(std::string(60, 'x') + "đ");
  ASSERT_EQ(long_word.size(), 1U);
  EXPECT_EQ(long_word[0], std::string(40, 'x'));
}

TEST(RegisterCursorTest, RoundTripsAndRefusesWhatItCannotHaveMade) {
  const RegisterCursor c{true, Date::FromYmd(2026, 1, 5), 123};
  EXPECT_EQ(c.ToText(), "1.2026-01-05.123");
  const auto back = RegisterCursor::Parse(c.ToText());
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->done);
  EXPECT_EQ(back->due_on, c.due_on);
  EXPECT_EQ(back->id, 123);
  for (const char* bad :
       {"", "2.2026-01-05.1", "0.2026-13-05.1", "0.2026-01-05.", "0.2026-01-05.0",
        "0.2026-01-05.12a", "0-2026-01-05.1", "0.2026-01-05.1234567890123456789"}) {
    EXPECT_FALSE(RegisterCursor::Parse(bad).has_value()) << bad;
  }
}

TEST(CanHandleTest, OfficersActOnTheirUnitsItemsOthersOnAny) {
  Feedback f;
  f.commune_id = 1;
  f.unit_id = 7;
  identity::Account a;
  a.commune_id = 1;
  a.unit_id = 7;
  a.role = identity::Role::kOfficer;
  EXPECT_TRUE(FeedbackService::CanHandle(a, f));
  a.unit_id = 8;
  EXPECT_FALSE(FeedbackService::CanHandle(a, f));
  f.unit_id.reset();
  EXPECT_FALSE(FeedbackService::CanHandle(a, f));
  for (auto role : {identity::Role::kClerk, identity::Role::kLeader, identity::Role::kAdmin}) {
    a.role = role;
    EXPECT_TRUE(FeedbackService::CanHandle(a, f));
  }
  a.commune_id = 2;  // never another commune's item
  EXPECT_FALSE(FeedbackService::CanHandle(a, f));
  a.commune_id = 1;
  for (auto role :
       {identity::Role::kSupervisor, identity::Role::kCitizen, identity::Role::kLevelAbove}) {
    a.role = role;
    EXPECT_FALSE(FeedbackService::CanHandle(a, f));
  }
}

TEST(DefaultCategoriesTest, CoverThePlanAndAreUnique) {
  const auto& all = DefaultCategories();
  EXPECT_EQ(all.size(), 8u);
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) EXPECT_NE(all[i].code, all[j].code);
  }
}

}  // namespace
}  // namespace xaso::feedback
