// The JSON API under /api/v1. Errors share one body: {"error":{"code","message","fields"}}.
#include <charconv>

#include <nlohmann/json.hpp>

#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

Response Communes(Context& ctx) {
  auto list = ctx.svc.identity->ListCommunes();
  if (!list) return ErrorJson(HttpStatusFor(list.error().code, false), list.error());
  json out = json::array();
  for (const auto& c : *list) {
    out.push_back({{"slug", c.slug},
                   {"name", c.name},
                   {"province", c.province},
                   {"level_above", c.level_above},
                   {"url", "/xa/" + c.slug + "/"}});
  }
  return JsonResponse(200, json{{"communes", out}}.dump());
}

Response Me(Context& ctx) {
  const auto& a = *ctx.account;
  return JsonResponse(200, json{{"username", a.username},
                                {"display_name", a.display_name},
                                {"role", identity::RoleCode(a.role)},
                                {"commune_id", a.commune_id},
                                {"unit_id", a.unit_id ? json(*a.unit_id) : json(nullptr)}}
                               .dump());
}

std::optional<int> ParseInt(const std::string& s, int lo, int hi) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

// The calendar of ?commune=SLUG (its announced days off included), or the national one.
Result<std::shared_ptr<const calendar::LegalCalendar>> CalendarFor(Context& ctx) {
  const std::string slug = ctx.req.Query("commune");
  int64_t commune_id = 0;
  if (!slug.empty()) {
    auto c = ctx.svc.identity->GetCommuneBySlug(slug);
    if (!c) {
      return Error{ErrorCode::kNotFound, "Không tìm thấy xã.", {{"commune", "Không có xã này."}}};
    }
    commune_id = c->id;
  }
  return ctx.svc.calendar->For(commune_id);
}

Response Holidays(Context& ctx) {
  auto year = ParseInt(ctx.req.Query("year"), 1900, 2200);
  if (!year) {
    return ErrorJson(400, Error{ErrorCode::kInvalidArgument,
                                "Năm không hợp lệ.",
                                {{"year", "Cần một năm từ 1900 đến 2200."}}});
  }
  auto cal = CalendarFor(ctx);
  if (!cal) return ErrorJson(HttpStatusFor(cal.error().code, false), cal.error());
  json out = json::array();
  for (const auto& h : (*cal)->HolidaysIn(*year)) {
    out.push_back({{"date", h.date.ToIso()}, {"name_vi", h.name_vi}, {"key", h.key}});
  }
  return JsonResponse(200, json{{"year", *year}, {"holidays", out}}.dump());
}

Response AddWorkingDays(Context& ctx) {
  Error err{ErrorCode::kInvalidArgument, "Tham số không hợp lệ.", {}};
  auto from = Date::ParseIso(ctx.req.Query("from"));
  auto days = ParseInt(ctx.req.Query("days"), 0, 3650);
  if (!from || from->year() < 1900 || from->year() > 2200) {
    err.fields.push_back({"from", "Ngày theo dạng YYYY-MM-DD."});
  }
  if (!days) err.fields.push_back({"days", "Số ngày làm việc từ 0 đến 3650."});
  if (!err.fields.empty()) return ErrorJson(400, err);
  auto cal = CalendarFor(ctx);
  if (!cal) return ErrorJson(HttpStatusFor(cal.error().code, false), cal.error());
  const Date due = (*cal)->AddWorkingDays(*from, *days);
  return JsonResponse(200,
                      json{{"from", from->ToIso()}, {"days", *days}, {"due", due.ToIso()}}.dump());
}

}  // namespace

void AddApiRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/communes", Permission::kReadPublic, RouteKind::kApi, Communes});
  routes.push_back({"GET", "/api/v1/me", Permission::kUseAccount, RouteKind::kApi, Me});
  routes.push_back(
      {"GET", "/api/v1/calendar/holidays", Permission::kReadPublic, RouteKind::kApi, Holidays});
  routes.push_back({"GET", "/api/v1/calendar/add-working-days", Permission::kReadPublic,
                    RouteKind::kApi, AddWorkingDays});
}

}  // namespace xaso::web
