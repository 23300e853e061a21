// Discovery, services and service definitions, and what every Open311 handler shares.
#include <algorithm>

#include "web/open311/open311_handlers.h"
#include "web/open311/open311_request.h"

namespace xaso::web::open311 {

using Json = nlohmann::ordered_json;

std::optional<Target> ParseTarget(const Context& ctx, const std::string& param, bool split) {
  const auto it = ctx.params.find(param);
  if (it == ctx.params.end()) return std::nullopt;
  const auto name = ParseOpen311Name(split ? it->second : "x." + it->second);
  if (!name || name->stem.empty()) return std::nullopt;
  return Target{split ? name->stem : "", name->format};
}

Result<identity::Commune> Jurisdiction(Context& ctx) {
  std::string slug = ctx.req.Query("jurisdiction_id");
  if (const auto it = ctx.form.find("jurisdiction_id"); slug.empty() && it != ctx.form.end()) {
    slug = it->second;
  }
  if (!slug.empty()) {
    auto c = ctx.svc.identity->GetCommuneBySlug(slug);
    if (!c && c.error().code == ErrorCode::kNotFound) {
      return MakeError(ErrorCode::kNotFound, "jurisdiction_id không phải một xã của hệ thống.");
    }
    return c;
  }
  XASO_ASSIGN_OR_RETURN(auto all, ctx.svc.identity->ListCommunes());
  if (all.size() == 1) return all.front();
  if (!ctx.svc.default_commune.empty()) {
    return ctx.svc.identity->GetCommuneBySlug(ctx.svc.default_commune);
  }
  if (all.empty()) return MakeError(ErrorCode::kNotFound, "Chưa có xã nào.");
  return MakeError(ErrorCode::kInvalidArgument, "Cần jurisdiction_id (mã xã).");
}

Response Fail(Open311Format format, const Error& e) {
  int status = 400;
  switch (e.code) {
    case ErrorCode::kNotFound: status = 404; break;
    case ErrorCode::kPermissionDenied:
    case ErrorCode::kUnauthenticated: status = 403; break;
    case ErrorCode::kInternal:
    case ErrorCode::kUnavailable: return Open311Error(format, 500, "internal error");
    default: break;
  }
  if (e.fields.empty()) return Open311Error(format, status, e.message);
  Json errors = Json::array();
  for (const auto& f : e.fields) {
    errors.push_back({{"code", status}, {"description", f.field + ": " + f.message}});
  }
  return Open311Body(format, status, "errors", errors);
}

Result<std::vector<feedback::Category>> ActiveCategories(Context& ctx, int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(auto all, ctx.svc.feedback_repo->ListCategories(commune_id));
  std::erase_if(all, [](const feedback::Category& c) { return !c.active; });
  return all;
}

std::string AgencyName(Context& ctx, int64_t commune_id, const std::optional<int64_t>& unit_id) {
  if (!unit_id) return "";
  auto units = ctx.svc.identity->ListUnits(commune_id);
  if (!units) return "";
  for (const auto& u : *units) {
    if (u.id == *unit_id) return u.name_vi;
  }
  return "";
}

namespace {
const std::string kUnknownFormat = "Định dạng phải là .json hoặc .xml.";
}  // namespace

Response Discovery(Context& ctx) {
  const auto t = ParseTarget(ctx, "format", false);
  if (!t) return Open311Error(ctx.req.path, 404, kUnknownFormat);
  const std::string host = ctx.req.Header("host");
  const std::string base = (ctx.req.tls ? "https://" : "http://") + host + "/open311/v2";
  // The date this implementation of the contract last changed.
  const std::string changeset = "2026-11-27T00:00:00+07:00";
  Json endpoint = {{"specification", "http://wiki.open311.org/GeoReport_v2"},
                   {"url", base},
                   {"changeset", changeset},
                   {"type", "production"},
                   {"formats", Json::array({"text/xml", "application/json"})}};
  Json body = {{"changeset", changeset},
               {"contact", "Ủy ban nhân dân xã; khóa api_key do quản trị hệ thống cấp."},
               {"key_service", "xaso open311 key create NAME --commune SLUG"},
               {"max_requests", 1000},
               {"endpoints", Json::array({endpoint})}};
  return Open311Body(t->format, 200, "discovery", body);
}

Response ListServices(Context& ctx) {
  const auto t = ParseTarget(ctx, "format", false);
  if (!t) return Open311Error(ctx.req.path, 404, kUnknownFormat);
  auto commune = Jurisdiction(ctx);
  if (!commune) return Fail(t->format, commune.error());
  auto categories = ActiveCategories(ctx, commune->id);
  if (!categories) return Fail(t->format, categories.error());
  Json out = Json::array();
  for (const auto& c : *categories) {
    out.push_back({{"service_code", c.code},
                   {"service_name", c.name_vi},
                   {"description", c.description_vi},
                   {"metadata", false},
                   {"type", "realtime"},
                   {"keywords", c.name_en},
                   {"group", c.group_code}});
  }
  return Open311Body(t->format, 200, "services", out);
}

Response ServiceDefinition(Context& ctx) {
  const auto t = ParseTarget(ctx, "file", true);
  if (!t) return Open311Error(ctx.req.path, 404, kUnknownFormat);
  auto commune = Jurisdiction(ctx);
  if (!commune) return Fail(t->format, commune.error());
  auto categories = ActiveCategories(ctx, commune->id);
  if (!categories) return Fail(t->format, categories.error());
  const bool known = std::any_of(categories->begin(), categories->end(),
                                 [&](const feedback::Category& c) { return c.code == t->id; });
  if (!known) return Open311Error(t->format, 404, "Không có service_code này.");
  // metadata=false for every service: the definition has no attributes.
  Json body = {{"service_code", t->id}, {"attributes", Json::array()}};
  return Open311Body(t->format, 200, "service_definition", body);
}

}  // namespace xaso::web::open311
