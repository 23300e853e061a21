// GET /quan-ly/papi/chi-bao: the leading indicators as a table, each labelled as a proxy for its
// PAPI sub-dimension, never as a PAPI score.
#include "domain/feedback/feedback_repository.h"
#include "domain/feedback/feedback_statistics.h"
#include "domain/onestop/dossier_service.h"
#include "domain/papi/catalogue.h"
#include "domain/plan/plan_repository.h"
#include "domain/plan/plan_service.h"
#include "web/pages/dossier_view.h"
#include "web/pages/papi_leading_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

// Every one-off task of the commune with its effective deadline (plan::Evaluate).
Result<std::vector<papi::TaskOutcome>> TaskOutcomes(Context& ctx, int64_t commune_id) {
  std::vector<papi::TaskOutcome> out;
  plan::TaskFilter filter{.commune_id = commune_id};
  while (true) {
    XASO_ASSIGN_OR_RETURN(std::vector<plan::Task> page, ctx.svc.plans->ListTasks(filter));
    const size_t n = page.size();
    if (n > 0) filter.after_id = page.back().id;
    XASO_ASSIGN_OR_RETURN(auto views, ctx.svc.plan_service->Evaluate(commune_id, std::move(page)));
    for (const plan::TaskView& v : views) {
      // A periodic task's deadline moves with the day it is read on: no fixed due date to count.
      if (v.task.recurrence != plan::Recurrence::kNone || !v.deadline.due) continue;
      out.push_back({*v.deadline.due, v.task.status == plan::TaskStatus::kDone, v.task.done_on});
    }
    if (n < static_cast<size_t>(filter.limit)) break;
  }
  return out;
}

// Every disclosure item checked in the years whose items can fall due in the months asked for
// (an item of year Y is due in Y or early in Y+1: the fourth quarter's budget, the year's
// report), as outcomes of CountTasksOnTime: its deadline, and the day it first went out.
Result<std::vector<papi::TaskOutcome>> DisclosureOutcomes(Context& ctx, int64_t commune_id,
                                                          const LeadingPeriod& period) {
  std::vector<papi::TaskOutcome> out;
  if (ctx.svc.disclosures == nullptr) return out;
  const int from_year = std::stoi(period.from_month.substr(0, 4));
  const int to_year = std::stoi(period.to_month.substr(0, 4));
  for (int year = from_year - 1; year <= to_year; ++year) {
    XASO_ASSIGN_OR_RETURN(disclosure::CommuneCompliance cc,
                          ctx.svc.disclosures->CheckYear(commune_id, year));
    for (const auto& [id, c] : cc.checked) {
      out.push_back({c.due, c.first_out.has_value(), c.first_out});
    }
  }
  return out;
}

std::string MonthVi(const std::string& month) {
  return month.substr(5, 2) + "/" + month.substr(0, 4);
}

Response Page(Context& ctx) {
  const std::string title = Message(ctx.lang, "papi.leading.title");
  Data d;
  d.set("from", ctx.req.Query("tu"));
  d.set("to", ctx.req.Query("den"));
  const auto period = ParseLeadingPeriod(ctx, ctx.req.Query("tu"), ctx.req.Query("den"));
  if (!period) {
    d.set("error", Message(ctx.lang, "papi.leading.bad_month"));
    return RenderPage(ctx, 400, "papi_leading", d, title);
  }
  d.set("from", period->from_month);
  d.set("to", period->to_month);
  d.set("period", MonthVi(period->from_month) + " – " + MonthVi(period->to_month));
  auto indicators = LoadLeadingIndicators(ctx, *period);
  if (!indicators) return ErrorPage(ctx, HttpStatusFor(indicators.error().code, false));
  Data rows(Data::type::list);
  for (const papi::LeadingIndicator& li : *indicators) {
    Data row;
    row.set("code", li.code);
    row.set("label", ctx.lang == Lang::kEn ? li.label_en : li.label_vi);
    row.set("subdimension", li.subdimension);
    if (const auto* sub = papi::Catalogue::Default().Find(li.subdimension)) {
      row.set("subdimension_name", ctx.lang == Lang::kEn ? sub->name_en : sub->name_vi);
    }
    row.set("numerator", VnInt(li.numerator));
    row.set("denominator", VnInt(li.denominator));
    row.set("share", VnPercent(li.share));
    rows.push_back(row);
  }
  d.set("indicators", rows);
  return RenderPage(ctx, 200, "papi_leading", d, title);
}

}  // namespace

std::optional<LeadingPeriod> ParseLeadingPeriod(const Context& ctx, const std::string& from,
                                                const std::string& to) {
  // The one-stop statistics' months: the same defaults and checks.
  const auto f = DossierStatisticsFilter(ctx, from, to, "");
  if (!f) return std::nullopt;
  return LeadingPeriod{f->from_month, f->to_month};
}

Result<std::vector<papi::LeadingIndicator>> LoadLeadingIndicators(Context& ctx,
                                                                  const LeadingPeriod& period) {
  const int64_t commune_id = ctx.account->commune_id;
  XASO_ASSIGN_OR_RETURN(
      feedback::Statistics fb,
      ctx.svc.feedback_repo->LoadStatistics(commune_id, {period.from_month, period.to_month}));
  onestop::StatisticsFilter dossier_filter;
  dossier_filter.commune_ids = {commune_id};
  dossier_filter.from_month = period.from_month;
  dossier_filter.to_month = period.to_month;
  dossier_filter.by = onestop::StatisticsBy::kMonth;
  XASO_ASSIGN_OR_RETURN(onestop::Statistics ds, ctx.svc.dossiers->LoadStatistics(dossier_filter));
  XASO_ASSIGN_OR_RETURN(std::vector<papi::TaskOutcome> tasks, TaskOutcomes(ctx, commune_id));
  XASO_ASSIGN_OR_RETURN(std::vector<papi::TaskOutcome> disclosures,
                        DisclosureOutcomes(ctx, commune_id, period));
  const Date today = ctx.svc.clock->TodayVn();
  const onestop::StatisticsLine& t = ds.total;
  const std::map<std::string, papi::Ratio> counts = {
      {std::string(papi::kDossierOnTime),
       {t.finished.early + t.finished.on_time, t.finished.finished()}},
      {std::string(papi::kDossierSatisfied), {t.very_satisfied + t.satisfied, t.rated()}},
      {std::string(papi::kFeedbackOnTime), {fb.on_time, fb.answered}},
      {std::string(papi::kPlanTaskOnTime),
       papi::CountTasksOnTime(tasks, period.from_month, period.to_month, today)},
      {std::string(papi::kDisclosureOnTime),
       papi::CountTasksOnTime(disclosures, period.from_month, period.to_month, today)},
  };
  return papi::ComputeLeadingIndicators(papi::DefaultLeadingMappings(), counts);
}

void AddPapiLeadingRoutes(std::vector<Route>& routes) {
  // kViewPlan: the readers of the improvement plan these figures steer (staff, the supervisor
  // and the level above); the figures are counts, with no personal data.
  routes.push_back({"GET", "/quan-ly/papi/chi-bao", Permission::kViewPlan, RouteKind::kPage, Page});
}

}  // namespace xaso::web
