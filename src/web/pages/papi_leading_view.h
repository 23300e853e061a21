// Leading indicators of PAPI (issue 6, item 6) for the signed-in account's commune: the staff
// page (papi_leading_pages.cc) and the JSON API (api/papi_api.cc) share how the counts are read
// from the kept statistics (feedback, dossiers) and the plan tasks. No table of their own.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "domain/papi/leading_indicators.h"
#include "web/router.h"

namespace xaso::web {

// The months `from` to `to` ("YYYY-MM"; empty: January of this year, this month).
struct LeadingPeriod {
  std::string from_month;
  std::string to_month;
};

// nullopt for a malformed month or `from` after `to`.
std::optional<LeadingPeriod> ParseLeadingPeriod(const Context& ctx, const std::string& from,
                                                const std::string& to);

// The indicators of DefaultLeadingMappings() for the account's commune over `period`: feedback
// and dossiers received in the period, plan tasks due in it.
Result<std::vector<papi::LeadingIndicator>> LoadLeadingIndicators(Context& ctx,
                                                                  const LeadingPeriod& period);

// GET /api/v1/papi/leading-indicators?from=&to= (web/api/papi_api.cc).
Response LeadingIndicatorsJson(Context& ctx);

// The page and the API route. Declared here rather than in router.h, which every page includes.
void AddPapiLeadingRoutes(std::vector<Route>& routes);
void AddPapiApiRoutes(std::vector<Route>& routes);

}  // namespace xaso::web
