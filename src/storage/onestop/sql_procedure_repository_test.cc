// The procedure catalogue's storage on SQLite and PostgreSQL.
#include "storage/onestop/sql_procedure_repository.h"

#include <gtest/gtest.h>

#include "domain/feedback/feedback.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using onestop::Fee;
using onestop::FeeKind;
using onestop::OnlineLevel;
using onestop::Procedure;

Procedure Birth() {
  Procedure p;
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh";
  p.field = "Hộ tịch";
  p.steps = {"Nộp tờ khai tại Bộ phận Một cửa", "Chủ tịch UBND xã ký \"Giấy khai sinh\""};
  p.same_day = true;
  p.fees = {{FeeKind::kCharge, "Lệ phí đăng ký khai sinh đúng hạn (miễn)", 0, ""},
            {FeeKind::kFee, "Phí cấp bản sao", 8000, "bản"}};
  p.documents = {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh hoặc văn bản thay thế"};
  p.legal_basis = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP";
  p.online_level = OnlineLevel::kFull;
  p.unit_code = "vp_tk";
  p.to_verify = true;
  return p;
}

Procedure Named(std::string code, std::string name, std::string field) {
  Procedure p = Birth();
  p.code = std::move(code);
  p.name = std::move(name);
  p.field = std::move(field);
  p.same_day = false;
  p.working_days = 5;
  p.online_level = OnlineLevel::kPartial;
  p.to_verify = false;
  return p;
}

class ProcedureStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    other_ = AddOtherCommune();
    ASSERT_FALSE(HasFailure());
    repo_ = std::make_unique<SqlProcedureRepository>(*db_);
  }

  audit::AuditRecord Rec() const { return {commune_id_, 0, "system", "", "", "", ""}; }

  std::vector<std::string> Codes(const std::string& query, long long commune = 0) {
    auto found = repo_->Search(commune ? commune : commune_id_, feedback::SearchTerms(query));
    std::vector<std::string> codes;
    if (!found) {
      ADD_FAILURE() << found.error().message;
      return codes;
    }
    for (const auto& p : *found) codes.push_back(p.code);
    return codes;
  }

  std::unique_ptr<SqlProcedureRepository> repo_;
  long long other_ = 0;
};

TEST_P(ProcedureStorageTest, CreateThenGetByCodeKeepsEveryField) {
  const Procedure p = Birth();
  ASSERT_TRUE(repo_->Create(commune_id_, p, Rec(), 100).has_value());
  const auto got = repo_->GetByCode(commune_id_, p.code);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(got->name, p.name);
  EXPECT_EQ(got->field, p.field);
  EXPECT_EQ(got->steps, p.steps);
  EXPECT_TRUE(got->same_day);
  EXPECT_EQ(got->working_days, 0);
  ASSERT_EQ(got->fees.size(), 2u);
  EXPECT_EQ(got->fees[0].kind, FeeKind::kCharge);
  EXPECT_EQ(got->fees[0].amount_dong, 0);
  EXPECT_EQ(got->fees[1].kind, FeeKind::kFee);
  EXPECT_EQ(got->fees[1].name, "Phí cấp bản sao");
  EXPECT_EQ(got->fees[1].amount_dong, 8000);
  EXPECT_EQ(got->fees[1].per, "bản");
  EXPECT_EQ(got->documents, p.documents);
  EXPECT_EQ(got->legal_basis, p.legal_basis);
  EXPECT_EQ(got->online_level, OnlineLevel::kFull);
  EXPECT_EQ(got->unit_code, "vp_tk");
  EXPECT_TRUE(got->to_verify);

  const Procedure q = Named("2.000815", "Chứng thực bản sao", "Chứng thực");
  ASSERT_TRUE(repo_->Create(commune_id_, q, Rec(), 100).has_value());
  const auto got_q = repo_->GetByCode(commune_id_, q.code);
  ASSERT_TRUE(got_q.has_value());
  EXPECT_FALSE(got_q->same_day);
  EXPECT_EQ(got_q->working_days, 5);
  EXPECT_EQ(got_q->online_level, OnlineLevel::kPartial);
  EXPECT_FALSE(got_q->to_verify);
}

TEST_P(ProcedureStorageTest, CreateIsAuditedAndACodeIsUniqueWithinACommune) {
  ASSERT_TRUE(repo_->Create(commune_id_, Birth(), Rec(), 100).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'procedure' AND "
                  "action = 'create' AND summary = '1.001193: Đăng ký khai sinh'"),
            1);

  const auto again = repo_->Create(commune_id_, Named("1.001193", "Khác", "Hộ tịch"), Rec(), 101);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(repo_->GetByCode(commune_id_, "1.001193")->name, "Đăng ký khai sinh");

  // Another commune keeps a catalogue of its own, with the same codes.
  audit::AuditRecord rec = Rec();
  rec.commune_id = other_;
  ASSERT_TRUE(repo_->Create(other_, Named("1.001193", "Khai sinh xã khác", "Hộ tịch"), rec, 102)
                  .has_value());
  EXPECT_EQ(repo_->GetByCode(other_, "1.001193")->name, "Khai sinh xã khác");
  EXPECT_EQ(repo_->GetByCode(commune_id_, "1.001193")->name, "Đăng ký khai sinh");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM procedure"), 2);
}

TEST_P(ProcedureStorageTest, AnInvalidProcedureWritesNothing) {
  Procedure p = Birth();
  p.documents.clear();
  p.working_days = 3;  // with same_day also set
  const auto r = repo_->Create(commune_id_, p, Rec(), 100);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(r.error().fields.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM procedure"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'procedure'"), 0);
}

TEST_P(ProcedureStorageTest, GetByCodeOfAnUnknownOrForeignCodeIsNotFound) {
  ASSERT_TRUE(repo_->Create(commune_id_, Birth(), Rec(), 100).has_value());
  const auto unknown = repo_->GetByCode(commune_id_, "9.999999");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  const auto foreign = repo_->GetByCode(other_, "1.001193");
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
}

TEST_P(ProcedureStorageTest, SearchFoldsDiacriticsAndCaseAndEscapesWildcards) {
  ASSERT_TRUE(repo_->Create(commune_id_, Birth(), Rec(), 100).has_value());
  ASSERT_TRUE(
      repo_->Create(commune_id_, Named("1.000894", "Đăng ký kết hôn", "Hộ tịch"), Rec(), 101)
          .has_value());
  ASSERT_TRUE(
      repo_->Create(commune_id_, Named("2.000815", "Chứng thực bản sao", "Chứng thực"), Rec(), 102)
          .has_value());
  ASSERT_TRUE(
      repo_->Create(other_, Named("1.009999", "Đăng ký khai sinh lưu động", "Hộ tịch"), Rec(), 103)
          .has_value());

  using CodeList = std::vector<std::string>;
  EXPECT_EQ(Codes(""), (CodeList{"1.001193", "1.000894", "2.000815"}));
  EXPECT_EQ(Codes("khai sinh"), CodeList{"1.001193"});
  EXPECT_EQ(Codes("ĐĂNG KÝ"), (CodeList{"1.001193", "1.000894"}));
  EXPECT_EQ(Codes("ho tich"), (CodeList{"1.001193", "1.000894"}));
  EXPECT_EQ(Codes("2.000815"), CodeList{"2.000815"});
  EXPECT_EQ(Codes("sinh hôn"), CodeList{});
  EXPECT_EQ(Codes("%"), CodeList{});
  EXPECT_EQ(Codes("_"), CodeList{});
  EXPECT_EQ(Codes("khai sinh", other_), CodeList{"1.009999"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ProcedureStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
