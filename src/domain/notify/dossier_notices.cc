#include "domain/notify/dossier_notices.h"

#include <string>

namespace xaso::notify {

std::vector<OutboxMessage> DossierNotices(const std::vector<onestop::DueDossier>& dossiers,
                                          Date today, const CalendarLookup& calendar_for) {
  std::vector<OutboxMessage> out;
  for (const auto& d : dossiers) {
    const auto& cal = calendar_for(d.commune_id);
    const std::string phase = DuePhase(d.due_on, today, cal);
    if (phase.empty()) continue;
    OutboxMessage m;
    m.commune_id = d.commune_id;
    m.dedupe_key = "dossier:" + std::to_string(d.id) + ":due:" + d.due_on.ToIso() + ":" + phase;
    if (d.unit_id) {
      m.recipient_unit_id = d.unit_id;
    } else {
      m.recipient_role = "leader";
    }
    m.link = "/quan-ly/ho-so/" + std::to_string(d.id);
    const std::string due = d.due_on.ToVi();
    if (phase == "overdue") {
      m.subject = "Quá hạn trả kết quả hồ sơ " + d.code + " (hẹn " + due + ")";
      m.body = "Hồ sơ " + d.code + " (" + d.procedure_name + ") đã quá ngày hẹn trả " + due +
               ". Trả kết quả sớm nhất và ghi lý do chậm vào phiếu kiểm soát.";
    } else {
      m.subject = "Sắp đến hạn trả kết quả hồ sơ " + d.code + " (hẹn " + due + ")";
      m.body = "Hồ sơ " + d.code + " (" + d.procedure_name + ") hẹn trả ngày " + due +
               ". Nếu không kịp, ban hành văn bản xin lỗi và hẹn lại ngày trả (mẫu 04) trước "
               "ngày hẹn.";
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace xaso::notify
