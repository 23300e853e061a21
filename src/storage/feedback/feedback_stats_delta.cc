#include "storage/feedback/feedback_stats_delta.h"

namespace xaso::storage {

namespace {

// The GROUP BY of both rebuilds: the same keys as CountedItem.
constexpr const char* kKeys =
    "commune_id, substr(received_on, 1, 7), category_id, COALESCE(unit_id, 0)";

// Adds `n` (1 or -1) under the keys of `c`. Rows that fall to 0 stay, so that a busy key is not
// deleted and inserted again; readers skip them.
void AddCount(soci::session& s, const CountedItem& c, long long n) {
  s << "INSERT INTO feedback_stat (commune_id, month, category_id, unit_id, status, rating, n) "
       "VALUES (:c, :m, :k, :u, :s, :r, :n) ON CONFLICT (commune_id, month, category_id, "
       "unit_id, status, rating) DO UPDATE SET n = feedback_stat.n + excluded.n",
      soci::use(c.commune_id), soci::use(c.month), soci::use(c.category_id), soci::use(c.unit_id),
      soci::use(c.status), soci::use(c.rating), soci::use(n);
}

void AddAnswerTime(soci::session& s, const CountedItem& c, long long n) {
  int days = c.answer_time->working_days, on_time = c.answer_time->on_time ? 1 : 0;
  s << "INSERT INTO feedback_answer_stat (commune_id, month, category_id, unit_id, "
       "working_days, on_time, n) VALUES (:c, :m, :k, :u, :d, :o, :n) ON CONFLICT (commune_id, "
       "month, category_id, unit_id, working_days, on_time) DO UPDATE SET "
       "n = feedback_answer_stat.n + excluded.n",
      soci::use(c.commune_id), soci::use(c.month), soci::use(c.category_id), soci::use(c.unit_id),
      soci::use(days), soci::use(on_time), soci::use(n);
}

bool SameCount(const std::optional<CountedItem>& a, const std::optional<CountedItem>& b) {
  if (!a || !b) return !a && !b;
  return a->commune_id == b->commune_id && a->month == b->month &&
         a->category_id == b->category_id && a->unit_id == b->unit_id && a->status == b->status &&
         a->rating == b->rating;
}

bool SameAnswerTime(const std::optional<CountedItem>& a, const std::optional<CountedItem>& b) {
  const bool has_a = a && a->answer_time, has_b = b && b->answer_time;
  if (!has_a || !has_b) return !has_a && !has_b;
  return a->commune_id == b->commune_id && a->month == b->month &&
         a->category_id == b->category_id && a->unit_id == b->unit_id &&
         a->answer_time == b->answer_time;
}

}  // namespace

void LockItem(soci::session& s, long long id) {
  s << "UPDATE feedback SET version = version WHERE id = :i", soci::use(id);
}

std::optional<CountedItem> ReadCountedItem(soci::session& s, long long id) {
  CountedItem c;
  std::string received_on;
  long long unit = 0, merged = 0;
  int days = 0, on_time = 0;
  soci::indicator unit_ind = soci::i_null, days_ind = soci::i_null, on_time_ind = soci::i_null,
                  merged_ind = soci::i_null;
  s << "SELECT commune_id, received_on, category_id, unit_id, status, rating, "
       "answer_working_days, answered_on_time, merged_into FROM feedback WHERE id = :i",
      soci::use(id), soci::into(c.commune_id), soci::into(received_on), soci::into(c.category_id),
      soci::into(unit, unit_ind), soci::into(c.status), soci::into(c.rating),
      soci::into(days, days_ind), soci::into(on_time, on_time_ind), soci::into(merged, merged_ind);
  if (!s.got_data() || merged_ind != soci::i_null) return std::nullopt;
  c.month = received_on.substr(0, 7);
  c.unit_id = unit_ind == soci::i_null ? 0 : unit;
  if (days_ind != soci::i_null) {
    c.answer_time = feedback::AnswerTime{days, on_time_ind != soci::i_null && on_time != 0};
  }
  return c;
}

CountedItem CountedItemOf(const feedback::Feedback& f) {
  CountedItem c;
  c.commune_id = f.commune_id;
  c.month = f.received_on.ToIso().substr(0, 7);
  c.category_id = f.category_id;
  c.unit_id = f.unit_id.value_or(0);
  c.status = std::string(feedback::StatusCode(f.status));
  c.rating = std::string(feedback::RatingCode(f.rating));
  return c;
}

void ApplyStatsDelta(soci::session& s, const std::optional<CountedItem>& before,
                     const std::optional<CountedItem>& after) {
  if (!SameCount(before, after)) {
    if (before) AddCount(s, *before, -1);
    if (after) AddCount(s, *after, 1);
  }
  if (!SameAnswerTime(before, after)) {
    if (before && before->answer_time) AddAnswerTime(s, *before, -1);
    if (after && after->answer_time) AddAnswerTime(s, *after, 1);
  }
}

void RebuildFeedbackStats(soci::session& s) {
  const std::string keys(kKeys);
  s << "DELETE FROM feedback_stat";
  s << "DELETE FROM feedback_answer_stat";
  s << "INSERT INTO feedback_stat (commune_id, month, category_id, unit_id, status, rating, n) "
       "SELECT " +
           keys + ", status, rating, COUNT(*) FROM feedback WHERE merged_into IS NULL GROUP BY " +
           keys + ", status, rating";
  s << "INSERT INTO feedback_answer_stat (commune_id, month, category_id, unit_id, "
       "working_days, on_time, n) SELECT " +
           keys +
           ", answer_working_days, COALESCE(answered_on_time, 0), COUNT(*) FROM feedback "
           "WHERE merged_into IS NULL AND answer_working_days IS NOT NULL GROUP BY " +
           keys + ", answer_working_days, COALESCE(answered_on_time, 0)";
}

}  // namespace xaso::storage
