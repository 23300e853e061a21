#include "storage/database.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

namespace xaso::storage {

Error CurrentExceptionToError() {
  try {
    throw;
  } catch (const soci::soci_error& e) {
    switch (e.get_error_category()) {
      case soci::soci_error::constraint_violation:
        spdlog::info("constraint violation: {}", e.what());
        return MakeError(ErrorCode::kAlreadyExists, "Dữ liệu trùng hoặc vi phạm ràng buộc.");
      case soci::soci_error::connection_error:
        spdlog::error("database connection: {}", e.what());
        return MakeError(ErrorCode::kUnavailable, "Cơ sở dữ liệu tạm thời không truy cập được.");
      default: {
        const std::string what = e.what();
        // SQLite reports UNIQUE and FOREIGN KEY failures without a category in SOCI 4.0.
        if (what.find("constraint failed") != std::string::npos ||
            what.find("UNIQUE") != std::string::npos) {
          return MakeError(ErrorCode::kAlreadyExists, "Dữ liệu trùng hoặc vi phạm ràng buộc.");
        }
        if (what.find("database is locked") != std::string::npos) {
          return MakeError(ErrorCode::kAborted, "Hệ thống đang bận, vui lòng thử lại.");
        }
        spdlog::error("database error: {}", what);
        return MakeError(ErrorCode::kInternal, "database error");
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("unexpected exception in storage: {}", e.what());
    return MakeError(ErrorCode::kInternal, "internal error");
  }
}

Database::Database(std::string url, Dialect dialect, size_t size)
    : url_(std::move(url)), dialect_(dialect), size_(size),
      pool_(std::make_unique<soci::connection_pool>(size)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, size_t pool_size) {
  Dialect dialect;
  std::string target;
  if (url.rfind("sqlite:", 0) == 0) {
    dialect = Dialect::kSqlite;
    target = url.substr(7);
    if (target == ":memory:") pool_size = 1;  // each connection would be its own database
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    dialect = Dialect::kPostgres;
    target = url;
  } else {
    return MakeError(ErrorCode::kInvalidArgument,
                     "database URL must start with sqlite: or postgresql://");
  }
  if (target.empty()) return MakeError(ErrorCode::kInvalidArgument, "empty database path");
  if (pool_size == 0) pool_size = 1;
  std::unique_ptr<Database> db(new Database(url, dialect, pool_size));
  try {
    for (size_t i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      if (dialect == Dialect::kSqlite) {
        s.open(soci::sqlite3, "db=\"" + target + "\" timeout=10");
        s << "PRAGMA foreign_keys = ON";
        s << "PRAGMA synchronous = NORMAL";
        if (i == 0 && target != ":memory:") s << "PRAGMA journal_mode = WAL";
      } else {
        s.open(soci::postgresql, target);
      }
    }
  } catch (...) {
    Error e = CurrentExceptionToError();
    e.code = ErrorCode::kUnavailable;
    e.message = "cannot open database " + (dialect == Dialect::kSqlite ? target : "(postgresql)");
    return e;
  }
  return db;
}

Status Database::Write(const std::function<Status(soci::session&)>& fn) { return Run(fn, true); }
Status Database::Read(const std::function<Status(soci::session&)>& fn) { return Run(fn, false); }

Status Database::Run(const std::function<Status(soci::session&)>& fn, bool transaction) {
  soci::session s(*pool_);
  bool open = false;
  try {
    if (transaction) {
      s << (dialect_ == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
      open = true;
    }
    Status st = fn(s);
    if (transaction) {
      s << (st.has_value() ? "COMMIT" : "ROLLBACK");
      open = false;
    }
    return st;
  } catch (...) {
    Error e = CurrentExceptionToError();
    if (open) {
      try {
        s << "ROLLBACK";
      } catch (...) {
        spdlog::error("rollback failed");
      }
    }
    return e;
  }
}

}  // namespace xaso::storage
