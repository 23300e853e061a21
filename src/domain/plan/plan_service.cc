#include "domain/plan/plan_service.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/field_check.h"

namespace xaso::plan {

using identity::Role;

void Tally::Add(const TaskView& v) {
  ++total;
  progress_sum += v.task.progress;
  switch (v.task.status) {
    case TaskStatus::kDone: ++done; break;
    case TaskStatus::kInProgress: ++in_progress; break;
    case TaskStatus::kNotStarted: ++not_started; break;
  }
  if (v.deadline.overdue) ++overdue;
}

Summary Summarise(const std::vector<TaskView>& views) {
  Summary s;
  for (int d = 1; d <= 8; ++d) s.by_dimension[d];
  // A task split into sub-tasks is counted through them: counting the parent too would count
  // the same promise twice.
  std::set<int64_t> parents;
  for (const TaskView& v : views) {
    if (v.task.parent_id) parents.insert(*v.task.parent_id);
  }
  for (const TaskView& v : views) {
    if (parents.count(v.task.id)) continue;
    s.all.Add(v);
    s.by_dimension[v.task.dimension].Add(v);
    s.by_lead_unit[v.task.lead_unit_id].Add(v);
  }
  return s;
}

void SortForWorklist(std::vector<TaskView>& views) {
  std::stable_sort(views.begin(), views.end(), [](const TaskView& a, const TaskView& b) {
    if (a.deadline.overdue != b.deadline.overdue) return a.deadline.overdue;
    if (a.deadline.due.has_value() != b.deadline.due.has_value()) return a.deadline.due.has_value();
    if (a.deadline.due && *a.deadline.due != *b.deadline.due)
      return *a.deadline.due < *b.deadline.due;
    return a.task.id < b.task.id;
  });
}

bool PlanService::CanPlan(const identity::Account& who) {
  return who.role == Role::kLeader || who.role == Role::kAdmin;
}

bool PlanService::CanEdit(const identity::Account& who, const Task& task) {
  if (who.commune_id != task.commune_id) return false;
  if (CanPlan(who)) return true;
  // Whoever works in a unit reports for it: the one-stop desk's account is a clerk's, the
  // Fatherland Front's a supervisor's, and both units lead tasks of the plan.
  const bool unit_member =
      who.role == Role::kOfficer || who.role == Role::kClerk || who.role == Role::kSupervisor;
  if (!unit_member || !who.unit_id) return false;
  if (*who.unit_id == task.lead_unit_id) return true;
  return std::find(task.coordinating_unit_ids.begin(), task.coordinating_unit_ids.end(),
                   *who.unit_id) != task.coordinating_unit_ids.end();
}

namespace {
Error Denied() {
  return MakeError(ErrorCode::kPermissionDenied,
                   "Bạn không phụ trách nhiệm vụ này nên không thể cập nhật.");
}
}  // namespace

Status PlanService::CheckReferences(const Task& task) {
  XASO_RETURN_IF_ERROR(ValidateTask(task));
  XASO_ASSIGN_OR_RETURN(auto units, identity_.ListUnits(task.commune_id));
  auto known = [&](int64_t id) {
    return std::any_of(units.begin(), units.end(), [&](const auto& u) { return u.id == id; });
  };
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  if (!known(task.lead_unit_id)) {
    err.fields.push_back({"lead_unit_id", "Đơn vị chủ trì không thuộc xã."});
  }
  for (int64_t u : task.coordinating_unit_ids) {
    if (!known(u)) {
      err.fields.push_back({"coordinating_unit_ids", "Đơn vị phối hợp không thuộc xã."});
      break;
    }
  }
  XASO_ASSIGN_OR_RETURN(auto plan, repo_.GetPlan(task.commune_id, task.plan_id));
  if (auto s = codes_(task.dimension, task.subdimensions, plan.year); !s.has_value()) {
    for (const auto& f : s.error().fields) err.fields.push_back(f);
    if (s.error().fields.empty()) err.fields.push_back({"subdimensions", s.error().message});
  }
  if (task.parent_id) {
    // Walk up from the new parent: meeting the task itself would make a cycle.
    std::optional<int64_t> up = task.parent_id;
    for (int depth = 0; up && err.fields.empty(); ++depth) {
      auto parent = repo_.GetTask(task.commune_id, *up);
      if (!parent || parent->plan_id != task.plan_id) {
        err.fields.push_back({"parent_id", "Nhiệm vụ cha không thuộc cùng kế hoạch."});
      } else if (parent->id == task.id || depth > 16) {
        err.fields.push_back({"parent_id", "Nhiệm vụ không thể là cấp dưới của chính nó."});
      }
      up = parent ? parent->parent_id : std::nullopt;
    }
  }
  return FieldErrorsOrOk(std::move(err));
}

Result<Task> PlanService::TaskToEdit(const identity::Account& who, int64_t task_id) {
  XASO_ASSIGN_OR_RETURN(auto stored, repo_.GetTask(who.commune_id, task_id));
  if (!CanEdit(who, stored)) return Denied();
  return stored;
}

Result<int64_t> PlanService::CreatePlan(const identity::Account& who, Plan plan,
                                        const audit::AuditRecord& rec) {
  if (!CanPlan(who)) return Denied();
  plan.commune_id = who.commune_id;
  XASO_RETURN_IF_ERROR(ValidatePlan(plan));
  return repo_.CreatePlan(plan, rec, clock_.NowUnix());
}

Status PlanService::SetEvidencePublic(const identity::Account& who, int64_t task_id,
                                      int64_t evidence_id, bool is_public,
                                      const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(TaskToEdit(who, task_id));
  return repo_.SetEvidencePublic(who.commune_id, task_id, evidence_id, is_public, rec,
                                 clock_.NowUnix());
}

Result<int64_t> PlanService::CreateTask(const identity::Account& who, Task task,
                                        const audit::AuditRecord& rec) {
  if (!CanPlan(who)) return Denied();
  task.commune_id = who.commune_id;
  XASO_RETURN_IF_ERROR(CheckReferences(task));
  return repo_.CreateTask(task, rec, clock_.NowUnix());
}

Result<int64_t> PlanService::UpdateTask(const identity::Account& who, Task task,
                                        const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(auto stored, repo_.GetTask(who.commune_id, task.id));
  if (!CanPlan(who)) return Denied();
  task.commune_id = stored.commune_id;
  task.plan_id = stored.plan_id;
  XASO_RETURN_IF_ERROR(CheckReferences(task));
  // Described against the version read here; the repository stores it only if that version is
  // still the current one, so the description is never of a different edit.
  if (stored.version != task.version) {
    return MakeError(ErrorCode::kAborted,
                     "Nhiệm vụ vừa được người khác cập nhật. Tải lại trang để xem bản mới rồi "
                     "nhập lại.");
  }
  audit::AuditRecord described = rec;
  described.summary = DescribeChanges(stored, task);
  return repo_.UpdateTask(task, described, clock_.NowUnix());
}

Result<int64_t> PlanService::ReportProgress(const identity::Account& who, ProgressUpdate update,
                                            const std::optional<Upload>& upload,
                                            const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(TaskToEdit(who, update.task_id));
  update.today = clock_.TodayVn();
  XASO_RETURN_IF_ERROR(ValidateProgress(update));
  return repo_.RecordProgress(who.commune_id, update, upload, rec, clock_.NowUnix());
}

Status PlanService::Comment(const identity::Account& who, int64_t task_id, const std::string& body,
                            const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(auto stored, repo_.GetTask(who.commune_id, task_id));
  // Supervisors read every task and may comment; only the task's units and leaders edit it.
  if (!CanEdit(who, stored) && who.role != Role::kSupervisor) return Denied();
  Error err{ErrorCode::kInvalidArgument, "Ý kiến chưa hợp lệ.", {}};
  CheckText(err, "comment", body, 4000, "ý kiến");
  XASO_RETURN_IF_ERROR(FieldErrorsOrOk(std::move(err)));
  return repo_.AddComment(who.commune_id, task_id, body, rec, clock_.NowUnix());
}

Result<std::vector<TaskView>> PlanService::Evaluate(int64_t commune_id, std::vector<Task> tasks) {
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(commune_id));
  const Date today = clock_.TodayVn();
  std::vector<TaskView> out;
  out.reserve(tasks.size());
  for (Task& t : tasks) {
    DeadlineState d = plan::Evaluate(t, today, *cal);
    out.push_back({std::move(t), d});
  }
  return out;
}

Result<TaskView> PlanService::View(int64_t commune_id, int64_t task_id) {
  XASO_ASSIGN_OR_RETURN(auto task, repo_.GetTask(commune_id, task_id));
  std::vector<Task> one{std::move(task)};
  XASO_ASSIGN_OR_RETURN(auto views, Evaluate(commune_id, std::move(one)));
  return std::move(views.front());
}

}  // namespace xaso::plan
