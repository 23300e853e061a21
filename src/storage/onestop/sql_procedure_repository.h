// onestop::ProcedureRepository over SQL.
#pragma once

#include "domain/onestop/procedure_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlProcedureRepository final : public onestop::ProcedureRepository {
 public:
  explicit SqlProcedureRepository(Database& db) : db_(db) {}

  // xaso::onestop::ProcedureRepository
  Result<int64_t> Create(int64_t commune_id, const onestop::Procedure& p,
                         const audit::AuditRecord& rec, int64_t now) override;
  Result<onestop::Procedure> GetByCode(int64_t commune_id, const std::string& code) override;
  Result<std::vector<onestop::Procedure>> Search(int64_t commune_id,
                                                 const std::vector<std::string>& terms) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
