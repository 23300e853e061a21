// plan::PlanRepository over SQL.
#pragma once

#include "domain/plan/plan_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlPlanRepository final : public plan::PlanRepository {
 public:
  explicit SqlPlanRepository(Database& db) : db_(db) {}

  // xaso::plan::PlanRepository
  Result<int64_t> CreatePlan(const plan::Plan& plan, const audit::AuditRecord& rec,
                             int64_t now) override;
  Result<std::vector<plan::Plan>> ListPlans(int64_t commune_id) override;
  Result<plan::Plan> GetPlan(int64_t commune_id, int64_t id) override;
  Result<int64_t> CreateTask(const plan::Task& task, const audit::AuditRecord& rec,
                             int64_t now) override;
  Result<plan::Task> GetTask(int64_t commune_id, int64_t id) override;
  Result<std::vector<plan::Task>> ListTasks(const plan::TaskFilter& filter) override;
  Result<std::vector<plan::Task>> PlanTasks(int64_t commune_id, int64_t plan_id) override;
  Result<std::vector<plan::Task>> OpenTasksDueBy(Date by) override;
  Result<int64_t> UpdateTask(const plan::Task& task, const audit::AuditRecord& rec,
                             int64_t now) override;
  Result<int64_t> RecordProgress(int64_t commune_id, const plan::ProgressUpdate& update,
                                 const std::optional<plan::Upload>& upload,
                                 const audit::AuditRecord& rec, int64_t now) override;
  Status AddComment(int64_t commune_id, int64_t task_id, const std::string& body,
                    const audit::AuditRecord& rec, int64_t now) override;
  Result<std::vector<plan::TaskEvent>> History(int64_t commune_id, int64_t task_id) override;
  Result<std::vector<plan::Evidence>> ListEvidence(int64_t commune_id, int64_t task_id) override;
  Status SetEvidencePublic(int64_t commune_id, int64_t task_id, int64_t evidence_id, bool is_public,
                           const audit::AuditRecord& rec, int64_t now) override;
  Result<std::pair<plan::Evidence, std::string>> GetEvidenceFile(int64_t commune_id,
                                                                 int64_t evidence_id) override;

 private:
  // Adds the sub-dimensions and coordinating units of `tasks` (ids ascending, one commune).
  Status LoadLinks(int64_t commune_id, std::vector<plan::Task>& tasks);

  Database& db_;
};

}  // namespace xaso::storage
