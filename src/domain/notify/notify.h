// Notifications (PRODUCT.md decision 4, "the outbox is the only way out"): a message is written
// to the outbox in the transaction of the change that causes it, and a worker hands each pending
// message to the notifier adapters (in-app notices today; e-mail and SMS later).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace xaso::notify {

// One message to the people of a unit, of a role, or of a role within a unit, of one commune.
// At least one of recipient_unit_id and recipient_role is set. (commune_id, dedupe_key) is
// unique: enqueueing the same key again is a no-op, so a scan may run any number of times.
struct OutboxMessage {
  int64_t commune_id = 0;
  std::string dedupe_key;  // "task:42:due:2024-07-04:soon"
  std::optional<int64_t> recipient_unit_id;
  std::string recipient_role;  // a role code ("leader"), or "" for every role
  std::string subject;
  std::string body;
  std::string link;  // a local path, e.g. "/quan-ly/nhiem-vu/42"
};

// An outbox row not yet delivered.
struct PendingMessage {
  int64_t id = 0;
  OutboxMessage message;
  int64_t created_at = 0;
  int attempts = 0;  // failed deliveries so far
};

// A message as one account's in-app notice.
struct Notice {
  int64_t id = 0;
  int64_t outbox_id = 0;
  std::string subject;
  std::string body;
  std::string link;
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

// After this many failed deliveries a message stays in the outbox for an operator to look at.
inline constexpr int kMaxDeliveryAttempts = 10;

// A delivery channel (port). Deliver must be idempotent per message id: the worker retries a
// message whose delivery failed, and may deliver one twice after a crash. Errors: whatever the
// channel reports; the worker counts the attempt and retries on its next pass.
class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual Status Deliver(const PendingMessage& message) = 0;
};

// The outbox (port). Implementations are thread-safe.
class Outbox {
 public:
  virtual ~Outbox() = default;
  // Enqueues every message in one transaction; returns how many were new (a message whose
  // dedupe key the commune already has is skipped).
  virtual Result<int> EnqueueAll(const std::vector<OutboxMessage>& messages, int64_t now) = 0;
  // Undelivered messages with id > after_id and fewer than kMaxDeliveryAttempts failures, in
  // id order.
  virtual Result<std::vector<PendingMessage>> Pending(int64_t after_id, int limit) = 0;
  // Sets delivered_at unless already set.
  virtual Status MarkDelivered(int64_t id, int64_t now) = 0;
  // Counts one failed attempt.
  virtual Status MarkFailed(int64_t id) = 0;
};

// The in-app mailbox of each account (port). Implementations are thread-safe.
class NoticeBox {
 public:
  virtual ~NoticeBox() = default;
  // The account's newest notices first.
  virtual Result<std::vector<Notice>> ListNotices(int64_t account_id, int limit) = 0;
  virtual Result<int64_t> CountUnread(int64_t account_id) = 0;
  // Marks one of the account's own notices read (a second time changes nothing). kNotFound when
  // the notice does not exist or belongs to another account.
  virtual Status MarkRead(int64_t account_id, int64_t notice_id, int64_t now) = 0;
};

}  // namespace xaso::notify
