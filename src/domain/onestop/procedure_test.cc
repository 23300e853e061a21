#include "domain/onestop/procedure.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/onestop/procedure_catalogue.h"

namespace xaso::onestop {
namespace {

Procedure Valid() {
  Procedure p;
  p.code = "2.000815";
  p.name = "Chứng thực bản sao từ bản chính";
  p.field = "Chứng thực";
  p.steps = {"Nộp hồ sơ", "Trả kết quả"};
  p.same_day = true;
  p.fees = {{FeeKind::kCharge, "Lệ phí chứng thực", 2000, "trang"}};
  p.documents = {"Bản chính", "Bản sao"};
  p.legal_basis = "Nghị định 23/2015/NĐ-CP";
  p.online_level = OnlineLevel::kPartial;
  p.unit_code = "vp_tk";
  return p;
}

bool HasField(const Status& st, std::string_view field) {
  if (st) return false;
  const auto& f = st.error().fields;
  return std::any_of(f.begin(), f.end(), [&](const FieldError& e) { return e.field == field; });
}

TEST(ProcedureTest, ValidProcedurePasses) {
  EXPECT_TRUE(ValidateProcedure(Valid()));
  Procedure days = Valid();
  days.same_day = false;
  days.working_days = 3;
  days.fees.clear();
  EXPECT_TRUE(ValidateProcedure(days));
}

TEST(ProcedureTest, EachBadFieldGetsAVietnameseError) {
  Procedure p = Valid();
  p.code = "2.000 815";
  p.name = "";
  p.field = "  ";
  p.steps.clear();
  p.documents = {"Bản chính", ""};
  p.legal_basis = "";
  p.unit_code = "";
  p.fees = {{FeeKind::kFee, "", -1, ""}};
  const Status st = ValidateProcedure(p);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  for (const char* f :
       {"code", "name", "field", "steps", "documents", "legal_basis", "unit_code", "fees"}) {
    EXPECT_TRUE(HasField(st, f)) << f;
  }
  const auto& fields = st.error().fields;
  const auto doc = std::find_if(fields.begin(), fields.end(),
                                [](const FieldError& e) { return e.field == "documents"; });
  EXPECT_EQ(doc->message, "Cần nhập thành phần hồ sơ thứ 2.");
}

TEST(ProcedureTest, TimeLimitIsSameDayOrOneToNinetyWorkingDays) {
  Procedure p = Valid();
  p.working_days = 2;  // same day and a number of days at once
  EXPECT_TRUE(HasField(ValidateProcedure(p), "processing_time"));
  p.same_day = false;
  p.working_days = 0;
  EXPECT_TRUE(HasField(ValidateProcedure(p), "processing_time"));
  p.working_days = kMaxWorkingDays;
  EXPECT_TRUE(ValidateProcedure(p));
  p.working_days = kMaxWorkingDays + 1;
  EXPECT_TRUE(HasField(ValidateProcedure(p), "processing_time"));
}

TEST(ProcedureTest, ZeroFeeIsAnExemptionNotAnError) {
  Procedure p = Valid();
  p.fees = {{FeeKind::kCharge, "Lệ phí đăng ký khai sinh (miễn)", 0, ""}};
  EXPECT_TRUE(ValidateProcedure(p));
}

TEST(ProcedureTest, CodesRoundTrip) {
  for (auto l : {OnlineLevel::kFull, OnlineLevel::kPartial, OnlineLevel::kNone}) {
    EXPECT_EQ(OnlineLevelFromCode(OnlineLevelCode(l)), l);
  }
  EXPECT_EQ(OnlineLevelCode(OnlineLevel::kFull), "full");
  EXPECT_FALSE(OnlineLevelFromCode("toan_trinh"));
  EXPECT_EQ(FeeKindFromCode("le_phi"), FeeKind::kCharge);
  EXPECT_EQ(FeeKindFromCode("phi"), FeeKind::kFee);
  EXPECT_FALSE(FeeKindFromCode(""));
}

// The shipped demo catalogue loads, validates, and marks every row as still to be checked
// against the province's catalogue (none of its values is quoted in LEGAL.md).
TEST(ProcedureCatalogueTest, DemoCatalogueLoads) {
  const std::string csv = calendar::testing::ReadSourceFile("data/onestop/procedures.csv");
  auto list = ParseProcedureCatalogue(csv);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_GE(list->size(), 6U);
  for (const Procedure& p : *list) {
    EXPECT_TRUE(p.to_verify) << p.code;
    EXPECT_TRUE(ValidateProcedure(p)) << p.code;
  }
  const auto copy = std::find_if(list->begin(), list->end(),
                                 [](const Procedure& p) { return p.code == "2.000815"; });
  ASSERT_NE(copy, list->end());
  EXPECT_TRUE(copy->same_day);
  ASSERT_EQ(copy->fees.size(), 1U);
  EXPECT_EQ(copy->fees[0].amount_dong, 2000);
  EXPECT_EQ(copy->fees[0].per, "trang");
  EXPECT_EQ(copy->fees[0].kind, FeeKind::kCharge);
  EXPECT_EQ(copy->documents.size(), 2U);
  EXPECT_EQ(copy->online_level, OnlineLevel::kPartial);
  const auto status = std::find_if(list->begin(), list->end(),
                                   [](const Procedure& p) { return p.code == "1.004873"; });
  ASSERT_NE(status, list->end());
  EXPECT_FALSE(status->same_day);
  EXPECT_EQ(status->working_days, 3);
}

constexpr std::string_view kHeader =
    "code,name,field,processing_time,fees,documents,steps,legal_basis,online_level,unit_code,"
    "to_verify\n";

TEST(ProcedureCatalogueTest, FeeNameMayHoldColonsAndListsAreTrimmed) {
  const std::string csv = std::string(kHeader) +
                          "X.1,Tên,Lĩnh vực,5,phi : 1500 : bản : Phí: bản sao | le_phi:0::Miễn,"
                          " A | B ,Bước 1,Căn cứ,none,vp_tk,0\n";
  auto list = ParseProcedureCatalogue(csv);
  ASSERT_TRUE(list) << list.error().message;
  const Procedure& p = list->at(0);
  EXPECT_EQ(p.working_days, 5);
  EXPECT_FALSE(p.to_verify);
  ASSERT_EQ(p.fees.size(), 2U);
  EXPECT_EQ(p.fees[0].name, "Phí: bản sao");
  EXPECT_EQ(p.fees[0].amount_dong, 1500);
  EXPECT_EQ(p.fees[1].per, "");
  EXPECT_EQ(p.documents, (std::vector<std::string>{"A", "B"}));
}

TEST(ProcedureCatalogueTest, BadRowsNameTheirLine) {
  auto bad = [&](std::string_view row) {
    auto r = ParseProcedureCatalogue(std::string(kHeader) + std::string(row) + "\n");
    return r ? std::string("ok") : r.error().message;
  };
  EXPECT_EQ(bad("X.1,Tên,LV,muoi,,A,B,C,none,vp_tk,0").rfind("dòng 2: thời hạn", 0), 0U);
  EXPECT_EQ(bad("X.1,Tên,LV,1,le_phi:abc::Phí,A,B,C,none,vp_tk,0").rfind("dòng 2: khoản phí", 0),
            0U);
  EXPECT_EQ(bad("X.1,Tên,LV,1,,A,B,C,toan_trinh,vp_tk,0").rfind("dòng 2: mức độ", 0), 0U);
  EXPECT_EQ(bad("X.1,Tên,LV,1,,A,B,C,none,vp_tk,yes").rfind("dòng 2: to_verify", 0), 0U);
  EXPECT_NE(bad("X.1,,LV,1,,A,B,C,none,vp_tk,0").find("Cần nhập tên thủ tục."), std::string::npos);
  auto dup = ParseProcedureCatalogue(std::string(kHeader) + "X.1,Tên,LV,1,,A,B,C,none,vp_tk,0\n" +
                                     "X.1,Tên 2,LV,1,,A,B,C,none,vp_tk,0\n");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().message, "dòng 3: mã thủ tục X.1 bị trùng.");
  EXPECT_FALSE(ParseProcedureCatalogue("code,name\nX.1,Tên\n"));  // missing columns
}

}  // namespace
}  // namespace xaso::onestop
