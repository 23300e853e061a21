// GET /quan-ly/cong-khai: the commune's disclosure register for one year, drafts included,
// filtered by type and status, each line with its compliance marks. The marks come from the
// year's items loaded once (ItemsOfYear), never from one query per line.
#include <map>
#include <set>

#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/pages/select_options.h"

namespace xaso::web {
namespace {

using disclosure::ItemStatus;
using identity::Permission;

constexpr int kPageSize = 50;

Response ListPage(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  const Date today = ctx.svc.clock->TodayVn();
  auto& repo = *ctx.svc.disclosure_repo;
  const std::string title = Message(ctx.lang, "disclosure.staff.list_title");

  disclosure::ItemQuery q{.commune_id = commune_id};
  const std::string year_text = ctx.req.Query("nam");
  const auto year =
      year_text.empty() ? std::optional<int64_t>(today.year()) : ParseInt(year_text, 2000, 2100);
  const std::string type_code = ctx.req.Query("loai");
  const std::string status_code = ctx.req.Query("trang-thai");
  const auto status = disclosure::ParseItemStatus(status_code);
  const auto page =
      ParseInt(ctx.req.Query("trang").empty() ? "1" : ctx.req.Query("trang"), 1, 100000);
  Data d;
  if (!year || (!status_code.empty() && !status) || !page) {
    d.set("error", Message(ctx.lang, "disclosure.staff.bad_filter"));
    return RenderPage(ctx, 400, "disclosure_staff_list", d, title);
  }
  q.year = static_cast<int>(*year);
  if (!type_code.empty()) q.type_code = type_code;
  q.status = status;
  q.limit = kPageSize;
  q.offset = static_cast<int>((*page - 1) * kPageSize);
  auto list = repo.List(q);
  if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
  auto total = repo.Count(q);
  if (!total) return ErrorPage(ctx, HttpStatusFor(total.error().code, false));
  auto items = repo.ItemsOfYear(commune_id, q.year.value());
  if (!items) return ErrorPage(ctx, HttpStatusFor(items.error().code, false));
  std::map<int64_t, Data> marks;
  for (const disclosure::Item& item : *items) {
    if (auto c = ctx.svc.disclosures->Check(item)) marks[item.id] = DisclosureMarks(ctx, *c, today);
  }

  Data rows(Data::type::list);
  for (const disclosure::ItemSummary& s : *list) {
    Data x;
    x.set("href", DisclosureStaffHref(s.id));
    x.set("title", s.title);
    x.set("type", DisclosureTypeName(ctx, s.type_code, s.type_effective_from));
    if (auto p = disclosure::ParsePeriod(s.period_key))
      x.set("period", disclosure::PeriodLabelVi(*p));
    if (!s.decision_number.empty()) x.set("decision_number", s.decision_number);
    if (s.decision_on) x.set("decision_on", s.decision_on->ToVi());
    x.set("status", DisclosureStatusLabel(ctx.lang, s.status));
    x.set("status_code", std::string(disclosure::ItemStatusCode(s.status)));
    if (s.first_out) x.set("first_out", s.first_out->ToVi());
    x.set("attachments", std::to_string(s.attachments));
    if (auto m = marks.find(s.id); m != marks.end()) x.set("marks", m->second);
    rows.push_back(x);
  }
  d.set("items", rows);
  d.set("empty", Data(list->empty()));
  d.set("total", std::to_string(*total));
  if (*page > 1) {
    d.set("prev_href", "/quan-ly/cong-khai?nam=" + std::to_string(*year) +
                           "&loai=" + PercentEncode(type_code) + "&trang-thai=" + status_code +
                           "&trang=" + std::to_string(*page - 1));
  }
  if (*page * kPageSize < *total) {
    d.set("next_href", "/quan-ly/cong-khai?nam=" + std::to_string(*year) +
                           "&loai=" + PercentEncode(type_code) + "&trang-thai=" + status_code +
                           "&trang=" + std::to_string(*page + 1));
  }

  std::vector<std::pair<std::string, std::string>> types = {
      {"", Message(ctx.lang, "disclosure.staff.all_types")}};
  for (const auto* t : ctx.svc.disclosures->catalogue().InForce(today)) {
    types.emplace_back(t->code, DisclosureTypeName(ctx.lang, *t));
  }
  d.set("type_options", SelectOptions(types, type_code));
  std::set<int, std::greater<>> years = {today.year(), q.year.value()};
  for (ItemStatus s : {ItemStatus::kDraft, ItemStatus::kPublished, ItemStatus::kWithdrawn}) {
    if (auto ys = repo.Years(commune_id, s, {})) {
      for (const auto& y : *ys) years.insert(y.year);
    }
  }
  std::vector<std::pair<std::string, std::string>> year_options;
  year_options.reserve(years.size());
  for (int y : years) year_options.emplace_back(std::to_string(y), std::to_string(y));
  d.set("year_options", SelectOptions(year_options, std::to_string(*year)));
  std::vector<std::pair<std::string, std::string>> statuses = {
      {"", Message(ctx.lang, "disclosure.staff.all_statuses")}};
  for (ItemStatus s : {ItemStatus::kDraft, ItemStatus::kPublished, ItemStatus::kWithdrawn}) {
    statuses.emplace_back(std::string(disclosure::ItemStatusCode(s)),
                          DisclosureStatusLabel(ctx.lang, s));
  }
  d.set("status_options", SelectOptions(statuses, status_code));
  d.set("year", std::to_string(*year));
  d.set("can_manage", Data(identity::Allows(ctx.role, Permission::kManageDisclosures)));
  return RenderPage(ctx, 200, "disclosure_staff_list", d, title);
}

}  // namespace

void AddDisclosureStaffListRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/cong-khai", Permission::kViewDisclosures, RouteKind::kPage, ListPage});
}

}  // namespace xaso::web
