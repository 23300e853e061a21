// The dossiers' JSON (issue 5, part 6):
// - GET /api/v1/dossiers/{code}?commune=SLUG: public, what the lookup page shows (initials
//   only, no phone, address, documents, staff or notes);
// - GET /api/v1/dossiers?commune=SLUG&before=ID&limit=N: the register of the signed-in
//   account's commune (view_dossiers), newest first, keyset by id;
// - GET /api/v1/dossiers/statistics?from=&to=&by=: the statistics page's lines
//   (view_dossier_statistics), for the signed-in account's commune.
#include <nlohmann/json.hpp>

#include "web/form.h"
#include "web/pages/dossier_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json DayOrNull(const std::optional<int64_t>& at) {
  return at ? json(Clock::DayVn(*at).ToIso()) : json(nullptr);
}

json PublicJson(const onestop::Dossier& d, const std::vector<onestop::Event>& events, int64_t now) {
  json history = json::array();
  for (const auto& e : events) {
    json x = {{"at", e.at}, {"kind", e.kind}, {"status", e.to_status}};
    if (e.kind == "extension" && e.due_on) x["due_on"] = e.due_on->ToIso();
    history.push_back(x);
  }
  const auto t = onestop::TimelinessOf(d, now);
  return {{"code", d.code},
          {"procedure_code", d.procedure_code},
          {"procedure_name", d.procedure_name},
          {"applicant_initials", onestop::Initials(d.applicant.name)},
          {"channel", onestop::DossierChannelCode(d.channel)},
          {"received_at", d.received_at},
          {"due_on", d.due_on.ToIso()},
          {"first_due_on", d.first_due_on.ToIso()},
          {"status", onestop::DossierStatusCode(d.status)},
          {"timeliness", t ? json(onestop::TimelinessCode(*t)) : json(nullptr)},
          {"extensions", d.extensions},
          {"satisfaction",
           d.satisfaction ? json(onestop::SatisfactionCode(*d.satisfaction)) : json(nullptr)},
          {"history", history}};
}

Response Show(Context& ctx) {
  const std::string slug = ctx.req.Query("commune");
  if (slug.empty()) {
    return ErrorJson(400, {ErrorCode::kInvalidArgument,
                           "Thiếu xã.",
                           {{"commune", "Ghi mã xã, ví dụ commune=nhat-tan."}}});
  }
  auto commune = ctx.svc.identity->GetCommuneBySlug(slug);
  if (!commune) return ErrorJson(404, MakeError(ErrorCode::kNotFound, "Không có xã này."));
  const std::string& code = ctx.params["code"];
  if (!onestop::IsDossierCode(code)) {
    return ErrorJson(400, {ErrorCode::kInvalidArgument,
                           "Mã hồ sơ không đúng dạng.",
                           {{"code", "Mã gồm 5–60 chữ cái không dấu, chữ số, '.', '-', '_'."}}});
  }
  auto d = ctx.svc.dossier_repo->GetByCode(commune->id, code);
  if (!d && d.error().code == ErrorCode::kNotFound) {
    return ErrorJson(404, MakeError(ErrorCode::kNotFound, "Không tìm thấy hồ sơ."));
  }
  if (!d) return ErrorJson(HttpStatusFor(d.error().code, false), d.error());
  auto events = ctx.svc.dossier_repo->History(commune->id, d->id);
  if (!events) return ErrorJson(HttpStatusFor(events.error().code, false), events.error());
  return JsonResponse(200, PublicJson(*d, *events, ctx.svc.clock->NowUnix()).dump());
}

json StaffJson(const onestop::Dossier& d, int64_t now) {
  const auto t = onestop::TimelinessOf(d, now);
  return {{"id", d.id},
          {"code", d.code},
          {"procedure_code", d.procedure_code},
          {"procedure_name", d.procedure_name},
          {"field", d.field},
          {"unit_code", d.unit_code},
          {"channel", onestop::DossierChannelCode(d.channel)},
          {"applicant",
           {{"name", d.applicant.name},
            {"phone", d.applicant.phone},
            {"address", d.applicant.address}}},
          {"documents", d.documents},
          {"received_at", d.received_at},
          {"due_on", d.due_on.ToIso()},
          {"first_due_on", d.first_due_on.ToIso()},
          {"status", onestop::DossierStatusCode(d.status)},
          {"timeliness", t ? json(onestop::TimelinessCode(*t)) : json(nullptr)},
          {"finished_on", DayOrNull(d.finished_at)},
          {"returned_on", DayOrNull(d.returned_at)},
          {"extensions", d.extensions},
          {"satisfaction",
           d.satisfaction ? json(onestop::SatisfactionCode(*d.satisfaction)) : json(nullptr)},
          {"version", d.version}};
}

// The signed-in account's commune; a `commune` naming another is refused (403), since the
// register holds personal data.
Result<identity::Commune> OwnCommune(Context& ctx) {
  XASO_ASSIGN_OR_RETURN(auto commune, ctx.svc.identity->GetCommune(ctx.account->commune_id));
  const std::string slug = ctx.req.Query("commune");
  if (!slug.empty() && slug != commune.slug) {
    return MakeError(ErrorCode::kPermissionDenied, "Chỉ xem được hồ sơ của xã mình.");
  }
  return commune;
}

Response List(Context& ctx) {
  auto commune = OwnCommune(ctx);
  if (!commune) return ErrorJson(HttpStatusFor(commune.error().code, false), commune.error());
  onestop::DossierFilter filter;
  Error bad{ErrorCode::kInvalidArgument, "Tham số không hợp lệ.", {}};
  if (const std::string before = ctx.req.Query("before"); !before.empty()) {
    if (auto id = ParseInt(before)) {
      filter.before_id = *id;
    } else {
      bad.fields.push_back({"before", "Ghi id của hồ sơ cuối trang trước."});
    }
  }
  if (const std::string limit = ctx.req.Query("limit"); !limit.empty()) {
    if (auto n = ParseInt(limit, 1, 500)) {
      filter.limit = static_cast<int>(*n);
    } else {
      bad.fields.push_back({"limit", "Từ 1 đến 500."});
    }
  }
  if (!bad.fields.empty()) return ErrorJson(400, bad);
  auto page = ctx.svc.dossier_repo->List(commune->id, filter);
  if (!page) return ErrorJson(HttpStatusFor(page.error().code, false), page.error());
  const int64_t now = ctx.svc.clock->NowUnix();
  json items = json::array();
  for (const auto& d : *page) items.push_back(StaffJson(d, now));
  json out = {{"commune", commune->slug}, {"dossiers", items}};
  out["next_before"] = page->size() == static_cast<size_t>(filter.limit) && !page->empty()
                           ? json(page->back().id)
                           : json(nullptr);
  return JsonResponse(200, out.dump());
}

json LineJson(const onestop::StatisticsLine& l) {
  return {{"key", l.key},
          {"name", l.name},
          {"received", l.received},
          {"early", l.finished.early},
          {"on_time", l.finished.on_time},
          {"late", l.finished.late},
          {"overdue_now", l.overdue_now},
          {"within_time", l.within_time},
          {"refused", l.refused},
          {"stopped", l.stopped},
          {"very_satisfied", l.very_satisfied},
          {"satisfied", l.satisfied},
          {"not_satisfied", l.not_satisfied},
          {"timeliness_points", OrNull(l.timeliness_points())},
          {"satisfaction_points", OrNull(l.satisfaction_points())}};
}

Response Statistics(Context& ctx) {
  auto commune = OwnCommune(ctx);
  if (!commune) return ErrorJson(HttpStatusFor(commune.error().code, false), commune.error());
  const auto filter =
      DossierStatisticsFilter(ctx, ctx.req.Query("from"), ctx.req.Query("to"), ctx.req.Query("by"));
  if (!filter) {
    return ErrorJson(400, {ErrorCode::kInvalidArgument,
                           "Bộ lọc không hợp lệ.",
                           {{"from", "Tháng dạng năm-tháng, ví dụ 2026-03, không sau to."},
                            {"by", "procedure, field, unit hoặc month."}}});
  }
  auto st = ctx.svc.dossiers->LoadStatistics(*filter);
  if (!st) return ErrorJson(HttpStatusFor(st.error().code, false), st.error());
  json lines = json::array();
  for (const auto& l : st->lines) lines.push_back(LineJson(l));
  const json out = {{"commune", commune->slug}, {"from", filter->from_month},
                    {"to", filter->to_month},   {"by", StatisticsByCode(filter->by)},
                    {"lines", lines},           {"total", LineJson(st->total)}};
  return JsonResponse(200, out.dump());
}

}  // namespace

void AddDossierApiRoutes(std::vector<Route>& routes) {
  // Before {code}, which "statistics" would match.
  routes.push_back({"GET", "/api/v1/dossiers/statistics", Permission::kViewDossierStatistics,
                    RouteKind::kApi, Statistics});
  routes.push_back(
      {"GET", "/api/v1/dossiers/{code}", Permission::kReadPublic, RouteKind::kApi, Show});
  routes.push_back({"GET", "/api/v1/dossiers", Permission::kViewDossiers, RouteKind::kApi, List});
}

}  // namespace xaso::web
