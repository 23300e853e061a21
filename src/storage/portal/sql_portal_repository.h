// portal::PortalRepository over SQL.
#pragma once

#include "domain/portal/portal.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlPortalRepository final : public portal::PortalRepository {
 public:
  explicit SqlPortalRepository(Database& db) : db_(db) {}

  // xaso::portal::PortalRepository
  Result<std::vector<portal::Announcement>> RecentAnnouncements(int64_t commune_id,
                                                                int limit) override;
  Result<std::vector<portal::LeaderContact>> Leaders(int64_t commune_id) override;
  Result<std::vector<portal::Document>> ListDocuments(int64_t commune_id) override;
  Result<portal::Document> GetDocument(int64_t commune_id, int64_t id) override;
  Result<int64_t> CreateAnnouncement(const portal::Announcement& a,
                                     const audit::AuditRecord& audit) override;
  Result<int64_t> CreateDocument(const portal::Document& d,
                                 const audit::AuditRecord& audit) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
