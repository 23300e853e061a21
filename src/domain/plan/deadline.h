// When a task falls due and whether it is overdue, derived on every read from the deadline and
// the legal calendar, never stored (a stored flag would go stale overnight).
#pragma once

#include <optional>

#include "core/date.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/plan/plan.h"

namespace xaso::plan {

// The deadline of the task's current obligation on `today`, as written (not moved off
// holidays): the one-off deadline; for a recurring task the end of the period of the plan's
// year that contains `today` (the last period once the year is over); nullopt for an ongoing
// task.
std::optional<Date> NominalDeadline(const Task& task, Date today);

// The end of the latest period that closed before `today` whose work is not reported done
// (last_done_on before the period began), for a recurring task; nullopt otherwise.
std::optional<Date> MissedPeriodEnd(const Task& task, Date today);

struct DeadlineState {
  std::optional<Date> due;    // the effective deadline shown to people
  bool overdue = false;       // not done and `today` is past the effective deadline
  int working_days_left = 0;  // from today to `due` (negative when overdue)
};

// A deadline that falls on a weekend or day off moves to the next working day (Bộ luật Dân sự
// 2015 Art 148(5)), so a task due during Tết is overdue only after the holiday.
DeadlineState Evaluate(const Task& task, Date today, const calendar::LegalCalendar& cal);

}  // namespace xaso::plan
