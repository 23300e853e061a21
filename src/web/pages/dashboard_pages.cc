// The staff dashboard: the commune at a glance, with panels the later parts fill.
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

// The latest plan at a glance, and how many of the account's unit's tasks are overdue.
Data PlanPanel(Context& ctx, const identity::Commune& commune) {
  auto plans = ctx.svc.plans->ListPlans(commune.id);
  if (!plans || plans->empty()) return Data(false);
  auto tasks = ctx.svc.plans->PlanTasks(commune.id, plans->front().id);
  if (!tasks) return Data(false);
  auto views = ctx.svc.plan_service->Evaluate(commune.id, std::move(*tasks));
  if (!views) return Data(false);
  const plan::Summary s = plan::Summarise(*views);
  int mine_overdue = 0;
  for (const auto& v : *views) {
    const bool mine = ctx.account->unit_id && plan::PlanService::CanEdit(*ctx.account, v.task);
    if (mine && v.deadline.overdue) ++mine_overdue;
  }
  Data d;
  d.set("number", plans->front().number);
  d.set("total", std::to_string(s.all.total));
  d.set("done", std::to_string(s.all.done));
  d.set("overdue", std::to_string(s.all.overdue));
  d.set("progress", std::to_string(s.all.MeanProgress()));
  if (mine_overdue) d.set("mine_overdue", std::to_string(mine_overdue));
  d.set("accountability", "/xa/" + commune.slug + "/giai-trinh");
  return d;
}

Response Dashboard(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  auto commune = ctx.svc.identity->GetCommune(commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  Data d;
  d.set("commune_name", commune->name);
  d.set("commune_home", "/xa/" + commune->slug + "/");
  d.set("level_above", commune->level_above);
  Data units(Data::type::list);
  if (auto us = ctx.svc.identity->ListUnits(commune_id)) {
    for (const auto& u : *us) units.push_back(Data("name", u.name_vi));
    d.set("unit_count", std::to_string(us->size()));
  }
  d.set("units", units);
  if (auto vs = ctx.svc.identity->ListVillages(commune_id)) {
    d.set("village_count", std::to_string(vs->size()));
  }
  const Date today = ctx.svc.clock->TodayVn();
  d.set("today", today.ToVi());
  if (auto cal = ctx.svc.calendar->For(commune_id)) {
    d.set("today_working", Data((*cal)->IsWorkingDay(today)));
    // The answer deadline of feedback received today, under the rule in force today (a dated
    // row of the rule book, never a number in code).
    if (auto all = ctx.svc.rules->LoadRules()) {
      if (auto days = rules::RuleBook(*all).LookupInt("feedback.answer_max", today, commune_id)) {
        d.set("feedback_days", std::to_string(*days));
        d.set("feedback_due", (*cal)->AddWorkingDays(today, *days).ToVi());
      }
    }
    Data hs(Data::type::list);
    for (const auto& h : (*cal)->HolidaysIn(today.year())) {
      if (h.date < today) continue;
      Data x;
      x.set("date", h.date.ToVi());
      x.set("name", h.name_vi);
      hs.push_back(x);
    }
    d.set("holidays", hs);
  }
  if (identity::Allows(ctx.role, Permission::kViewPlan)) d.set("plan", PlanPanel(ctx, *commune));
  d.set("admin", Data(identity::Allows(ctx.role, Permission::kManageAccounts)));
  d.set("can_publish", Data(identity::Allows(ctx.role, Permission::kPublishAnnouncement)));
  d.set("can_surveys", Data(identity::Allows(ctx.role, Permission::kViewSurveyResults)));
  d.set("can_disclosures", Data(identity::Allows(ctx.role, Permission::kViewDisclosures)));
  d.set("rules_href", "/xa/" + commune->slug + "/quy-dinh");
  if (identity::Allows(ctx.role, Permission::kViewAuditLog)) {
    Data entries(Data::type::list);
    if (auto es = ctx.svc.audit->Recent(commune_id, 10)) {
      for (const auto& e : *es) {
        Data x;
        x.set("at", VnDateTime(e.at));
        x.set("actor", e.record.actor);
        // A known action reads in the page's language; an unknown one shows its code.
        const std::string key = "audit." + e.record.entity + "." + e.record.action;
        const std::string label = Message(ctx.lang, key);
        x.set("action", label == key ? e.record.entity + " · " + e.record.action : label);
        x.set("summary", e.record.summary);
        entries.push_back(x);
      }
    }
    d.set("audit", entries);
    d.set("show_audit", Data(true));
  }
  return RenderPage(ctx, 200, "dashboard", d, Message(ctx.lang, "dashboard.title"));
}

}  // namespace

void AddDashboardRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/bang-dieu-khien", Permission::kViewDashboard, RouteKind::kPage, Dashboard});
}

}  // namespace xaso::web
