// GET /api/v1/feedback/statistics?from=YYYY-MM&to=YYYY-MM: the figures of the staff statistics
// page as JSON, for the signed-in account's commune (FeedbackRepository::LoadStatistics).
#include <nlohmann/json.hpp>

#include "web/pages/feedback_stats_view.h"
#include "web/pages/feedback_view.h"

namespace xaso::web {

namespace {

using nlohmann::json;

json Optional(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

}  // namespace

Response FeedbackStatisticsJson(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  const feedback::StatisticsFilter filter{ctx.req.Query("from"), ctx.req.Query("to")};
  Error bad{ErrorCode::kInvalidArgument, "Tháng không hợp lệ.", {}};
  for (const auto& [field, value] :
       {std::pair{"from", filter.from_month}, {"to", filter.to_month}}) {
    if (!value.empty() && !feedback::IsMonth(value)) {
      bad.fields.push_back({field, "Nhập tháng theo dạng năm-tháng, ví dụ 2026-03."});
    }
  }
  if (!bad.fields.empty()) return ErrorJson(HttpStatusFor(bad.code, false), bad);
  auto st = ctx.svc.feedback_repo->LoadStatistics(commune_id, filter);
  if (!st) return ErrorJson(HttpStatusFor(st.error().code, false), st.error());
  const CategoryNames names = LoadCategoryNames(ctx, commune_id);
  json by_status = json::object();
  for (const auto& [status, n] : st->by_status) by_status[std::string(StatusCode(status))] = n;
  json by_category = json::array();
  for (const auto& [id, n] : st->by_category) {
    by_category.push_back({{"id", id}, {"name", CategoryName(names, id)}, {"count", n}});
  }
  json by_unit = json::array();
  for (const auto& [id, n] : st->by_unit) {
    by_unit.push_back({{"id", id == 0 ? json(nullptr) : json(id)}, {"count", n}});
  }
  json by_month = json::array();
  for (const auto& [month, n] : st->by_month) by_month.push_back({{"month", month}, {"count", n}});
  const json out = {
      {"from", filter.from_month.empty() ? json(nullptr) : json(filter.from_month)},
      {"to", filter.to_month.empty() ? json(nullptr) : json(filter.to_month)},
      {"total", st->total},
      {"by_status", by_status},
      {"by_category", by_category},
      {"by_unit", by_unit},
      {"by_month", by_month},
      {"answered", st->answered},
      {"answered_on_time", st->on_time},
      {"on_time_share", Optional(st->OnTimeShare())},
      {"median_working_days", Optional(st->median_days)},
      {"p90_working_days", st->p90_days ? json(*st->p90_days) : json(nullptr)},
      {"satisfied", st->satisfied},
      {"unsatisfied", st->unsatisfied},
      {"satisfied_share", Optional(st->SatisfiedShare())},
  };
  return JsonResponse(200, out.dump());
}

}  // namespace xaso::web
