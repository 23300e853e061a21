// The JSON API of inspections and supervision recommendations under /api/v1: keyset lists,
// get, create. A create takes a JSON object whose members are the fields of the HTML form
// (web/pages/oversight_forms.h), so both check input the same way.
#include <charconv>

#include <nlohmann/json.hpp>

#include "web/pages/oversight_forms.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

Response Fail(const Error& e) { return ErrorJson(HttpStatusFor(e.code, false), e); }

// The members of a JSON object as form fields: strings as they are, numbers in decimal,
// booleans as "yes"/"no"; null is left out. kInvalidArgument for anything else.
Result<Fields> FieldsFromJson(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return MakeError(ErrorCode::kInvalidArgument, "Nội dung phải là một đối tượng JSON.");
  }
  Fields out;
  for (const auto& [name, value] : j.items()) {
    if (value.is_string()) {
      out[name] = value.get<std::string>();
    } else if (value.is_number_integer()) {
      out[name] = value.dump();
    } else if (value.is_boolean()) {
      out[name] = value.get<bool>() ? "yes" : "no";
    } else if (!value.is_null()) {
      return Error{ErrorCode::kInvalidArgument,
                   "Dữ liệu không hợp lệ.",
                   {{name, "Cần một chuỗi, một số nguyên hoặc đúng/sai."}}};
    }
  }
  return out;
}

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
json OptId(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json InspectionJson(const oversight::InspectionView& v) {
  const auto& i = v.inspection;
  json findings = json::array();
  for (const auto& fv : v.findings) {
    const auto& f = fv.finding;
    json rechecks = json::array();
    for (const auto& r : f.rechecks) {
      rechecks.push_back({{"checked_on", r.checked_on.ToIso()},
                          {"remedied", r.remedied},
                          {"new_due_on", OptDate(r.new_due_on)},
                          {"note", r.note}});
    }
    findings.push_back({{"id", f.id},
                        {"description", f.description},
                        {"responsible_unit_id", f.responsible_unit_id},
                        {"remediation_due_on", f.remediation_due_on.ToIso()},
                        {"effective_due_on", fv.due.ToIso()},
                        {"status", oversight::FindingStatusCode(f.status)},
                        {"overdue", fv.overdue},
                        {"sanction", f.sanction},
                        {"closed_on", OptDate(f.closed_on)},
                        {"version", f.version},
                        {"rechecks", rechecks}});
  }
  return {{"id", i.id},
          {"kind", oversight::KindCode(i.kind)},
          {"unit_id", OptId(i.unit_id)},
          {"subject", i.subject},
          {"topic", i.topic},
          {"dimension", i.dimension ? json(*i.dimension) : json(nullptr)},
          {"scheduled_on", i.scheduled_on.ToIso()},
          {"conducted_on", OptDate(i.conducted_on)},
          {"conclusion", i.conclusion},
          {"open_findings", v.open_findings},
          {"overdue_findings", v.overdue_findings},
          {"version", i.version},
          {"findings", findings}};
}

json RecommendationJson(const oversight::RecommendationView& v) {
  const auto& r = v.recommendation;
  return {{"id", r.id},
          {"body", oversight::BodyCode(r.body)},
          {"reference", r.reference},
          {"received_on", r.received_on.ToIso()},
          {"title", r.title},
          {"content", r.content},
          {"assigned_unit_id", OptId(r.assigned_unit_id)},
          {"rule", {{"key", r.rule_key}, {"effective_from", r.rule_effective_from.ToIso()}}},
          {"due_on", r.due_on.ToIso()},
          {"status", oversight::RecommendationStatusCode(r.status)},
          {"late", v.late},
          {"answer", r.answer},
          {"answer_reference", r.answer_reference},
          {"answered_on", OptDate(r.answered_on)},
          {"version", r.version}};
}

// ?after=ID&limit=N (1–200, default 50); kInvalidArgument naming the bad parameter.
Result<std::pair<int64_t, int>> Page(Context& ctx) {
  Error err{ErrorCode::kInvalidArgument, "Tham số không hợp lệ.", {}};
  int64_t after = 0;
  int limit = 50;
  if (const std::string a = ctx.req.Query("after"); !a.empty()) {
    auto id = ParseId(a);
    if (!id) err.fields.push_back({"after", "Cần một mã số dương."});
    after = id.value_or(0);
  }
  if (const std::string l = ctx.req.Query("limit"); !l.empty()) {
    auto n = ParseId(l);
    if (!n || *n > 200) err.fields.push_back({"limit", "Từ 1 đến 200."});
    limit = static_cast<int>(n.value_or(1));
  }
  if (!err.fields.empty()) return err;
  return std::make_pair(after, limit);
}

// {"<name>": [...], "next_after": the last id when the page is full, else null}.
template <class V, class ToJson>
Response ListJson(const char* name, const std::vector<V>& items, int limit, ToJson to_json) {
  json out = json::array();
  for (const auto& v : items) out.push_back(to_json(v));
  json next = nullptr;
  if (static_cast<int>(items.size()) == limit && !out.empty()) next = out.back()["id"];
  return JsonResponse(200, json{{name, out}, {"next_after", next}}.dump());
}

Response ListInspections(Context& ctx) {
  auto page = Page(ctx);
  if (!page) return Fail(page.error());
  auto list =
      ctx.svc.oversight->ListInspections({ctx.account->commune_id, page->first, page->second});
  if (!list) return Fail(list.error());
  return ListJson("inspections", *list, page->second, InspectionJson);
}

Response GetInspection(Context& ctx) {
  auto id = ParseId(ctx.params["id"]);
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy cuộc kiểm tra."));
  auto v = ctx.svc.oversight->ViewInspection(ctx.account->commune_id, *id);
  if (!v) return Fail(v.error());
  return JsonResponse(200, InspectionJson(*v).dump());
}

Response CreateInspection(Context& ctx) {
  auto fields = FieldsFromJson(ctx.req.body);
  if (!fields) return Fail(fields.error());
  auto i = InspectionFromFields(*fields);
  if (!i) return Fail(i.error());
  auto id = ctx.svc.oversight->CreateInspection(*ctx.account, *i, ActorOf(ctx));
  if (!id) return Fail(id.error());
  return JsonResponse(201, json{{"id", *id}}.dump());
}

Response ListRecommendations(Context& ctx) {
  auto page = Page(ctx);
  if (!page) return Fail(page.error());
  oversight::RecommendationFilter f{ctx.account->commune_id, {}, page->first, page->second};
  if (const std::string s = ctx.req.Query("status"); !s.empty()) {
    f.status = oversight::RecommendationStatusFromCode(s);
    if (!f.status) {
      return Fail(Error{ErrorCode::kInvalidArgument,
                        "Tham số không hợp lệ.",
                        {{"status", "Dùng open hoặc answered."}}});
    }
  }
  auto list = ctx.svc.oversight->ListRecommendations(f);
  if (!list) return Fail(list.error());
  return ListJson("recommendations", *list, page->second, RecommendationJson);
}

Response GetRecommendation(Context& ctx) {
  auto id = ParseId(ctx.params["id"]);
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy kiến nghị."));
  auto v = ctx.svc.oversight->ViewRecommendation(ctx.account->commune_id, *id);
  if (!v) return Fail(v.error());
  return JsonResponse(200, RecommendationJson(*v).dump());
}

Response CreateRecommendation(Context& ctx) {
  auto fields = FieldsFromJson(ctx.req.body);
  if (!fields) return Fail(fields.error());
  auto r = RecommendationFromFields(*fields);
  if (!r) return Fail(r.error());
  auto id = ctx.svc.oversight->CreateRecommendation(*ctx.account, *r, ActorOf(ctx));
  if (!id) return Fail(id.error());
  auto v = ctx.svc.oversight->ViewRecommendation(ctx.account->commune_id, *id);
  if (!v) return Fail(v.error());
  return JsonResponse(201, RecommendationJson(*v).dump());
}

}  // namespace

void AddOversightApiRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/inspections", Permission::kViewOversight, RouteKind::kApi, ListInspections});
  routes.push_back({"GET", "/api/v1/inspections/{id}", Permission::kViewOversight, RouteKind::kApi,
                    GetInspection});
  routes.push_back({"POST", "/api/v1/inspections", Permission::kManageInspections, RouteKind::kApi,
                    CreateInspection});
  routes.push_back({"GET", "/api/v1/recommendations", Permission::kViewOversight, RouteKind::kApi,
                    ListRecommendations});
  routes.push_back({"GET", "/api/v1/recommendations/{id}", Permission::kViewOversight,
                    RouteKind::kApi, GetRecommendation});
  routes.push_back({"POST", "/api/v1/recommendations", Permission::kRecordRecommendation,
                    RouteKind::kApi, CreateRecommendation});
}

}  // namespace xaso::web
