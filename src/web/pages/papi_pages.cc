// The PAPI dashboard for staff (issue 6, items 5 and 7): the commune's self-assessment (its
// "papi" surveys scored by the PAPI method, papi_self_view.h) beside the province's published
// scores year against year and the national reference, the sub-dimension table with its weak
// spots, and the plan tasks that serve each weak spot.
#include <algorithm>
#include <map>

#include "domain/papi/benchmark.h"
#include "web/pages/papi_self_view.h"
#include "web/pages/plan_view.h"
#include "web/svg_chart.h"

namespace xaso::web {
namespace {

using identity::Permission;

// A sub-dimension S lies in [1/K, 10/K]; "the lowest fifth" is below 1/K + (9/K)/5 = 2.8/K.
constexpr double kLowFifth = 2.8;

// The benchmark rows of the commune's province ("Tỉnh Hưng Yên" matches "Hưng Yên"), by year:
// the shipped ones and the imported ones (`xaso papi benchmark import`), an imported (province,
// year) replacing the shipped one, so a corrected file wins over the build's.
std::vector<const papi::ScoreRow*> ProvinceRows(const std::string& province,
                                                const std::vector<papi::ScoreRow>& shipped,
                                                const std::vector<papi::ScoreRow>& stored) {
  auto same = [&](const papi::ScoreRow& r) {
    return province == r.unit ||
           (province.size() > r.unit.size() && province.ends_with(" " + r.unit));
  };
  std::map<int, const papi::ScoreRow*> by_year;
  for (const auto& r : shipped) {
    if (same(r)) by_year[r.year] = &r;
  }
  for (const auto& r : stored) {
    if (same(r)) by_year[r.year] = &r;
  }
  std::vector<const papi::ScoreRow*> rows;
  rows.reserve(by_year.size());
  for (const auto& [year, r] : by_year) rows.push_back(r);
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
    if (r->aggregate) {
      bars.push_back(
          AggregateBar(std::to_string(r->year) + " · " + Message(ctx.lang, "papi.dash.province"),
                       *r->aggregate, r->year));
    }
    if (ref) {
      bars.push_back(
          AggregateBar(std::to_string(r->year) + " · " + Message(ctx.lang, "papi.dash.median"),
                       ref->median, r->year));
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

// Why each weak sub-dimension is weak, by code. With a self-assessment: the commune's rule
// (ADR 0012); without one: the province's latest year fell from the year before or lies in the
// lowest fifth of its range.
std::map<std::string, std::string> WeakReasons(Context& ctx,
                                               const std::vector<const papi::ScoreRow*>& rows,
                                               const std::vector<papi::SelfScores>& selfs) {
  std::map<std::string, std::string> reasons;
  if (!selfs.empty()) {
    const auto& latest = selfs.back();
    const auto* previous = selfs.size() > 1 ? &selfs[selfs.size() - 2] : nullptr;
    for (const auto& w : papi::FindWeakSpots(latest, previous, BenchmarkFor(rows, latest.year))) {
      std::string reason;
      if (w.below_province) {
        reason = Message(
            ctx.lang, w.clearly_below ? "papi.self.clearly_below" : "papi.self.below_maybe_chance");
      }
      if (w.fell) reason += (reason.empty() ? "" : "; ") + Message(ctx.lang, "papi.self.fell");
      reasons[w.code] = reason;
    }
    return reasons;
  }
  if (rows.empty()) return reasons;
  const auto& catalogue = papi::Catalogue::Default();
  const papi::ScoreRow& latest = *rows.back();
  const papi::ScoreRow* previous = rows.size() > 1 ? rows[rows.size() - 2] : nullptr;
  for (const auto& [code, score] : latest.subdimensions) {
    const auto* sub = catalogue.Find(code);
    if (sub == nullptr) continue;
    const int k = catalogue.SubDimensionCount(sub->dimension, latest.year);
    const bool low = k > 0 && score < kLowFifth / k;
    bool fell = false;
    if (previous) {
      const auto before = previous->subdimensions.find(code);
      fell = before != previous->subdimensions.end() && score < before->second;
    }
    std::string reason;
    if (fell) reason = Message(ctx.lang, "papi.dash.fell");
    if (low) reason += (reason.empty() ? "" : "; ") + Message(ctx.lang, "papi.dash.low");
    if (!reason.empty()) reasons[code] = reason;
  }
  return reasons;
}

// The plan tasks that serve sub-dimension `code`, or the prompt to add one.
Data WeakSpotData(Context& ctx, const papi::SubDimension& s, const std::string& reason,
                  const std::vector<plan::Task>& tasks) {
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
    w.set("can_plan", Data(identity::Allows(ctx.role, Permission::kManagePlan)));
  } else {
    w.set("has_tasks", Data(true));
    w.set("tasks", linked);
  }
  return w;
}

// The sub-dimension table (the commune's latest self-assessment, then the province by year)
// and the weak spots with the tasks that serve them.
void SetSubDimensions(Context& ctx, const std::vector<const papi::ScoreRow*>& rows,
                      const std::vector<papi::SelfScores>& selfs,
                      const std::vector<plan::Task>& tasks, Data& d) {
  const auto& catalogue = papi::Catalogue::Default();
  const int year = !selfs.empty() ? selfs.back().year : rows.back()->year;
  const auto reasons = WeakReasons(ctx, rows, selfs);
  Data subs(Data::type::list), weak(Data::type::list);
  for (const auto& s : catalogue.subdimensions()) {
    if (!s.AppliesIn(year)) continue;
    Data x;
    x.set("code", s.code);
    x.set("name", SubName(ctx.lang, s));
    if (!selfs.empty()) {
      const auto it = selfs.back().subdimensions.find(s.code);
      x.set("self", it == selfs.back().subdimensions.end() ? std::string("—")
                                                           : ScoreWithInterval(it->second));
    }
    Data cells(Data::type::list);
    for (const auto* r : rows) {
      const auto it = r->subdimensions.find(s.code);
      cells.push_back(
          Data("score", it == r->subdimensions.end() ? std::string("—") : Score4(it->second)));
    }
    x.set("cells", cells);
    if (const auto reason = reasons.find(s.code); reason != reasons.end()) {
      x.set("weak_reason", reason->second);
      weak.push_back(WeakSpotData(ctx, s, reason->second, tasks));
    }
    subs.push_back(x);
  }
  d.set("subdimensions", subs);
  d.set("weak", weak);
  if (!selfs.empty()) {
    d.set("weak_rule_self", Data(true));
    if (const auto* bench = BenchmarkFor(rows, year))
      d.set("bench_year", std::to_string(bench->year));
  } else {
    d.set("latest_year", std::to_string(rows.back()->year));
    if (rows.size() > 1) d.set("previous_year", std::to_string(rows[rows.size() - 2]->year));
  }
}

Response Dashboard(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  auto commune = ctx.svc.identity->GetCommune(commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  std::vector<papi::ScoreRow> stored;
  if (ctx.svc.papi_benchmark != nullptr) {
    auto listed = ctx.svc.papi_benchmark->List();
    if (!listed) return ErrorPage(ctx, HttpStatusFor(listed.error().code, false));
    stored = std::move(*listed);
  }
  const auto rows = ProvinceRows(commune->province, papi::ShippedProvinceScores(), stored);
  auto selfs = LoadSelfAssessments(ctx, commune_id, commune->name);
  if (!selfs) return ErrorPage(ctx, HttpStatusFor(selfs.error().code, false));
  Data d;
  d.set("province", commune->province);
  d.set("commune", commune->name);
  const std::string title = Message(ctx.lang, "papi.dash.title");
  SetSelfAssessment(ctx, *selfs, rows, d);
  if (!rows.empty()) {
    d.set("has_scores", Data(true));
    Data heads(Data::type::list);
    for (const auto* r : rows) heads.push_back(Data("year", std::to_string(r->year)));
    d.set("year_heads", heads);
    SetYears(ctx, rows, d);
    SetDimensions(ctx, rows, d);
  }
  if (!rows.empty() || !selfs->empty()) {
    auto tasks = AllTasks(ctx, commune_id);
    if (!tasks) return ErrorPage(ctx, HttpStatusFor(tasks.error().code, false));
    d.set("has_subdimensions", Data(true));
    SetSubDimensions(ctx, rows, *selfs, *tasks, d);
  }
  return RenderPage(ctx, 200, "papi_dashboard", d, title);
}

}  // namespace

void AddPapiRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/papi", Permission::kViewPlan, RouteKind::kPage, Dashboard});
}

}  // namespace xaso::web
