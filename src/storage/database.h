// The database: a SOCI connection pool over SQLite or PostgreSQL, transactions, and the
// mapping of SOCI's exceptions to Error values. SOCI types stay in storage/.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace xaso::storage {

enum class Dialect { kSqlite, kPostgres };

// Thread-safe: each call leases its own connection from the pool.
class Database {
 public:
  // `url` is "sqlite:PATH", "sqlite::memory:" or "postgresql://...". For SQLite the file is
  // opened in WAL mode with foreign keys on. Errors: kInvalidArgument for a malformed URL,
  // kUnavailable when the database cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, size_t pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }

  // Runs `fn` on a pooled connection inside one transaction (BEGIN IMMEDIATE on SQLite, so
  // writers queue instead of failing on lock upgrade). Commits when `fn` succeeds and rolls
  // back when it returns an error or throws; a database exception becomes an Error.
  Status Write(const std::function<Status(soci::session&)>& fn);
  // Runs `fn` on a pooled connection without a transaction (single statements are atomic).
  Status Read(const std::function<Status(soci::session&)>& fn);

 private:
  Database(std::string url, Dialect dialect, size_t size);
  Status Run(const std::function<Status(soci::session&)>& fn, bool transaction);

  std::string url_;
  Dialect dialect_;
  size_t size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// Maps a caught database exception (called inside a catch block) to an Error. Constraint
// violations become kAlreadyExists, connection failures kUnavailable, the rest kInternal;
// the database's own text goes to the log only.
Error CurrentExceptionToError();

}  // namespace xaso::storage
