// onestop::DossierRepository over SQL.
#pragma once

#include "domain/onestop/dossier_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlDossierRepository final : public onestop::DossierRepository {
 public:
  explicit SqlDossierRepository(Database& db) : db_(db) {}

  // xaso::onestop::DossierRepository
  Result<onestop::Dossier> Create(onestop::Dossier d, const std::string& agency_code,
                                  const audit::AuditRecord& rec) override;
  Result<onestop::Dossier> Get(int64_t commune_id, int64_t id) override;
  Result<onestop::Dossier> GetByCode(int64_t commune_id, const std::string& code) override;
  Result<std::vector<onestop::Dossier>> List(int64_t commune_id,
                                             const onestop::DossierFilter& f) override;
  Result<std::vector<onestop::Event>> History(int64_t commune_id, int64_t id) override;
  Result<onestop::Dossier> Move(int64_t commune_id, int64_t id, const onestop::Step& step,
                                const audit::AuditRecord& rec, int64_t now) override;
  Result<onestop::Dossier> Extend(int64_t commune_id, int64_t id, int64_t version,
                                  const onestop::Extension& ext,
                                  const audit::AuditRecord& rec) override;
  Status Rate(int64_t commune_id, const std::string& code, const std::string& pin,
              onestop::Satisfaction s, const std::string& comment, int64_t now) override;
  Result<std::vector<onestop::StatisticsCount>> LoadCounts(
      const onestop::StatisticsFilter& f) override;
  Status RebuildStatistics() override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
