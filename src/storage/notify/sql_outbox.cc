#include "storage/notify/sql_outbox.h"

#include <soci/soci.h>

#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {
namespace {

// Sets delivered_at once; a later call keeps the first time.
void SetDelivered(soci::session& s, long long id, long long now) {
  s << "UPDATE outbox SET delivered_at = :n WHERE id = :i AND delivered_at IS NULL", soci::use(now),
      soci::use(id);
}

}  // namespace

bool EnqueueOutbox(soci::session& s, const notify::OutboxMessage& m, int64_t now) {
  long long c = m.commune_id, at = now;
  long long unit = m.recipient_unit_id.value_or(0);
  soci::indicator unit_ind = m.recipient_unit_id ? soci::i_ok : soci::i_null;
  soci::statement st =
      (s.prepare << "INSERT INTO outbox (commune_id, dedupe_key, recipient_unit_id, "
                    "recipient_role, subject, body, link, created_at) "
                    "VALUES (:c, :k, :u, :r, :s, :b, :l, :a) "
                    "ON CONFLICT (commune_id, dedupe_key) DO NOTHING",
       soci::use(c), soci::use(m.dedupe_key), soci::use(unit, unit_ind),
       soci::use(m.recipient_role), soci::use(m.subject), soci::use(m.body), soci::use(m.link),
       soci::use(at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

Result<int> SqlOutbox::EnqueueAll(const std::vector<notify::OutboxMessage>& messages, int64_t now) {
  int added = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    for (const auto& m : messages) added += EnqueueOutbox(s, m, now) ? 1 : 0;
    return Ok{};
  }));
  return added;
}

Result<std::vector<notify::PendingMessage>> SqlOutbox::Pending(int64_t after_id, int limit) {
  long long after = after_id;
  int lim = limit, max_attempts = notify::kMaxDeliveryAttempts;
  return QueryAll<notify::PendingMessage>(
      db_,
      "SELECT id, commune_id, dedupe_key, recipient_unit_id, recipient_role, subject, body, "
      "link, created_at, attempts FROM outbox WHERE delivered_at IS NULL AND id > :a "
      "AND attempts < :m ORDER BY id LIMIT :l",
      [](const soci::row& r) {
        notify::PendingMessage p;
        p.id = RowInt(r, 0);
        p.message.commune_id = RowInt(r, 1);
        p.message.dedupe_key = RowText(r, 2);
        if (r.get_indicator(3) != soci::i_null) p.message.recipient_unit_id = RowInt(r, 3);
        p.message.recipient_role = RowText(r, 4);
        p.message.subject = RowText(r, 5);
        p.message.body = RowText(r, 6);
        p.message.link = RowText(r, 7);
        p.created_at = RowInt(r, 8);
        p.attempts = static_cast<int>(RowInt(r, 9));
        return p;
      },
      after, max_attempts, lim);
}

Status SqlOutbox::MarkDelivered(int64_t id, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    SetDelivered(s, id, now);
    return Ok{};
  });
}

Status SqlOutbox::MarkFailed(int64_t id) {
  return db_.Write([&](soci::session& s) -> Status {
    long long i = id;
    s << "UPDATE outbox SET attempts = attempts + 1 WHERE id = :i", soci::use(i);
    return Ok{};
  });
}

Status SqlNoticeNotifier::Deliver(const notify::PendingMessage& message) {
  return db_.Write([&](soci::session& s) -> Status {
    long long id = message.id, now = clock_.NowUnix();
    // A message names a unit, a role or both; one naming neither reaches nobody rather than
    // the whole commune.
    s << "INSERT INTO notice (commune_id, account_id, outbox_id, subject, body, link, "
         "created_at) "
         "SELECT a.commune_id, a.id, o.id, o.subject, o.body, o.link, :n "
         "FROM outbox o JOIN account a ON a.commune_id = o.commune_id "
         "WHERE o.id = :i AND a.active = 1 "
         "AND (o.recipient_unit_id IS NOT NULL OR o.recipient_role <> '') "
         "AND (o.recipient_unit_id IS NULL OR a.unit_id = o.recipient_unit_id) "
         "AND (o.recipient_role = '' OR a.role = o.recipient_role) "
         "ON CONFLICT (account_id, outbox_id) DO NOTHING",
        soci::use(now), soci::use(id);
    // A unit without an active account (the plan names units the commune has not staffed in
    // xaso yet) would hear nothing: its leaders hear instead.
    long long reached = 0;
    s << "SELECT COUNT(*) FROM notice WHERE outbox_id = :i", soci::use(id), soci::into(reached);
    if (reached == 0) {
      s << "INSERT INTO notice (commune_id, account_id, outbox_id, subject, body, link, "
           "created_at) "
           "SELECT a.commune_id, a.id, o.id, o.subject, o.body, o.link, :n "
           "FROM outbox o JOIN account a ON a.commune_id = o.commune_id "
           "WHERE o.id = :i AND a.active = 1 AND o.recipient_unit_id IS NOT NULL "
           "AND o.recipient_role = '' AND a.role = 'leader' "
           "ON CONFLICT (account_id, outbox_id) DO NOTHING",
          soci::use(now), soci::use(id);
    }
    SetDelivered(s, id, now);
    return Ok{};
  });
}

Result<std::vector<notify::Notice>> SqlNoticeNotifier::ListNotices(int64_t account_id, int limit) {
  long long a = account_id;
  int lim = limit;
  return QueryAll<notify::Notice>(
      db_,
      "SELECT id, outbox_id, subject, body, link, created_at, read_at FROM notice "
      "WHERE account_id = :a ORDER BY id DESC LIMIT :l",
      [](const soci::row& r) {
        notify::Notice n;
        n.id = RowInt(r, 0);
        n.outbox_id = RowInt(r, 1);
        n.subject = RowText(r, 2);
        n.body = RowText(r, 3);
        n.link = RowText(r, 4);
        n.created_at = RowInt(r, 5);
        if (r.get_indicator(6) != soci::i_null) n.read_at = RowInt(r, 6);
        return n;
      },
      a, lim);
}

Result<int64_t> SqlNoticeNotifier::CountUnread(int64_t account_id) {
  long long count = 0, a = account_id;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    s << "SELECT COUNT(*) FROM notice WHERE account_id = :a AND read_at IS NULL", soci::use(a),
        soci::into(count);
    return Ok{};
  }));
  return static_cast<int64_t>(count);
}

Status SqlNoticeNotifier::MarkRead(int64_t account_id, int64_t notice_id, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long a = account_id, id = notice_id, at = now, found = 0;
    s << "SELECT COUNT(*) FROM notice WHERE id = :i AND account_id = :a", soci::use(id),
        soci::use(a), soci::into(found);
    if (found == 0) return MakeError(ErrorCode::kNotFound, "no such notice");
    s << "UPDATE notice SET read_at = :t WHERE id = :i AND account_id = :a AND read_at IS NULL",
        soci::use(at), soci::use(id), soci::use(a);
    return Ok{};
  });
}

}  // namespace xaso::storage
