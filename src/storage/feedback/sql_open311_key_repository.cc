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

Result<std::optional<int64_t>> SqlOpen311KeyRepository::FindKeyCommune(
    const std::string& key_hash) {
  XASO_ASSIGN_OR_RETURN(auto rows,
                        QueryAll<int64_t>(
                            db_,
                            "SELECT commune_id FROM open311_key WHERE key_hash = :h AND revoked_at "
                            "IS NULL",
                            [](const soci::row& r) { return RowInt(r, 0); }, key_hash));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front());
}

}  // namespace xaso::storage
