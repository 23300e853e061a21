// The deadline notices of plan tasks (issue 3, item 8): the lead unit hears of a task three
// working days before its deadline and again once it is overdue.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/notify/notify.h"
#include "domain/plan/plan.h"

namespace xaso::notify {

// Working days before the effective deadline from which a task is "due soon".
inline constexpr int kDueSoonWorkingDays = 3;

// "soon" while 1–kDueSoonWorkingDays working days are left before `due`, "overdue" once it is
// past, else empty: the phase of a notice about a dated duty.
std::string DuePhase(Date due, Date today, const calendar::LegalCalendar& cal);

// The legal calendar of a commune; the reference must stay valid while DeadlineNotices runs.
using CalendarLookup = std::function<const calendar::LegalCalendar&(int64_t commune_id)>;

// For each open task: a "due soon" message when 0 < working days left <= kDueSoonWorkingDays
// (so a scan that missed a day still sends it, once), and an "overdue" message when overdue
// (plan::Evaluate). Done tasks, ongoing tasks and recurring tasks whose current period is
// already reported done get none. The dedupe keys name the task and its effective deadline
// ("task:{id}:due:{iso}:soon", "...:overdue"): a repeated scan adds nothing, while a moved
// deadline notifies again. Subjects and bodies are Vietnamese; the link is the task's page.
std::vector<OutboxMessage> DeadlineNotices(const std::vector<plan::Task>& tasks, Date today,
                                           const CalendarLookup& calendar_for);

}  // namespace xaso::notify
