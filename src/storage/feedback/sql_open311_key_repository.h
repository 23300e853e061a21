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
  Result<std::optional<int64_t>> FindKeyCommune(const std::string& key_hash) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
