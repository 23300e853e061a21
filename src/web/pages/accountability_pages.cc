// The public accountability pages (Decidim's Accountability, with owners and deadlines added):
// what the commune promised for each PAPI dimension, how far each promise has got, what is
// done and what is late, and the evidence the commune chose to publish.
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

struct Public {
  identity::Commune commune;
  plan::Plan plan;
  std::vector<plan::TaskView> views;
};

// The commune of the URL and its chosen plan's tasks; nullopt plan when it has none.
Result<std::pair<identity::Commune, std::optional<Public>>> Load(Context& ctx) {
  XASO_ASSIGN_OR_RETURN(auto commune, ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]));
  XASO_ASSIGN_OR_RETURN(auto chosen, ChoosePlan(ctx, commune.id));
  if (!chosen) return std::make_pair(commune, std::optional<Public>());
  XASO_ASSIGN_OR_RETURN(auto tasks, ctx.svc.plans->PlanTasks(commune.id, chosen->id));
  XASO_ASSIGN_OR_RETURN(auto views, ctx.svc.plan_service->Evaluate(commune.id, std::move(tasks)));
  return std::make_pair(commune, std::optional<Public>(Public{commune, *chosen, std::move(views)}));
}

Data Common(const identity::Commune& c, const std::optional<Public>& p) {
  Data d;
  d.set("commune_name", c.name);
  d.set("home", "/xa/" + c.slug + "/");
  d.set("base", "/xa/" + c.slug + "/giai-trinh");
  if (p) {
    d.set("plan_number", p->plan.number);
    d.set("plan_title", p->plan.title);
    d.set("plan_date", p->plan.issued_on.ToVi());
    d.set("plan_goal", p->plan.goal);
    d.set("plan_query", "?ke-hoach=" + std::to_string(p->plan.id));
  }
  return d;
}

Response Overview(Context& ctx) {
  auto loaded = Load(ctx);
  if (!loaded) return ErrorPage(ctx, HttpStatusFor(loaded.error().code, false));
  auto& [commune, p] = *loaded;
  Data d = Common(commune, p);
  const std::string title = Message(ctx.lang, "accountability.title");
  if (!p) {
    d.set("no_plan", Data(true));
    return RenderPage(ctx, 200, "accountability", d, title);
  }
  const plan::Summary s = plan::Summarise(p->views);
  d.set("chart", DimensionChart(ctx, s, Message(ctx.lang, "plan.chart_title")));
  d.set("total", std::to_string(s.all.total));
  d.set("done", std::to_string(s.all.done));
  d.set("in_progress", std::to_string(s.all.in_progress));
  d.set("overdue", std::to_string(s.all.overdue));
  d.set("mean_progress", std::to_string(s.all.MeanProgress()));
  Data dims(Data::type::list);
  for (const auto& [dim, tally] : s.by_dimension) {
    Data x;
    x.set("number", std::to_string(dim));
    x.set("name", DimensionName(ctx.lang, dim));
    x.set("total", std::to_string(tally.total));
    x.set("done", std::to_string(tally.done));
    x.set("overdue", std::to_string(tally.overdue));
    x.set("progress", std::to_string(tally.MeanProgress()));
    dims.push_back(x);
  }
  d.set("dimensions", dims);
  Data plans(Data::type::list);
  if (auto all = ctx.svc.plans->ListPlans(commune.id); all && all->size() > 1) {
    for (const auto& other : *all) {
      Data x;
      x.set("href", "?ke-hoach=" + std::to_string(other.id));
      x.set("name", other.number + " (" + std::to_string(other.year) + ")");
      plans.push_back(x);
    }
  }
  d.set("has_other_plans", Data(!plans.is_empty_list()));
  d.set("other_plans", plans);
  return RenderPage(ctx, 200, "accountability", d, title + " · " + commune.name);
}

Response DimensionPage(Context& ctx) {
  const auto dim = IdParam(ctx, "dimension");
  if (!dim || *dim > 8) return ErrorPage(ctx, 404);
  auto loaded = Load(ctx);
  if (!loaded) return ErrorPage(ctx, HttpStatusFor(loaded.error().code, false));
  auto& [commune, p] = *loaded;
  if (!p) return ErrorPage(ctx, 404);
  Data d = Common(commune, p);
  const std::string name = DimensionName(ctx.lang, static_cast<int>(*dim));
  d.set("number", std::to_string(*dim));
  d.set("name", name);
  const UnitNames units = LoadUnitNames(ctx, commune.id);
  std::vector<plan::TaskView> mine;
  for (const auto& v : p->views) {
    if (v.task.dimension == *dim) mine.push_back(v);
  }
  const plan::Summary s = plan::Summarise(mine);
  const plan::Tally& tally = s.by_dimension.at(static_cast<int>(*dim));
  d.set("total", std::to_string(tally.total));
  d.set("done", std::to_string(tally.done));
  d.set("overdue", std::to_string(tally.overdue));
  d.set("progress", std::to_string(tally.MeanProgress()));
  Data rows(Data::type::list);
  for (const auto& v : mine) {
    Data x = TaskData(ctx, v, units);
    Data files(Data::type::list);
    if (auto es = ctx.svc.plans->ListEvidence(commune.id, v.task.id)) {
      for (const auto& e : *es) {
        if (!e.is_public) continue;
        Data f;
        f.set("href", "/xa/" + commune.slug + "/giai-trinh/tep/" + std::to_string(e.id));
        f.set("filename", e.filename);
        f.set("sha256", e.sha256);
        files.push_back(f);
      }
    }
    x.set("has_files", Data(!files.is_empty_list()));
    x.set("files", files);
    rows.push_back(x);
  }
  d.set("tasks", rows);
  return RenderPage(ctx, 200, "accountability_dimension", d, name + " · " + commune.name);
}

Response PublicFile(Context& ctx) {
  const auto file = IdParam(ctx, "file");
  if (!file) return ErrorPage(ctx, 404);
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  auto found = ctx.svc.plans->GetEvidenceFile(commune->id, *file);
  // Evidence not marked public does not exist for the public.
  if (!found || !found->first.is_public) return ErrorPage(ctx, 404);
  return FileResponse(found->first, std::move(found->second));
}

}  // namespace

void AddAccountabilityRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/xa/{slug}/giai-trinh", Permission::kReadPublic, RouteKind::kPage, Overview});
  routes.push_back({"GET", "/xa/{slug}/giai-trinh/tep/{file}", Permission::kReadPublic,
                    RouteKind::kPage, PublicFile});
  routes.push_back({"GET", "/xa/{slug}/giai-trinh/{dimension}", Permission::kReadPublic,
                    RouteKind::kPage, DimensionPage});
}

}  // namespace xaso::web
