// disclosure::BudgetRepository over SQL (table disclosure_budget_line, migration 0019). Replace
// bumps the commune's content_version: the public budget page and its exports show the lines.
#pragma once

#include "core/clock.h"
#include "domain/disclosure/budget.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlBudgetRepository final : public disclosure::BudgetRepository {
 public:
  // `clock` dates the audit entries.
  SqlBudgetRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // xaso::disclosure::BudgetRepository. Both are kNotFound when the item is not the commune's.
  Status Replace(int64_t commune_id, int64_t item_id,
                 const std::vector<disclosure::BudgetLine>& lines,
                 const audit::AuditRecord& rec) override;
  Result<std::vector<disclosure::BudgetLine>> Lines(int64_t commune_id, int64_t item_id) override;

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace xaso::storage
