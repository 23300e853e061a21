// feedback::Open311KeyRepository over SQL (table open311_key, migration 0007).
#pragma once

#include "domain/feedback/open311_key_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlOpen311KeyRepository final : public feedback::Open311KeyRepository {
 public:
  explicit SqlOpen311KeyRepository(Database& db) : db_(db) {}

  // xaso::feedback::Open311KeyRepository
  Result<int64_t> CreateKey(int64_t commune_id, const std::string& name,
                            const std::string& key_hash, const audit::AuditRecord& rec,
                            int64_t now) override;
  Result<std::optional<feedback::Open311Key>> FindKey(const std::string& key_hash) override;
  Result<std::vector<feedback::Open311Key>> ListKeys(int64_t commune_id) override;
  Status RevokeKey(int64_t commune_id, int64_t id, const audit::AuditRecord& rec,
                   int64_t now) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
