#include "storage/portal/sql_portal_repository.h"

#include <ctime>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/row_util.h"

namespace xaso::storage {
namespace {

// Public pages are cached by content_version; every public write bumps it in its transaction.
void BumpContentVersion(soci::session& s, long long commune_id) {
  s << "UPDATE commune SET content_version = content_version + 1 WHERE id = :c",
      soci::use(commune_id);
}

}  // namespace

Result<std::vector<portal::Announcement>> SqlPortalRepository::RecentAnnouncements(
    int64_t commune_id, int limit) {
  std::vector<portal::Announcement> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    int l = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, commune_id, title, body, published_at FROM announcement "
                      "WHERE commune_id = :c ORDER BY published_at DESC, id DESC LIMIT :l",
         soci::use(c), soci::use(l));
    for (const soci::row& r : rows) {
      out.push_back({RowInt(r, 0), RowInt(r, 1), RowText(r, 2), RowText(r, 3), RowInt(r, 4)});
    }
    return Ok{};
  }));
  return out;
}

Result<std::vector<portal::LeaderContact>> SqlPortalRepository::Leaders(int64_t commune_id) {
  std::vector<portal::LeaderContact> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT display_name, title, public_phone, public_email FROM account "
                      "WHERE commune_id = :c AND role = 'leader' AND active = 1 ORDER BY id",
         soci::use(c));
    for (const soci::row& r : rows) {
      out.push_back({RowText(r, 0), RowText(r, 1), RowText(r, 2), RowText(r, 3)});
    }
    return Ok{};
  }));
  return out;
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
  std::vector<portal::Document> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kDocColumns) + "WHERE commune_id = :c ORDER BY issued_on DESC",
         soci::use(c));
    for (const soci::row& r : rows) out.push_back(DocFromRow(r));
    return Ok{};
  }));
  return out;
}

Result<portal::Document> SqlPortalRepository::GetDocument(int64_t commune_id, int64_t id) {
  std::optional<portal::Document> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id, i = id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kDocColumns) + "WHERE commune_id = :c AND id = :i", soci::use(c),
         soci::use(i));
    for (const soci::row& r : rows) out = DocFromRow(r);
    return Ok{};
  }));
  if (!out) return MakeError(ErrorCode::kNotFound, "Không tìm thấy văn bản.");
  return *out;
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
