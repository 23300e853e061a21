#include "storage/feedback/sql_open311_key_repository.h"

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

Result<int64_t> SqlOpen311KeyRepository::CreateKey(int64_t commune_id, const std::string& name,
                                                   const std::string& key_hash,
                                                   const audit::AuditRecord& rec, int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, at = now;
    s << "INSERT INTO open311_key (commune_id, name, key_hash, created_at) VALUES (:c, :n, :h, "
         ":a) RETURNING id",
        soci::use(c), soci::use(name), soci::use(key_hash), soci::use(at), soci::into(id);
    // The audit entry names the key, never its text or hash.
    AuditChange(s, rec, c, "open311_key", id, "create", name, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

namespace {

constexpr const char* kKeyColumns =
    "SELECT id, commune_id, name, created_at, revoked_at FROM open311_key ";

feedback::Open311Key KeyFromRow(const soci::row& r) {
  feedback::Open311Key k;
  k.id = RowInt(r, 0);
  k.commune_id = RowInt(r, 1);
  k.name = RowText(r, 2);
  k.created_at = RowInt(r, 3);
  if (r.get_indicator(4) != soci::i_null) k.revoked_at = RowInt(r, 4);
  return k;
}

}  // namespace

Result<std::optional<feedback::Open311Key>> SqlOpen311KeyRepository::FindKey(
    const std::string& key_hash) {
  XASO_ASSIGN_OR_RETURN(
      auto rows, QueryAll<feedback::Open311Key>(
                     db_, std::string(kKeyColumns) + "WHERE key_hash = :h AND revoked_at IS NULL",
                     KeyFromRow, key_hash));
  if (rows.empty()) return std::optional<feedback::Open311Key>();
  return std::optional<feedback::Open311Key>(std::move(rows.front()));
}

Result<std::vector<feedback::Open311Key>> SqlOpen311KeyRepository::ListKeys(int64_t commune_id) {
  return QueryAll<feedback::Open311Key>(
      db_, std::string(kKeyColumns) + "WHERE commune_id = :c ORDER BY id", KeyFromRow,
      static_cast<long long>(commune_id));
}

Status SqlOpen311KeyRepository::RevokeKey(int64_t commune_id, int64_t id,
                                          const audit::AuditRecord& rec, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, i = id, at = now;
    std::string name;
    soci::indicator revoked = soci::i_null, found = soci::i_null;
    long long revoked_at = 0;
    s << "SELECT name, revoked_at FROM open311_key WHERE commune_id = :c AND id = :i", soci::use(c),
        soci::use(i), soci::into(name, found), soci::into(revoked_at, revoked);
    if (found == soci::i_null) {
      return MakeError(ErrorCode::kNotFound, "no such api_key in this commune");
    }
    if (revoked != soci::i_null) {
      return MakeError(ErrorCode::kFailedPrecondition, "the api_key is already revoked");
    }
    s << "UPDATE open311_key SET revoked_at = :a WHERE id = :i", soci::use(at), soci::use(i);
    AuditChange(s, rec, c, "open311_key", i, "revoke", name, now);
    return Ok{};
  });
}

}  // namespace xaso::storage
