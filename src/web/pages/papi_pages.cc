// The PAPI dashboard for staff (issue 6, items 5 and 7): the province's published scores year
// against year beside the national reference, the sub-dimension table with its weak spots, and
// the plan tasks that serve each weak spot. The commune's own self-assessment joins this page
// once surveys exist; until then it says so.
#include <algorithm>
#include <cstdio>

#include "domain/papi/benchmark.h"
#include "web/pages/plan_view.h"
#include "web/svg_chart.h"

namespace xaso::web {
namespace {

using identity::Permission;

// A sub-dimension S lies in [1/K, 10/K]; "the lowest fifth" is below 1/K + (9/K)/5 = 2.8/K.
constexpr double kLowFifth = 2.8;

// A published score to its 4 decimals, with the Vietnamese decimal comma: 44,1831.
std::string Score4(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Score4(const std::optional<double>& value) { return value ? Score4(*value) : "—"; }

// The benchmark rows of the commune's province ("Tỉnh Hưng Yên" matches "Hưng Yên"), by year.
std::vector<const papi::ScoreRow*> ProvinceRows(const std::string& province) {
  std::vector<const papi::ScoreRow*> rows;
  for (const auto& r : papi::ShippedProvinceScores()) {
    const bool same =
        province == r.unit || (province.size() > r.unit.size() && province.ends_with(" " + r.unit));
    if (same) rows.push_back(&r);
  }
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->year < b->year; });
  return rows;
}

std::string SubName(Lang lang, const papi::SubDimension& s) {
  return lang == Lang::kEn ? s.name_en : s.name_vi;
}

// Every task of the commune, page by page.
Result<std::vector<plan::Task>> AllTasks(Context& ctx, int64_t commune_id) {
  plan::TaskFilter f;
  f.commune_id = commune_id;
  f.limit = 500;
  std::vector<plan::Task> tasks;
  for (;;) {
    auto page = ctx.svc.plans->ListTasks(f);
    if (!page) return page.error();
    const bool more = static_cast<int>(page->size()) == f.limit;
    if (!page->empty()) f.after_id = page->back().id;
    for (auto& t : *page) tasks.push_back(std::move(t));
    if (!more) return tasks;
  }
}

// The aggregate per year against the national reference, and the chart of both.
void SetYears(Context& ctx, const std::vector<const papi::ScoreRow*>& rows, Data& d) {
  const auto& refs = papi::ShippedNationalReference();
  Data years(Data::type::list);
  std::vector<Bar> bars;
  for (const auto* r : rows) {
    Data y;
    y.set("year", std::to_string(r->year));
    y.set("aggregate", Score4(r->aggregate));
    const auto* ref = papi::FindReference(refs, r->year);
    if (ref) {
      y.set("median", Score4(ref->median));
      y.set("p25", Score4(ref->p25));
      y.set("p75", Score4(ref->p75));
      y.set("n", std::to_string(ref->n));
    }
    if (ref && r->aggregate) {
      const auto group = papi::GroupOf(*r->aggregate, ref->quartiles());
      y.set("group", std::string(papi::GroupNameVi(group)));
      y.set("group_code", std::string(papi::GroupCode(group)));
    }
    years.push_back(y);
    // Bars on the aggregate's whole range [8, 80], so lengths compare honestly.
    const auto pct = [](double x) { return static_cast<int>((x - 8) * 100 / 72); };
    if (r->aggregate) {
      bars.push_back({std::to_string(r->year) + " · " + Message(ctx.lang, "papi.dash.province"),
                      pct(*r->aggregate), Score4(*r->aggregate)});
    }
    if (ref) {
      bars.push_back({std::to_string(r->year) + " · " + Message(ctx.lang, "papi.dash.median"),
                      pct(ref->median), Score4(ref->median)});
    }
  }
  d.set("years", years);
  if (!bars.empty()) d.set("chart", ProgressBarsSvg(Message(ctx.lang, "papi.dash.chart"), bars));
}

void SetDimensions(Context& ctx, const std::vector<const papi::ScoreRow*>& rows, Data& d) {
  Data dims(Data::type::list);
  for (const auto& dim : papi::Catalogue::Default().dimensions()) {
    Data x;
    x.set("number", std::to_string(dim.number));
    x.set("name", ctx.lang == Lang::kEn ? dim.name_en : dim.name_vi);
    Data cells(Data::type::list);
    for (const auto* r : rows)
      cells.push_back(Data("score", Score4(r->dimensions[dim.number - 1])));
    x.set("cells", cells);
    dims.push_back(x);
  }
  d.set("dimensions", dims);
}

// The sub-dimension table; a row is weak when, in the latest year, its score fell from the year
// before or lies in the lowest fifth of its range. Weak rows list the tasks that serve them.
void SetSubDimensions(Context& ctx, const std::vector<const papi::ScoreRow*>& rows,
                      const std::vector<plan::Task>& tasks, Data& d) {
  const auto& catalogue = papi::Catalogue::Default();
  const papi::ScoreRow& latest = *rows.back();
  const papi::ScoreRow* previous = rows.size() > 1 ? rows[rows.size() - 2] : nullptr;
  const bool can_plan = identity::Allows(ctx.role, Permission::kManagePlan);
  Data subs(Data::type::list), weak(Data::type::list);
  for (const auto& s : catalogue.subdimensions()) {
    if (!s.AppliesIn(latest.year)) continue;
    Data x;
    x.set("code", s.code);
    x.set("name", SubName(ctx.lang, s));
    Data cells(Data::type::list);
    for (const auto* r : rows) {
      const auto it = r->subdimensions.find(s.code);
      cells.push_back(
          Data("score", it == r->subdimensions.end() ? std::string("—") : Score4(it->second)));
    }
    x.set("cells", cells);
    const auto now = latest.subdimensions.find(s.code);
    if (now == latest.subdimensions.end()) {
      subs.push_back(x);
      continue;
    }
    const int k = catalogue.SubDimensionCount(s.dimension, latest.year);
    const bool low = k > 0 && now->second < kLowFifth / k;
    bool fell = false;
    if (previous) {
      const auto before = previous->subdimensions.find(s.code);
      fell = before != previous->subdimensions.end() && now->second < before->second;
    }
    if (low || fell) {
      std::string reason;
      if (fell) reason = Message(ctx.lang, "papi.dash.fell");
      if (low) reason += (reason.empty() ? "" : "; ") + Message(ctx.lang, "papi.dash.low");
      x.set("weak_reason", reason);
      Data w;
      w.set("code", s.code);
      w.set("name", SubName(ctx.lang, s));
      w.set("reason", reason);
      Data linked(Data::type::list);
      int n = 0;
      for (const auto& t : tasks) {
        if (std::find(t.subdimensions.begin(), t.subdimensions.end(), s.code) ==
            t.subdimensions.end()) {
          continue;
        }
        Data tx;
        tx.set("href", "/quan-ly/nhiem-vu/" + std::to_string(t.id));
        tx.set("title", t.title);
        tx.set("section", t.section);
        tx.set("status", StatusLabel(ctx.lang, t.status));
        linked.push_back(tx);
        ++n;
      }
      if (n == 0) {
        w.set("none", Data(true));
        w.set("can_plan", Data(can_plan));
      } else {
        w.set("has_tasks", Data(true));
        w.set("tasks", linked);
      }
      weak.push_back(w);
    }
    subs.push_back(x);
  }
  d.set("subdimensions", subs);
  d.set("weak", weak);
  d.set("latest_year", std::to_string(latest.year));
  if (previous) d.set("previous_year", std::to_string(previous->year));
}

Response Dashboard(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  auto commune = ctx.svc.identity->GetCommune(commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  const auto rows = ProvinceRows(commune->province);
  Data d;
  d.set("province", commune->province);
  const std::string title = Message(ctx.lang, "papi.dash.title");
  if (rows.empty()) return RenderPage(ctx, 200, "papi_dashboard", d, title);
  d.set("has_scores", Data(true));
  Data heads(Data::type::list);
  for (const auto* r : rows) heads.push_back(Data("year", std::to_string(r->year)));
  d.set("year_heads", heads);
  auto tasks = AllTasks(ctx, commune_id);
  if (!tasks) return ErrorPage(ctx, HttpStatusFor(tasks.error().code, false));
  SetYears(ctx, rows, d);
  SetDimensions(ctx, rows, d);
  SetSubDimensions(ctx, rows, *tasks, d);
  return RenderPage(ctx, 200, "papi_dashboard", d, title);
}

}  // namespace

void AddPapiRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/papi", Permission::kViewPlan, RouteKind::kPage, Dashboard});
}

}  // namespace xaso::web
