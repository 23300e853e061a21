// The public rule book of a commune: every legal number the system applies, the date each
// version took effect and its legal basis, and this year's public holidays.
#include <set>

#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

const char* UnitVi(rules::RuleUnit u) {
  switch (u) {
    case rules::RuleUnit::kWorkingDays: return "ngày làm việc";
    case rules::RuleUnit::kCalendarDays: return "ngày (theo lịch)";
    case rules::RuleUnit::kDays: return "ngày";
    case rules::RuleUnit::kShare: return "tỷ lệ";
    case rules::RuleUnit::kCount:
    case rules::RuleUnit::kText: break;  // a count or a text needs no unit word
  }
  return "";
}

Response RulesPage(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto all = ctx.svc.rules->LoadRules();
  if (!all) return ErrorPage(ctx, HttpStatusFor(all.error().code, false));
  const Date today = ctx.svc.clock->TodayVn();
  const rules::RuleBook book(*all);
  std::set<std::string> keys;
  for (const auto& r : book.rules()) keys.insert(r.key);
  Data rows(Data::type::list);
  for (const auto& key : keys) {
    auto r = book.Lookup(key, today, commune->id);
    if (!r) continue;  // not yet in force
    Data x;
    x.set("key", key);
    x.set("name", Message(ctx.lang, "rule." + key));
    x.set("value", r->value + (*UnitVi(r->unit) ? std::string(" ") + UnitVi(r->unit) : ""));
    x.set("from", r->effective_from.ToVi());
    x.set("basis", r->legal_basis);
    x.set("confidence", r->confidence);
    rows.push_back(x);
  }
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", "/xa/" + commune->slug + "/");
  d.set("today", today.ToVi());
  d.set("rules", rows);
  if (auto cal = ctx.svc.calendar->For(commune->id)) {
    Data hs(Data::type::list);
    for (const auto& h : (*cal)->HolidaysIn(today.year())) {
      Data x;
      x.set("date", h.date.ToVi());
      x.set("name", h.name_vi);
      hs.push_back(x);
    }
    d.set("holidays", hs);
    d.set("year", std::to_string(today.year()));
  }
  return RenderPage(ctx, 200, "rules", d, Message(ctx.lang, "rules.title"));
}

}  // namespace

void AddRulesRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/xa/{slug}/quy-dinh", Permission::kReadPublic, RouteKind::kPage, RulesPage});
}

}  // namespace xaso::web
