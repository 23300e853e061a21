#include "web/pages/dossier_view.h"

#include "domain/feedback/feedback_statistics.h"

namespace xaso::web {

std::string DossierStatusLabel(Lang lang, onestop::DossierStatus s) {
  return Message(lang, "dossier.status." + std::string(onestop::DossierStatusCode(s)));
}

std::string DossierStatusLabel(Lang lang, const std::string& status_code) {
  if (!onestop::DossierStatusFromCode(status_code)) return {};  // the receipt has no "from"
  return Message(lang, "dossier.status." + status_code);
}

std::string TimelinessLabel(Lang lang, onestop::Timeliness t) {
  return Message(lang, "dossier.timeliness." + std::string(onestop::TimelinessCode(t)));
}

std::string SatisfactionLabel(Lang lang, onestop::Satisfaction s) {
  return Message(lang, "dossier.satisfaction." + std::string(onestop::SatisfactionCode(s)));
}

std::string_view StatisticsByCode(onestop::StatisticsBy by) {
  switch (by) {
    case onestop::StatisticsBy::kProcedure: return "procedure";
    case onestop::StatisticsBy::kField: return "field";
    case onestop::StatisticsBy::kUnit: return "unit";
    case onestop::StatisticsBy::kMonth: return "month";
  }
  return "procedure";
}

std::optional<onestop::StatisticsBy> StatisticsByFromCode(std::string_view code) {
  for (auto by : {onestop::StatisticsBy::kProcedure, onestop::StatisticsBy::kField,
                  onestop::StatisticsBy::kUnit, onestop::StatisticsBy::kMonth}) {
    if (StatisticsByCode(by) == code) return by;
  }
  return std::nullopt;
}

std::optional<onestop::StatisticsFilter> DossierStatisticsFilter(const Context& ctx,
                                                                 const std::string& from,
                                                                 const std::string& to,
                                                                 const std::string& by) {
  const std::string this_month = ctx.svc.clock->TodayVn().ToIso().substr(0, 7);
  onestop::StatisticsFilter f;
  f.commune_ids = {ctx.account->commune_id};
  f.from_month = from.empty() ? this_month.substr(0, 4) + "-01" : from;
  f.to_month = to.empty() ? this_month : to;
  const auto grouping = StatisticsByFromCode(by.empty() ? "procedure" : by);
  if (!feedback::IsMonth(f.from_month) || !feedback::IsMonth(f.to_month) || !grouping ||
      f.from_month > f.to_month) {
    return std::nullopt;
  }
  f.by = *grouping;
  return f;
}

std::map<std::string, std::string> UnitNamesByCode(Context& ctx, int64_t commune_id) {
  std::map<std::string, std::string> out;
  if (auto units = ctx.svc.identity->ListUnits(commune_id)) {
    for (const auto& u : *units) {
      out[u.code] = ctx.lang == Lang::kEn && !u.name_en.empty() ? u.name_en : u.name_vi;
    }
  }
  return out;
}

std::string MonthVn(int64_t unix_seconds) {
  return Clock::DayVn(unix_seconds).ToIso().substr(0, 7);
}

}  // namespace xaso::web
