#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/plan/plan_service.h"

namespace xaso::plan {
namespace {

using calendar::testing::D;

Task Valid() {
  Task t;
  t.commune_id = 1;
  t.title = "Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn";
  t.dimension = 2;
  t.lead_unit_id = 5;
  t.starts_on = D("2024-02-01");
  t.due_on = D("2024-11-30");
  return t;
}

bool HasField(const Status& s, const std::string& field) {
  if (s.has_value()) return false;
  for (const auto& f : s.error().fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(ValidateTaskTest, AcceptsAValidTask) { EXPECT_TRUE(ValidateTask(Valid()).has_value()); }

TEST(ValidateTaskTest, DeadlineBeforeStartIsRefused) {
  Task t = Valid();
  t.due_on = D("2024-01-31");
  EXPECT_TRUE(HasField(ValidateTask(t), "due_on"));
}

TEST(ValidateTaskTest, OneOffNeedsADeadlineAndRecurringHasNone) {
  Task t = Valid();
  t.due_on.reset();
  EXPECT_TRUE(HasField(ValidateTask(t), "due_on"));
  t.recurrence = Recurrence::kQuarterly;
  EXPECT_TRUE(ValidateTask(t).has_value());
  t.due_on = D("2024-12-31");
  EXPECT_TRUE(HasField(ValidateTask(t), "due_on"));
}

TEST(ValidateTaskTest, DimensionAndTitle) {
  Task t = Valid();
  t.dimension = 9;
  t.title = "  ";
  auto s = ValidateTask(t);
  EXPECT_TRUE(HasField(s, "dimension"));
  EXPECT_TRUE(HasField(s, "title"));
}

TEST(ValidateTaskTest, LeadUnitIsNotAlsoCoordinating) {
  Task t = Valid();
  t.coordinating_unit_ids = {7, 5};
  EXPECT_TRUE(HasField(ValidateTask(t), "coordinating_unit_ids"));
}

TEST(ValidateProgressTest, ProgressOutsideRangeAndInconsistentStatus) {
  ProgressUpdate u;
  u.status = TaskStatus::kInProgress;
  u.progress = 101;
  EXPECT_TRUE(HasField(ValidateProgress(u), "progress"));
  u.progress = -1;
  EXPECT_TRUE(HasField(ValidateProgress(u), "progress"));
  u.status = TaskStatus::kDone;
  u.progress = 90;
  EXPECT_TRUE(HasField(ValidateProgress(u), "progress"));
  u.status = TaskStatus::kInProgress;
  u.progress = 100;
  EXPECT_TRUE(HasField(ValidateProgress(u), "status"));
  u.progress = 60;
  EXPECT_TRUE(ValidateProgress(u).has_value());
  u.status = TaskStatus::kNotStarted;
  EXPECT_TRUE(HasField(ValidateProgress(u), "status"));
}

TEST(DescribeChangesTest, NamesEachChangedFieldWithOldAndNewValues) {
  Task a = Valid();
  Task b = a;
  EXPECT_EQ(DescribeChanges(a, b), "không đổi");
  b.due_on = D("2024-12-15");
  b.dimension = 3;
  b.subdimensions = {"3.2"};
  EXPECT_EQ(DescribeChanges(a, b),
            "lĩnh vực: 2 → 3; nội dung thành phần: không có → 3.2; hạn hoàn thành: 30/11/2024 → "
            "15/12/2024");
}

TEST(CodesTest, RoundTrip) {
  for (auto s : {TaskStatus::kNotStarted, TaskStatus::kInProgress, TaskStatus::kDone}) {
    EXPECT_EQ(StatusFromCode(StatusCode(s)), s);
  }
  EXPECT_EQ(RecurrenceFromCode("half_yearly"), Recurrence::kHalfYearly);
  EXPECT_FALSE(RecurrenceFromCode("weekly").has_value());
}

TEST(CanEditTest, OfficerOfLeadOrCoordinatingUnitLeadersAnyOthersNone) {
  Task t = Valid();
  t.coordinating_unit_ids = {7};
  identity::Account a;
  a.commune_id = 1;
  a.role = identity::Role::kOfficer;
  a.unit_id = 5;
  EXPECT_TRUE(PlanService::CanEdit(a, t));
  a.unit_id = 7;
  EXPECT_TRUE(PlanService::CanEdit(a, t));
  a.unit_id = 8;
  EXPECT_FALSE(PlanService::CanEdit(a, t));
  a.role = identity::Role::kLeader;
  EXPECT_TRUE(PlanService::CanEdit(a, t));
  a.commune_id = 2;  // a leader of another commune
  EXPECT_FALSE(PlanService::CanEdit(a, t));
  a.commune_id = 1;
  a.role = identity::Role::kSupervisor;  // of unit 8
  EXPECT_FALSE(PlanService::CanEdit(a, t));
  a.unit_id = 7;  // the Fatherland Front coordinates the task
  EXPECT_TRUE(PlanService::CanEdit(a, t));
  a.role = identity::Role::kClerk;
  a.unit_id = 5;  // the one-stop desk leads it
  EXPECT_TRUE(PlanService::CanEdit(a, t));
  a.unit_id.reset();
  EXPECT_FALSE(PlanService::CanEdit(a, t));
  a.role = identity::Role::kLevelAbove;
  a.unit_id = 5;
  EXPECT_FALSE(PlanService::CanEdit(a, t));
}

TaskView View(int64_t id, int dimension, TaskStatus s, int progress, std::optional<Date> due,
              bool overdue) {
  TaskView v;
  v.task.id = id;
  v.task.dimension = dimension;
  v.task.status = s;
  v.task.progress = progress;
  v.task.lead_unit_id = id % 2;
  v.deadline.due = due;
  v.deadline.overdue = overdue;
  return v;
}

TEST(WorklistTest, OverdueFirstThenByDeadlineThenUndated) {
  std::vector<TaskView> v = {
      View(1, 1, TaskStatus::kInProgress, 10, std::nullopt, false),
      View(2, 1, TaskStatus::kInProgress, 10, D("2024-05-01"), false),
      View(3, 1, TaskStatus::kInProgress, 10, D("2024-04-01"), true),
      View(4, 1, TaskStatus::kInProgress, 10, D("2024-03-01"), false),
      View(5, 1, TaskStatus::kInProgress, 10, D("2024-01-01"), true),
  };
  SortForWorklist(v);
  std::vector<int64_t> ids;
  ids.reserve(v.size());
  for (const auto& x : v) ids.push_back(x.task.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{5, 3, 4, 2, 1}));
}

TEST(SummariseTest, CountsPerDimensionAndUnit) {
  std::vector<TaskView> v = {
      View(1, 2, TaskStatus::kDone, 100, D("2024-05-01"), false),
      View(2, 2, TaskStatus::kInProgress, 50, D("2024-05-01"), true),
      View(3, 7, TaskStatus::kNotStarted, 0, D("2024-05-01"), true),
  };
  Summary s = Summarise(v);
  EXPECT_EQ(s.all.total, 3);
  EXPECT_EQ(s.all.overdue, 2);
  EXPECT_EQ(s.by_dimension.size(), 8u);
  EXPECT_EQ(s.by_dimension[2].done, 1);
  EXPECT_EQ(s.by_dimension[2].MeanProgress(), 75);
  EXPECT_EQ(s.by_dimension[7].not_started, 1);
  EXPECT_EQ(s.by_dimension[1].total, 0);
  EXPECT_EQ(s.by_lead_unit[1].total, 2);  // ids 1 and 3
  EXPECT_EQ(s.all.MeanProgress(), 50);
}

}  // namespace
}  // namespace xaso::plan
