#include "storage/portal/sql_portal_repository.h"

#include <ctime>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

Result<std::vector<portal::Announcement>> SqlPortalRepository::RecentAnnouncements(
    int64_t commune_id, int limit) {
  return QueryAll<portal::Announcement>(
      db_,
      "SELECT id, commune_id, title, body, published_at FROM announcement "
      "WHERE commune_id = :c ORDER BY published_at DESC, id DESC LIMIT :l",
      [](const soci::row& r) {
        return portal::Announcement{RowInt(r, 0), RowInt(r, 1), RowText(r, 2), RowText(r, 3),
                                    RowInt(r, 4)};
      },
      static_cast<long long>(commune_id), limit);
}

Result<std::vector<portal::LeaderContact>> SqlPortalRepository::Leaders(int64_t commune_id) {
  return QueryAll<portal::LeaderContact>(
      db_,
      "SELECT display_name, title, public_phone, public_email FROM account "
      "WHERE commune_id = :c AND role = 'leader' AND active = 1 ORDER BY id",
      [](const soci::row& r) {
        return portal::LeaderContact{RowText(r, 0), RowText(r, 1), RowText(r, 2), RowText(r, 3)};
      },
      static_cast<long long>(commune_id));
}

namespace {
constexpr const char* kDocColumns =
    "SELECT id, commune_id, number, kind, title, issued_on, issuer, body FROM document ";

portal::Document DocFromRow(const soci::row& r) {
  return {RowInt(r, 0),  RowInt(r, 1),  RowText(r, 2), RowText(r, 3),
          RowText(r, 4), RowText(r, 5), RowText(r, 6), RowText(r, 7)};
}
}  // namespace

Result<std::vector<portal::Document>> SqlPortalRepository::ListDocuments(int64_t commune_id) {
  return QueryAll<portal::Document>(
      db_, std::string(kDocColumns) + "WHERE commune_id = :c ORDER BY issued_on DESC", DocFromRow,
      static_cast<long long>(commune_id));
}

Result<portal::Document> SqlPortalRepository::GetDocument(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto docs, QueryAll<portal::Document>(
                     db_, std::string(kDocColumns) + "WHERE commune_id = :c AND id = :i",
                     DocFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (docs.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy văn bản.");
  return docs.front();
}

Result<int64_t> SqlPortalRepository::CreateAnnouncement(const portal::Announcement& a,
                                                        const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(portal::ValidateAnnouncement(a));
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = a.commune_id, t = a.published_at, author = rec.actor_id;
    soci::indicator author_ind = rec.actor_id ? soci::i_ok : soci::i_null;
    s << "INSERT INTO announcement (commune_id, title, body, published_at, author_id) "
         "VALUES (:c, :t, :b, :p, :a) RETURNING id",
        soci::use(c), soci::use(a.title), soci::use(a.body), soci::use(t),
        soci::use(author, author_ind), soci::into(id);
    BumpContentVersion(s, c);
    audit::AuditRecord r = rec;
    r.entity = "announcement";
    r.entity_id = std::to_string(id);
    r.action = "create";
    r.summary = a.title;
    AppendAudit(s, r, a.published_at);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<int64_t> SqlPortalRepository::CreateDocument(const portal::Document& d,
                                                    const audit::AuditRecord& rec) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = d.commune_id;
    s << "INSERT INTO document (commune_id, number, kind, title, issued_on, issuer, body) "
         "VALUES (:c, :n, :k, :t, :i, :is, :b) RETURNING id",
        soci::use(c), soci::use(d.number), soci::use(d.kind), soci::use(d.title),
        soci::use(d.issued_on), soci::use(d.issuer), soci::use(d.body), soci::into(id);
    BumpContentVersion(s, c);
    audit::AuditRecord r = rec;
    r.entity = "document";
    r.entity_id = std::to_string(id);
    r.action = "create";
    r.summary = d.number + " " + d.title;
    AppendAudit(s, r, std::time(nullptr));
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

}  // namespace xaso::storage
