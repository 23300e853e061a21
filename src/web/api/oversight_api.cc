// The JSON API of inspections and supervision recommendations under /api/v1, shaped like the
// plan API (web/api/plan_api.cc): keyset lists (?after=ID&limit=N, 1–500 → next_after), get,
// create, the conduct of an inspection and the answer of a recommendation with optimistic
// locking (409 on a stale version), findings and re-inspections. A write takes an
// application/json object whose members carry the names the API returns (`unit_id`,
// `assigned_unit_id`, dates as YYYY-MM-DD); input errors are 422 with one field error per
// member, named as in the request. The rules are the service's, as for the pages.
#include <limits>

#include <nlohmann/json.hpp>

#include "web/api/json_body.h"
#include "web/pages/oversight_forms.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

// The service names a unit field as its form does; the API names it as its JSON member.
Error WithApiFieldNames(Error e) {
  for (auto& f : e.fields) {
    if (f.field == "unit" || f.field == "responsible_unit" || f.field == "assigned_unit") {
      f.field += "_id";
    }
  }
  return e;
}

// A failed read or write: 422 for invalid input (400 only where a caller says so).
Response Fail(const Error& e) {
  return ErrorJson(HttpStatusFor(e.code, true), WithApiFieldNames(e));
}
Response BadRequest(const Error& e) { return ErrorJson(HttpStatusFor(e.code, false), e); }

Error BadField(const std::string& field, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, "Dữ liệu không hợp lệ.", {{field, message}}};
}

// The body of a write: 400 unless it is application/json that parses.
// Reads the members of a JSON object, collecting one field error per member that is missing
// where required or of the wrong type. An absent member and null read the same.
class JsonReader {
 public:
  JsonReader(const json& j, const char* what) : j_(j), err_{ErrorCode::kInvalidArgument, what, {}} {
    if (!j_.is_object()) err_.fields.push_back({"body", "Cần một đối tượng JSON."});
  }

  std::string Text(const char* name) {
    const json* v = Member(name);
    if (!v) return "";
    if (!v->is_string()) {
      Fail(name, "Phải là chuỗi.");
      return "";
    }
    return v->get<std::string>();
  }
  // An integer in [lo, hi], read as 64 bits: a larger number is refused, never wrapped.
  std::optional<int64_t> Int(const char* name, int64_t lo, int64_t hi, const char* message) {
    const json* v = Member(name);
    if (!v) return std::nullopt;
    const bool too_big = v->is_number_unsigned() && v->get<uint64_t>() > uint64_t{kMaxId};
    if (!v->is_number_integer() || too_big || v->get<int64_t>() < lo || v->get<int64_t>() > hi) {
      Fail(name, message);
      return std::nullopt;
    }
    return v->get<int64_t>();
  }
  int64_t RequiredInt(const char* name, int64_t lo, int64_t hi, const char* message) {
    if (!Member(name)) Fail(name, message);
    return Int(name, lo, hi, message).value_or(0);
  }
  std::optional<Date> OptDate(const char* name) {
    const json* v = Member(name);
    if (!v) return std::nullopt;
    auto d = v->is_string() ? Date::ParseIso(v->get<std::string>()) : std::nullopt;
    if (!d || d->year() < 1990 || d->year() > 2200) {
      Fail(name, "Ngày theo dạng YYYY-MM-DD.");
      return std::nullopt;
    }
    return d;
  }
  Date RequiredDate(const char* name) {
    if (!Member(name)) Fail(name, "Cần ngày theo dạng YYYY-MM-DD.");
    return OptDate(name).value_or(Date());
  }
  std::optional<bool> Bool(const char* name, const char* message) {
    const json* v = Member(name);
    if (!v || !v->is_boolean()) {
      Fail(name, message);
      return std::nullopt;
    }
    return v->get<bool>();
  }
  void Fail(const char* name, const char* message) { err_.fields.push_back({name, message}); }
  Status Done() {
    if (err_.fields.empty()) return Ok{};
    return err_;
  }

 private:
  const json* Member(const char* name) const {
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(name);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }

  const json& j_;
  Error err_;
};

constexpr const char* kIdMessage = "Cần một mã số nguyên dương.";
constexpr const char* kVersionMessage = "Cần version đã đọc (số nguyên dương).";

Result<oversight::Inspection> InspectionFromJson(const json& j) {
  JsonReader r(j, "Cuộc kiểm tra chưa hợp lệ.");
  oversight::Inspection i;
  auto kind = oversight::KindFromCode(r.Text("kind"));
  if (!kind) r.Fail("kind", "planned hoặc unannounced.");
  i.kind = kind.value_or(oversight::InspectionKind::kPlanned);
  i.unit_id = r.Int("unit_id", 1, kMaxId, kIdMessage);
  i.subject = r.Text("subject");
  i.topic = r.Text("topic");
  if (auto dim = r.Int("dimension", 1, 8, "Một lĩnh vực PAPI từ 1 đến 8.")) {
    i.dimension = static_cast<int>(*dim);
  }
  i.scheduled_on = r.RequiredDate("scheduled_on");
  i.conducted_on = r.OptDate("conducted_on");
  i.conclusion = r.Text("conclusion");
  XASO_RETURN_IF_ERROR(r.Done());
  return i;
}

struct Conduct {
  int64_t version = 0;
  Date conducted_on;
  std::string conclusion;
};

Result<Conduct> ConductFromJson(const json& j) {
  JsonReader r(j, "Cuộc kiểm tra chưa hợp lệ.");
  Conduct c;
  c.version = r.RequiredInt("version", 1, kMaxId, kVersionMessage);
  c.conducted_on = r.RequiredDate("conducted_on");
  c.conclusion = r.Text("conclusion");
  XASO_RETURN_IF_ERROR(r.Done());
  return c;
}

Result<oversight::Finding> FindingFromJson(const json& j) {
  JsonReader r(j, "Nội dung phát hiện chưa hợp lệ.");
  oversight::Finding f;
  f.description = r.Text("description");
  f.responsible_unit_id =
      r.RequiredInt("responsible_unit_id", 1, kMaxId, "Cần mã bộ phận chịu trách nhiệm.");
  f.remediation_due_on = r.RequiredDate("remediation_due_on");
  f.sanction = r.Text("sanction");
  XASO_RETURN_IF_ERROR(r.Done());
  return f;
}

// A recheck and the version of the finding it was decided on.
Result<std::pair<oversight::Recheck, int64_t>> RecheckFromJson(const json& j) {
  JsonReader r(j, "Kết quả tái kiểm tra chưa hợp lệ.");
  oversight::Recheck x;
  const int64_t version = r.RequiredInt("version", 1, kMaxId, kVersionMessage);
  x.checked_on = r.RequiredDate("checked_on");
  x.remedied =
      r.Bool("remedied", "true (đã khắc phục) hoặc false (chưa khắc phục).").value_or(false);
  x.new_due_on = r.OptDate("new_due_on");
  x.note = r.Text("note");
  XASO_RETURN_IF_ERROR(r.Done());
  return std::make_pair(x, version);
}

Result<oversight::Recommendation> RecommendationFromJson(const json& j) {
  JsonReader r(j, "Kiến nghị chưa hợp lệ.");
  oversight::Recommendation x;
  auto body = oversight::BodyFromCode(r.Text("body"));
  if (!body) r.Fail("body", "mttq, bttnd hoặc bgsdtcd.");
  x.body = body.value_or(oversight::SupervisoryBody::kMttq);
  x.reference = r.Text("reference");
  x.received_on = r.RequiredDate("received_on");
  x.title = r.Text("title");
  x.content = r.Text("content");
  x.assigned_unit_id = r.Int("assigned_unit_id", 1, kMaxId, kIdMessage);
  XASO_RETURN_IF_ERROR(r.Done());
  return x;
}

Result<oversight::Answer> AnswerFromJson(const json& j) {
  JsonReader r(j, "Văn bản trả lời chưa hợp lệ.");
  oversight::Answer a;
  a.version = r.RequiredInt("version", 1, kMaxId, kVersionMessage);
  a.text = r.Text("answer");
  a.reference = r.Text("answer_reference");
  a.answered_on = r.RequiredDate("answered_on");
  XASO_RETURN_IF_ERROR(r.Done());
  return a;
}

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
json OptId(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json FindingJson(const oversight::FindingView& fv) {
  const auto& f = fv.finding;
  json rechecks = json::array();
  for (const auto& r : f.rechecks) {
    rechecks.push_back({{"checked_on", r.checked_on.ToIso()},
                        {"remedied", r.remedied},
                        {"new_due_on", OptDate(r.new_due_on)},
                        {"note", r.note}});
  }
  return {{"id", f.id},
          {"inspection_id", f.inspection_id},
          {"description", f.description},
          {"responsible_unit_id", f.responsible_unit_id},
          {"remediation_due_on", f.remediation_due_on.ToIso()},
          {"effective_due_on", fv.due.ToIso()},
          {"status", oversight::FindingStatusCode(f.status)},
          {"overdue", fv.overdue},
          {"sanction", f.sanction},
          {"closed_on", OptDate(f.closed_on)},
          {"version", f.version},
          {"rechecks", rechecks}};
}

json InspectionJson(const oversight::InspectionView& v) {
  const auto& i = v.inspection;
  json findings = json::array();
  for (const auto& fv : v.findings) findings.push_back(FindingJson(fv));
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

// ?after=ID (≥ 0) &limit=N (1–500, default 50); 400 naming the bad parameter.
Result<std::pair<int64_t, int>> Page(Context& ctx) {
  Error err{ErrorCode::kInvalidArgument, "Tham số không hợp lệ.", {}};
  int64_t after = 0;
  int limit = 50;
  if (const std::string a = ctx.req.Query("after"); !a.empty()) {
    auto id = ParseInt64(a, 0, kMaxId);
    if (!id) err.fields.push_back({"after", "after là số nguyên không âm."});
    after = id.value_or(0);
  }
  if (const std::string l = ctx.req.Query("limit"); !l.empty()) {
    auto n = ParseInt64(l, 1, 500);
    if (!n) err.fields.push_back({"limit", "limit từ 1 đến 500."});
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

// The {id} of the route, or 404 with `missing`.
Result<int64_t> RouteId(Context& ctx, const char* missing) {
  if (auto id = ParseId(ctx.params["id"])) return *id;
  return MakeError(ErrorCode::kNotFound, missing);
}

constexpr const char* kNoInspection = "Không tìm thấy cuộc kiểm tra.";
constexpr const char* kNoFinding = "Không tìm thấy phát hiện kiểm tra.";
constexpr const char* kNoRecommendation = "Không tìm thấy kiến nghị.";

// The record as GET returns it, also after a write; a 201 names it in Location.
Response InspectionResponse(Context& ctx, int status, int64_t id) {
  auto v = ctx.svc.oversight->ViewInspection(ctx.account->commune_id, id);
  if (!v) return Fail(v.error());
  Response r = JsonResponse(status, InspectionJson(*v).dump());
  if (status == 201) r.With("Location", "/api/v1/inspections/" + std::to_string(id));
  return r;
}

Response RecommendationResponse(Context& ctx, int status, int64_t id) {
  auto v = ctx.svc.oversight->ViewRecommendation(ctx.account->commune_id, id);
  if (!v) return Fail(v.error());
  Response r = JsonResponse(status, RecommendationJson(*v).dump());
  if (status == 201) r.With("Location", "/api/v1/recommendations/" + std::to_string(id));
  return r;
}

// A finding has no URL of its own: it is read with its inspection.
Response FindingResponse(Context& ctx, int status, int64_t id) {
  auto v = ctx.svc.oversight->ViewFinding(ctx.account->commune_id, id);
  if (!v) return Fail(v.error());
  return JsonResponse(status, FindingJson(*v).dump());
}

Response ListInspections(Context& ctx) {
  auto page = Page(ctx);
  if (!page) return BadRequest(page.error());
  auto list =
      ctx.svc.oversight->ListInspections({ctx.account->commune_id, page->first, page->second});
  if (!list) return Fail(list.error());
  return ListJson("inspections", *list, page->second, InspectionJson);
}

Response GetInspection(Context& ctx) {
  auto id = RouteId(ctx, kNoInspection);
  return id ? InspectionResponse(ctx, 200, *id) : Fail(id.error());
}

Response ListRecommendations(Context& ctx) {
  auto page = Page(ctx);
  if (!page) return BadRequest(page.error());
  oversight::RecommendationFilter f{ctx.account->commune_id, {}, page->first, page->second};
  if (const std::string s = ctx.req.Query("status"); !s.empty()) {
    f.status = oversight::RecommendationStatusFromCode(s);
    if (!f.status) return BadRequest(BadField("status", "open hoặc answered."));
  }
  auto list = ctx.svc.oversight->ListRecommendations(f);
  if (!list) return Fail(list.error());
  return ListJson("recommendations", *list, page->second, RecommendationJson);
}

Response GetRecommendation(Context& ctx) {
  auto id = RouteId(ctx, kNoRecommendation);
  return id ? RecommendationResponse(ctx, 200, *id) : Fail(id.error());
}

// A write: the body read by `parse` (400 unless JSON, 422 for bad members), then `write` with
// what it read. `Parse` is Result<T>(const json&), `Write` is Response(T&).
template <class Parse, class Write>
Response JsonWrite(Context& ctx, Parse parse, Write write) {
  auto j = JsonBody(ctx.req);
  if (!j) return BadRequest(j.error());
  auto input = parse(*j);
  if (!input) return Fail(input.error());
  return write(*input);
}

// As JsonWrite, for the record named by the route's {id} (404 with `missing` when malformed);
// `Write` is Response(int64_t id, T&).
template <class Parse, class Write>
Response JsonWriteOn(Context& ctx, const char* missing, Parse parse, Write write) {
  auto id = RouteId(ctx, missing);
  if (!id) return Fail(id.error());
  return JsonWrite(ctx, parse, [&](auto& input) { return write(*id, input); });
}

Response CreateInspection(Context& ctx) {
  return JsonWrite(ctx, InspectionFromJson, [&](oversight::Inspection& i) {
    auto id = ctx.svc.oversight->CreateInspection(*ctx.account, i, ActorOf(ctx));
    return id ? InspectionResponse(ctx, 201, *id) : Fail(id.error());
  });
}

Response UpdateInspection(Context& ctx) {
  return JsonWriteOn(ctx, kNoInspection, ConductFromJson, [&](int64_t id, Conduct& c) {
    auto v = ctx.svc.oversight->RecordConduct(*ctx.account, id, c.version, c.conducted_on,
                                              c.conclusion, ActorOf(ctx));
    return v ? InspectionResponse(ctx, 200, id) : Fail(v.error());
  });
}

Response AddFinding(Context& ctx) {
  return JsonWriteOn(ctx, kNoInspection, FindingFromJson, [&](int64_t id, oversight::Finding& f) {
    f.inspection_id = id;
    auto finding = ctx.svc.oversight->AddFinding(*ctx.account, f, ActorOf(ctx));
    return finding ? FindingResponse(ctx, 201, *finding) : Fail(finding.error());
  });
}

Response Recheck(Context& ctx) {
  return JsonWriteOn(ctx, kNoFinding, RecheckFromJson, [&](int64_t id, auto& r) {
    r.first.finding_id = id;
    auto v = ctx.svc.oversight->RecordRecheck(*ctx.account, r.first, r.second, ActorOf(ctx));
    return v ? FindingResponse(ctx, 200, id) : Fail(v.error());
  });
}

Response CreateRecommendation(Context& ctx) {
  return JsonWrite(ctx, RecommendationFromJson, [&](oversight::Recommendation& r) {
    auto id = ctx.svc.oversight->CreateRecommendation(*ctx.account, r, ActorOf(ctx));
    return id ? RecommendationResponse(ctx, 201, *id) : Fail(id.error());
  });
}

Response AnswerRecommendation(Context& ctx) {
  return JsonWriteOn(ctx, kNoRecommendation, AnswerFromJson, [&](int64_t id, oversight::Answer& a) {
    a.recommendation_id = id;
    auto v = ctx.svc.oversight->AnswerRecommendation(*ctx.account, a, ActorOf(ctx));
    return v ? RecommendationResponse(ctx, 200, id) : Fail(v.error());
  });
}

}  // namespace

void AddOversightApiRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/inspections", Permission::kViewOversight, RouteKind::kApi, ListInspections});
  routes.push_back({"GET", "/api/v1/inspections/{id}", Permission::kViewOversight, RouteKind::kApi,
                    GetInspection});
  routes.push_back({"POST", "/api/v1/inspections", Permission::kManageInspections, RouteKind::kApi,
                    CreateInspection});
  routes.push_back({"POST", "/api/v1/inspections/{id}", Permission::kManageInspections,
                    RouteKind::kApi, UpdateInspection});
  routes.push_back({"POST", "/api/v1/inspections/{id}/findings", Permission::kManageInspections,
                    RouteKind::kApi, AddFinding});
  routes.push_back({"POST", "/api/v1/findings/{id}/recheck", Permission::kRecheckFinding,
                    RouteKind::kApi, Recheck});
  routes.push_back({"GET", "/api/v1/recommendations", Permission::kViewOversight, RouteKind::kApi,
                    ListRecommendations});
  routes.push_back({"GET", "/api/v1/recommendations/{id}", Permission::kViewOversight,
                    RouteKind::kApi, GetRecommendation});
  routes.push_back({"POST", "/api/v1/recommendations", Permission::kRecordRecommendation,
                    RouteKind::kApi, CreateRecommendation});
  routes.push_back({"POST", "/api/v1/recommendations/{id}/answer",
                    Permission::kAnswerRecommendation, RouteKind::kApi, AnswerRecommendation});
}

}  // namespace xaso::web
