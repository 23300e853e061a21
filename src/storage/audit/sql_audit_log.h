// Appending to and verifying the hash-chained audit log in SQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "storage/database.h"

namespace xaso::storage {

// Appends `rec` inside the caller's open transaction on `s`; the chain's head row is locked
// first, so concurrent writers of one commune take turns.
void AppendAudit(soci::session& s, const audit::AuditRecord& rec, int64_t now);

// AppendAudit of `rec` (who acts) completed with what changed: the commune, the entity and its
// id, the action and a summary.
inline void AuditChange(soci::session& s, audit::AuditRecord rec, long long commune_id,
                        const std::string& entity, long long id, const std::string& action,
                        const std::string& summary, int64_t now) {
  rec.commune_id = commune_id;
  rec.entity = entity;
  rec.entity_id = std::to_string(id);
  rec.action = action;
  rec.summary = summary;
  AppendAudit(s, rec, now);
}

class SqlAuditLog final : public audit::AuditReader {
 public:
  explicit SqlAuditLog(Database& db) : db_(db) {}

  // Appends in a transaction of its own (for events with no other write, e.g. sign-in).
  Status Append(const audit::AuditRecord& rec, int64_t now);
  // The newest entries of one commune, newest first.
  Result<std::vector<audit::AuditEntry>> Recent(int64_t commune_id, int limit) override;
  // Verifies every commune's chain; the first failure found, or nullopt.
  Result<std::optional<audit::VerifyFailure>> VerifyAll();
  // Number of entries in all chains.
  Result<int64_t> Count();

 private:
  Database& db_;
};

}  // namespace xaso::storage
