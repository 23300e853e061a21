// GET /api/v1/procedures?commune=SLUG&q=... and /api/v1/procedures/{code}?commune=SLUG: the
// commune's procedure catalogue as JSON, public like its pages (procedure_pages.cc). Fees are
// whole đồng; the time limit is given as data (same_day, working_days), the cutoff being a rule.
#include <nlohmann/json.hpp>

#include "domain/feedback/feedback.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

constexpr size_t kMaxQuery = 200;

json ProcedureJson(const onestop::Procedure& p, bool full) {
  json j = {{"code", p.code},
            {"name", p.name},
            {"field", p.field},
            {"same_day", p.same_day},
            {"working_days", p.same_day ? json(nullptr) : json(p.working_days)},
            {"online_level", onestop::OnlineLevelCode(p.online_level)},
            {"unit_code", p.unit_code},
            {"to_verify", p.to_verify}};
  if (!full) return j;
  json fees = json::array();
  for (const auto& f : p.fees) {
    fees.push_back({{"kind", onestop::FeeKindCode(f.kind)},
                    {"name", f.name},
                    {"amount_dong", f.amount_dong},
                    {"per", f.per}});
  }
  j["steps"] = p.steps;
  j["documents"] = p.documents;
  j["fees"] = fees;
  j["legal_basis"] = p.legal_basis;
  return j;
}

// The commune named by ?commune=, or the error to answer.
Result<identity::Commune> CommuneParam(Context& ctx) {
  const std::string slug = ctx.req.Query("commune");
  if (slug.empty()) {
    return Error{ErrorCode::kInvalidArgument,
                 "Thiếu xã.",
                 {{"commune", "Ghi mã xã, ví dụ commune=nhat-tan."}}};
  }
  auto commune = ctx.svc.identity->GetCommuneBySlug(slug);
  if (!commune) return MakeError(ErrorCode::kNotFound, "Không có xã này.");
  return commune;
}

Response List(Context& ctx) {
  auto commune = CommuneParam(ctx);
  if (!commune) return ErrorJson(HttpStatusFor(commune.error().code, false), commune.error());
  const std::string query = ctx.req.Query("q");
  if (query.size() > kMaxQuery) {
    const Error e{ErrorCode::kInvalidArgument,
                  "Từ khóa tìm quá dài.",
                  {{"q", "Từ khóa tìm dài tối đa 200 ký tự."}}};
    return ErrorJson(HttpStatusFor(e.code, false), e);
  }
  auto procedures = ctx.svc.procedures->Search(commune->id, feedback::SearchTerms(query));
  if (!procedures) {
    return ErrorJson(HttpStatusFor(procedures.error().code, false), procedures.error());
  }
  json items = json::array();
  for (const auto& p : *procedures) items.push_back(ProcedureJson(p, false));
  return JsonResponse(200, json{{"commune", commune->slug}, {"procedures", items}}.dump());
}

Response Show(Context& ctx) {
  auto commune = CommuneParam(ctx);
  if (!commune) return ErrorJson(HttpStatusFor(commune.error().code, false), commune.error());
  const std::string& code = ctx.params["code"];
  if (!onestop::IsProcedureCode(code)) {
    return ErrorJson(404, MakeError(ErrorCode::kNotFound, "Không có thủ tục này."));
  }
  auto p = ctx.svc.procedures->GetByCode(commune->id, code);
  if (!p) return ErrorJson(HttpStatusFor(p.error().code, false), p.error());
  return JsonResponse(200, ProcedureJson(*p, true).dump());
}

}  // namespace

void AddProcedureApiRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/procedures", Permission::kReadPublic, RouteKind::kApi, List});
  routes.push_back(
      {"GET", "/api/v1/procedures/{code}", Permission::kReadPublic, RouteKind::kApi, Show});
}

}  // namespace xaso::web
