// Demo oversight data for Nhật Tân (plan II.4 and III.3): an unannounced inspection of the
// one-stop desk, an environmental inspection of a livestock farm with a finding and a sanction
// that is overdue after a re-inspection, a planned inspection to come, and two
// recommendations, one answered on time and one open past its due date. Dates are relative to
// today so that the marks stay meaningful.
#include "domain/oversight/oversight_service.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {

Status System::LoadDemoOversight(int64_t commune_id, const std::vector<identity::Unit>& units) {
  auto unit = [&](const char* code) -> int64_t {
    for (const auto& u : units) {
      if (u.code == code) return u.id;
    }
    return 0;
  };
  storage::SqlOversightRepository& repo = *impl_->oversight_repo;
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  const int64_t now = impl_->clock.NowUnix();
  const Date today = impl_->clock.TodayVn();

  oversight::Inspection desk;
  desk.commune_id = commune_id;
  desk.kind = oversight::InspectionKind::kUnannounced;
  desk.unit_id = unit("mot_cua");
  desk.topic = "Kiểm tra đột xuất việc niêm yết thủ tục hành chính và tiếp nhận hồ sơ";
  desk.dimension = 8;
  desk.scheduled_on = today.AddDays(-40);
  desk.conducted_on = today.AddDays(-40);
  desk.conclusion =
      "Bộ phận Một cửa tiếp nhận hồ sơ đúng quy trình; bảng niêm yết còn thiếu phí, lệ phí của "
      "hai thủ tục lĩnh vực hộ tịch.";
  XASO_ASSIGN_OR_RETURN(desk.id, repo.CreateInspection(desk, demo, now));
  oversight::Finding listing{0,
                             commune_id,
                             desk.id,
                             "Bảng niêm yết thiếu mức phí, lệ phí của thủ tục đăng ký khai sinh "
                             "và đăng ký kết hôn.",
                             unit("mot_cua"),
                             today.AddDays(-30)};
  XASO_ASSIGN_OR_RETURN(listing.id, repo.AddFinding(listing, demo, now));
  XASO_RETURN_IF_ERROR(repo.RecordRecheck(
      commune_id, {0, listing.id, today.AddDays(-29), true, "Đã bổ sung bảng niêm yết."}, 1, demo,
      now));

  oversight::Inspection farm;
  farm.commune_id = commune_id;
  farm.kind = oversight::InspectionKind::kPlanned;
  farm.subject = "Cơ sở chăn nuôi lợn hộ ông Trần Văn Khánh, Thôn 3";
  farm.topic = "Chấp hành pháp luật về bảo vệ môi trường trong chăn nuôi";
  farm.dimension = 7;
  farm.scheduled_on = today.AddDays(-30);
  farm.conducted_on = today.AddDays(-28);
  farm.conclusion = "Nước thải chuồng trại chưa qua xử lý; cơ sở cam kết xây hầm biogas.";
  XASO_ASSIGN_OR_RETURN(farm.id, repo.CreateInspection(farm, demo, now));
  oversight::Finding waste{0,
                           commune_id,
                           farm.id,
                           "Nước thải chuồng trại xả trực tiếp ra mương thoát nước chung.",
                           unit("dc_xd"),
                           today.AddDays(-14),
                           oversight::FindingStatus::kOpen,
                           "Lập biên bản vi phạm hành chính, phạt cảnh cáo theo Nghị định "
                           "45/2022/NĐ-CP"};
  XASO_ASSIGN_OR_RETURN(waste.id, repo.AddFinding(waste, demo, now));
  XASO_RETURN_IF_ERROR(
      repo.RecordRecheck(commune_id,
                         {0, waste.id, today.AddDays(-13), false,
                          "Đang xây hầm biogas, chưa hoàn thành.", today.AddDays(-5)},
                         1, demo, now));

  oversight::Inspection culture;
  culture.commune_id = commune_id;
  culture.unit_id = unit("vh_xh");
  culture.topic = "Công khai danh sách hộ nghèo tại nhà văn hóa các thôn";
  culture.dimension = 2;
  culture.scheduled_on = today.AddDays(14);
  XASO_RETURN_IF_ERROR(repo.CreateInspection(culture, demo, now));

  XASO_ASSIGN_OR_RETURN(auto rules, impl_->rules->LoadRules());
  const rules::RuleBook book(std::move(rules));
  XASO_ASSIGN_OR_RETURN(auto cal, impl_->calendar_service->For(commune_id));
  auto recommend = [&](oversight::SupervisoryBody body, const char* reference, int days_ago,
                       const char* title, const char* content,
                       const char* unit_code) -> Result<oversight::Recommendation> {
    oversight::Recommendation r;
    r.commune_id = commune_id;
    r.body = body;
    r.reference = reference;
    r.received_on = today.AddDays(-days_ago);
    r.title = title;
    r.content = content;
    r.assigned_unit_id = unit(unit_code);
    XASO_ASSIGN_OR_RETURN(auto due,
                          oversight::ComputeAnswerDue(book, commune_id, r.received_on, *cal));
    r.rule_key = due.rule_key;
    r.rule_effective_from = due.rule_effective_from;
    r.due_on = due.due_on;
    XASO_ASSIGN_OR_RETURN(r.id, repo.CreateRecommendation(r, demo, now));
    return r;
  };
  XASO_ASSIGN_OR_RETURN(
      auto poor, recommend(oversight::SupervisoryBody::kMttq, "12/KN-MTTQ", 60,
                           "Công khai danh sách hộ nghèo tại các thôn",
                           "Đề nghị UBND xã niêm yết danh sách hộ nghèo năm 2024 tại nhà văn hóa "
                           "các thôn và thông báo trên Đài truyền thanh xã.",
                           "vh_xh"));
  XASO_RETURN_IF_ERROR(repo.AnswerRecommendation(
      commune_id,
      {poor.id, 1,
       "UBND xã đã chỉ đạo bộ phận Văn hóa – Xã hội niêm yết danh sách tại 8 nhà văn hóa thôn "
       "và đọc trên Đài truyền thanh xã 3 buổi.",
       "58/UBND-VHXH", poor.received_on.AddDays(10)},
      demo, now));
  XASO_RETURN_IF_ERROR(
      recommend(oversight::SupervisoryBody::kBttnd, "03/KN-BTTND", 30,
                "Thời gian giải quyết hồ sơ đất đai tại Bộ phận Một cửa",
                "Ban Thanh tra nhân dân nhận phản ánh một số hồ sơ chuyển mục đích sử dụng đất "
                "quá hạn nhưng không có văn bản xin lỗi; đề nghị UBND xã kiểm tra, trả lời.",
                "mot_cua"));
  return Ok{};
}

}  // namespace xaso::app
