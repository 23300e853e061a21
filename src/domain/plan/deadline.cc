#include "domain/plan/deadline.h"

#include <vector>

namespace xaso::plan {
namespace {

// The last day of each period of `year` for a recurring task, ascending.
std::vector<Date> PeriodEnds(Recurrence r, int year) {
  switch (r) {
    case Recurrence::kQuarterly:
      return {Date::FromYmd(year, 3, 31), Date::FromYmd(year, 6, 30), Date::FromYmd(year, 9, 30),
              Date::FromYmd(year, 12, 31)};
    case Recurrence::kHalfYearly: return {Date::FromYmd(year, 6, 30), Date::FromYmd(year, 12, 31)};
    case Recurrence::kYearly: return {Date::FromYmd(year, 12, 31)};
    case Recurrence::kNone:
    case Recurrence::kOngoing: break;
  }
  return {};
}

int YearOf(const Task& task) { return task.plan_year ? task.plan_year : task.starts_on.year(); }

}  // namespace

std::optional<Date> NominalDeadline(const Task& task, Date today) {
  if (task.recurrence == Recurrence::kNone) return task.due_on;
  const auto ends = PeriodEnds(task.recurrence, YearOf(task));
  if (ends.empty()) return std::nullopt;
  for (Date end : ends) {
    if (end >= today) return end;
  }
  return ends.back();
}

std::optional<Date> MissedPeriodEnd(const Task& task, Date today) {
  const auto ends = PeriodEnds(task.recurrence, YearOf(task));
  std::optional<Date> latest;
  Date latest_start;
  Date start = Date::FromYmd(YearOf(task), 1, 1);
  for (Date end : ends) {
    if (end < today && end >= task.starts_on) {
      latest = end;
      latest_start = start;
    }
    start = end.AddDays(1);
  }
  if (!latest) return std::nullopt;
  if (task.last_done_on && *task.last_done_on >= latest_start) return std::nullopt;
  return latest;
}

DeadlineState Evaluate(const Task& task, Date today, const calendar::LegalCalendar& cal) {
  DeadlineState s;
  std::optional<Date> nominal;
  // A periodic task is late only for a closed period whose work was not reported done, whatever
  // its status says about an earlier period; a one-off task once it is done, never.
  bool may_be_late = task.status != TaskStatus::kDone;
  if (task.recurrence != Recurrence::kNone) {
    nominal = MissedPeriodEnd(task, today);
    may_be_late = nominal.has_value();
  }
  if (!nominal) nominal = NominalDeadline(task, today);
  if (!nominal) return s;
  s.due = cal.CalendarDaysDeadline(*nominal, 0);
  s.overdue = may_be_late && today > *s.due;
  s.working_days_left = cal.WorkingDaysBetween(today, *s.due);
  return s;
}

}  // namespace xaso::plan
