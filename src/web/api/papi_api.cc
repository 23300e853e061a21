// GET /api/v1/papi/leading-indicators?from=YYYY-MM&to=YYYY-MM: the leading indicators of the
// signed-in account's commune as JSON, each with its PAPI sub-dimension and the proxy note.
#include <nlohmann/json.hpp>

#include "web/pages/papi_leading_view.h"

namespace xaso::web {

Response LeadingIndicatorsJson(Context& ctx) {
  const auto period = ParseLeadingPeriod(ctx, ctx.req.Query("from"), ctx.req.Query("to"));
  if (!period) {
    return ErrorJson(400, {ErrorCode::kInvalidArgument,
                           "Tháng không hợp lệ.",
                           {{"from", "Tháng dạng năm-tháng, ví dụ 2026-03, không sau to."},
                            {"to", "Tháng dạng năm-tháng, ví dụ 2026-06."}}});
  }
  auto indicators = LoadLeadingIndicators(ctx, *period);
  if (!indicators) {
    return ErrorJson(HttpStatusFor(indicators.error().code, false), indicators.error());
  }
  nlohmann::json list = nlohmann::json::array();
  for (const papi::LeadingIndicator& li : *indicators) {
    list.push_back({{"code", li.code},
                    {"label_vi", li.label_vi},
                    {"label_en", li.label_en},
                    {"subdimension", li.subdimension},
                    {"numerator", li.numerator},
                    {"denominator", li.denominator},
                    {"share", li.share ? nlohmann::json(*li.share) : nlohmann::json(nullptr)},
                    {"note", li.note}});
  }
  const nlohmann::json out = {
      {"from", period->from_month}, {"to", period->to_month}, {"indicators", list}};
  return JsonResponse(200, out.dump());
}

void AddPapiApiRoutes(std::vector<Route>& routes) {
  // The same readers as the page (papi_leading_pages.cc).
  routes.push_back({"GET", "/api/v1/papi/leading-indicators", identity::Permission::kViewPlan,
                    RouteKind::kApi, LeadingIndicatorsJson});
}

}  // namespace xaso::web
