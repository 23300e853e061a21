#include "domain/notify/deadline_notices.h"

#include <string>

#include "domain/plan/deadline.h"

namespace xaso::notify {

std::string DuePhase(Date due, Date today, const calendar::LegalCalendar& cal) {
  if (today > due) return "overdue";
  const int left = cal.WorkingDaysBetween(today, due);
  return left > 0 && left <= kDueSoonWorkingDays ? "soon" : "";
}
namespace {

std::string TaskLink(int64_t id) { return "/quan-ly/nhiem-vu/" + std::to_string(id); }

OutboxMessage ForLeadUnit(const plan::Task& t, Date due, const char* kind) {
  OutboxMessage m;
  m.commune_id = t.commune_id;
  m.dedupe_key = "task:" + std::to_string(t.id) + ":due:" + due.ToIso() + ":" + kind;
  m.recipient_unit_id = t.lead_unit_id;
  m.link = TaskLink(t.id);
  return m;
}

// A recurring task whose period ending on `due` is already reported done.
bool PeriodAlreadyDone(const plan::Task& t, Date due) {
  return t.recurrence != plan::Recurrence::kNone && due >= t.starts_on &&
         !plan::MissedPeriodEnd(t, due.AddDays(1));
}

}  // namespace

std::vector<OutboxMessage> DeadlineNotices(const std::vector<plan::Task>& tasks, Date today,
                                           const CalendarLookup& calendar_for) {
  std::vector<OutboxMessage> out;
  for (const plan::Task& t : tasks) {
    // A periodic task reported done for one period still falls due for the next.
    if (t.status == plan::TaskStatus::kDone && t.recurrence == plan::Recurrence::kNone) continue;
    const plan::DeadlineState s = plan::Evaluate(t, today, calendar_for(t.commune_id));
    if (!s.due) continue;
    const std::string due_vi = s.due->ToVi();
    if (s.overdue) {
      OutboxMessage m = ForLeadUnit(t, *s.due, "overdue");
      m.subject = "Quá hạn: " + t.title + " (hạn " + due_vi + ")";
      m.body = "Nhiệm vụ “" + t.title + "” đã quá hạn ngày " + due_vi + " mà chưa hoàn thành.";
      out.push_back(std::move(m));
    } else if (s.working_days_left > 0 && s.working_days_left <= kDueSoonWorkingDays &&
               !PeriodAlreadyDone(t, *s.due)) {
      OutboxMessage m = ForLeadUnit(t, *s.due, "soon");
      m.subject = "Sắp đến hạn: " + t.title + " (hạn " + due_vi + ")";
      m.body = "Nhiệm vụ “" + t.title + "” đến hạn ngày " + due_vi + ", còn " +
               std::to_string(s.working_days_left) + " ngày làm việc.";
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace xaso::notify
