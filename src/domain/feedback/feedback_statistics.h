// Feedback statistics (issue 4, part 6): counts by category, unit, status and month of receipt;
// the answer time in working days (median and 90th percentile); the share answered on time; the
// citizens' satisfaction. Storage keeps the counts as items change (one row per combination of
// the keys below, whatever the number of items), so a statistics page adds up a few dozen
// grouped rows with these functions instead of scanning the items.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/feedback/feedback.h"

namespace xaso::feedback {

// How long one answer took: the working days after the day of receipt up to and including the
// day of the answer (0 when answered on the day of receipt), and whether that day was on or
// before the answer date.
struct AnswerTime {
  int working_days = 0;
  bool on_time = true;
  bool operator==(const AnswerTime&) const = default;
};
AnswerTime TimeToAnswer(Date received_on, Date due_on, Date answered_on,
                        const calendar::LegalCalendar& cal);

// Items of one category, unit (0: none), status and current rating, over the months asked for.
// Merged duplicates are not counted; hidden items are (they are real submissions).
struct CountRow {
  int64_t category_id = 0;
  int64_t unit_id = 0;
  ItemStatus status = ItemStatus::kReceived;
  Rating rating = Rating::kNone;
  int64_t n = 0;
};

// Items received in `month` ("YYYY-MM").
struct MonthRow {
  std::string month;
  int64_t n = 0;
};

// Items with a current answer (answered or closed, not reopened since) by their answer time.
struct AnswerTimeRow {
  AnswerTime time;
  int64_t n = 0;
};

// Months of receipt from `from_month` to `to_month`, both included ("YYYY-MM"; empty: open).
struct StatisticsFilter {
  std::string from_month;
  std::string to_month;
};

// Whether `s` is a month "YYYY-MM" (01–12).
bool IsMonth(std::string_view s);

// A distribution of whole numbers of days: value → how many items.
using DayHistogram = std::map<int, int64_t>;

// The median of `h`: the middle value, or the mean of the two middle values for an even count;
// nullopt when `h` is empty.
std::optional<double> Median(const DayHistogram& h);
// The `percent`-th percentile of `h` by nearest rank: the smallest value with at least
// percent % of the items at or below it; nullopt when `h` is empty.
std::optional<int> Percentile(const DayHistogram& h, int percent);
// part / whole, or nullopt when whole is 0.
std::optional<double> Share(int64_t part, int64_t whole);

struct Statistics {
  int64_t total = 0;
  std::map<int64_t, int64_t> by_category;
  std::map<int64_t, int64_t> by_unit;  // 0: no unit
  std::map<ItemStatus, int64_t> by_status;
  std::map<std::string, int64_t> by_month;
  int64_t answered = 0;  // items with a current answer
  int64_t on_time = 0;   // of which answered by their answer date
  std::optional<double> median_days;
  std::optional<int> p90_days;
  int64_t satisfied = 0;
  int64_t unsatisfied = 0;

  std::optional<double> OnTimeShare() const { return Share(on_time, answered); }
  std::optional<double> SatisfiedShare() const { return Share(satisfied, satisfied + unsatisfied); }
};

Statistics Summarize(const std::vector<CountRow>& counts, const std::vector<MonthRow>& months,
                     const std::vector<AnswerTimeRow>& times);

}  // namespace xaso::feedback
