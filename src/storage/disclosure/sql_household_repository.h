// disclosure::HouseholdRepository over SQL (tables disclosure_household and
// disclosure_objection of migrations/0020_disclosure_households.sql).
#pragma once

#include "core/clock.h"
#include "domain/disclosure/households.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlHouseholdRepository final : public disclosure::HouseholdRepository {
 public:
  // `clock` dates the audit entries and created_at (the port's calls carry no time).
  SqlHouseholdRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // xaso::disclosure::HouseholdRepository
  Status ReplaceList(int64_t commune_id, int64_t item_id,
                     const std::vector<disclosure::Household>& households,
                     const audit::AuditRecord& rec) override;
  Result<std::vector<disclosure::Household>> List(int64_t commune_id, int64_t item_id) override;
  Result<int64_t> AddObjection(int64_t commune_id, int64_t item_id, const disclosure::Objection& o,
                               const audit::AuditRecord& rec) override;
  Result<std::vector<disclosure::Objection>> Objections(int64_t commune_id,
                                                        int64_t item_id) override;
  Status Settle(int64_t commune_id, int64_t item_id, int64_t objection_id, Date on,
                disclosure::ObjectionOutcome outcome, const std::string& answer,
                const audit::AuditRecord& rec) override;

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace xaso::storage
