// Keeping the feedback statistics (migrations/0010_feedback_stats.sql) as items change. Every
// change of a feedback row, in its own transaction, locks the row (LockItem), reads what the item
// counts for before and after the change (ReadCountedItem) and applies the difference
// (ApplyStatsDelta); a new kind of change (merging a duplicate, say) must do the same, or the
// counts drift from the items.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "domain/feedback/feedback.h"
#include "domain/feedback/feedback_statistics.h"

namespace xaso::storage {

// The keys one item is counted under.
struct CountedItem {
  long long commune_id = 0;
  std::string month;  // of receipt, "YYYY-MM"
  long long category_id = 0;
  long long unit_id = 0;  // 0: none
  std::string status;
  std::string rating;
  std::optional<feedback::AnswerTime> answer_time;  // the current answer's
  bool operator==(const CountedItem&) const = default;
};

// Takes item `id`'s row lock for the rest of `s`'s transaction (a no-op UPDATE: PostgreSQL has
// row locks; SQLite's writers already take turns). Call it before reading what the item counts
// for ahead of a change: otherwise a concurrent change can commit between that read and the
// UPDATE, and both subtract the same old keys.
void LockItem(soci::session& s, long long id);

// What item `id` counts for as stored now, read inside `s`'s transaction; nullopt when it is
// not counted (missing, or merged into another item). Hidden items are counted.
std::optional<CountedItem> ReadCountedItem(soci::session& s, long long id);

// What a new item counts for.
CountedItem CountedItemOf(const feedback::Feedback& f);

// Subtracts what `before` counted and adds what `after` counts (nullopt: nothing).
void ApplyStatsDelta(soci::session& s, const std::optional<CountedItem>& before,
                     const std::optional<CountedItem>& after);

// Recomputes every kept count from the items.
void RebuildFeedbackStats(soci::session& s);

}  // namespace xaso::storage
