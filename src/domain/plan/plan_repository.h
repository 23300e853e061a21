// The storage port of plans and tasks. Every method is scoped by commune; every change
// appends its audit entry in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/plan/plan.h"

namespace xaso::plan {

// A page of tasks in id order after `after_id` (keyset pagination).
struct TaskFilter {
  int64_t commune_id = 0;
  std::optional<int64_t> plan_id;
  std::optional<int> dimension;
  std::optional<int64_t> unit_id;  // lead or coordinating
  std::optional<TaskStatus> status;
  bool open_only = false;  // not done, or periodic (a period is always due)
  int64_t after_id = 0;
  int limit = 100;
};

// A file received with a progress report.
struct Upload {
  std::string filename;
  std::string content_type;  // as sniffed by files::CheckUpload, never the browser's claim
  std::string sha256;
  std::string bytes;
  bool is_public = false;
};

class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  virtual Result<int64_t> CreatePlan(const Plan& plan, const audit::AuditRecord& rec,
                                     int64_t now) = 0;
  virtual Result<std::vector<Plan>> ListPlans(int64_t commune_id) = 0;
  // kNotFound when the plan is not the commune's.
  virtual Result<Plan> GetPlan(int64_t commune_id, int64_t id) = 0;

  // Precondition: the task is valid (ValidateTask, units and codes checked).
  virtual Result<int64_t> CreateTask(const Task& task, const audit::AuditRecord& rec,
                                     int64_t now) = 0;
  virtual Result<Task> GetTask(int64_t commune_id, int64_t id) = 0;
  virtual Result<std::vector<Task>> ListTasks(const TaskFilter& filter) = 0;
  // Every task of a plan, for boards and the public accountability page.
  virtual Result<std::vector<Task>> PlanTasks(int64_t commune_id, int64_t plan_id) = 0;
  // Open one-off tasks of every commune whose deadline is on or before `by`, and every periodic
  // task (its next period falls due whatever its status): the candidates of deadline notices.
  virtual Result<std::vector<Task>> OpenTasksDueBy(Date by) = 0;

  // Replaces the editable fields when the stored version is `task.version`; kAborted when
  // someone else saved first. `rec.summary` says what changed (kept in the history and the
  // audit entry). Returns the new version.
  virtual Result<int64_t> UpdateTask(const Task& task, const audit::AuditRecord& rec,
                                     int64_t now) = 0;
  // Records a progress report (and its file, if any) when the version matches; kAborted
  // otherwise. Returns the new version.
  virtual Result<int64_t> RecordProgress(int64_t commune_id, const ProgressUpdate& update,
                                         const std::optional<Upload>& upload,
                                         const audit::AuditRecord& rec, int64_t now) = 0;
  virtual Status AddComment(int64_t commune_id, int64_t task_id, const std::string& body,
                            const audit::AuditRecord& rec, int64_t now) = 0;
  virtual Result<std::vector<TaskEvent>> History(int64_t commune_id, int64_t task_id) = 0;
  virtual Result<std::vector<Evidence>> ListEvidence(int64_t commune_id, int64_t task_id) = 0;
  // kNotFound unless the file belongs to the task of the commune.
  virtual Status SetEvidencePublic(int64_t commune_id, int64_t task_id, int64_t evidence_id,
                                   bool is_public, const audit::AuditRecord& rec, int64_t now) = 0;
  // The evidence row and the file's bytes.
  virtual Result<std::pair<Evidence, std::string>> GetEvidenceFile(int64_t commune_id,
                                                                   int64_t evidence_id) = 0;
};

}  // namespace xaso::plan
