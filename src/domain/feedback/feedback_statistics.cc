#include "domain/feedback/feedback_statistics.h"

#include <algorithm>
#include <cctype>

namespace xaso::feedback {

AnswerTime TimeToAnswer(Date received_on, Date due_on, Date answered_on,
                        const calendar::LegalCalendar& cal) {
  return {std::max(0, cal.WorkingDaysBetween(received_on, answered_on)), answered_on <= due_on};
}

bool IsMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

namespace {

// The value at 1-based `rank` in the sorted items of `h` (rank within 1..total).
int ValueAtRank(const DayHistogram& h, int64_t rank) {
  int64_t seen = 0;
  for (const auto& [value, n] : h) {
    seen += n;
    if (seen >= rank) return value;
  }
  return h.rbegin()->first;
}

int64_t Total(const DayHistogram& h) {
  int64_t total = 0;
  for (const auto& [value, n] : h) total += n;
  return total;
}

}  // namespace

std::optional<double> Median(const DayHistogram& h) {
  const int64_t total = Total(h);
  if (total <= 0) return std::nullopt;
  const int lower = ValueAtRank(h, (total + 1) / 2);
  const int upper = ValueAtRank(h, total / 2 + 1);
  return (lower + upper) / 2.0;
}

std::optional<int> Percentile(const DayHistogram& h, int percent) {
  const int64_t total = Total(h);
  if (total <= 0) return std::nullopt;
  // Nearest rank: ceil(percent / 100 * total), at least 1.
  const int64_t rank = std::max<int64_t>(1, (total * percent + 99) / 100);
  return ValueAtRank(h, rank);
}

std::optional<double> Share(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Statistics Summarize(const std::vector<CountRow>& counts, const std::vector<MonthRow>& months,
                     const std::vector<AnswerTimeRow>& times) {
  Statistics st;
  for (const auto& r : counts) {
    st.total += r.n;
    st.by_category[r.category_id] += r.n;
    st.by_unit[r.unit_id] += r.n;
    st.by_status[r.status] += r.n;
    if (r.rating == Rating::kSatisfied) st.satisfied += r.n;
    if (r.rating == Rating::kUnsatisfied) st.unsatisfied += r.n;
  }
  for (const auto& r : months) st.by_month[r.month] += r.n;
  DayHistogram days;
  for (const auto& r : times) {
    st.answered += r.n;
    if (r.time.on_time) st.on_time += r.n;
    days[r.time.working_days] += r.n;
  }
  st.median_days = Median(days);
  st.p90_days = Percentile(days, 90);
  return st;
}

}  // namespace xaso::feedback
