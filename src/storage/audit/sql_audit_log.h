// Appending to and verifying the hash-chained audit log in SQL.
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "storage/database.h"

namespace xaso::storage {

// Appends `rec` inside the caller's open transaction on `s`; the chain's head row is locked
// first, so concurrent writers of one commune take turns.
void AppendAudit(soci::session& s, const audit::AuditRecord& rec, int64_t now);

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
