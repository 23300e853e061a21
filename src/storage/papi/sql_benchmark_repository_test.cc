// The imported provincial PAPI scores on SQLite and PostgreSQL.
#include "storage/papi/sql_benchmark_repository.h"

#include <gtest/gtest.h>

#include "domain/papi/benchmark.h"
#include "domain/papi/catalogue.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

constexpr int64_t kNow = 1790000000;

// The shipped Hưng Yên rows of `year`, relabelled as another year's and shifted by `delta`
// (a valid score table as long as the scores stay in range).
papi::ScoreRow Shipped(int year, int as_year, double delta = 0) {
  const papi::ScoreRow* shipped = papi::FindScores(papi::ShippedProvinceScores(), "Hưng Yên", year);
  EXPECT_NE(shipped, nullptr);
  papi::ScoreRow row = *shipped;
  row.year = as_year;
  for (auto& [code, score] : row.subdimensions) score += delta;
  row.dimensions = {};
  row.aggregate.reset();
  papi::DeriveSums(papi::Catalogue::Default(), row);
  return row;
}

class BenchmarkStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repo_ = std::make_unique<SqlBenchmarkRepository>(*db_);
  }
  std::unique_ptr<SqlBenchmarkRepository> repo_;
  const audit::AuditRecord who_{0, 0, "system", "", "", "", ""};
};

TEST_P(BenchmarkStorageTest, ImportedRowsComeBackWithTheirSums) {
  const papi::ScoreRow a = Shipped(2024, 2025);
  papi::ScoreRow b = Shipped(2023, 2025);
  b.unit = "Thái Bình";
  b.subdimensions.erase("8.3");  // not published: dimension 8 and the aggregate are blank
  ASSERT_TRUE(repo_->Import({a, b}, who_, kNow).has_value());
  auto listed = repo_->List();
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  const papi::ScoreRow& hy = (*listed)[0];
  EXPECT_EQ(hy.unit, "Hưng Yên");
  EXPECT_EQ(hy.year, 2025);
  EXPECT_EQ(hy.subdimensions, a.subdimensions);
  ASSERT_TRUE(hy.aggregate.has_value());
  EXPECT_NEAR(*hy.aggregate, *a.aggregate, 1e-9);
  const papi::ScoreRow& tb = (*listed)[1];
  EXPECT_EQ(tb.unit, "Thái Bình");
  EXPECT_FALSE(tb.dimensions[7].has_value());
  EXPECT_FALSE(tb.aggregate.has_value());
  EXPECT_TRUE(tb.dimensions[0].has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE commune_id = 0 AND entity = "
                  "'papi_benchmark'"),
            1);
}

TEST_P(BenchmarkStorageTest, ReimportReplacesOnlyTheProvinceYearsItHolds) {
  ASSERT_TRUE(repo_->Import({Shipped(2024, 2025), Shipped(2023, 2024)}, who_, kNow).has_value());
  papi::ScoreRow corrected = Shipped(2024, 2025, 0.01);
  corrected.subdimensions.erase("1.1");
  ASSERT_TRUE(repo_->Import({corrected}, who_, kNow + 1).has_value());
  auto listed = repo_->List();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].year, 2024);  // untouched
  EXPECT_EQ((*listed)[0].subdimensions, Shipped(2023, 2024).subdimensions);
  EXPECT_EQ((*listed)[1].year, 2025);
  EXPECT_EQ((*listed)[1].subdimensions, corrected.subdimensions);  // 1.1 gone, not kept
  EXPECT_EQ(Count("SELECT COUNT(*) FROM papi_benchmark WHERE year = 2025 AND imported_at = " +
                  std::to_string(kNow + 1)),
            static_cast<long long>(corrected.subdimensions.size()));
}

TEST_P(BenchmarkStorageTest, AFailedImportStoresNothing) {
  ASSERT_TRUE(repo_->Import({Shipped(2024, 2025)}, who_, kNow).has_value());
  const long long before = Count("SELECT COUNT(*) FROM papi_benchmark");
  // The second row repeats the first's (province, year, code): the insert fails half-way,
  // after the replaced rows were deleted and the first row inserted.
  papi::ScoreRow replacement = Shipped(2023, 2025);
  auto failed = repo_->Import({replacement, replacement}, who_, kNow + 1);
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM papi_benchmark"), before);
  auto listed = repo_->List();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].subdimensions, Shipped(2024, 2025).subdimensions);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'papi_benchmark'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, BenchmarkStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
