// Pieces the dossier pages and the dossier API share (issue 5, parts 4–6): labels in the
// visitor's language, the statistics filter read from a request, unit names by code.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/onestop/dossier.h"
#include "domain/onestop/dossier_statistics.h"
#include "web/router.h"

namespace xaso::web {

std::string DossierStatusLabel(Lang lang, onestop::DossierStatus s);
// Empty for a code that is not a status (the receipt line of the sheet has no "from").
std::string DossierStatusLabel(Lang lang, const std::string& status_code);
std::string TimelinessLabel(Lang lang, onestop::Timeliness t);
std::string SatisfactionLabel(Lang lang, onestop::Satisfaction s);

// "procedure", "field", "unit", "month".
std::string_view StatisticsByCode(onestop::StatisticsBy by);
std::optional<onestop::StatisticsBy> StatisticsByFromCode(std::string_view code);

// The statistics of the signed-in account's commune over the months `from`..`to` ("YYYY-MM";
// empty: January of this year, this month) grouped by `by` (empty: procedure). nullopt for a
// malformed month, a `from` after `to` or an unknown grouping.
std::optional<onestop::StatisticsFilter> DossierStatisticsFilter(const Context& ctx,
                                                                 const std::string& from,
                                                                 const std::string& to,
                                                                 const std::string& by);

// The commune's unit names by unit code, in the visitor's language.
std::map<std::string, std::string> UnitNamesByCode(Context& ctx, int64_t commune_id);

// The month of a Unix time in Vietnam, "YYYY-MM".
std::string MonthVn(int64_t unix_seconds);

}  // namespace xaso::web
