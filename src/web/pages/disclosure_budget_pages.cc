// The budget tables of the disclosure register (issue 7 item 4(a); LEGAL.md §10). Staff enter
// an item's revenue and spending lines as CSV, pasted or uploaded (GET/POST
// /quan-ly/cong-khai/{id}/ngan-sach): the whole table is checked first and stored only when
// it is sound, every problem named with its line. The public reads the tables, a chart and
// CSV/JSON exports once the item is public (/xa/{slug}/cong-khai/{id}/ngan-sach...).
#include "core/text.h"
#include "web/pages/disclosure_budget_view.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using disclosure::BudgetLine;
using identity::Permission;

// An example a secretary can open in a spreadsheet and overwrite; the BOM makes spreadsheet
// programs on Windows read it as UTF-8.
constexpr const char* kTemplateCsv =
    "\xEF\xBB\xBF"
    "side,code,name,estimate,actual\r\n"
    "thu,1,Các khoản thu ngân sách xã hưởng 100%,1.200.000.000,\r\n"
    "thu,1.1,Phí và lệ phí,200.000.000,\r\n"
    "thu,1.2,Thu từ quỹ đất công ích và hoa lợi công sản,1.000.000.000,\r\n"
    "thu,2,Thu bổ sung từ ngân sách cấp trên,3.800.000.000,\r\n"
    "chi,1,Chi đầu tư phát triển,1.500.000.000,\r\n"
    "chi,2,Chi thường xuyên,3.500.000.000,\r\n"
    "chi,2.1,Chi sự nghiệp giáo dục,500.000.000,\r\n"
    "chi,2.2,Chi quản lý nhà nước,3.000.000.000,\r\n";

Error NotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy mục công khai."); }

struct BudgetItem {
  disclosure::Item item;
  std::vector<BudgetLine> lines;
};

bool IsBudgetItem(Context& ctx, const disclosure::Item& item) {
  const disclosure::DisclosureType* type = ctx.svc.disclosures->TypeOf(item);
  return type != nullptr && type->structure == disclosure::Structure::kBudget;
}

// The item `id` of `commune_id` with its lines; kNotFound unless it exists there and its type
// carries a budget.
Result<BudgetItem> LoadBudgetItem(Context& ctx, int64_t commune_id) {
  const auto id = IdParam(ctx, "id");
  if (!id) return NotFound();
  XASO_ASSIGN_OR_RETURN(disclosure::Item item, ctx.svc.disclosure_repo->Get(commune_id, *id));
  if (!IsBudgetItem(ctx, item)) return NotFound();
  XASO_ASSIGN_OR_RETURN(std::vector<BudgetLine> lines, ctx.svc.budgets->Lines(commune_id, *id));
  return BudgetItem{std::move(item), std::move(lines)};
}

std::string StaffHref(int64_t id) {
  return "/quan-ly/cong-khai/" + std::to_string(id) + "/ngan-sach";
}

// The staff page; `d` carries the form's text and its problems after a refused POST.
Response StaffPage(Context& ctx, int status, const BudgetItem& b, Data d) {
  const disclosure::DisclosureType* type = ctx.svc.disclosures->TypeOf(b.item);
  d.set("item_title", b.item.title);
  d.set("type_name", type ? type->name_vi : b.item.type_code);
  d.set("item_href", "/quan-ly/cong-khai/" + std::to_string(b.item.id));
  d.set("action", StaffHref(b.item.id));
  d.set("tables", BudgetTablesData(b.lines));
  d.set("has_lines", Data(!b.lines.empty()));
  if (identity::Allows(ctx.role, Permission::kManageDisclosures) &&
      b.item.status == disclosure::ItemStatus::kDraft) {
    d.set("can_manage", Data(true));
    d.set("csrf", EnsureCsrf(ctx));
    // The stored table, ready to be corrected, unless a refused one is shown back.
    if (!d.get("csv") && !b.lines.empty()) d.set("csv", disclosure::BudgetCsv(b.lines));
  }
  return RenderPage(ctx, status, "disclosure_budget_staff", d,
                    Message(ctx.lang, "disclosure.budget.staff_title") + ": " + b.item.title);
}

Response StaffShow(Context& ctx) {
  auto b = LoadBudgetItem(ctx, ctx.account->commune_id);
  if (!b) return ErrorPage(ctx, HttpStatusFor(b.error().code, false));
  Data d;
  if (ctx.req.Query("da-luu") == "1") d.set("saved", Message(ctx.lang, "disclosure.budget.saved"));
  return StaffPage(ctx, 200, *b, d);
}

Response Refused(Context& ctx, const BudgetItem& b, const std::string& csv,
                 const std::string& error, const Data& problems = Data(Data::type::list),
                 int status = 422) {
  Data d;
  if (!csv.empty()) d.set("csv", csv);
  d.set("error", error);
  d.set("problems", problems);
  return StaffPage(ctx, status, b, d);
}

Response StaffSave(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  auto item = ctx.svc.disclosure_repo->Get(commune_id, *id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  auto stored = ctx.svc.budgets->Lines(commune_id, *id);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  const BudgetItem b{*item, *stored};
  if (!IsBudgetItem(ctx, *item)) {
    return Refused(ctx, b, "", Message(ctx.lang, "disclosure.budget.not_budget"));
  }
  // The public and its exports already hold the published table (and a withdrawn item keeps
  // what it showed): only a draft's table may change.
  if (item->status != disclosure::ItemStatus::kDraft) {
    return Refused(ctx, b, "", Message(ctx.lang, "disclosure.budget.not_draft"),
                   Data(Data::type::list), 409);
  }
  // A chosen file wins over the text box.
  std::string csv = ctx.form["csv"];
  if (auto f = ctx.files.find("file"); f != ctx.files.end() && !f->second.bytes.empty()) {
    csv = f->second.bytes;
  }
  if (Trim(csv).empty()) {
    return Refused(ctx, b, "", Message(ctx.lang, "disclosure.budget.no_table"));
  }
  const std::string shown = IsValidUtf8(csv) ? csv : std::string();
  auto lines = disclosure::ParseBudgetCsv(csv);
  if (!lines) return Refused(ctx, b, shown, lines.error().message);
  const auto problems = disclosure::CheckBudget(*lines);
  if (!problems.empty()) {
    Data list(Data::type::list);
    for (const disclosure::BudgetProblem& p : problems) {
      Data x;
      // The line of the file, counting the header, as a spreadsheet numbers it.
      if (p.line > 0) x.set("line", std::to_string(p.line + 1));
      x.set("message", p.message_vi);
      list.push_back(x);
    }
    return Refused(ctx, b, shown, Message(ctx.lang, "disclosure.budget.problems"), list);
  }
  if (auto s = ctx.svc.budgets->Replace(commune_id, *id, *lines, ActorOf(ctx)); !s) {
    return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  }
  return RedirectResponse(StaffHref(*id) + "?da-luu=1");
}

Response TemplateCsv(Context&) {
  Response r{200, {}, kTemplateCsv};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition", "attachment; filename=\"ngan-sach-mau.csv\"");
}

// The item of the public URL, when the public may see it today.
Result<std::pair<identity::Commune, BudgetItem>> LoadPublic(Context& ctx) {
  XASO_ASSIGN_OR_RETURN(identity::Commune commune,
                        ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]));
  XASO_ASSIGN_OR_RETURN(BudgetItem b, LoadBudgetItem(ctx, commune.id));
  // A draft or withdrawn item does not exist for the public.
  if (!ctx.svc.disclosures->IsPublicNow(b.item)) return NotFound();
  return std::make_pair(std::move(commune), std::move(b));
}

Response PublicShow(Context& ctx) {
  auto found = LoadPublic(ctx);
  if (!found) return ErrorPage(ctx, HttpStatusFor(found.error().code, false));
  const auto& [commune, b] = *found;
  const std::string item_href = "/xa/" + commune.slug + "/cong-khai/" + std::to_string(b.item.id);
  const disclosure::DisclosureType* type = ctx.svc.disclosures->TypeOf(b.item);
  Data d;
  d.set("commune_name", commune.name);
  d.set("item_title", b.item.title);
  d.set("type_name", type ? type->name_vi : b.item.type_code);
  if (!b.item.decision_number.empty()) d.set("decision_number", b.item.decision_number);
  if (b.item.decision_on) d.set("decision_on", b.item.decision_on->ToVi());
  d.set("item_href", item_href);
  d.set("csv_href", item_href + "/ngan-sach.csv");
  d.set("json_href", item_href + "/ngan-sach.json");
  d.set("tables", BudgetTablesData(b.lines));
  d.set("has_lines", Data(!b.lines.empty()));
  if (std::string chart = BudgetChartSvg(ctx.lang, b.lines); !chart.empty()) {
    d.set("chart", chart);
  }
  return RenderPage(ctx, 200, "disclosure_budget_public", d,
                    Message(ctx.lang, "disclosure.budget.public_title") + ": " + b.item.title);
}

std::string ExportName(const BudgetItem& b, const char* ext) {
  return "attachment; filename=\"ngan-sach-" + std::to_string(b.item.id) + ext + "\"";
}

Response PublicCsv(Context& ctx) {
  auto found = LoadPublic(ctx);
  if (!found) return ErrorPage(ctx, HttpStatusFor(found.error().code, false));
  const BudgetItem& b = found->second;
  Response r{200, {}, "\xEF\xBB\xBF" + disclosure::BudgetCsv(b.lines)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition", ExportName(b, ".csv"));
}

Response PublicJson(Context& ctx) {
  auto found = LoadPublic(ctx);
  if (!found) return ErrorJson(HttpStatusFor(found.error().code, false), found.error());
  const BudgetItem& b = found->second;
  Response r = JsonResponse(200, BudgetJson(b.item, b.lines));
  return r.With("Content-Disposition", ExportName(b, ".json"));
}

}  // namespace

void AddDisclosureBudgetRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/cong-khai/ngan-sach-mau.csv", Permission::kViewDisclosures,
                    RouteKind::kPage, TemplateCsv});
  routes.push_back({"GET", "/quan-ly/cong-khai/{id}/ngan-sach", Permission::kViewDisclosures,
                    RouteKind::kPage, StaffShow});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/ngan-sach", Permission::kManageDisclosures,
                    RouteKind::kPage, StaffSave});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/ngan-sach", Permission::kReadPublic,
                    RouteKind::kPage, PublicShow});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/ngan-sach.csv", Permission::kReadPublic,
                    RouteKind::kPage, PublicCsv});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/ngan-sach.json", Permission::kReadPublic,
                    RouteKind::kPage, PublicJson});
}

}  // namespace xaso::web
