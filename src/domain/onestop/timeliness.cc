#include "domain/onestop/timeliness.h"

#include "core/clock.h"
#include "core/code_table.h"

namespace xaso::onestop {
namespace {

constexpr std::pair<Timeliness, std::string_view> kTimeliness[] = {
    {Timeliness::kEarly, "early"},     {Timeliness::kOnTime, "on_time"},
    {Timeliness::kLate, "late"},       {Timeliness::kWithinTime, "within_time"},
    {Timeliness::kOverdue, "overdue"},
};

}  // namespace

std::string_view TimelinessCode(Timeliness t) { return ToCode(kTimeliness, t); }

Timeliness ClassifyFinished(Date due_on, int64_t finished_at) {
  const Date day = Clock::DayVn(finished_at);
  if (day < due_on) return Timeliness::kEarly;
  return day == due_on ? Timeliness::kOnTime : Timeliness::kLate;
}

Timeliness ClassifyUnfinished(Date due_on, int64_t now) {
  return Clock::DayVn(now) > due_on ? Timeliness::kOverdue : Timeliness::kWithinTime;
}

std::optional<double> TimelinessPoints(const FinishedCounts& c) {
  const int64_t finished = c.finished();
  if (finished <= 0) return std::nullopt;
  return static_cast<double>(c.early + c.on_time) / static_cast<double>(finished) *
         kTimelinessMaxPoints;
}

}  // namespace xaso::onestop
