#include "domain/notify/feedback_notices.h"

#include <string>

namespace xaso::notify {

std::vector<OutboxMessage> FeedbackNotices(const std::vector<feedback::Feedback>& items, Date today,
                                           const CalendarLookup& calendar_for) {
  std::vector<OutboxMessage> out;
  for (const auto& f : items) {
    if (!feedback::IsOpen(f.status)) continue;
    const auto& cal = calendar_for(f.commune_id);
    const std::string phase = DuePhase(f.due_on, today, cal);
    if (phase.empty()) continue;
    OutboxMessage m;
    m.commune_id = f.commune_id;
    m.dedupe_key = "feedback:" + std::to_string(f.id) + ":due:" + f.due_on.ToIso() + ":" + phase;
    if (f.unit_id) {
      m.recipient_unit_id = f.unit_id;
    } else {
      m.recipient_role = "leader";
    }
    m.link = "/quan-ly/phan-anh/" + std::to_string(f.id);
    const std::string due = f.due_on.ToVi();
    m.subject =
        (phase == "overdue" ? "Quá hạn trả lời phản ánh " : "Sắp đến hạn trả lời phản ánh ") +
        f.tracking_code + " (hạn " + due + ")";
    m.body = "Phản ánh " + f.tracking_code + " của người dân phải được trả lời trước ngày " + due +
             " (Luật Tiếp công dân, Điều 28).";
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace xaso::notify
