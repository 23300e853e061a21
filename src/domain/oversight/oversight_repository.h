// The storage port of inspections and supervision recommendations. Every method is scoped by
// commune; every change appends its audit entry in the same transaction, and a change of a
// versioned row fails with kAborted when the stored version is not the one the editor saw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/oversight/oversight.h"

namespace xaso::oversight {

// A page in id order after `after_id` (keyset pagination).
struct InspectionFilter {
  int64_t commune_id = 0;
  int64_t after_id = 0;
  int limit = 100;
};

struct RecommendationFilter {
  int64_t commune_id = 0;
  std::optional<RecommendationStatus> status;
  int64_t after_id = 0;
  int limit = 100;
};

class OversightRepository {
 public:
  virtual ~OversightRepository() = default;

  // Preconditions for every write: the input is valid and its units are the commune's.
  virtual Result<int64_t> CreateInspection(const Inspection& i, const audit::AuditRecord& rec,
                                           int64_t now) = 0;
  // With its findings (and their rechecks). kNotFound when not the commune's.
  virtual Result<Inspection> GetInspection(int64_t commune_id, int64_t id) = 0;
  // With their findings, without rechecks.
  virtual Result<std::vector<Inspection>> ListInspections(const InspectionFilter& filter) = 0;
  // Sets the day conducted and the conclusion; returns the new version, kAborted if stale.
  virtual Result<int64_t> RecordConduct(int64_t commune_id, int64_t id, int64_t version,
                                        Date conducted_on, const std::string& conclusion,
                                        const audit::AuditRecord& rec, int64_t now) = 0;
  virtual Result<int64_t> AddFinding(const Finding& f, const audit::AuditRecord& rec,
                                     int64_t now) = 0;
  // With its rechecks. kNotFound when not the commune's.
  virtual Result<Finding> GetFinding(int64_t commune_id, int64_t id) = 0;
  // Appends the recheck and closes or reopens the finding (at version `finding_version`);
  // returns the finding's new version, kAborted if stale.
  virtual Result<int64_t> RecordRecheck(int64_t commune_id, const Recheck& r,
                                        int64_t finding_version, const audit::AuditRecord& rec,
                                        int64_t now) = 0;

  // Precondition: rule_key, rule_effective_from and due_on are set.
  virtual Result<int64_t> CreateRecommendation(const Recommendation& r,
                                               const audit::AuditRecord& rec, int64_t now) = 0;
  virtual Result<Recommendation> GetRecommendation(int64_t commune_id, int64_t id) = 0;
  virtual Result<std::vector<Recommendation>> ListRecommendations(
      const RecommendationFilter& filter) = 0;
  // Open recommendations and open findings of every commune whose deadline is on or before
  // `by`: the candidates of the deadline notices.
  virtual Result<std::vector<Recommendation>> OpenRecommendationsDueBy(Date by) = 0;
  virtual Result<std::vector<Finding>> OpenFindingsDueBy(Date by) = 0;
  // Records the answer of an open recommendation; returns the new version, kAborted if stale.
  virtual Result<int64_t> AnswerRecommendation(int64_t commune_id, const Answer& a,
                                               const audit::AuditRecord& rec, int64_t now) = 0;
};

}  // namespace xaso::oversight
