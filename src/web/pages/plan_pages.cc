// The plan board (by PAPI dimension, with progress per dimension and per unit), each unit's
// worklist (overdue first), and the CSV export of tasks.
#include "core/csv.h"
#include "web/form.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

std::optional<int64_t> QueryId(const Context& ctx, const std::string& name) {
  return ParseInt(ctx.req.Query(name));
}

// The plan's tasks evaluated for today, or an error page.
struct Loaded {
  plan::Plan plan;
  std::vector<plan::TaskView> views;
};
Result<std::optional<Loaded>> LoadPlan(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  XASO_ASSIGN_OR_RETURN(auto chosen, ChoosePlan(ctx, commune_id));
  if (!chosen) return std::optional<Loaded>();
  XASO_ASSIGN_OR_RETURN(auto tasks, ctx.svc.plans->PlanTasks(commune_id, chosen->id));
  XASO_ASSIGN_OR_RETURN(auto views, ctx.svc.plan_service->Evaluate(commune_id, std::move(tasks)));
  return std::optional<Loaded>(Loaded{std::move(*chosen), std::move(views)});
}

Data PlanHeader(const plan::Plan& p) {
  Data d;
  d.set("plan_id", std::to_string(p.id));
  d.set("plan_number", p.number);
  d.set("plan_title", p.title);
  d.set("plan_date", p.issued_on.ToVi());
  d.set("plan_goal", p.goal);
  return d;
}

Response Board(Context& ctx) {
  auto loaded = LoadPlan(ctx);
  if (!loaded) return ErrorPage(ctx, HttpStatusFor(loaded.error().code, false));
  Data d;
  if (!*loaded) {
    d.set("no_plan", Data(true));
    d.set("can_plan", Data(identity::Allows(ctx.role, Permission::kManagePlan)));
    return RenderPage(ctx, 200, "plan_board", d, Message(ctx.lang, "plan.board_title"));
  }
  auto& [p, views] = **loaded;
  d = PlanHeader(p);
  const UnitNames units = LoadUnitNames(ctx, ctx.account->commune_id);
  const plan::Summary summary = plan::Summarise(views);
  d.set("chart", DimensionChart(ctx, summary, Message(ctx.lang, "plan.chart_title")));
  d.set("total", std::to_string(summary.all.total));
  d.set("done", std::to_string(summary.all.done));
  d.set("overdue", std::to_string(summary.all.overdue));
  d.set("mean_progress", std::to_string(summary.all.MeanProgress()));

  // Filters: ?linh-vuc=D&don-vi=U&trang-thai=S (all optional).
  const auto dim = QueryId(ctx, "linh-vuc");
  const auto unit = QueryId(ctx, "don-vi");
  const auto status = plan::StatusFromCode(ctx.req.Query("trang-thai"));
  Data groups(Data::type::list);
  for (int g = 1; g <= 8; ++g) {
    if (dim && *dim != g) continue;
    Data rows(Data::type::list);
    for (const auto& v : views) {
      if (v.task.dimension != g || (unit && v.task.lead_unit_id != *unit) ||
          (status && v.task.status != *status)) {
        continue;
      }
      rows.push_back(TaskData(ctx, v, units));
    }
    if (rows.is_empty_list()) continue;
    Data group;
    group.set("number", std::to_string(g));
    group.set("name", DimensionName(ctx.lang, g));
    group.set("note", TallyNote(ctx.lang, summary.by_dimension.at(g)));
    group.set("tasks", rows);
    groups.push_back(group);
  }
  d.set("groups", groups);

  Data unit_rows(Data::type::list), unit_options(Data::type::list);
  for (const auto& [id, name] : units) {
    Data o;
    o.set("id", std::to_string(id));
    o.set("name", name);
    o.set("selected", Data(unit && *unit == id));
    unit_options.push_back(o);
    auto it = summary.by_lead_unit.find(id);
    if (it == summary.by_lead_unit.end()) continue;
    Data r;
    r.set("name", name);
    r.set("total", std::to_string(it->second.total));
    r.set("done", std::to_string(it->second.done));
    r.set("overdue", std::to_string(it->second.overdue));
    r.set("progress", std::to_string(it->second.MeanProgress()));
    unit_rows.push_back(r);
  }
  d.set("units", unit_rows);
  d.set("unit_options", unit_options);
  Data dim_options(Data::type::list);
  for (int g = 1; g <= 8; ++g) {
    Data o;
    o.set("id", std::to_string(g));
    o.set("name", std::to_string(g) + ". " + DimensionName(ctx.lang, g));
    o.set("selected", Data(dim && *dim == g));
    dim_options.push_back(o);
  }
  d.set("dimension_options", dim_options);
  Data status_options(Data::type::list);
  for (auto s :
       {plan::TaskStatus::kNotStarted, plan::TaskStatus::kInProgress, plan::TaskStatus::kDone}) {
    Data o;
    o.set("id", std::string(plan::StatusCode(s)));
    o.set("name", StatusLabel(ctx.lang, s));
    o.set("selected", Data(status && *status == s));
    status_options.push_back(o);
  }
  d.set("status_options", status_options);
  d.set("can_plan", Data(identity::Allows(ctx.role, Permission::kManagePlan)));
  return RenderPage(ctx, 200, "plan_board", d, Message(ctx.lang, "plan.board_title"));
}

// An officer's worklist: the open tasks his unit leads or coordinates, overdue first; for
// leaders and others without a unit, every open task of the commune.
Response Worklist(Context& ctx) {
  plan::TaskFilter f;
  f.commune_id = ctx.account->commune_id;
  f.open_only = true;
  f.unit_id = ctx.account->unit_id;
  f.limit = 500;
  std::vector<plan::Task> tasks;
  for (;;) {
    auto page = ctx.svc.plans->ListTasks(f);
    if (!page) return ErrorPage(ctx, HttpStatusFor(page.error().code, false));
    const bool more = static_cast<int>(page->size()) == f.limit;
    if (!page->empty()) f.after_id = page->back().id;
    for (auto& t : *page) tasks.push_back(std::move(t));
    if (!more) break;
  }
  auto views = ctx.svc.plan_service->Evaluate(f.commune_id, std::move(tasks));
  if (!views) return ErrorPage(ctx, HttpStatusFor(views.error().code, false));
  plan::SortForWorklist(*views);
  const UnitNames units = LoadUnitNames(ctx, f.commune_id);
  Data d, rows(Data::type::list);
  int overdue = 0;
  for (const auto& v : *views) {
    rows.push_back(TaskData(ctx, v, units));
    overdue += v.deadline.overdue ? 1 : 0;
  }
  d.set("tasks", rows);
  d.set("count", std::to_string(views->size()));
  d.set("overdue", std::to_string(overdue));
  if (ctx.account->unit_id) {
    auto it = units.find(*ctx.account->unit_id);
    if (it != units.end()) d.set("unit", it->second);
  }
  return RenderPage(ctx, 200, "plan_worklist", d, Message(ctx.lang, "plan.worklist_title"));
}

Response ExportCsv(Context& ctx) {
  auto loaded = LoadPlan(ctx);
  if (!loaded) return ErrorPage(ctx, HttpStatusFor(loaded.error().code, false));
  // The byte-order mark makes spreadsheet programs on Windows read the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBFid,section,title,dimension,subdimensions,lead_unit,starts_on,due,recurrence,"
      "status,"
      "progress,overdue\r\n";
  if (*loaded) {
    const UnitNames units = LoadUnitNames(ctx, ctx.account->commune_id);
    for (const auto& v : (*loaded)->views) {
      const plan::Task& t = v.task;
      std::string codes;
      for (const auto& c : t.subdimensions) codes += (codes.empty() ? "" : ";") + c;
      auto unit = units.find(t.lead_unit_id);
      out += std::to_string(t.id) + "," + CsvEscape(t.section) + "," + CsvEscape(t.title) + "," +
             std::to_string(t.dimension) + "," + CsvEscape(codes) + "," +
             CsvEscape(unit == units.end() ? "" : unit->second) + "," + t.starts_on.ToIso() + "," +
             (v.deadline.due ? v.deadline.due->ToIso() : "") + "," +
             std::string(plan::RecurrenceCode(t.recurrence)) + "," +
             std::string(plan::StatusCode(t.status)) + "," + std::to_string(t.progress) + "," +
             (v.deadline.overdue ? "1" : "0") + "\r\n";
    }
  }
  Response r{200, {}, std::move(out)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition", "attachment; filename=\"nhiem-vu.csv\"");
}

}  // namespace

void AddPlanRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/ke-hoach", Permission::kViewPlan, RouteKind::kPage, Board});
  routes.push_back({"GET", "/quan-ly/nhiem-vu", Permission::kViewPlan, RouteKind::kPage, Worklist});
  routes.push_back(
      {"GET", "/quan-ly/nhiem-vu.csv", Permission::kViewPlan, RouteKind::kPage, ExportCsv});
}

}  // namespace xaso::web
