#include "storage/audit/sql_audit_log.h"

#include <stdexcept>

#include <soci/soci.h>

#include "platform/crypto.h"
#include "storage/row_util.h"

namespace xaso::storage {

void AppendAudit(soci::session& s, const audit::AuditRecord& rec, int64_t now) {
  long long commune = rec.commune_id;
  const std::string genesis(audit::kGenesisHash);
  // The UPDATE takes the row lock that serialises appenders of this chain on PostgreSQL
  // (SQLite serialises whole writers) and reads the head in the same round trip. The head row
  // is created once per commune; ON CONFLICT makes a concurrent first writer wait for the
  // other's insert instead of failing, and the UPDATE is then run again.
  long long seq = 0;
  std::string prev;
  const auto lock_and_read = [&] {
    s << "UPDATE audit_head SET seq = seq WHERE commune_id = :c RETURNING seq, hash",
        soci::use(commune), soci::into(seq), soci::into(prev);
    return s.got_data();
  };
  if (!lock_and_read()) {
    s << "INSERT INTO audit_head (commune_id, seq, hash) VALUES (:c, 0, :h) "
         "ON CONFLICT (commune_id) DO NOTHING",
        soci::use(commune), soci::use(genesis);
    // The head exists now, from this insert or a concurrent one; an exception rolls back.
    if (!lock_and_read()) throw std::runtime_error("audit_head: no row after insert");
  }
  audit::AuditEntry e;
  e.record = rec;
  e.seq = seq + 1;
  e.at = now;
  e.prev_hash = prev;
  e.hash = audit::ChainHash(e, platform::Sha256Hex);
  long long actor_id = rec.actor_id, eseq = e.seq, at = now;
  s << "INSERT INTO audit_entry (commune_id, seq, at, actor_id, actor, entity, entity_id, action, "
       "summary, prev_hash, hash) VALUES (:c, :s, :at, :ai, :a, :e, :ei, :ac, :su, :p, :h)",
      soci::use(commune), soci::use(eseq), soci::use(at), soci::use(actor_id), soci::use(rec.actor),
      soci::use(rec.entity), soci::use(rec.entity_id), soci::use(rec.action),
      soci::use(rec.summary), soci::use(e.prev_hash), soci::use(e.hash);
  s << "UPDATE audit_head SET seq = :s, hash = :h WHERE commune_id = :c", soci::use(eseq),
      soci::use(e.hash), soci::use(commune);
}

Status SqlAuditLog::Append(const audit::AuditRecord& rec, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    AppendAudit(s, rec, now);
    return Ok{};
  });
}

namespace {

audit::AuditEntry EntryFromRow(const soci::row& r) {
  audit::AuditEntry e;
  e.record.commune_id = RowInt(r, 0);
  e.seq = RowInt(r, 1);
  e.at = RowInt(r, 2);
  e.record.actor_id = RowInt(r, 3);
  e.record.actor = RowText(r, 4);
  e.record.entity = RowText(r, 5);
  e.record.entity_id = RowText(r, 6);
  e.record.action = RowText(r, 7);
  e.record.summary = RowText(r, 8);
  e.prev_hash = RowText(r, 9);
  e.hash = RowText(r, 10);
  return e;
}

constexpr const char* kColumns =
    "SELECT commune_id, seq, at, actor_id, actor, entity, entity_id, action, summary, "
    "prev_hash, hash FROM audit_entry ";

}  // namespace

Result<std::vector<audit::AuditEntry>> SqlAuditLog::Recent(int64_t commune_id, int limit) {
  std::vector<audit::AuditEntry> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    int lim = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kColumns) + "WHERE commune_id = :c ORDER BY seq DESC LIMIT :l",
         soci::use(c), soci::use(lim));
    for (const soci::row& r : rows) out.push_back(EntryFromRow(r));
    return Ok{};
  }));
  return out;
}

Result<std::optional<audit::VerifyFailure>> SqlAuditLog::VerifyAll() {
  std::optional<audit::VerifyFailure> failure;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    std::vector<std::pair<long long, std::pair<long long, std::string>>> heads;
    soci::rowset<soci::row> hr =
        (s.prepare << "SELECT commune_id, seq, hash FROM audit_head ORDER BY commune_id");
    for (const soci::row& r : hr) {
      heads.push_back({RowInt(r, 0), {RowInt(r, 1), RowText(r, 2)}});
    }
    // Entries whose commune has no head row were inserted around the log: report them.
    long long orphan = 0;
    s << "SELECT COUNT(*) FROM audit_entry WHERE commune_id NOT IN "
         "(SELECT commune_id FROM audit_head)",
        soci::into(orphan);
    if (orphan > 0) {
      failure = audit::VerifyFailure{0, 0, "entries without a chain head"};
      return Ok{};
    }
    for (const auto& [commune, head] : heads) {
      std::vector<audit::AuditEntry> entries;
      long long c = commune;
      soci::rowset<soci::row> rows =
          (s.prepare << std::string(kColumns) + "WHERE commune_id = :c ORDER BY seq", soci::use(c));
      for (const soci::row& r : rows) entries.push_back(EntryFromRow(r));
      auto f = audit::VerifyChain(entries, head.first, head.second, platform::Sha256Hex);
      if (f) {
        f->commune_id = commune;
        failure = f;
        return Ok{};
      }
    }
    return Ok{};
  }));
  return failure;
}

Result<int64_t> SqlAuditLog::Count() {
  long long n = 0;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    s << "SELECT COUNT(*) FROM audit_entry", soci::into(n);
    return Ok{};
  }));
  return static_cast<int64_t>(n);
}

}  // namespace xaso::storage
