// SqlPlanRepository on SQLite and PostgreSQL.
#include "storage/plan/sql_plan_repository.h"

#include <gtest/gtest.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

class PlanStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db_->Write([this](soci::session& s) -> Status {
                     s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'vp_tk', "
                          "'Văn phòng – Thống kê')",
                         soci::use(commune_id_);
                     s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'mttq', "
                          "'Ủy ban MTTQ')",
                         soci::use(commune_id_);
                     s << "SELECT id FROM unit WHERE code = 'vp_tk'", soci::into(unit_a_);
                     s << "SELECT id FROM unit WHERE code = 'mttq'", soci::into(unit_b_);
                     return Ok{};
                   })
                    .has_value());
    repo_ = std::make_unique<SqlPlanRepository>(*db_);
    plan::Plan p;
    p.commune_id = commune_id_;
    p.year = 2024;
    p.number = "11/KH-UBND";
    p.issued_on = Date::FromYmd(2024, 1, 29);
    p.title = "Kế hoạch nâng cao chỉ số PAPI";
    auto id = repo_->CreatePlan(p, Rec(), 1000);
    ASSERT_TRUE(id.has_value()) << id.error().message;
    plan_id_ = *id;
  }

  audit::AuditRecord Rec() const { return {commune_id_, 7, "vanphong", "", "", "", ""}; }

  plan::Task MakeTask(const std::string& title, int dimension) const {
    plan::Task t;
    t.commune_id = commune_id_;
    t.plan_id = plan_id_;
    t.title = title;
    t.dimension = dimension;
    t.subdimensions = {std::to_string(dimension) + ".1"};
    t.lead_unit_id = unit_a_;
    t.coordinating_unit_ids = {unit_b_};
    t.starts_on = Date::FromYmd(2024, 2, 1);
    t.due_on = Date::FromYmd(2024, 7, 4);
    return t;
  }

  std::unique_ptr<SqlPlanRepository> repo_;
  long long unit_a_ = 0, unit_b_ = 0;
  int64_t plan_id_ = 0;
};

TEST_P(PlanStorageTest, TasksRoundTripWithLinksAndAudit) {
  auto id = repo_->CreateTask(MakeTask("Công khai số điện thoại của lãnh đạo", 2), Rec(), 2000);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  auto t = repo_->GetTask(commune_id_, *id);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->title, "Công khai số điện thoại của lãnh đạo");
  EXPECT_EQ(t->plan_year, 2024);
  EXPECT_EQ(t->subdimensions, std::vector<std::string>{"2.1"});
  EXPECT_EQ(t->coordinating_unit_ids, std::vector<int64_t>{unit_b_});
  EXPECT_EQ(t->due_on, Date::FromYmd(2024, 7, 4));
  EXPECT_FALSE(t->last_done_on.has_value());
  EXPECT_EQ(t->version, 1);
  SqlAuditLog audit(*db_);
  auto entries = audit.Recent(commune_id_, 5);
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ(entries->front().record.entity, "plan_task");
  EXPECT_FALSE(repo_->GetTask(commune_id_ + 1, *id).has_value());  // another commune's
}

TEST_P(PlanStorageTest, ListsPageByIdAndFilterByUnitDimensionAndStatus) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    auto t = MakeTask("Nhiệm vụ " + std::to_string(i), 1 + i % 3);
    if (i == 6) {
      t.lead_unit_id = unit_b_;
      t.coordinating_unit_ids.clear();
    }
    ids.push_back(repo_->CreateTask(t, Rec(), 2000).value());
  }
  plan::TaskFilter f;
  f.commune_id = commune_id_;
  f.limit = 3;
  auto page1 = repo_->ListTasks(f).value();
  ASSERT_EQ(page1.size(), 3u);
  f.after_id = page1.back().id;
  auto page2 = repo_->ListTasks(f).value();
  ASSERT_EQ(page2.size(), 3u);
  EXPECT_EQ(page2.front().id, ids[3]);
  f = {};
  f.commune_id = commune_id_;
  f.dimension = 2;
  EXPECT_EQ(repo_->ListTasks(f).value().size(), 2u);  // i = 1, 4
  f = {};
  f.commune_id = commune_id_;
  f.unit_id = unit_b_;  // coordinating on six, leading one
  EXPECT_EQ(repo_->ListTasks(f).value().size(), 7u);
  f.unit_id = unit_a_;
  EXPECT_EQ(repo_->ListTasks(f).value().size(), 6u);
  f.status = plan::TaskStatus::kDone;
  EXPECT_TRUE(repo_->ListTasks(f).value().empty());
}

TEST_P(PlanStorageTest, StaleVersionIsAbortedAndTheFirstEditKept) {
  const int64_t id = repo_->CreateTask(MakeTask("Báo cáo 6 tháng", 3), Rec(), 2000).value();
  plan::ProgressUpdate u{
      id, 1, plan::TaskStatus::kInProgress, 40, "Đã tổng hợp", Date::FromYmd(2024, 6, 1)};
  auto v2 = repo_->RecordProgress(commune_id_, u, std::nullopt, Rec(), 3000);
  ASSERT_TRUE(v2.has_value()) << v2.error().message;
  EXPECT_EQ(*v2, 2);
  u.progress = 10;
  auto stale = repo_->RecordProgress(commune_id_, u, std::nullopt, Rec(), 3001);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto t = repo_->GetTask(commune_id_, id).value();
  EXPECT_EQ(t.progress, 40);
  plan::Task edit = t;
  edit.version = 1;
  edit.title = "Sửa muộn";
  EXPECT_EQ(repo_->UpdateTask(edit, Rec(), 3002).error().code, ErrorCode::kAborted);
  edit.version = 2;
  EXPECT_EQ(repo_->UpdateTask(edit, Rec(), 3003).value(), 3);
  EXPECT_EQ(repo_->GetTask(commune_id_, id).value().title, "Sửa muộn");
}

TEST_P(PlanStorageTest, DoneDateIsKeptAndRecurringReportsCoverTheirPeriod) {
  auto once = MakeTask("Một lần", 4);
  const int64_t a = repo_->CreateTask(once, Rec(), 2000).value();
  auto rec = MakeTask("Hằng quý", 4);
  rec.due_on.reset();
  rec.recurrence = plan::Recurrence::kQuarterly;
  const int64_t b = repo_->CreateTask(rec, Rec(), 2000).value();
  const Date d1 = Date::FromYmd(2024, 3, 20), d2 = Date::FromYmd(2024, 5, 2);
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_, {a, 1, plan::TaskStatus::kDone, 100, "", d1},
                                   std::nullopt, Rec(), 1)
                  .has_value());
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_, {a, 2, plan::TaskStatus::kDone, 100, "", d2},
                                   std::nullopt, Rec(), 2)
                  .has_value());
  auto ta = repo_->GetTask(commune_id_, a).value();
  EXPECT_EQ(ta.done_on, d1);  // the first day it was reported done
  EXPECT_FALSE(ta.last_done_on.has_value());
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_, {a, 3, plan::TaskStatus::kInProgress, 90, "", d2},
                                   std::nullopt, Rec(), 3)
                  .has_value());
  EXPECT_FALSE(repo_->GetTask(commune_id_, a).value().done_on.has_value());
  // Partial progress on a periodic task does not cover its period; a "done" report does.
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_, {b, 1, plan::TaskStatus::kInProgress, 25, "", d1},
                                   std::nullopt, Rec(), 4)
                  .has_value());
  EXPECT_FALSE(repo_->GetTask(commune_id_, b).value().last_done_on.has_value());
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_, {b, 2, plan::TaskStatus::kDone, 100, "", d2},
                                   std::nullopt, Rec(), 5)
                  .has_value());
  EXPECT_EQ(repo_->GetTask(commune_id_, b).value().last_done_on, d2);
  // The periodic task stays a candidate of notices although it is done: Q3 will fall due.
  auto open = repo_->OpenTasksDueBy(Date::FromYmd(2024, 8, 1)).value();
  EXPECT_EQ(open.size(), 2u);  // the reopened one-off and the periodic one
}

TEST_P(PlanStorageTest, EvidenceIsStoredOnceByHashAndReadBackByteForByte) {
  const int64_t id = repo_->CreateTask(MakeTask("Niêm yết danh sách", 2), Rec(), 2000).value();
  constexpr char kBytes[] = "%PDF-1.4\n\x00\xFF\xFE binary";
  const std::string bytes(kBytes, sizeof kBytes - 1);
  plan::Upload up{"danh-sách.pdf", "application/pdf", platform::Sha256Hex(bytes), bytes, true};
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_,
                                   {id, 1, plan::TaskStatus::kInProgress, 50, "a", Date()}, up,
                                   Rec(), 1)
                  .has_value());
  up.is_public = false;
  ASSERT_TRUE(repo_
                  ->RecordProgress(commune_id_,
                                   {id, 2, plan::TaskStatus::kInProgress, 60, "b", Date()}, up,
                                   Rec(), 2)
                  .has_value());
  auto list = repo_->ListEvidence(commune_id_, id).value();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_TRUE(list[0].is_public);
  EXPECT_FALSE(list[1].is_public);
  long long blobs = 0;
  ASSERT_TRUE(db_->Read([&](soci::session& s) -> Status {
                   s << "SELECT COUNT(*) FROM file_blob", soci::into(blobs);
                   return Ok{};
                 })
                  .has_value());
  EXPECT_EQ(blobs, 1);
  auto file = repo_->GetEvidenceFile(commune_id_, list[0].id).value();
  EXPECT_EQ(file.second, bytes);
  EXPECT_EQ(file.first.filename, "danh-sách.pdf");
  EXPECT_FALSE(repo_->GetEvidenceFile(commune_id_ + 1, list[0].id).has_value());
  auto history = repo_->History(commune_id_, id).value();
  ASSERT_EQ(history.size(), 5u);  // create, progress, evidence, progress, evidence
  EXPECT_EQ(history[1].kind, plan::EventKind::kProgress);
  EXPECT_EQ(history[1].progress, 50);
  EXPECT_EQ(history[2].body, "danh-sách.pdf");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanStorageTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace xaso::storage
