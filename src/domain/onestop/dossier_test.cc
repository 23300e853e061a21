#include "domain/onestop/dossier.h"

#include <map>
#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/onestop/onestop_testing.h"

namespace xaso::onestop {
namespace {

using calendar::testing::D;
using S = DossierStatus;

constexpr S kAll[] = {S::kReceived,    S::kAssigned, S::kProcessing, S::kSupplementRequested,
                      S::kResultReady, S::kReturned, S::kRefused,    S::kStopped};

using testing::VnTime;

// Every allowed move, written out; every pair not listed must be refused.
TEST(DossierTest, CanMoveTable) {
  const std::set<std::pair<S, S>> allowed = {
      {S::kReceived, S::kAssigned},
      {S::kAssigned, S::kProcessing},
      {S::kProcessing, S::kSupplementRequested},
      {S::kSupplementRequested, S::kProcessing},
      {S::kProcessing, S::kResultReady},
      {S::kResultReady, S::kReturned},
      {S::kReceived, S::kRefused},
      {S::kProcessing, S::kRefused},
      {S::kReceived, S::kStopped},
      {S::kAssigned, S::kStopped},
      {S::kProcessing, S::kStopped},
      {S::kSupplementRequested, S::kStopped},
  };
  for (S from : kAll) {
    for (S to : kAll) {
      EXPECT_EQ(CanMove(from, to), allowed.count({from, to}) == 1)
          << DossierStatusCode(from) << " → " << DossierStatusCode(to);
    }
  }
}

TEST(DossierTest, ReturningBeforeProcessingIsRefused) {
  EXPECT_FALSE(CanMove(S::kReceived, S::kReturned));
  EXPECT_FALSE(CanMove(S::kProcessing, S::kReturned));
}

TEST(DossierTest, StatusCodesRoundTripAndAreUnique) {
  std::set<std::string_view> codes;
  for (S s : kAll) {
    EXPECT_EQ(DossierStatusFromCode(DossierStatusCode(s)), s);
    codes.insert(DossierStatusCode(s));
  }
  EXPECT_EQ(codes.size(), std::size(kAll));
  EXPECT_EQ(DossierStatusCode(S::kSupplementRequested), "supplement_requested");
  EXPECT_FALSE(DossierStatusFromCode("done"));
  EXPECT_EQ(SatisfactionFromCode("very_satisfied"), Satisfaction::kVerySatisfied);
  EXPECT_EQ(SatisfactionCode(Satisfaction::kNotSatisfied), "not_satisfied");
}

class ExtensionTest : public ::testing::Test {
 protected:
  const Date due_ = D("2026-03-10");  // a Tuesday
  Extension Ext(int64_t at) { return {at, D("2026-03-13"), "Cần xác minh thêm tại thôn."}; }
};

TEST_F(ExtensionTest, AllowedBeforeTheDueDatePassesRefusedAfter) {
  const ExtensionRule rule;
  EXPECT_TRUE(ValidateExtension(Ext(VnTime("2026-03-09", 10, 0)), S::kProcessing, due_, 0, rule));
  // The due date itself has not passed yet, up to its last second.
  EXPECT_TRUE(ValidateExtension(Ext(VnTime("2026-03-10", 23, 59)), S::kProcessing, due_, 0, rule));
  const Status late =
      ValidateExtension(Ext(VnTime("2026-03-11", 0, 0)), S::kProcessing, due_, 0, rule);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(late.error().message,
            "Hồ sơ hẹn trả ngày 10/03/2026: văn bản xin lỗi và gia hạn phải ban hành trước khi "
            "quá hạn.");
}

TEST_F(ExtensionTest, NoticeDaysMoveTheLastDayEarlier) {
  const ExtensionRule one_day{1, 0};
  EXPECT_TRUE(
      ValidateExtension(Ext(VnTime("2026-03-09", 16, 0)), S::kProcessing, due_, 0, one_day));
  const Status st =
      ValidateExtension(Ext(VnTime("2026-03-10", 8, 0)), S::kProcessing, due_, 0, one_day);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(st.error().message.find("chậm nhất 1 ngày trước"), std::string::npos);
}

TEST_F(ExtensionTest, NeedsALaterDateAndAReason) {
  Extension e = Ext(VnTime("2026-03-05", 9, 0));
  e.new_due_on = due_;  // the same date is no extension
  e.reason = " ";
  const Status st = ValidateExtension(e, S::kProcessing, due_, 0, {});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(st.error().fields.size(), 2U);
  EXPECT_EQ(st.error().fields[0].field, "new_due_on");
  EXPECT_EQ(st.error().fields[1].field, "reason");
  e.new_due_on = D("2026-03-09");
  EXPECT_FALSE(ValidateExtension(e, S::kProcessing, due_, 0, {}));
}

TEST_F(ExtensionTest, LimitOnTheNumberOfExtensions) {
  const ExtensionRule once{0, 1};
  const Extension e = Ext(VnTime("2026-03-05", 9, 0));
  EXPECT_TRUE(ValidateExtension(e, S::kProcessing, due_, 0, once));
  const Status second = ValidateExtension(e, S::kProcessing, due_, 1, once);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(ValidateExtension(e, S::kProcessing, due_, 5, {}));  // 0 = no limit
}

TEST_F(ExtensionTest, OnlyForADossierStillBeingDealtWith) {
  const Extension e = Ext(VnTime("2026-03-05", 9, 0));
  for (S s : {S::kReceived, S::kAssigned, S::kProcessing, S::kSupplementRequested}) {
    EXPECT_TRUE(ValidateExtension(e, s, due_, 0, {})) << DossierStatusCode(s);
  }
  for (S s : {S::kResultReady, S::kReturned, S::kRefused, S::kStopped}) {
    const Status st = ValidateExtension(e, s, due_, 0, {});
    ASSERT_FALSE(st) << DossierStatusCode(s);
    EXPECT_EQ(st.error().code, ErrorCode::kFailedPrecondition);
  }
}

}  // namespace
}  // namespace xaso::onestop

namespace xaso::onestop {
namespace {

TEST(DossierCodeTest, MintsThePortalShape) {
  const Date day = *Date::ParseIso("2026-11-27");
  EXPECT_EQ(MintDossierCode("000.00.21.H31", day, 7), "000.00.21.H31-261127-0007");
  EXPECT_EQ(MintDossierCode("NHATTAN", day, 12345), "NHATTAN-261127-12345");
  EXPECT_TRUE(IsDossierCode("000.00.21.H31-261127-0007"));
  EXPECT_TRUE(IsDossierCode("G22.99-2611_01"));
  EXPECT_FALSE(IsDossierCode("abc"));
  EXPECT_FALSE(IsDossierCode("000.00.21 H31"));
  EXPECT_FALSE(IsDossierCode("000/../etc"));
  EXPECT_FALSE(IsDossierCode(std::string(61, 'A')));
}

TEST(DossierInitialsTest, KeepsOneLetterAWordWithDiacritics) {
  EXPECT_EQ(Initials("Nguyễn Văn An"), "N.V.A.");
  EXPECT_EQ(Initials("  Đỗ   Ánh  "), "Đ.Á.");
  EXPECT_EQ(Initials(""), "");
}

TEST(DossierIntakeTest, NeedsANameAndTheDocumentsReceived) {
  constexpr auto kDesk = DossierChannel::kDesk;
  EXPECT_TRUE(ValidateIntake({"Nguyễn Văn An", "", ""}, {"Tờ khai"}, kDesk).has_value());
  // An online dossier's documents are on the portal.
  EXPECT_TRUE(ValidateIntake({"Nguyễn Văn An", "", ""}, {}, DossierChannel::kOnline).has_value());
  EXPECT_FALSE(ValidateIntake({"Nguyễn Văn An", "", ""}, {}, DossierChannel::kPost).has_value());
  auto bad = ValidateIntake({"", std::string(21, '9'), ""}, {}, kDesk);
  ASSERT_FALSE(bad.has_value());
  std::vector<std::string> fields;
  for (const auto& f : bad.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"applicant_name", "applicant_phone", "documents"}));
  EXPECT_FALSE(ValidateIntake({"An", "", ""}, {"Tờ khai", " "}, kDesk).has_value());
  EXPECT_FALSE(
      ValidateIntake({"An", "", ""}, std::vector<std::string>(51, "Bản sao"), kDesk).has_value());
}

TEST(DossierTimelinessTest, ClassifiesByStatusAndDates) {
  Dossier d;
  d.due_on = *Date::ParseIso("2026-11-27");
  const int64_t noon_27 = 1795755600;  // 27/11/2026 12:00 in Vietnam
  d.status = DossierStatus::kProcessing;
  EXPECT_EQ(TimelinessOf(d, noon_27), Timeliness::kWithinTime);
  EXPECT_EQ(TimelinessOf(d, noon_27 + 86400), Timeliness::kOverdue);
  d.status = DossierStatus::kSupplementRequested;
  EXPECT_EQ(TimelinessOf(d, noon_27 + 86400), std::nullopt);
  d.status = DossierStatus::kReturned;
  d.finished_at = noon_27 - 86400;
  EXPECT_EQ(TimelinessOf(d, noon_27 + 86400 * 5), Timeliness::kEarly);
  d.finished_at = noon_27 + 86400;
  EXPECT_EQ(TimelinessOf(d, noon_27 + 86400 * 5), Timeliness::kLate);
}

}  // namespace
}  // namespace xaso::onestop
