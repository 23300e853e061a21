// The rules around plan tasks that need more than one record: who may change a task, that its
// units belong to the commune and its sub-dimensions to its PAPI dimension, and the summaries
// of progress per dimension and per unit.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/calendar/calendar_service.h"
#include "domain/identity/identity.h"
#include "domain/identity/identity_repository.h"
#include "domain/plan/deadline.h"
#include "domain/plan/plan_repository.h"

namespace xaso::plan {

struct TaskView {
  Task task;
  DeadlineState deadline;
};

// Counts for one PAPI dimension or one unit.
struct Tally {
  int total = 0;
  int done = 0;
  int in_progress = 0;
  int not_started = 0;
  int overdue = 0;
  int progress_sum = 0;
  int MeanProgress() const { return total ? (progress_sum + total / 2) / total : 0; }
  void Add(const TaskView& v);
};

struct Summary {
  Tally all;
  std::map<int, Tally> by_dimension;  // 1..8, each present
  std::map<int64_t, Tally> by_lead_unit;
};

// Counts actions: a task that has sub-tasks is counted through them, not itself.
Summary Summarise(const std::vector<TaskView>& views);

// Overdue first (most overdue first), then by effective deadline, then by id; tasks without
// a deadline last.
void SortForWorklist(std::vector<TaskView>& views);

// Checks sub-dimension codes against the PAPI catalogue for a dimension and year.
using CodeValidator =
    std::function<Status(int dimension, const std::vector<std::string>& codes, int year)>;

class PlanService {
 public:
  PlanService(PlanRepository& repo, identity::IdentityRepository& identity,
              calendar::CalendarService& calendar, const Clock& clock, CodeValidator codes)
      : repo_(repo),
        identity_(identity),
        calendar_(calendar),
        clock_(clock),
        codes_(std::move(codes)) {}

  // Leaders and administrators change any task of their commune; an officer, clerk or
  // supervisor those his unit leads or coordinates.
  static bool CanEdit(const identity::Account& who, const Task& task);
  // Leaders and administrators create and re-plan tasks.
  static bool CanPlan(const identity::Account& who);

  // The task `who` may report on or edit: kNotFound outside the commune, kPermissionDenied
  // when CanEdit refuses. Handlers ask before reading the form, so a refusal never depends on
  // what was typed.
  Result<Task> TaskToEdit(const identity::Account& who, int64_t task_id);
  Result<int64_t> CreatePlan(const identity::Account& who, Plan plan,
                             const audit::AuditRecord& rec);
  Result<int64_t> CreateTask(const identity::Account& who, Task task,
                             const audit::AuditRecord& rec);
  // Returns the new version; kAborted when `task.version` is stale.
  Result<int64_t> UpdateTask(const identity::Account& who, Task task,
                             const audit::AuditRecord& rec);
  Result<int64_t> ReportProgress(const identity::Account& who, ProgressUpdate update,
                                 const std::optional<Upload>& upload,
                                 const audit::AuditRecord& rec);
  Status Comment(const identity::Account& who, int64_t task_id, const std::string& body,
                 const audit::AuditRecord& rec);
  // Publishes or withdraws a file of a task from the public accountability page.
  Status SetEvidencePublic(const identity::Account& who, int64_t task_id, int64_t evidence_id,
                           bool is_public, const audit::AuditRecord& rec);

  // Tasks with their deadlines evaluated for today in the commune's calendar.
  Result<std::vector<TaskView>> Evaluate(int64_t commune_id, std::vector<Task> tasks);
  Result<TaskView> View(int64_t commune_id, int64_t task_id);

 private:
  Status CheckReferences(const Task& task);

  PlanRepository& repo_;
  identity::IdentityRepository& identity_;
  calendar::CalendarService& calendar_;
  const Clock& clock_;
  CodeValidator codes_;
};

}  // namespace xaso::plan
