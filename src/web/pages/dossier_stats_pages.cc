// The one-stop shop's statistics (issue 5, part 5) for the signed-in account's commune: per
// procedure, field, unit or month of receipt, what was received, finished early, on time or
// late, overdue now, refused, stopped, the applicants' satisfaction and the two components of
// the 766 index. From the kept counts (DossierService::LoadStatistics), never the dossiers; no
// personal data. GET /quan-ly/ho-so/thong-ke and its .csv.
#include "core/csv.h"
#include "web/pages/dossier_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;
using onestop::StatisticsBy;
using onestop::StatisticsLine;

std::string Points(std::optional<double> p) { return p ? VnDecimal(*p) : "—"; }

// The line's name: a procedure with its code, a unit by its name, a month as mm/yyyy.
std::string LineName(const StatisticsLine& l, StatisticsBy by,
                     const std::map<std::string, std::string>& units) {
  switch (by) {
    case StatisticsBy::kProcedure: return l.name.empty() ? l.key : l.name + " (" + l.key + ")";
    case StatisticsBy::kUnit: {
      auto it = units.find(l.key);
      return it == units.end() ? l.key : it->second;
    }
    case StatisticsBy::kMonth:
      return l.key.size() == 7 ? l.key.substr(5, 2) + "/" + l.key.substr(0, 4) : l.key;
    case StatisticsBy::kField: return l.key;
  }
  return l.key;
}

Data LineData(const StatisticsLine& l, const std::string& name) {
  Data x;
  x.set("name", name);
  x.set("received", VnInt(l.received));
  x.set("early", VnInt(l.finished.early));
  x.set("on_time", VnInt(l.finished.on_time));
  x.set("late", VnInt(l.finished.late));
  x.set("overdue_now", VnInt(l.overdue_now));
  x.set("within_time", VnInt(l.within_time));
  x.set("refused", VnInt(l.refused));
  x.set("stopped", VnInt(l.stopped));
  x.set("very_satisfied", VnInt(l.very_satisfied));
  x.set("satisfied", VnInt(l.satisfied));
  x.set("not_satisfied", VnInt(l.not_satisfied));
  x.set("timeliness_points", Points(l.timeliness_points()));
  x.set("satisfaction_points", Points(l.satisfaction_points()));
  return x;
}

std::string ByLabel(Lang lang, StatisticsBy by) {
  return Message(lang, "dossier.stats.by." + std::string(StatisticsByCode(by)));
}

Response Page(Context& ctx) {
  const std::string from = ctx.req.Query("tu");
  const std::string to = ctx.req.Query("den");
  const std::string by = ctx.req.Query("theo");
  const auto filter = DossierStatisticsFilter(ctx, from, to, by);
  const std::string title = Message(ctx.lang, "dossier.stats.title");
  Data d;
  Data groupings(Data::type::list);
  for (auto b : {StatisticsBy::kProcedure, StatisticsBy::kField, StatisticsBy::kUnit,
                 StatisticsBy::kMonth}) {
    Data g;
    g.set("value", std::string(StatisticsByCode(b)));
    g.set("label", ByLabel(ctx.lang, b));
    g.set("selected", Data(filter && filter->by == b));
    groupings.push_back(g);
  }
  d.set("groupings", groupings);
  if (!filter) {
    if (!from.empty()) d.set("from", from);
    if (!to.empty()) d.set("to", to);
    d.set("error", Message(ctx.lang, "dossier.stats.bad_filter"));
    return RenderPage(ctx, 400, "dossier_stats", d, title);
  }
  auto st = ctx.svc.dossiers->LoadStatistics(*filter);
  if (!st) return ErrorPage(ctx, HttpStatusFor(st.error().code, false));
  const auto units = UnitNamesByCode(ctx, ctx.account->commune_id);
  d.set("from", filter->from_month);
  d.set("to", filter->to_month);
  d.set("by_label", ByLabel(ctx.lang, filter->by));
  d.set("csv_href", "/quan-ly/ho-so/thong-ke.csv?tu=" + filter->from_month + "&den=" +
                        filter->to_month + "&theo=" + std::string(StatisticsByCode(filter->by)));
  // The register's export carries applicants' names: only for those who read the register.
  if (identity::Allows(ctx.role, identity::Permission::kViewDossiers)) {
    d.set("export_href",
          "/quan-ly/ho-so/xuat.csv?from=" + filter->from_month + "&to=" + filter->to_month);
  }
  Data lines(Data::type::list);
  for (const auto& l : st->lines) lines.push_back(LineData(l, LineName(l, filter->by, units)));
  d.set("lines", lines);
  d.set("total", LineData(st->total, Message(ctx.lang, "dossier.stats.total")));
  d.set("empty", Data(st->lines.empty()));
  return RenderPage(ctx, 200, "dossier_stats", d, title);
}

std::string PointsCsv(std::optional<double> p) {
  if (!p) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *p);
  return buf;
}

std::string LineCsv(const StatisticsLine& l, const std::string& key, const std::string& name) {
  std::string out = CsvEscape(key) + "," + CsvEscape(name);
  for (int64_t n :
       {l.received, l.finished.early, l.finished.on_time, l.finished.late, l.overdue_now,
        l.within_time, l.refused, l.stopped, l.very_satisfied, l.satisfied, l.not_satisfied}) {
    out += "," + std::to_string(n);
  }
  return out + "," + PointsCsv(l.timeliness_points()) + "," + PointsCsv(l.satisfaction_points()) +
         "\r\n";
}

Response Csv(Context& ctx) {
  const auto filter = DossierStatisticsFilter(ctx, ctx.req.Query("tu"), ctx.req.Query("den"),
                                              ctx.req.Query("theo"));
  if (!filter) return ErrorPage(ctx, 400);
  auto st = ctx.svc.dossiers->LoadStatistics(*filter);
  if (!st) return ErrorPage(ctx, HttpStatusFor(st.error().code, false));
  const auto units = UnitNamesByCode(ctx, ctx.account->commune_id);
  // The byte-order mark makes spreadsheet programs on Windows read the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBFkey,name,received,early,on_time,late,overdue_now,within_time,refused,stopped,"
      "very_satisfied,satisfied,not_satisfied,timeliness_points,satisfaction_points\r\n";
  for (const auto& l : st->lines) out += LineCsv(l, l.key, LineName(l, filter->by, units));
  out += LineCsv(st->total, "", Message(ctx.lang, "dossier.stats.total"));
  Response r{200, {}, std::move(out)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition", "attachment; filename=\"thong-ke-ho-so.csv\"");
}

}  // namespace

void AddDossierStatsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/ho-so/thong-ke", Permission::kViewDossierStatistics,
                    RouteKind::kPage, Page});
  routes.push_back({"GET", "/quan-ly/ho-so/thong-ke.csv", Permission::kViewDossierStatistics,
                    RouteKind::kPage, Csv});
}

}  // namespace xaso::web
