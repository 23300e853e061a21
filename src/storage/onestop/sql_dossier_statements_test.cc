// The statements of SqlDossierRepository changed for speed (docs/performance.md, onestop_bench),
// on SQLite and PostgreSQL: Create's INSERT detects a code the commune already has (ON CONFLICT
// DO NOTHING), and LoadCounts sums the kept counts over the communes in the database.
#include <gtest/gtest.h>

#include "storage/onestop/sql_dossier_repository.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

class DossierCreateTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    other_ = AddOtherCommune();
    ASSERT_FALSE(HasFailure());
    repo_ = std::make_unique<SqlDossierRepository>(*db_);
  }

  onestop::Dossier Imported(long long commune, const std::string& code) const {
    onestop::Dossier d;
    d.commune_id = commune;
    d.code = code;
    d.procedure_code = "1.001193";
    d.procedure_name = "Đăng ký khai sinh";
    d.field = "Hộ tịch";
    d.unit_code = "vp_tk";
    d.same_day = true;
    d.channel = onestop::DossierChannel::kOnline;
    d.applicant = {"Nguyễn Văn An", "0912345678", "Thôn Đông"};
    d.documents = {"Tờ khai"};
    d.received_at = 1795000000;
    d.due_on = Date::FromYmd(2026, 11, 18);
    d.first_due_on = d.due_on;
    return d;
  }

  audit::AuditRecord Rec() const { return {commune_id_, 0, "system", "", "", "", ""}; }

  std::unique_ptr<SqlDossierRepository> repo_;
  long long other_ = 0;
};

TEST_P(DossierCreateTest, ASecondIntakeOfACodeIsRefusedAndWritesNothing) {
  const std::string code = "000.00.21.H31-261118-0001";
  const auto first = repo_->Create(Imported(commune_id_, code), "", Rec());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_GT(first->id, 0);
  const long long audits = Count("SELECT COUNT(*) FROM audit_entry");

  const auto again = repo_->Create(Imported(commune_id_, code), "", Rec());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier_event"), 1);
  EXPECT_EQ(Count("SELECT SUM(n) FROM dossier_stat"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry"), audits);

  const auto elsewhere = repo_->Create(Imported(other_, code), "", Rec());
  ASSERT_TRUE(elsewhere.has_value()) << elsewhere.error().message;
  EXPECT_NE(elsewhere->id, first->id);
  const auto got = repo_->GetByCode(other_, code);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, elsewhere->id);
}

TEST_P(DossierCreateTest, CountsAreSummedOverTheCommunesAsked) {
  ASSERT_TRUE(repo_->Create(Imported(commune_id_, "000.00.21.H31-261118-0001"), "", Rec()));
  ASSERT_TRUE(repo_->Create(Imported(commune_id_, "000.00.21.H31-261118-0002"), "", Rec()));
  ASSERT_TRUE(repo_->Create(Imported(other_, "000.00.21.H32-261118-0001"), "", Rec()));
  onestop::Dossier refused = Imported(other_, "000.00.21.H32-261118-0002");
  refused.status = onestop::DossierStatus::kRefused;
  ASSERT_TRUE(repo_->Create(refused, "", Rec()));

  onestop::StatisticsFilter f;
  f.from_month = f.to_month = "2026-11";
  auto all = repo_->LoadCounts(f);
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);  // received with its due date, and refused
  for (const auto& c : *all) {
    EXPECT_EQ(c.procedure_name, "Đăng ký khai sinh");
    EXPECT_EQ(c.n, c.status == "received" ? 3 : 1);
  }
  f.commune_ids = {commune_id_};
  auto one = repo_->LoadCounts(f);
  ASSERT_TRUE(one.has_value());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().n, 2);
  EXPECT_EQ(one->front().due_on, Date::FromYmd(2026, 11, 18));
  f.from_month = f.to_month = "2026-10";
  EXPECT_TRUE(repo_->LoadCounts(f)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DossierCreateTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
