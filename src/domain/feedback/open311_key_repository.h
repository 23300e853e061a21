// The api_keys of Open311 clients (OPEN311.md 2.4): each belongs to one commune and is stored
// only as its SHA-256, so a copy of the database reveals no usable key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "domain/audit/audit.h"

namespace xaso::feedback {

class Open311KeyRepository {
 public:
  virtual ~Open311KeyRepository() = default;

  // Stores a new key (by its hash) with its audit entry; returns its id.
  virtual Result<int64_t> CreateKey(int64_t commune_id, const std::string& name,
                                    const std::string& key_hash, const audit::AuditRecord& rec,
                                    int64_t now) = 0;
  // The commune of the unrevoked key with this hash, or nullopt.
  virtual Result<std::optional<int64_t>> FindKeyCommune(const std::string& key_hash) = 0;
};

}  // namespace xaso::feedback
