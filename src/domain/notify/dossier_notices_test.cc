#include "domain/notify/dossier_notices.h"

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::notify {
namespace {

using calendar::testing::D;

class DossierNoticesTest : public ::testing::Test {
 protected:
  calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  CalendarLookup lookup_ = [this](int64_t) -> const calendar::LegalCalendar& { return cal_; };
  static onestop::DueDossier Dossier(std::optional<int64_t> unit) {
    onestop::DueDossier d;
    d.id = 31;
    d.commune_id = 1;
    d.code = "NHATTAN-240205-0001";
    d.procedure_name = "Cấp Giấy xác nhận tình trạng hôn nhân";
    d.unit_id = unit;
    d.due_on = D("2024-02-26");  // after Tết 2024
    return d;
  }
};

TEST_F(DossierNoticesTest, TheUnitHearsWhileFormFourCanStillBeIssuedAndWhenLate) {
  // Wednesday 21/02/2024: Thursday, Friday and Monday 26/02 are left.
  const auto soon = DossierNotices({Dossier(4)}, D("2024-02-21"), lookup_);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].dedupe_key, "dossier:31:due:2024-02-26:soon");
  EXPECT_EQ(soon[0].recipient_unit_id, 4);
  EXPECT_EQ(soon[0].link, "/quan-ly/ho-so/31");
  EXPECT_NE(soon[0].body.find("mẫu 04"), std::string::npos);
  // Nothing four working days ahead (Tuesday 20/02), nor on the due date, when the "soon"
  // notice has been sent and the dossier is not yet late.
  EXPECT_TRUE(DossierNotices({Dossier(4)}, D("2024-02-20"), lookup_).empty());
  EXPECT_TRUE(DossierNotices({Dossier(4)}, D("2024-02-26"), lookup_).empty());
  const auto late = DossierNotices({Dossier(4)}, D("2024-02-27"), lookup_);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].dedupe_key, "dossier:31:due:2024-02-26:overdue");
  EXPECT_EQ(late[0].subject, "Quá hạn trả kết quả hồ sơ NHATTAN-240205-0001 (hẹn 26/02/2024)");
}

TEST_F(DossierNoticesTest, WithoutAUnitTheLeadersHear) {
  const auto late = DossierNotices({Dossier(std::nullopt)}, D("2024-02-27"), lookup_);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_FALSE(late[0].recipient_unit_id.has_value());
  EXPECT_EQ(late[0].recipient_role, "leader");
}

}  // namespace
}  // namespace xaso::notify
