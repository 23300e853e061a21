#include "storage/database.h"

#include <optional>

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

namespace {

// SOCI hands its connect string to libpq but treats "scheme://" strings as its own URL form,
// so a postgresql:// URL is turned into libpq's key=value form here:
// postgresql://user[:password]@host[:port]/dbname[?sslmode=...&...].
std::optional<std::string> PostgresConnectString(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string userinfo, hostport = rest, dbname;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
  }
  if (auto slash = hostport.find('/'); slash != std::string::npos) {
    dbname = hostport.substr(slash + 1);
    hostport = hostport.substr(0, slash);
  }
  auto quote = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out;
  auto add = [&](const char* key, const std::string& v) {
    if (!v.empty()) out += std::string(key) + "=" + quote(v) + " ";
  };
  std::string user = userinfo, password;
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
  }
  std::string host = hostport, port;
  if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  add("host", host);
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", dbname);
  size_t pos = 0;
  while (pos < query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string::npos) amp = query.size();
    const std::string kv = query.substr(pos, amp - pos);
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) return std::nullopt;
    add(kv.substr(0, eq).c_str(), kv.substr(eq + 1));
    pos = amp + 1;
  }
  if (host.empty()) return std::nullopt;
  return out;
}

}  // namespace

Database::Database(std::string url, Dialect dialect, size_t size)
    : url_(std::move(url)),
      dialect_(dialect),
      size_(size),
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
    auto conn = PostgresConnectString(url);
    if (!conn) return MakeError(ErrorCode::kInvalidArgument, "malformed postgresql:// URL");
    target = *conn;
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
