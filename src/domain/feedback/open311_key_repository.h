// The api_keys of Open311 clients (OPEN311.md 2.4): each belongs to one commune and is stored
// only as its SHA-256, so a copy of the database reveals no usable key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"

namespace xaso::feedback {

struct Open311Key {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string name;  // who the key is for
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at;
};

class Open311KeyRepository {
 public:
  virtual ~Open311KeyRepository() = default;

  // Stores a new key (by its hash) with its audit entry; returns its id.
  virtual Result<int64_t> CreateKey(int64_t commune_id, const std::string& name,
                                    const std::string& key_hash, const audit::AuditRecord& rec,
                                    int64_t now) = 0;
  // The unrevoked key with this hash, or nullopt.
  virtual Result<std::optional<Open311Key>> FindKey(const std::string& key_hash) = 0;
  // The commune's keys, revoked ones included, oldest first.
  virtual Result<std::vector<Open311Key>> ListKeys(int64_t commune_id) = 0;
  // Revokes the commune's key `id` with its audit entry: kNotFound for another commune's key,
  // kFailedPrecondition when already revoked. The row stays, so the audit trail keeps its name.
  virtual Status RevokeKey(int64_t commune_id, int64_t id, const audit::AuditRecord& rec,
                           int64_t now) = 0;
};

}  // namespace xaso::feedback
