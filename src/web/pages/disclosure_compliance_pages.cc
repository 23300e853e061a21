// GET /quan-ly/cong-khai/tuan-thu?nam=YYYY: the commune's disclosure compliance for a year, for
// its leaders and supervisors: the share published on time, a tally per type, the periods of
// recurring types that went unpublished past their deadline, and every item checked with its
// marks (disclosure::CheckCommune).
#include <map>

#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

// "Tình hình ..." → "tình hình ...", to follow "Chưa công khai"; other first letters are kept.
std::string InSentence(std::string name) {
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = static_cast<char>(name[0] + 32);
  return name;
}

Response Page(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  const Date today = ctx.svc.clock->TodayVn();
  const std::string title = Message(ctx.lang, "disclosure.staff.compliance_title");
  const std::string year_text = ctx.req.Query("nam");
  const auto year =
      year_text.empty() ? std::optional<int64_t>(today.year()) : ParseInt(year_text, 2000, 2100);
  Data d;
  if (!year) {
    d.set("error", Message(ctx.lang, "disclosure.staff.bad_filter"));
    return RenderPage(ctx, 400, "disclosure_staff_compliance", d, title);
  }
  // The year's items, read once: checked here (as DisclosureService::CheckYear does) and the
  // source of every title on the page, however many items the year holds.
  auto items = ctx.svc.disclosure_repo->ItemsOfYear(commune_id, static_cast<int>(*year));
  if (!items) return ErrorPage(ctx, HttpStatusFor(items.error().code, false));
  auto cal = ctx.svc.calendar->For(commune_id);
  if (!cal) return ErrorPage(ctx, HttpStatusFor(cal.error().code, false));
  const auto cc = disclosure::CheckCommune(*items, ctx.svc.disclosures->catalogue(), **cal,
                                           static_cast<int>(*year), today);
  std::map<int64_t, const disclosure::Item*> by_id;
  for (const auto& item : *items) by_id[item.id] = &item;

  d.set("year", std::to_string(*year));
  d.set("prev_year", std::to_string(*year - 1));
  d.set("next_year", std::to_string(*year + 1));
  d.set("items", VnInt(cc.items));
  d.set("on_time", VnInt(cc.on_time));
  d.set("with_flags", VnInt(cc.with_flags));
  d.set("on_time_share",
        VnPercent(cc.items == 0 ? std::nullopt : std::optional<double>(cc.OnTimeShare())));
  Data tallies(Data::type::list);
  for (const auto& t : cc.by_type) {
    Data x;
    x.set("type", DisclosureTypeName(ctx, t.type_code, today));
    x.set("code", t.type_code);
    x.set("items", VnInt(t.items));
    x.set("on_time", VnInt(t.on_time));
    x.set("late", VnInt(t.late));
    x.set("with_flags", VnInt(t.with_flags));
    tallies.push_back(x);
  }
  d.set("tallies", tallies);
  Data missing(Data::type::list);
  for (const auto& m : cc.missing) {
    Data x;
    x.set("text", Message(ctx.lang, "disclosure.staff.missing_prefix") + " " +
                      InSentence(DisclosureTypeName(ctx, m.type_code, m.period.last)) + " " +
                      disclosure::PeriodLabelVi(m.period) + ", " +
                      Message(ctx.lang, "disclosure.staff.due_word") + " " + m.due.ToVi());
    missing.push_back(x);
  }
  d.set("missing", missing);
  d.set("has_missing", Data(!cc.missing.empty()));
  Data checked(Data::type::list);
  Data flagged(Data::type::list);
  bool any_flagged = false;
  for (const auto& [id, c] : cc.checked) {
    Data x;
    x.set("href", DisclosureStaffHref(id));
    auto s = by_id.find(id);
    x.set("title", s != by_id.end() ? s->second->title : "#" + std::to_string(id));
    if (s != by_id.end()) {
      x.set("type", DisclosureTypeName(ctx, s->second->type_code, s->second->type_effective_from));
      x.set("status", DisclosureStatusLabel(ctx.lang, s->second->status));
    }
    x.set("due", c.due.ToVi());
    if (c.first_out) x.set("first_out", c.first_out->ToVi());
    x.set("marks", DisclosureMarks(ctx, c, today));
    x.set("item_id", std::to_string(id));
    checked.push_back(x);
    if (!c.ok()) {
      flagged.push_back(x);
      any_flagged = true;
    }
  }
  d.set("checked", checked);
  d.set("has_checked", Data(!cc.checked.empty()));
  d.set("flagged", flagged);
  d.set("has_flagged", Data(any_flagged));
  return RenderPage(ctx, 200, "disclosure_staff_compliance", d, title);
}

}  // namespace

void AddDisclosureComplianceRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/cong-khai/tuan-thu", Permission::kViewDisclosures, RouteKind::kPage, Page});
}

}  // namespace xaso::web
