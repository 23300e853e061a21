// The plan API: plans and tasks as JSON, lists with filters and keyset pagination
// (?after=ID&limit=N → next_after), create, update with optimistic locking (409 on a stale
// version), progress reports, and the CSV export (in web/pages/plan_pages.cc).
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "web/api/json_body.h"
#include "web/form.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using nlohmann::json;

json PlanJson(const plan::Plan& p) {
  return {{"id", p.id},         {"year", p.year},
          {"number", p.number}, {"issued_on", p.issued_on.ToIso()},
          {"title", p.title},   {"goal", p.goal}};
}

json TaskJson(const plan::TaskView& v) {
  const plan::Task& t = v.task;
  json j = {
      {"id", t.id},
      {"plan_id", t.plan_id},
      {"parent_id", t.parent_id ? json(*t.parent_id) : json(nullptr)},
      {"section", t.section},
      {"title", t.title},
      {"description", t.description},
      {"dimension", t.dimension},
      {"subdimensions", t.subdimensions},
      {"lead_unit_id", t.lead_unit_id},
      {"coordinating_unit_ids", t.coordinating_unit_ids},
      {"starts_on", t.starts_on.ToIso()},
      {"due_on", t.due_on ? json(t.due_on->ToIso()) : json(nullptr)},
      {"recurrence", plan::RecurrenceCode(t.recurrence)},
      {"status", plan::StatusCode(t.status)},
      {"progress", t.progress},
      {"version", t.version},
      {"deadline", v.deadline.due ? json(v.deadline.due->ToIso()) : json(nullptr)},
      {"overdue", v.deadline.overdue},
      {"working_days_left", v.deadline.due ? json(v.deadline.working_days_left) : json(nullptr)}};
  return j;
}

Response Fail(const Error& e) { return ErrorJson(HttpStatusFor(e.code, false), e); }

Error BadField(const std::string& field, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, "Dữ liệu không hợp lệ.", {{field, message}}};
}

std::optional<int64_t> QueryInt(const Context& ctx, const std::string& name, bool& bad) {
  const std::string s = ctx.req.Query(name);
  if (s.empty()) return std::nullopt;
  auto v = ParseInt(s, 0);
  if (!v) bad = true;
  return v.value_or(0);
}

Response ListPlansJson(Context& ctx) {
  auto plans = ctx.svc.plans->ListPlans(ctx.account->commune_id);
  if (!plans) return Fail(plans.error());
  json out = json::array();
  for (const auto& p : *plans) out.push_back(PlanJson(p));
  return JsonResponse(200, json{{"plans", out}}.dump());
}

Response GetPlanJson(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy kế hoạch."));
  auto p = ctx.svc.plans->GetPlan(ctx.account->commune_id, *id);
  if (!p) return Fail(p.error());
  return JsonResponse(200, PlanJson(*p).dump());
}

Response CreatePlanJson(Context& ctx) {
  auto j = JsonBody(ctx.req);
  if (!j) return Fail(j.error());
  plan::Plan p;
  Error err{ErrorCode::kInvalidArgument, "Kế hoạch chưa hợp lệ.", {}};
  for (const char* k : {"number", "title", "goal"}) {
    if (j->contains(k) && !(*j)[k].is_string()) err.fields.push_back({k, "Phải là chuỗi."});
  }
  if (!j->is_object() || !j->value("year", json()).is_number_integer()) {
    err.fields.push_back({"year", "Năm phải là số nguyên."});
  }
  const auto issued = j->is_object() && j->value("issued_on", json()).is_string()
                          ? Date::ParseIso((*j)["issued_on"].get<std::string>())
                          : std::nullopt;
  if (!issued) err.fields.push_back({"issued_on", "Ngày theo dạng YYYY-MM-DD."});
  if (!err.fields.empty()) return ErrorJson(422, err);
  p.number = j->value("number", "");
  p.title = j->value("title", "");
  p.goal = j->value("goal", "");
  p.year = static_cast<int>(std::clamp<int64_t>((*j)["year"].get<int64_t>(), 0, 9999));
  p.issued_on = *issued;
  auto id = ctx.svc.plan_service->CreatePlan(*ctx.account, p, ActorOf(ctx));
  if (!id) return ErrorJson(HttpStatusFor(id.error().code, true), id.error());
  InvalidatePublicPages();
  auto stored = ctx.svc.plans->GetPlan(ctx.account->commune_id, *id);
  if (!stored) return Fail(stored.error());
  Response r = JsonResponse(201, PlanJson(*stored).dump());
  return r.With("Location", "/api/v1/plans/" + std::to_string(*id));
}

Response ListTasksJson(Context& ctx) {
  plan::TaskFilter f;
  f.commune_id = ctx.account->commune_id;
  bool bad = false;
  if (auto v = QueryInt(ctx, "plan", bad)) f.plan_id = *v;
  if (auto v = QueryInt(ctx, "dimension", bad)) f.dimension = static_cast<int>(*v);
  if (auto v = QueryInt(ctx, "unit", bad)) f.unit_id = *v;
  f.after_id = QueryInt(ctx, "after", bad).value_or(0);
  const auto limit = QueryInt(ctx, "limit", bad).value_or(50);
  if (bad) return Fail(BadField("query", "Tham số phải là số nguyên không âm."));
  if (limit < 1 || limit > 500) return Fail(BadField("limit", "limit từ 1 đến 500."));
  f.limit = static_cast<int>(limit);
  if (const std::string s = ctx.req.Query("status"); !s.empty()) {
    f.status = plan::StatusFromCode(s);
    if (!f.status) return Fail(BadField("status", "status: not_started, in_progress hoặc done."));
  }
  f.open_only = ctx.req.Query("open") == "1";
  auto tasks = ctx.svc.plans->ListTasks(f);
  if (!tasks) return Fail(tasks.error());
  const bool more = static_cast<int>(tasks->size()) == f.limit;
  const int64_t last = tasks->empty() ? 0 : tasks->back().id;
  auto views = ctx.svc.plan_service->Evaluate(f.commune_id, std::move(*tasks));
  if (!views) return Fail(views.error());
  json out = json::array();
  for (const auto& v : *views) out.push_back(TaskJson(v));
  return JsonResponse(
      200, json{{"tasks", out}, {"next_after", more ? json(last) : json(nullptr)}}.dump());
}

Response GetTaskJson(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy nhiệm vụ."));
  auto v = ctx.svc.plan_service->View(ctx.account->commune_id, *id);
  if (!v) return Fail(v.error());
  return JsonResponse(200, TaskJson(*v).dump());
}

// Reads a task from a JSON object; fields absent keep the values of `t`.
Result<plan::Task> TaskFromJson(const json& j, plan::Task t) {
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  if (!j.is_object()) return BadField("body", "Cần một đối tượng JSON.");
  auto text = [&](const char* k, std::string& out) {
    if (!j.contains(k)) return;
    if (!j[k].is_string()) return err.fields.push_back({k, "Phải là chuỗi."});
    out = j[k].get<std::string>();
  };
  // Read as 64-bit and range-checked, so 4294967297 is refused rather than wrapped to 1.
  auto integer = [&](const char* k, auto& out) {
    using T = std::decay_t<decltype(out)>;
    if (!j.contains(k)) return;
    const json& v = j[k];
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX)) {
      return err.fields.push_back({k, "Phải là số nguyên."});
    }
    const int64_t n = v.get<int64_t>();
    if (n < std::numeric_limits<T>::min() || n > std::numeric_limits<T>::max()) {
      return err.fields.push_back({k, "Số quá lớn."});
    }
    out = static_cast<T>(n);
  };
  auto date = [&](const char* k, std::optional<Date>& out) {
    if (!j.contains(k)) return;
    if (j[k].is_null()) return out.reset();
    if (!j[k].is_string() || !Date::ParseIso(j[k].get<std::string>())) {
      return err.fields.push_back({k, "Ngày theo dạng YYYY-MM-DD."});
    }
    out = Date::ParseIso(j[k].get<std::string>());
  };
  integer("plan_id", t.plan_id);
  text("title", t.title);
  text("description", t.description);
  text("section", t.section);
  integer("dimension", t.dimension);
  integer("lead_unit_id", t.lead_unit_id);
  integer("version", t.version);
  if (j.contains("parent_id")) {
    if (j["parent_id"].is_null()) {
      t.parent_id.reset();
    } else if (j["parent_id"].is_number_integer()) {
      t.parent_id = j["parent_id"].get<int64_t>();
    } else {
      err.fields.push_back({"parent_id", "Phải là số nguyên hoặc null."});
    }
  }
  if (j.contains("subdimensions")) {
    if (!j["subdimensions"].is_array()) {
      err.fields.push_back({"subdimensions", "Phải là mảng mã, ví dụ [\"2.2\"]."});
    } else {
      t.subdimensions.clear();
      for (const auto& c : j["subdimensions"]) {
        if (c.is_string()) t.subdimensions.push_back(c.get<std::string>());
      }
    }
  }
  if (j.contains("coordinating_unit_ids")) {
    t.coordinating_unit_ids.clear();
    if (!j["coordinating_unit_ids"].is_array()) {
      err.fields.push_back({"coordinating_unit_ids", "Phải là mảng số."});
    } else {
      for (const auto& u : j["coordinating_unit_ids"]) {
        if (u.is_number_integer()) t.coordinating_unit_ids.push_back(u.get<int64_t>());
      }
    }
  }
  std::optional<Date> starts = t.starts_on;
  if (t.starts_on == Date()) starts.reset();
  date("starts_on", starts);
  if (!starts) err.fields.push_back({"starts_on", "Cần ngày bắt đầu (YYYY-MM-DD)."});
  t.starts_on = starts.value_or(Date());
  date("due_on", t.due_on);
  if (j.contains("recurrence")) {
    auto r = j["recurrence"].is_string()
                 ? plan::RecurrenceFromCode(j["recurrence"].get<std::string>())
                 : std::nullopt;
    if (!r) {
      err.fields.push_back({"recurrence", "none, quarterly, half_yearly, yearly hoặc ongoing."});
    }
    t.recurrence = r.value_or(plan::Recurrence::kNone);
  }
  if (!err.fields.empty()) return err;
  return t;
}

Response CreateTaskJson(Context& ctx) {
  auto j = JsonBody(ctx.req);
  if (!j) return Fail(j.error());
  auto t = TaskFromJson(*j, {});
  if (!t) return ErrorJson(422, t.error());
  auto id = ctx.svc.plan_service->CreateTask(*ctx.account, *t, ActorOf(ctx));
  if (!id) return ErrorJson(HttpStatusFor(id.error().code, true), id.error());
  InvalidatePublicPages();
  auto v = ctx.svc.plan_service->View(ctx.account->commune_id, *id);
  if (!v) return Fail(v.error());
  Response r = JsonResponse(201, TaskJson(*v).dump());
  return r.With("Location", "/api/v1/tasks/" + std::to_string(*id));
}

Response UpdateTaskJson(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy nhiệm vụ."));
  auto j = JsonBody(ctx.req);
  if (!j) return Fail(j.error());
  if (!j->contains("version")) return ErrorJson(422, BadField("version", "Cần version đã đọc."));
  auto stored = ctx.svc.plans->GetTask(ctx.account->commune_id, *id);
  if (!stored) return Fail(stored.error());
  auto t = TaskFromJson(*j, *stored);
  if (!t) return ErrorJson(422, t.error());
  t->id = *id;
  auto v = ctx.svc.plan_service->UpdateTask(*ctx.account, *t, ActorOf(ctx));
  if (!v) return ErrorJson(HttpStatusFor(v.error().code, true), v.error());
  InvalidatePublicPages();
  auto view = ctx.svc.plan_service->View(ctx.account->commune_id, *id);
  if (!view) return Fail(view.error());
  return JsonResponse(200, TaskJson(*view).dump());
}

Response ProgressJson(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return Fail(MakeError(ErrorCode::kNotFound, "Không tìm thấy nhiệm vụ."));
  if (auto allowed = ctx.svc.plan_service->TaskToEdit(*ctx.account, *id); !allowed) {
    return Fail(allowed.error());
  }
  auto j = JsonBody(ctx.req);
  if (!j) return Fail(j.error());
  plan::ProgressUpdate u;
  u.task_id = *id;
  Error err{ErrorCode::kInvalidArgument, "Báo cáo tiến độ chưa hợp lệ.", {}};
  const auto whole = [&](const char* k, int64_t lo, int64_t hi) -> std::optional<int64_t> {
    if (!j->is_object() || !j->contains(k) || !(*j)[k].is_number_integer()) return std::nullopt;
    const json& v = (*j)[k];
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(hi)) {
      return std::nullopt;
    }
    const int64_t n = v.get<int64_t>();
    if (n < lo || n > hi) return std::nullopt;
    return n;
  };
  if (auto v = whole("version", 1, INT64_MAX)) {
    u.version = *v;
  } else {
    err.fields.push_back({"version", "Cần version đã đọc."});
  }
  if (auto v = whole("progress", 0, 100)) {
    u.progress = static_cast<int>(*v);
  } else {
    err.fields.push_back({"progress", "Tiến độ phải là số từ 0 đến 100."});
  }
  auto status = j->is_object() && (*j)["status"].is_string()
                    ? plan::StatusFromCode((*j)["status"].get<std::string>())
                    : std::nullopt;
  if (!status) err.fields.push_back({"status", "not_started, in_progress hoặc done."});
  if (j->is_object() && j->contains("note") && (*j)["note"].is_string()) {
    u.note = (*j)["note"].get<std::string>();
  }
  if (!err.fields.empty()) return ErrorJson(422, err);
  u.status = *status;
  auto v = ctx.svc.plan_service->ReportProgress(*ctx.account, u, std::nullopt, ActorOf(ctx));
  if (!v) return ErrorJson(HttpStatusFor(v.error().code, true), v.error());
  InvalidatePublicPages();
  auto view = ctx.svc.plan_service->View(ctx.account->commune_id, *id);
  if (!view) return Fail(view.error());
  return JsonResponse(200, TaskJson(*view).dump());
}

}  // namespace

void AddPlanApiRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/plans", Permission::kViewPlan, RouteKind::kApi, ListPlansJson});
  routes.push_back(
      {"POST", "/api/v1/plans", Permission::kManagePlan, RouteKind::kApi, CreatePlanJson});
  routes.push_back(
      {"GET", "/api/v1/plans/{id}", Permission::kViewPlan, RouteKind::kApi, GetPlanJson});
  routes.push_back({"GET", "/api/v1/tasks", Permission::kViewPlan, RouteKind::kApi, ListTasksJson});
  routes.push_back(
      {"POST", "/api/v1/tasks", Permission::kManagePlan, RouteKind::kApi, CreateTaskJson});
  routes.push_back(
      {"GET", "/api/v1/tasks/{id}", Permission::kViewPlan, RouteKind::kApi, GetTaskJson});
  routes.push_back(
      {"POST", "/api/v1/tasks/{id}", Permission::kManagePlan, RouteKind::kApi, UpdateTaskJson});
  routes.push_back({"POST", "/api/v1/tasks/{id}/progress", Permission::kReportProgress,
                    RouteKind::kApi, ProgressJson});
}

}  // namespace xaso::web
