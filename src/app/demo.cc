// `xaso demo`: Nhật Tân commune (Hưng Yên) as the seed plan describes it, with one demo
// account per role. Demo passwords are public by design and must never be used in production.
#include "core/embedded.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

// The units that Plan 11/KH-UBND names (section III) and the commune's usual offices.
struct UnitSeed {
  const char* code;
  const char* vi;
  const char* en;
};
constexpr UnitSeed kUnits[] = {
    {"vp_tk", "Văn phòng – Thống kê", "Office and Statistics"},
    {"tp_ht", "Tư pháp – Hộ tịch", "Justice and Civil Status"},
    {"dc_xd", "Địa chính – Xây dựng – Môi trường", "Land, Construction and Environment"},
    {"tc_kt", "Tài chính – Kế toán", "Finance and Accounting"},
    {"vh_xh", "Văn hóa – Xã hội", "Culture and Society"},
    {"dai_tt", "Đài truyền thanh xã", "Commune radio"},
    {"mot_cua", "Bộ phận Một cửa", "One-stop desk"},
    {"cong_an", "Công an xã", "Commune police"},
    {"tram_yt", "Trạm y tế", "Health station"},
    {"mttq", "Ủy ban MTTQ Việt Nam xã", "Fatherland Front committee"},
    {"truong_th", "Trường Tiểu học xã", "Primary school"},
    {"bttnd", "Ban Thanh tra nhân dân", "People's Inspection Board"},
};

struct AccountSeed {
  const char* username;
  const char* name;
  const char* role;
  const char* unit;  // code, or "" for none
  const char* title;
  const char* phone;
  const char* email;
};
// Names are placeholders for the demo; phone numbers use the 0000 range so none is real.
constexpr AccountSeed kAccounts[] = {
    {"chutich", "Nguyễn Văn Minh", "leader", "", "Chủ tịch UBND xã", "0221.000.0001",
     "chutich.nhattan@example.vn"},
    {"phochutich", "Trần Thị Lan", "leader", "", "Phó Chủ tịch UBND xã", "0221.000.0002",
     "pct.nhattan@example.vn"},
    {"vanphong", "Lê Văn Hùng", "officer", "vp_tk", "Công chức Văn phòng – Thống kê", "", ""},
    {"motcua", "Phạm Thị Hoa", "clerk", "mot_cua", "Công chức Bộ phận Một cửa", "", ""},
    {"mttq", "Đỗ Văn Bình", "supervisor", "mttq", "Chủ tịch UB MTTQ xã", "", ""},
    {"captinh", "Vũ Thị Mai", "level_above", "", "Chuyên viên Sở Nội vụ tỉnh Hưng Yên", "", ""},
    {"quantri", "Hoàng Văn Nam", "admin", "", "Quản trị hệ thống", "", ""},
    {"congdan", "Ngô Thị Thu", "citizen", "", "", "", ""},
};

std::string DemoPassword(const std::string& username) { return "xaso-demo-" + username; }

}  // namespace

Result<std::string_view> DemoFile(std::string_view name) {
  for (const EmbeddedFile& f : EmbeddedDemoFiles()) {
    if (f.path.ends_with(name)) return f.data;
  }
  return MakeError(ErrorCode::kInternal, "demo/" + std::string(name) + " is not compiled in");
}

Result<std::vector<DemoAccount>> System::LoadDemo() {
  auto existing = impl_->identity->GetCommuneBySlug("nhat-tan");
  if (existing) return MakeError(ErrorCode::kAlreadyExists, "demo data already loaded");
  const int64_t now = impl_->clock.NowUnix();
  identity::Commune c;
  c.slug = "nhat-tan";
  c.name = "Xã Nhật Tân";
  c.province = "Tỉnh Hưng Yên";
  c.level_above = "Ủy ban nhân dân tỉnh Hưng Yên";
  c.address = "Trụ sở UBND xã Nhật Tân, tỉnh Hưng Yên";
  c.phone = "0221.000.0000";
  c.email = "ubnd.nhattan@example.vn";
  c.about_vi =
      "Cổng thông tin của Ủy ban nhân dân xã Nhật Tân: công khai, minh bạch, lắng nghe Nhân "
      "dân. Kế hoạch 11/KH-UBND ngày 29/01/2024 nâng cao chỉ số PAPI của xã.";
  c.about_en = "The portal of Nhật Tân commune People's Committee.";
  // The seed plan names no villages: the demo numbers them, as many communes do.
  std::vector<identity::Village> villages;
  for (int i = 1; i <= 8; ++i) villages.push_back({0, 0, "Thôn " + std::to_string(i), "thon"});
  std::vector<identity::Unit> unit_seeds;
  for (const UnitSeed& u : kUnits) unit_seeds.push_back({0, 0, u.code, u.vi, u.en});
  XASO_ASSIGN_OR_RETURN(
      const int64_t commune_id,
      impl_->identity->CreateCommune(c, villages, unit_seeds, now, {0, 0, "demo", "", "", "", ""}));
  auto units = impl_->identity->ListUnits(commune_id);
  if (!units) return units.error();
  std::vector<DemoAccount> out;
  for (const AccountSeed& seed : kAccounts) {
    identity::Account a;
    a.commune_id = commune_id;
    a.username = seed.username;
    a.display_name = seed.name;
    a.role = *identity::RoleFromCode(seed.role);
    a.title = seed.title;
    a.public_phone = seed.phone;
    a.public_email = seed.email;
    for (const auto& u : *units) {
      if (u.code == seed.unit) a.unit_id = u.id;
    }
    const std::string password = DemoPassword(seed.username);
    XASO_RETURN_IF_ERROR(
        impl_->accounts->CreateAccount(a, password, {commune_id, 0, "demo", "", "", "", ""}));
    out.push_back({seed.username, password, seed.role, seed.name});
  }
  portal::Document plan;
  plan.commune_id = commune_id;
  plan.number = "11/KH-UBND";
  plan.kind = "ke_hoach";
  plan.title = "Kế hoạch nâng cao hiệu quả quản trị và hành chính công xã Nhật Tân năm 2024";
  plan.issued_on = "2024-01-29";
  plan.issuer = "Ủy ban nhân dân xã Nhật Tân";
  XASO_ASSIGN_OR_RETURN(const std::string_view seed_plan,
                        DemoFile("ke-hoach-11-KH-UBND-2024-nhat-tan.md"));
  plan.body = std::string(seed_plan);
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  XASO_ASSIGN_OR_RETURN(const int64_t plan_doc, impl_->portal->CreateDocument(plan, demo));
  XASO_RETURN_IF_ERROR(LoadDemoPlan(*impl_->identity, *impl_->plans, now, commune_id, plan_doc));
  const struct {
    const char* title;
    const char* body;
    int64_t days_ago;
  } kNews[] = {
      {"Lịch tiếp công dân tháng 12/2026",
       "Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại Trụ sở UBND xã.", 2},
      {"Công khai dự toán ngân sách xã năm 2027",
       "Dự toán ngân sách xã năm 2027 được niêm yết tại Trụ sở UBND xã và nhà văn hóa các thôn "
       "từ ngày 20/11/2026, trong 30 ngày.",
       6},
      {"Triển khai Kế hoạch 11/KH-UBND nâng cao chỉ số PAPI",
       "UBND xã triển khai Kế hoạch nâng cao hiệu quả quản trị và hành chính công; Nhân dân "
       "theo dõi tiến độ trên cổng thông tin của xã.",
       30},
  };
  for (const auto& n : kNews) {
    portal::Announcement a;
    a.commune_id = commune_id;
    a.title = n.title;
    a.body = n.body;
    a.published_at = now - n.days_ago * 86400;
    XASO_RETURN_IF_ERROR(impl_->portal->CreateAnnouncement(a, demo));
  }
  XASO_RETURN_IF_ERROR(LoadDemoOversight(commune_id, *units));
  XASO_RETURN_IF_ERROR(LoadDemoFeedback(commune_id, *units));
  XASO_RETURN_IF_ERROR(LoadDemoProcedures(commune_id, *units));
  XASO_RETURN_IF_ERROR(LoadDemoSurveys(commune_id));
  XASO_RETURN_IF_ERROR(LoadDemoDisclosures(commune_id));
  XASO_RETURN_IF_ERROR(LoadDemoBudgets(*impl_->disclosure_repo, *impl_->budgets, commune_id));
  XASO_RETURN_IF_ERROR(LoadDemoObjections(*impl_->identity, *impl_->disclosure_repo,
                                          *impl_->households, impl_->disclosures->catalogue(),
                                          impl_->clock, commune_id));
  return out;
}

}  // namespace xaso::app
