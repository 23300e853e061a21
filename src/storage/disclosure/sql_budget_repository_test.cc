// The budget lines of a disclosure item on SQLite and PostgreSQL.
#include "storage/disclosure/sql_budget_repository.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using disclosure::BudgetLine;
using disclosure::BudgetSide;

class BudgetStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repo_ = std::make_unique<SqlBudgetRepository>(*db_, clock_);
    item_ = AddItem(commune_id_);
  }

  // A draft budget_execution item of `commune`, written directly: the item's own repository
  // is not under test here.
  long long AddItem(long long commune) {
    long long id = 0;
    EXPECT_TRUE(db_->Write([&](soci::session& s) -> Status {
                     s << "INSERT INTO disclosure_item (commune_id, type_code, "
                          "type_effective_from, title, year, period_key, ref_on, created_at, "
                          "created_by) VALUES (:c, 'budget_execution', '2024-01-01', "
                          "'Thực hiện ngân sách quý 1', 2026, '2026-Q1', '2026-03-31', 0, 0)",
                         soci::use(commune);
                     s << "SELECT MAX(id) FROM disclosure_item", soci::into(id);
                     return Ok{};
                   })
                    .has_value());
    return id;
  }

  long long ContentVersion() {
    return Count("SELECT content_version FROM commune WHERE id = " + std::to_string(commune_id_));
  }

  FakeClock clock_{1790000000};
  std::unique_ptr<SqlBudgetRepository> repo_;
  long long item_ = 0;
  const audit::AuditRecord who_{0, 0, "officer", "", "", "", ""};
};

std::vector<BudgetLine> Table() {
  // Given out of order: stored in table order.
  return {
      {BudgetSide::kSpending, "1", "Chi thường xuyên", 900'000, 450'000},
      {BudgetSide::kRevenue, "1.10", "Thu khác", 50'000, 0},
      {BudgetSide::kRevenue, "1", "Thu ngân sách xã", 1'250'000, 1'000'000},
      {BudgetSide::kRevenue, "1.2", "Thu bổ sung", 1'200'000, 1'000'000},
  };
}

TEST_P(BudgetStorageTest, ReplacedLinesComeBackInTableOrderWithAnAuditEntry) {
  const long long version = ContentVersion();
  ASSERT_TRUE(repo_->Replace(commune_id_, item_, Table(), who_).has_value());
  auto lines = repo_->Lines(commune_id_, item_);
  ASSERT_TRUE(lines.has_value()) << lines.error().message;
  ASSERT_EQ(lines->size(), 4U);
  EXPECT_EQ((*lines)[0].code, "1");
  EXPECT_EQ((*lines)[0].name, "Thu ngân sách xã");
  EXPECT_EQ((*lines)[0].estimate, 1'250'000);
  EXPECT_EQ((*lines)[0].actual, 1'000'000);
  EXPECT_EQ((*lines)[1].code, "1.2");
  EXPECT_EQ((*lines)[2].code, "1.10");
  EXPECT_EQ((*lines)[2].actual, 0);
  EXPECT_EQ((*lines)[3].side, BudgetSide::kSpending);
  EXPECT_EQ(ContentVersion(), version + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'disclosure_item' AND "
                  "action = 'budget' AND entity_id = '" +
                  std::to_string(item_) + "'"),
            1);
}

TEST_P(BudgetStorageTest, ASecondReplaceLeavesOnlyTheNewLinesAndEstimatesHaveNoActual) {
  ASSERT_TRUE(repo_->Replace(commune_id_, item_, Table(), who_).has_value());
  const std::vector<BudgetLine> estimate = {
      {BudgetSide::kRevenue, "1", "Thu ngân sách xã", 2'000'000, std::nullopt}};
  ASSERT_TRUE(repo_->Replace(commune_id_, item_, estimate, who_).has_value());
  auto lines = repo_->Lines(commune_id_, item_);
  ASSERT_TRUE(lines.has_value());
  ASSERT_EQ(lines->size(), 1U);
  EXPECT_EQ((*lines)[0].estimate, 2'000'000);
  EXPECT_FALSE((*lines)[0].actual.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disclosure_budget_line"), 1);
}

TEST_P(BudgetStorageTest, AnItemWithoutLinesHasAnEmptyTable) {
  auto lines = repo_->Lines(commune_id_, item_);
  ASSERT_TRUE(lines.has_value());
  EXPECT_TRUE(lines->empty());
}

TEST_P(BudgetStorageTest, AnotherCommunesItemIsNotFoundAndKeepsItsLines) {
  const long long other = AddOtherCommune();
  const long long theirs = AddItem(other);
  ASSERT_TRUE(repo_->Replace(other, theirs, Table(), who_).has_value());
  auto replaced = repo_->Replace(commune_id_, theirs, {Table()[2]}, who_);
  ASSERT_FALSE(replaced.has_value());
  EXPECT_EQ(replaced.error().code, ErrorCode::kNotFound);
  auto read = repo_->Lines(commune_id_, theirs);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disclosure_budget_line WHERE item_id = " +
                  std::to_string(theirs)),
            4);
  EXPECT_EQ(repo_->Lines(commune_id_, 999999).error().code, ErrorCode::kNotFound);
}

TEST_P(BudgetStorageTest, AFailedReplaceStoresNothing) {
  ASSERT_TRUE(repo_->Replace(commune_id_, item_, Table(), who_).has_value());
  // A duplicate code slipped past the domain check: the database refuses, the old lines stay.
  std::vector<BudgetLine> bad = Table();
  bad.push_back(bad[0]);
  EXPECT_FALSE(repo_->Replace(commune_id_, item_, bad, who_).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disclosure_budget_line"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE action = 'budget'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, BudgetStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
