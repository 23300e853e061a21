#include "storage/identity/sql_identity_repository.h"

#include <ctime>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {
namespace {

using identity::Account;
using identity::Commune;

constexpr const char* kAccountColumns =
    "a.id, a.commune_id, a.username, a.display_name, a.role, a.unit_id, a.title, "
    "a.public_phone, a.public_email, a.password_hash, a.active";

Account AccountFromRow(const soci::row& r) {
  Account a;
  a.id = RowInt(r, 0);
  a.commune_id = RowInt(r, 1);
  a.username = RowText(r, 2);
  a.display_name = RowText(r, 3);
  a.role = identity::RoleFromCode(RowText(r, 4)).value_or(identity::Role::kCitizen);
  if (r.get_indicator(5) != soci::i_null) a.unit_id = RowInt(r, 5);
  a.title = RowText(r, 6);
  a.public_phone = RowText(r, 7);
  a.public_email = RowText(r, 8);
  a.password_hash = RowText(r, 9);
  a.active = RowInt(r, 10) != 0;
  return a;
}

constexpr const char* kCommuneColumns =
    "SELECT id, slug, name, province, level_above, address, phone, email, about_vi, about_en, "
    "content_version, agency_code FROM commune ";

Commune CommuneFromRow(const soci::row& r) {
  Commune c;
  c.id = RowInt(r, 0);
  c.slug = RowText(r, 1);
  c.name = RowText(r, 2);
  c.province = RowText(r, 3);
  c.level_above = RowText(r, 4);
  c.address = RowText(r, 5);
  c.phone = RowText(r, 6);
  c.email = RowText(r, 7);
  c.about_vi = RowText(r, 8);
  c.about_en = RowText(r, 9);
  c.content_version = RowInt(r, 10);
  c.agency_code = RowText(r, 11);
  return c;
}

// The single commune a query names, or kNotFound.
Result<Commune> OneCommune(Result<std::vector<Commune>> list) {
  if (!list) return std::move(list).error();
  if (list->empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy xã.");
  return list->front();
}

std::string AccountSql(const char* where) {
  return std::string("SELECT ") + kAccountColumns + " FROM account a WHERE " + where;
}

}  // namespace

Result<std::vector<Commune>> SqlIdentityRepository::ListCommunes() {
  return QueryAll<Commune>(db_, std::string(kCommuneColumns) + "ORDER BY id", CommuneFromRow);
}

Result<Commune> SqlIdentityRepository::GetCommuneBySlug(const std::string& slug) {
  return OneCommune(QueryAll<Commune>(db_, std::string(kCommuneColumns) + "WHERE slug = :s",
                                      CommuneFromRow, slug));
}

Result<Commune> SqlIdentityRepository::GetCommune(int64_t id) {
  return OneCommune(QueryAll<Commune>(db_, std::string(kCommuneColumns) + "WHERE id = :i",
                                      CommuneFromRow, static_cast<long long>(id)));
}

Result<std::vector<identity::Village>> SqlIdentityRepository::ListVillages(int64_t commune_id) {
  return QueryAll<identity::Village>(
      db_, "SELECT id, commune_id, name, kind FROM village WHERE commune_id = :c ORDER BY id",
      [](const soci::row& r) {
        return identity::Village{RowInt(r, 0), RowInt(r, 1), RowText(r, 2), RowText(r, 3)};
      },
      static_cast<long long>(commune_id));
}

Result<int64_t> SqlIdentityRepository::CreateCommune(const Commune& c,
                                                     const std::vector<identity::Village>& villages,
                                                     const std::vector<identity::Unit>& units,
                                                     int64_t now, const audit::AuditRecord& rec) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long t = now;
    s << "INSERT INTO commune (slug, name, province, level_above, address, phone, email, "
         "about_vi, about_en, agency_code, created_at) VALUES (:s, :n, :p, :l, :a, :ph, :e, "
         ":av, :ae, :ag, :t) RETURNING id",
        soci::use(c.slug), soci::use(c.name), soci::use(c.province), soci::use(c.level_above),
        soci::use(c.address), soci::use(c.phone), soci::use(c.email), soci::use(c.about_vi),
        soci::use(c.about_en), soci::use(c.agency_code), soci::use(t), soci::into(id);
    for (const auto& v : villages) {
      s << "INSERT INTO village (commune_id, name, kind) VALUES (:c, :n, :k)", soci::use(id),
          soci::use(v.name), soci::use(v.kind);
    }
    for (const auto& u : units) {
      s << "INSERT INTO unit (commune_id, code, name_vi, name_en) VALUES (:c, :k, :v, :e)",
          soci::use(id), soci::use(u.code), soci::use(u.name_vi), soci::use(u.name_en);
    }
    audit::AuditRecord r = rec;
    r.commune_id = id;
    r.entity = "commune";
    r.entity_id = c.slug;
    r.action = "create";
    r.summary = c.name + ", " + std::to_string(villages.size()) + " thôn, " +
                std::to_string(units.size()) + " bộ phận";
    AppendAudit(s, r, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<std::vector<identity::Unit>> SqlIdentityRepository::ListUnits(int64_t commune_id) {
  return QueryAll<identity::Unit>(
      db_,
      "SELECT id, commune_id, code, name_vi, name_en FROM unit WHERE commune_id = :c ORDER BY id",
      [](const soci::row& r) {
        return identity::Unit{RowInt(r, 0), RowInt(r, 1), RowText(r, 2), RowText(r, 3),
                              RowText(r, 4)};
      },
      static_cast<long long>(commune_id));
}

Result<std::optional<Account>> SqlIdentityRepository::FindAccountByUsername(const std::string& u) {
  XASO_ASSIGN_OR_RETURN(auto list,
                        QueryAll<Account>(db_, AccountSql("a.username = :u"), AccountFromRow, u));
  if (list.empty()) return std::optional<Account>();
  return std::optional<Account>(list.front());
}

Result<Account> SqlIdentityRepository::GetAccount(int64_t id) {
  XASO_ASSIGN_OR_RETURN(auto list, QueryAll<Account>(db_, AccountSql("a.id = :i"), AccountFromRow,
                                                     static_cast<long long>(id)));
  if (list.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản.");
  return list.front();
}

Result<std::vector<Account>> SqlIdentityRepository::ListAccounts(int64_t commune_id) {
  return QueryAll<Account>(db_, AccountSql("a.commune_id = :c ORDER BY a.id"), AccountFromRow,
                           static_cast<long long>(commune_id));
}

Result<int64_t> SqlIdentityRepository::CreateAccount(const Account& a, int64_t now,
                                                     const audit::AuditRecord& rec) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = a.commune_id, t = now;
    int active = a.active ? 1 : 0;
    const std::string role(identity::RoleCode(a.role));
    long long unit = a.unit_id.value_or(0);
    soci::indicator unit_ind = a.unit_id ? soci::i_ok : soci::i_null;
    s << "INSERT INTO account (commune_id, username, display_name, role, unit_id, title, "
         "public_phone, public_email, password_hash, active, created_at, password_changed_at) "
         "VALUES (:c, :u, :d, :r, :un, :ti, :ph, :em, :pw, :ac, :t, :t2) RETURNING id",
        soci::use(commune), soci::use(a.username), soci::use(a.display_name), soci::use(role),
        soci::use(unit, unit_ind), soci::use(a.title), soci::use(a.public_phone),
        soci::use(a.public_email), soci::use(a.password_hash), soci::use(active), soci::use(t),
        soci::use(t), soci::into(id);
    audit::AuditRecord r = rec;
    r.commune_id = a.commune_id;
    AppendAudit(s, r, now);
    // A new leader appears among the published contacts on the home page.
    BumpContentVersion(s, commune);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Status SqlIdentityRepository::UpdatePasswordHash(int64_t account_id, const std::string& hash,
                                                 int64_t now, const audit::AuditRecord& rec) {
  return db_.Write([&](soci::session& s) -> Status {
    long long id = account_id, t = now;
    soci::statement st = (s.prepare << "UPDATE account SET password_hash = :h, "
                                       "password_changed_at = :t WHERE id = :i",
                          soci::use(hash), soci::use(t), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản.");
    }
    s << "DELETE FROM web_session WHERE account_id = :i", soci::use(id);
    AppendAudit(s, rec, now);
    return Ok{};
  });
}

Status SqlIdentityRepository::UpdateRole(int64_t account_id, identity::Role role,
                                         const audit::AuditRecord& rec) {
  return db_.Write([&](soci::session& s) -> Status {
    long long id = account_id;
    const std::string code(identity::RoleCode(role));
    soci::statement st =
        (s.prepare << "UPDATE account SET role = :r WHERE id = :i", soci::use(code), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return MakeError(ErrorCode::kNotFound, "Không tìm thấy tài khoản.");
    }
    AppendAudit(s, rec, std::time(nullptr));
    // The role decides who is listed among the leaders on the home page.
    long long commune = 0;
    s << "SELECT commune_id FROM account WHERE id = :i", soci::use(id), soci::into(commune);
    BumpContentVersion(s, commune);
    return Ok{};
  });
}

Status SqlIdentityRepository::RecordSigninAttempt(const identity::SigninAttempt& a) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = a.commune_id, at = a.at;
    int ok = a.succeeded ? 1 : 0;
    s << "INSERT INTO signin_attempt (commune_id, username, ip, at, succeeded) "
         "VALUES (:c, :u, :i, :a, :s)",
        soci::use(c), soci::use(a.username), soci::use(a.ip), soci::use(at), soci::use(ok);
    // Attempts older than a day no longer count towards any limit; the table stays small.
    long long old = at - 86400;
    s << "DELETE FROM signin_attempt WHERE at < :o", soci::use(old);
    return Ok{};
  });
}

Result<int> SqlIdentityRepository::CountFailedSigninsForUser(const std::string& username,
                                                             int64_t since) {
  long long n = 0;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long t = since;
    s << "SELECT COUNT(*) FROM signin_attempt WHERE username = :u AND at >= :t AND "
         "succeeded = 0",
        soci::use(username), soci::use(t), soci::into(n);
    return Ok{};
  }));
  return static_cast<int>(n);
}

Result<int> SqlIdentityRepository::CountFailedSigninsFromIp(const std::string& ip, int64_t since) {
  long long n = 0;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long t = since;
    s << "SELECT COUNT(*) FROM signin_attempt WHERE ip = :i AND at >= :t AND succeeded = 0",
        soci::use(ip), soci::use(t), soci::into(n);
    return Ok{};
  }));
  return static_cast<int>(n);
}

Status SqlIdentityRepository::CreateSession(const std::string& token_hash, const Account& account,
                                            int64_t now, int64_t expires_at) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = account.commune_id, a = account.id, t = now, e = expires_at;
    s << "INSERT INTO web_session (token_hash, commune_id, account_id, created_at, expires_at) "
         "VALUES (:h, :c, :a, :t, :e)",
        soci::use(token_hash), soci::use(c), soci::use(a), soci::use(t), soci::use(e);
    // Expired sessions of this account are removed while we are here.
    s << "DELETE FROM web_session WHERE account_id = :a AND expires_at < :t", soci::use(a),
        soci::use(t);
    AppendAudit(s,
                {account.commune_id, account.id, account.username, "session",
                 std::to_string(account.id), "sign_in", ""},
                now);
    return Ok{};
  });
}

Result<std::optional<Account>> SqlIdentityRepository::FindSessionAccount(
    const std::string& token_hash, int64_t now) {
  std::optional<Account> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long t = now;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kAccountColumns +
                          " FROM web_session w JOIN account a ON a.id = w.account_id "
                          "WHERE w.token_hash = :h AND w.expires_at > :t AND a.active = 1",
         soci::use(token_hash), soci::use(t));
    for (const soci::row& r : rows) out = AccountFromRow(r);
    return Ok{};
  }));
  return out;
}

Status SqlIdentityRepository::DeleteSession(const std::string& token_hash) {
  return db_.Write([&](soci::session& s) -> Status {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT w.commune_id, w.account_id, a.username FROM web_session w "
                      "JOIN account a ON a.id = w.account_id WHERE w.token_hash = :h",
         soci::use(token_hash));
    std::optional<audit::AuditRecord> rec;
    for (const soci::row& r : rows) {
      rec = audit::AuditRecord{RowInt(r, 0),
                               RowInt(r, 1),
                               RowText(r, 2),
                               "session",
                               std::to_string(RowInt(r, 1)),
                               "sign_out",
                               ""};
    }
    s << "DELETE FROM web_session WHERE token_hash = :h", soci::use(token_hash);
    if (rec) AppendAudit(s, *rec, std::time(nullptr));
    return Ok{};
  });
}

Status SqlIdentityRepository::DeleteSessionsOfAccount(int64_t account_id) {
  return db_.Write([&](soci::session& s) -> Status {
    long long a = account_id;
    s << "DELETE FROM web_session WHERE account_id = :a", soci::use(a);
    return Ok{};
  });
}

}  // namespace xaso::storage
