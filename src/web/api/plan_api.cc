// The plan API: plans and tasks as JSON, lists with filters and keyset pagination
// (?after=ID&limit=N → next_after), create, update with optimistic locking (409 on a stale
// version), progress reports, and the CSV export (in web/pages/plan_pages.cc).
#include <charconv>

#include <nlohmann/json.hpp>

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
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) bad = true;
  return v;
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
  auto integer = [&](const char* k, auto& out) {
    if (!j.contains(k)) return;
    if (!j[k].is_number_integer()) return err.fields.push_back({k, "Phải là số nguyên."});
    out = j[k].get<std::decay_t<decltype(out)>>();
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

Result<json> Body(Context& ctx) {
  if (ctx.req.Header("content-type").rfind("application/json", 0) != 0) {
    return BadField("content-type", "Gửi application/json.");
  }
  json j = json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded()) return BadField("body", "JSON không hợp lệ.");
  return j;
}

Response CreateTaskJson(Context& ctx) {
  auto j = Body(ctx);
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
  auto j = Body(ctx);
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
  auto j = Body(ctx);
  if (!j) return Fail(j.error());
  plan::ProgressUpdate u;
  u.task_id = *id;
  Error err{ErrorCode::kInvalidArgument, "Báo cáo tiến độ chưa hợp lệ.", {}};
  if (!j->is_object() || !(*j)["version"].is_number_integer()) {
    err.fields.push_back({"version", "Cần version đã đọc."});
  } else {
    u.version = (*j)["version"].get<int64_t>();
  }
  if (!j->is_object() || !(*j)["progress"].is_number_integer()) {
    err.fields.push_back({"progress", "Tiến độ phải là số từ 0 đến 100."});
  } else {
    u.progress = (*j)["progress"].get<int>();
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
