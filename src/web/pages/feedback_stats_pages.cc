#include <algorithm>

#include "web/pages/feedback_stats_view.h"
#include "web/pages/feedback_view.h"
#include "web/pages/plan_view.h"
#include "web/svg_chart.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using feedback::ItemStatus;

// One table row: a name, a count and its share of the total.
Data CountRow(const std::string& name, int64_t n, int64_t total) {
  Data x;
  x.set("name", name);
  x.set("n", VnInt(n));
  x.set("share", VnPercent(feedback::Share(n, total)));
  return x;
}

std::string DaysText(Lang lang, std::optional<double> days) {
  if (!days) return "—";
  return VnDecimal(*days) + " " + Message(lang, "feedback.stats.working_days");
}

// The figures both pages show.
void SetHeadline(Lang lang, const feedback::Statistics& st, Data& d) {
  d.set("total", VnInt(st.total));
  d.set("answered", VnInt(st.answered));
  d.set("on_time", VnInt(st.on_time));
  d.set("on_time_share", VnPercent(st.OnTimeShare()));
  d.set("median", DaysText(lang, st.median_days));
  d.set("p90", DaysText(lang, st.p90_days ? std::optional<double>(*st.p90_days) : std::nullopt));
  d.set("rated", VnInt(st.satisfied + st.unsatisfied));
  d.set("satisfied", VnInt(st.satisfied));
  d.set("satisfied_share", VnPercent(st.SatisfiedShare()));
}

// "2024-02" as "02/2024".
std::string MonthVi(const std::string& month) {
  return month.substr(5, 2) + "/" + month.substr(0, 4);
}

Data ByStatus(Lang lang, const feedback::Statistics& st) {
  Data rows(Data::type::list);
  for (auto s : {ItemStatus::kReceived, ItemStatus::kAssigned, ItemStatus::kInProgress,
                 ItemStatus::kAnswered, ItemStatus::kClosed, ItemStatus::kForwarded}) {
    const auto it = st.by_status.find(s);
    rows.push_back(CountRow(FeedbackStatusLabel(lang, s), it == st.by_status.end() ? 0 : it->second,
                            st.total));
  }
  return rows;
}

}  // namespace

Response FeedbackStatisticsPage(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  feedback::StatisticsFilter filter{ctx.req.Query("tu"), ctx.req.Query("den")};
  Data d;
  d.set("from", filter.from_month);
  d.set("to", filter.to_month);
  const bool bad_from = !filter.from_month.empty() && !feedback::IsMonth(filter.from_month);
  const bool bad_to = !filter.to_month.empty() && !feedback::IsMonth(filter.to_month);
  const std::string title = Message(ctx.lang, "feedback.stats.title");
  if (bad_from || bad_to) {
    d.set("error", Message(ctx.lang, "feedback.stats.bad_month"));
    return RenderPage(ctx, 400, "feedback_stats", d, title);
  }
  auto st = ctx.svc.feedback_repo->LoadStatistics(commune_id, filter);
  if (!st) return ErrorPage(ctx, HttpStatusFor(st.error().code, false));
  SetHeadline(ctx.lang, *st, d);
  d.set("empty", Data(st->total == 0));
  d.set("by_status", ByStatus(ctx.lang, *st));
  const CategoryNames categories = LoadCategoryNames(ctx, commune_id);
  Data by_category(Data::type::list);
  std::vector<Bar> bars;
  for (const auto& [id, n] : st->by_category) {
    const std::string name = CategoryName(categories, id);
    by_category.push_back(CountRow(name, n, st->total));
    bars.push_back({name, static_cast<int>(n * 100 / std::max<int64_t>(st->total, 1)), VnInt(n)});
  }
  d.set("by_category", by_category);
  if (!bars.empty()) {
    d.set("category_chart", ProgressBarsSvg(Message(ctx.lang, "feedback.stats.by_category"), bars));
  }
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  Data by_unit(Data::type::list);
  for (const auto& [id, n] : st->by_unit) {
    const auto it = units.find(id);
    by_unit.push_back(
        CountRow(it != units.end() ? it->second : Message(ctx.lang, "feedback.stats.no_unit"), n,
                 st->total));
  }
  d.set("by_unit", by_unit);
  Data by_month(Data::type::list);
  for (const auto& [month, n] : st->by_month)
    by_month.push_back(CountRow(MonthVi(month), n, st->total));
  d.set("by_month", by_month);
  return RenderPage(ctx, 200, "feedback_stats", d, title);
}

void SetPublicFeedbackSummary(Context& ctx, int64_t commune_id, Data& d) {
  auto st = ctx.svc.feedback_repo->LoadStatistics(commune_id, {});
  // The summary is an addition to the list: without it the list is still worth showing.
  if (!st || st->total == 0) return;
  Data summary;
  SetHeadline(ctx.lang, *st, summary);
  d.set("summary", summary);
}

}  // namespace xaso::web
