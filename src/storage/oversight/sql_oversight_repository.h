// oversight::OversightRepository over SQL: inspections, findings, rechecks and supervision
// recommendations (migrations/0005_plan.sql).
#pragma once

#include "domain/oversight/oversight_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlOversightRepository final : public oversight::OversightRepository {
 public:
  explicit SqlOversightRepository(Database& db) : db_(db) {}

  // xaso::oversight::OversightRepository
  Result<int64_t> CreateInspection(const oversight::Inspection& i, const audit::AuditRecord& rec,
                                   int64_t now) override;
  Result<oversight::Inspection> GetInspection(int64_t commune_id, int64_t id) override;
  Result<std::vector<oversight::Inspection>> ListInspections(
      const oversight::InspectionFilter& filter) override;
  Result<int64_t> RecordConduct(int64_t commune_id, int64_t id, int64_t version, Date conducted_on,
                                const std::string& conclusion, const audit::AuditRecord& rec,
                                int64_t now) override;
  Result<int64_t> AddFinding(const oversight::Finding& f, const audit::AuditRecord& rec,
                             int64_t now) override;
  Result<oversight::Finding> GetFinding(int64_t commune_id, int64_t id) override;
  Result<int64_t> RecordRecheck(int64_t commune_id, const oversight::Recheck& r,
                                int64_t finding_version, const audit::AuditRecord& rec,
                                int64_t now) override;
  Result<int64_t> CreateRecommendation(const oversight::Recommendation& r,
                                       const audit::AuditRecord& rec, int64_t now) override;
  Result<oversight::Recommendation> GetRecommendation(int64_t commune_id, int64_t id) override;
  Result<std::vector<oversight::Recommendation>> OpenRecommendationsDueBy(Date by) override;
  Result<std::vector<oversight::Finding>> OpenFindingsDueBy(Date by) override;
  Result<std::vector<oversight::Recommendation>> ListRecommendations(
      const oversight::RecommendationFilter& filter) override;
  Result<int64_t> AnswerRecommendation(int64_t commune_id, const oversight::Answer& a,
                                       const audit::AuditRecord& rec, int64_t now) override;

 private:
  // The findings of inspections with ids in [lo, hi] of one commune, id order.
  Result<std::vector<oversight::Finding>> FindingsOf(int64_t commune_id, int64_t lo, int64_t hi);
  Result<std::vector<oversight::Recheck>> RechecksOf(int64_t commune_id, int64_t finding_id);

  Database& db_;
};

}  // namespace xaso::storage
