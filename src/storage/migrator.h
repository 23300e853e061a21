// Versioned schema migrations, compiled into the binary from migrations/*.sql and applied in
// file-name order, each in its own transaction, on SQLite and PostgreSQL alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace xaso::storage {

struct MigrationReport {
  std::vector<std::string> applied;  // file names applied by this run
  int already_applied = 0;
};

// Idempotent. Errors: whatever the database reports; a failing migration leaves no trace.
Result<MigrationReport> Migrate(Database& db);

// Splits a script into statements at ';' outside quotes and comments, and replaces the
// dialect placeholder {{ID}}. Exposed for tests.
std::vector<std::string> SplitStatements(std::string_view script, Dialect dialect);

}  // namespace xaso::storage
