// The outbox and the in-app notifier over SQL (tables outbox and notice, migrations/0005).
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/notify/notify.h"
#include "storage/database.h"

namespace xaso::storage {

// Enqueues `m` inside the caller's open transaction on `s`, so that a change and the message it
// causes commit together. A message whose (commune, dedupe key) exists is skipped; returns
// whether a row was added.
bool EnqueueOutbox(soci::session& s, const notify::OutboxMessage& m, int64_t now);

// Thread-safe (each call leases its own connection).
class SqlOutbox final : public notify::Outbox {
 public:
  explicit SqlOutbox(Database& db) : db_(db) {}

  // xaso::notify::Outbox
  Result<int> EnqueueAll(const std::vector<notify::OutboxMessage>& messages, int64_t now) override;
  Result<std::vector<notify::PendingMessage>> Pending(int64_t after_id, int limit) override;
  Status MarkDelivered(int64_t id, int64_t now) override;
  Status MarkFailed(int64_t id) override;

 private:
  Database& db_;
};

// The in-app channel: delivering a message writes one notice per active account of its commune
// that matches the recipient unit and role, and marks the message delivered, in one
// transaction. Also the mailbox the notices page reads. Thread-safe.
class SqlNoticeNotifier final : public notify::Notifier, public notify::NoticeBox {
 public:
  SqlNoticeNotifier(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // xaso::notify::Notifier
  Status Deliver(const notify::PendingMessage& message) override;

  // xaso::notify::NoticeBox
  Result<std::vector<notify::Notice>> ListNotices(int64_t account_id, int limit) override;
  Result<int64_t> CountUnread(int64_t account_id) override;
  Status MarkRead(int64_t account_id, int64_t notice_id, int64_t now) override;

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace xaso::storage
