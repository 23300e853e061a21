#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/oversight/oversight_service.h"

namespace xaso::oversight {
namespace {

using calendar::testing::D;

bool HasField(const Status& s, const std::string& field) {
  if (s.has_value()) return false;
  for (const auto& f : s.error().fields) {
    if (f.field == field) return true;
  }
  return false;
}

rules::RuleBook Book() {
  return rules::RuleBook({{0, kAnswerRuleKey, "15", rules::RuleUnit::kDays, D("2023-07-01"),
                           "Luật THDCCS 10/2022/QH15", "V"}});
}

Date Due(std::string_view received) {
  static const calendar::LegalCalendar kCal = calendar::testing::SeedCalendar();
  auto due = ComputeAnswerDue(Book(), 1, D(received), kCal);
  EXPECT_TRUE(due.has_value());
  return due ? due->due_on : Date();
}

TEST(AnswerDueTest, FifteenDaysOnAWorkingDayStay) {
  auto cal = calendar::testing::SeedCalendar();
  auto due = ComputeAnswerDue(Book(), 1, D("2024-05-08"), cal);  // a Wednesday
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->due_on, D("2024-05-23"));  // Thursday
  EXPECT_EQ(due->rule_key, "supervision.answer_max");
  EXPECT_EQ(due->rule_effective_from, D("2023-07-01"));
}

TEST(AnswerDueTest, ADueDateOnAWeekendMovesToMonday) {
  // 26/04/2024 + 15 = Saturday 11/05/2024.
  EXPECT_EQ(D("2024-05-11").weekday(), 5);
  EXPECT_EQ(Due("2024-04-26"), D("2024-05-13"));
  // 27/04/2024 + 15 = Sunday 12/05/2024.
  EXPECT_EQ(Due("2024-04-27"), D("2024-05-13"));
}

TEST(AnswerDueTest, ADueDateInTetMovesPastTheHoliday) {
  // 27/01/2024 + 15 = Sunday 11/02/2024, inside the Tết break of 08–14/02/2024.
  EXPECT_EQ(Due("2024-01-27"), D("2024-02-15"));
}

TEST(AnswerDueTest, ADueDateOnReunificationDayMovesPastMayDay) {
  // 15/04/2024 + 15 = 30/04/2024; 30/4 and 1/5 are days off.
  EXPECT_EQ(Due("2024-04-15"), D("2024-05-02"));
}

TEST(AnswerDueTest, NoRuleBeforeItTookEffect) {
  auto cal = calendar::testing::SeedCalendar();
  auto due = ComputeAnswerDue(Book(), 1, D("2023-06-30"), cal);
  ASSERT_FALSE(due.has_value());
  // A field error the form shows, not an internal message: the date typed is what is wrong.
  EXPECT_EQ(due.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(due.error().fields.size(), 1u);
  EXPECT_EQ(due.error().fields[0].field, "received_on");
  EXPECT_EQ(due.error().fields[0].message,
            "Chưa có quy định thời hạn trả lời áp dụng cho ngày nhận này (quy định có hiệu lực "
            "từ 01/07/2023).");
}

TEST(AnswerDueTest, TheCommunesOwnRuleWins) {
  auto rules = Book().rules();
  rules.push_back({7, kAnswerRuleKey, "10", rules::RuleUnit::kDays, D("2024-01-01"), "QĐ xã", "V"});
  auto cal = calendar::testing::SeedCalendar();
  auto due = ComputeAnswerDue(rules::RuleBook(rules), 7, D("2024-05-08"), cal);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->due_on, D("2024-05-20"));  // 18/05 is a Saturday
  EXPECT_EQ(due->rule_effective_from, D("2024-01-01"));
}

Recommendation Received(std::string_view received, std::string_view due) {
  Recommendation r;
  r.commune_id = 1;
  r.title = "Kiến nghị về niêm yết thủ tục hành chính";
  r.content = "Đề nghị niêm yết đầy đủ thủ tục tại Bộ phận Một cửa.";
  r.received_on = D(received);
  r.due_on = D(due);
  return r;
}

TEST(RecommendationTest, LateWhenOpenPastDueOrAnsweredAfterIt) {
  Recommendation r = Received("2024-05-08", "2024-05-23");
  EXPECT_FALSE(IsLate(r, D("2024-05-23")));
  EXPECT_TRUE(IsLate(r, D("2024-05-24")));
  r.status = RecommendationStatus::kAnswered;
  r.answered_on = D("2024-05-23");
  EXPECT_FALSE(IsLate(r, D("2024-06-30")));
  r.answered_on = D("2024-05-24");
  EXPECT_TRUE(IsLate(r, D("2024-06-30")));  // answered late stays flagged
}

TEST(RecommendationTest, ValidatesTextsAndDates) {
  Recommendation r = Received("2024-05-08", "2024-05-23");
  EXPECT_TRUE(ValidateRecommendation(r, D("2024-05-08")).has_value());
  r.title = " ";
  r.received_on = D("2024-05-09");
  auto s = ValidateRecommendation(r, D("2024-05-08"));
  EXPECT_TRUE(HasField(s, "title"));
  EXPECT_TRUE(HasField(s, "received_on"));
}

TEST(RecommendationTest, AnAnswerBeforeTheReceivedDateIsRefused) {
  Recommendation r = Received("2024-05-08", "2024-05-23");
  Answer a{1, 1, "UBND xã đã chỉ đạo niêm yết.", "45/UBND", D("2024-05-07")};
  auto s = ValidateAnswer(a, r, D("2024-05-20"));
  EXPECT_TRUE(HasField(s, "answered_on"));
  a.answered_on = D("2024-05-21");
  EXPECT_TRUE(HasField(ValidateAnswer(a, r, D("2024-05-20")), "answered_on"));  // future
  a.answered_on = D("2024-05-20");
  a.text = "";
  EXPECT_TRUE(HasField(ValidateAnswer(a, r, D("2024-05-20")), "answer"));
}

Inspection Farm() {
  Inspection i;
  i.commune_id = 1;
  i.kind = InspectionKind::kUnannounced;
  i.subject = "Cơ sở chăn nuôi lợn thôn 3";
  i.topic = "Bảo vệ môi trường trong chăn nuôi";
  i.scheduled_on = D("2024-06-10");
  return i;
}

TEST(InspectionTest, NeedsAUnitOrASubjectAndATopic) {
  Inspection i = Farm();
  EXPECT_TRUE(ValidateInspection(i, D("2024-06-01")).has_value());
  i.subject = "";
  i.topic = "";
  auto s = ValidateInspection(i, D("2024-06-01"));
  EXPECT_TRUE(HasField(s, "subject"));
  EXPECT_TRUE(HasField(s, "topic"));
  i.unit_id = 3;
  EXPECT_FALSE(HasField(ValidateInspection(i, D("2024-06-01")), "subject"));
}

TEST(InspectionTest, ConductedEarlierThanPlannedIsAllowedButNotInTheFuture) {
  Inspection i = Farm();
  i.conducted_on = D("2024-06-05");
  i.conclusion = "Cơ sở chưa có hầm biogas.";
  EXPECT_TRUE(ValidateInspection(i, D("2024-06-05")).has_value());
  EXPECT_TRUE(HasField(ValidateInspection(i, D("2024-06-04")), "conducted_on"));
  i.conducted_on.reset();
  EXPECT_TRUE(HasField(ValidateInspection(i, D("2024-06-05")), "conducted_on"));
}

TEST(FindingTest, RemediationDeadlineNotBeforeTheInspection) {
  Finding f;
  f.description = "Nước thải chưa qua xử lý";
  f.remediation_due_on = D("2024-06-09");
  EXPECT_TRUE(HasField(ValidateFinding(f, D("2024-06-10")), "remediation_due_on"));
  f.remediation_due_on = D("2024-06-10");
  EXPECT_TRUE(ValidateFinding(f, D("2024-06-10")).has_value());
}

TEST(FindingTest, OverdueOnlyAfterADeadlineMovedOffTheWeekend) {
  auto cal = calendar::testing::SeedCalendar();
  Finding f;
  f.remediation_due_on = D("2024-07-06");  // a Saturday → Monday 08/07
  EXPECT_EQ(EffectiveRemediationDue(f, cal), D("2024-07-08"));
  EXPECT_FALSE(IsOverdue(f, D("2024-07-08"), cal));
  EXPECT_TRUE(IsOverdue(f, D("2024-07-09"), cal));
  f.status = FindingStatus::kClosed;
  EXPECT_FALSE(IsOverdue(f, D("2024-07-09"), cal));
}

TEST(RecheckTest, NotRemediedNeedsALaterNewDeadline) {
  Recheck r{0, 1, D("2024-07-10"), false, "Chưa xây hầm biogas", std::nullopt};
  EXPECT_TRUE(HasField(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-07-10")), "new_due_on"));
  r.new_due_on = D("2024-07-10");
  EXPECT_TRUE(HasField(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-07-10")), "new_due_on"));
  r.new_due_on = D("2024-08-10");
  EXPECT_TRUE(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-07-10")).has_value());
}

TEST(RecheckTest, RemediedHasNoNewDeadlineAndDatesAreBounded) {
  Recheck r{0, 1, D("2024-08-12"), true, "Đã khắc phục", D("2024-09-01")};
  EXPECT_TRUE(HasField(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-08-12")), "new_due_on"));
  r.new_due_on.reset();
  EXPECT_TRUE(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-08-12")).has_value());
  EXPECT_TRUE(HasField(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-08-11")), "checked_on"));
  r.checked_on = D("2024-06-09");
  EXPECT_TRUE(HasField(ValidateRecheck(r, {}, D("2024-06-10"), D("2024-08-11")), "checked_on"));
}

TEST(RecheckTest, NotBeforeTheLatestRecheckOrTheClosingDate) {
  Finding f;
  f.status = FindingStatus::kClosed;
  f.closed_on = D("2024-08-09");
  f.rechecks = {{1, 1, D("2024-07-09"), false, "", D("2024-08-10")},
                {2, 1, D("2024-08-09"), true, "Đã khắc phục"}};
  // A "not remedied" dated before the recheck that closed the finding would reopen it with a
  // deadline already past.
  Recheck r{0, 1, D("2024-07-20"), false, "", D("2024-07-31")};
  auto s = ValidateRecheck(r, f, D("2024-06-10"), D("2024-09-01"));
  ASSERT_TRUE(HasField(s, "checked_on"));
  EXPECT_EQ(s.error().fields[0].message,
            "Ngày tái kiểm tra không được trước lần tái kiểm tra gần nhất (09/08/2024).");
  // Closed without a recheck on file (as imported): the closing date bounds it.
  f.rechecks.clear();
  EXPECT_TRUE(HasField(ValidateRecheck(r, f, D("2024-06-10"), D("2024-09-01")), "checked_on"));
  // On or after both, with a later deadline, it is accepted.
  r.checked_on = D("2024-08-09");
  r.new_due_on = D("2024-09-09");
  EXPECT_TRUE(ValidateRecheck(r, f, D("2024-06-10"), D("2024-09-01")).has_value());
  r.new_due_on = D("2024-08-09");
  EXPECT_TRUE(HasField(ValidateRecheck(r, f, D("2024-06-10"), D("2024-09-01")), "new_due_on"));
}

TEST(OversightPermissionTest, WhoMayDoWhat) {
  identity::Account leader{1, 1, "chutich", "", identity::Role::kLeader};
  identity::Account officer{2, 1, "vanphong", "", identity::Role::kOfficer, 5};
  identity::Account supervisor{3, 1, "mttq", "", identity::Role::kSupervisor, 9};
  Finding f;
  f.commune_id = 1;
  f.responsible_unit_id = 5;
  EXPECT_TRUE(OversightService::CanRecheck(leader, f));
  EXPECT_TRUE(OversightService::CanRecheck(officer, f));
  EXPECT_FALSE(OversightService::CanInspect(officer));
  f.responsible_unit_id = 6;
  EXPECT_FALSE(OversightService::CanRecheck(officer, f));
  Recommendation r = Received("2024-05-08", "2024-05-23");
  r.assigned_unit_id = 6;
  EXPECT_TRUE(OversightService::CanAnswer(leader, r));
  EXPECT_FALSE(OversightService::CanAnswer(officer, r));
  EXPECT_FALSE(OversightService::CanAnswer(supervisor, r));
  EXPECT_TRUE(OversightService::CanRecord(supervisor));
  EXPECT_FALSE(OversightService::CanRecord(leader));
  r.assigned_unit_id = 5;
  EXPECT_TRUE(OversightService::CanAnswer(officer, r));
}

}  // namespace
}  // namespace xaso::oversight
