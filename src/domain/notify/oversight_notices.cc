#include "domain/notify/oversight_notices.h"

#include <string>

#include "core/text.h"

namespace xaso::notify {

std::vector<OutboxMessage> RecommendationNotices(const std::vector<oversight::Recommendation>& recs,
                                                 Date today, const CalendarLookup& calendar_for) {
  std::vector<OutboxMessage> out;
  for (const auto& r : recs) {
    if (r.status != oversight::RecommendationStatus::kOpen) continue;
    const std::string phase = DuePhase(r.due_on, today, calendar_for(r.commune_id));
    if (phase.empty()) continue;
    OutboxMessage m;
    m.commune_id = r.commune_id;
    m.link = "/quan-ly/giam-sat/" + std::to_string(r.id);
    const std::string due = r.due_on.ToVi();
    if (phase == "overdue") {
      m.subject = "Quá hạn trả lời kiến nghị: " + r.title + " (hạn " + due + ")";
      m.body = "Kiến nghị giám sát “" + r.title + "” phải được trả lời bằng văn bản trước ngày " +
               due + " nhưng chưa có văn bản trả lời.";
    } else {
      m.subject = "Sắp đến hạn trả lời kiến nghị: " + r.title + " (hạn " + due + ")";
      m.body = "Kiến nghị giám sát “" + r.title + "” cần được trả lời bằng văn bản trước ngày " +
               due + ".";
    }
    const std::string key =
        "rec:" + std::to_string(r.id) + ":due:" + r.due_on.ToIso() + ":" + phase;
    if (r.assigned_unit_id) {
      OutboxMessage unit = m;
      unit.dedupe_key = key + ":unit";
      unit.recipient_unit_id = r.assigned_unit_id;
      out.push_back(std::move(unit));
    }
    m.dedupe_key = key + ":leader";
    m.recipient_role = "leader";
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<OutboxMessage> FindingNotices(const std::vector<oversight::Finding>& findings,
                                          Date today, const CalendarLookup& calendar_for) {
  std::vector<OutboxMessage> out;
  for (const auto& f : findings) {
    if (f.status != oversight::FindingStatus::kOpen) continue;
    const auto& cal = calendar_for(f.commune_id);
    const Date due = oversight::EffectiveRemediationDue(f, cal);
    const std::string phase = DuePhase(due, today, cal);
    if (phase.empty()) continue;
    OutboxMessage m;
    m.commune_id = f.commune_id;
    m.dedupe_key = "finding:" + std::to_string(f.id) + ":due:" + due.ToIso() + ":" + phase;
    m.recipient_unit_id = f.responsible_unit_id;
    m.link = "/quan-ly/kiem-tra/" + std::to_string(f.inspection_id);
    m.subject = (phase == "overdue" ? "Quá hạn khắc phục: " : "Sắp đến hạn khắc phục: ") +
                TruncateUtf8(f.description, 120) + " (hạn " + due.ToVi() + ")";
    m.body = "Tồn tại phát hiện qua kiểm tra cần được khắc phục trước ngày " + due.ToVi() + ".";
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace xaso::notify
