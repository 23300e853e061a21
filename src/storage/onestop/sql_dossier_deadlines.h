// onestop::DossierDeadlines over SQL.
#pragma once

#include "domain/onestop/dossier_deadlines.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlDossierDeadlines final : public onestop::DossierDeadlines {
 public:
  explicit SqlDossierDeadlines(Database& db) : db_(db) {}
  Result<std::vector<onestop::DueDossier>> RunningDueBy(Date by) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
