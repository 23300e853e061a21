// One task: what it is, its deadline, sub-tasks, evidence, history; the progress report (with
// an evidence file) and comments; evidence downloads for staff.
#include "domain/files/upload.h"
#include "domain/papi/catalogue.h"
#include "platform/crypto.h"
#include "web/form.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

std::string SizeText(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

Response TaskPage(Context& ctx, int status, Data d) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  const int64_t commune_id = ctx.account->commune_id;
  auto view = ctx.svc.plan_service->View(commune_id, *id);
  if (!view) return ErrorPage(ctx, HttpStatusFor(view.error().code, false));
  const plan::Task& t = view->task;
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  d.set("task", TaskData(ctx, *view, units));
  d.set("csrf", EnsureCsrf(ctx));
  d.set("description", t.description);
  d.set("starts_on", t.starts_on.ToVi());
  d.set("version", std::to_string(t.version));
  Data codes(Data::type::list);
  for (const auto& c : t.subdimensions) {
    const auto* sub = papi::Catalogue::Default().Find(c);
    Data x;
    x.set("code", c);
    x.set("name", sub ? (ctx.lang == Lang::kEn ? sub->name_en : sub->name_vi) : "");
    codes.push_back(x);
  }
  d.set("subdimensions", codes);
  Data coord(Data::type::list);
  for (int64_t u : t.coordinating_unit_ids) {
    if (auto it = units.find(u); it != units.end()) coord.push_back(Data("name", it->second));
  }
  d.set("coordinating", coord);
  if (auto plan = ctx.svc.plans->GetPlan(commune_id, t.plan_id)) {
    d.set("plan_number", plan->number);
    d.set("plan_id", std::to_string(plan->id));
  }
  if (t.parent_id) {
    if (auto parent = ctx.svc.plans->GetTask(commune_id, *t.parent_id)) {
      d.set("parent_id", std::to_string(parent->id));
      d.set("parent_title", parent->title);
    }
  }
  Data children(Data::type::list);
  if (auto siblings = ctx.svc.plans->PlanTasks(commune_id, t.plan_id)) {
    std::vector<plan::Task> kids;
    for (auto& s : *siblings) {
      if (s.parent_id == t.id) kids.push_back(std::move(s));
    }
    if (auto vs = ctx.svc.plan_service->Evaluate(commune_id, std::move(kids))) {
      for (const auto& v : *vs) children.push_back(TaskData(ctx, v, units));
    }
  }
  d.set("has_children", Data(!children.is_empty_list()));
  d.set("children", children);
  Data evidence(Data::type::list);
  if (auto es = ctx.svc.plans->ListEvidence(commune_id, t.id)) {
    for (const auto& e : *es) {
      Data x;
      x.set("href", "/quan-ly/nhiem-vu/" + std::to_string(t.id) + "/tep/" + std::to_string(e.id));
      x.set("filename", e.filename);
      x.set("size", SizeText(e.size));
      x.set("sha256", e.sha256);
      x.set("public", Data(e.is_public));
      x.set("at", VnDateTime(e.uploaded_at));
      evidence.push_back(x);
    }
  }
  d.set("evidence", evidence);
  Data history(Data::type::list);
  if (auto hs = ctx.svc.plans->History(commune_id, t.id)) {
    for (auto it = hs->rbegin(); it != hs->rend(); ++it) {
      Data x;
      x.set("at", VnDateTime(it->at));
      x.set("actor", it->actor_name);
      x.set("kind", Message(ctx.lang, "plan.event." + std::string(plan::EventKindCode(it->kind))));
      if (it->kind == plan::EventKind::kProgress) {
        if (auto s = plan::StatusFromCode(it->status)) x.set("status", StatusLabel(ctx.lang, *s));
        x.set("progress", std::to_string(it->progress.value_or(0)));
      }
      x.set("body", it->body);
      history.push_back(x);
    }
  }
  d.set("history", history);
  const bool can_edit = plan::PlanService::CanEdit(*ctx.account, t) &&
                        identity::Allows(ctx.role, Permission::kReportProgress);
  d.set("can_edit", Data(can_edit));
  d.set("can_comment", Data(identity::Allows(ctx.role, Permission::kCommentTask)));
  d.set("can_plan", Data(identity::Allows(ctx.role, Permission::kManagePlan)));
  Data statuses(Data::type::list);
  const std::string chosen =
      ctx.form.count("status") ? ctx.form["status"] : std::string(plan::StatusCode(t.status));
  for (auto s :
       {plan::TaskStatus::kNotStarted, plan::TaskStatus::kInProgress, plan::TaskStatus::kDone}) {
    Data o;
    o.set("id", std::string(plan::StatusCode(s)));
    o.set("name", StatusLabel(ctx.lang, s));
    o.set("selected", Data(chosen == plan::StatusCode(s)));
    statuses.push_back(o);
  }
  d.set("status_options", statuses);
  d.set("form_progress",
        ctx.form.count("progress") ? ctx.form["progress"] : std::to_string(t.progress));
  d.set("form_note", ctx.form["note"]);
  d.set("max_upload_mb", std::to_string(ctx.svc.max_upload_bytes / (1024 * 1024)));
  return RenderPage(ctx, status, "task", d, t.title);
}

Response ReportProgress(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  // Whether this person may report on this task comes before what the form says.
  if (auto allowed = ctx.svc.plan_service->TaskToEdit(*ctx.account, *id); !allowed) {
    return ErrorPage(ctx, HttpStatusFor(allowed.error().code, false));
  }
  plan::ProgressUpdate u;
  u.task_id = *id;
  u.note = ctx.form["note"];
  const auto status = plan::StatusFromCode(ctx.form["status"]);
  const auto progress = ParseInt(ctx.form["progress"], 0, 100);
  const auto version = ParseInt(ctx.form["version"]);
  Error err{ErrorCode::kInvalidArgument, "Báo cáo tiến độ chưa hợp lệ.", {}};
  if (!status) err.fields.push_back({"status", "Chọn trạng thái."});
  if (!progress) err.fields.push_back({"progress", "Tiến độ phải là số từ 0 đến 100."});
  if (!version) return ErrorPage(ctx, 400);
  std::optional<plan::Upload> upload;
  if (auto f = ctx.files.find("file"); f != ctx.files.end()) {
    auto type = files::CheckUpload(f->second.filename, f->second.bytes, ctx.svc.max_upload_bytes);
    if (!type) {
      for (const auto& fe : type.error().fields) err.fields.push_back(fe);
    } else {
      upload = plan::Upload{files::SafeFilename(f->second.filename), *type,
                            platform::Sha256Hex(f->second.bytes), std::move(f->second.bytes),
                            ctx.form["public"] == "1"};
    }
  }
  if (!err.fields.empty()) return TaskPage(ctx, 422, ErrorData(err));
  u.status = *status;
  u.progress = static_cast<int>(*progress);
  u.version = *version;
  auto saved = ctx.svc.plan_service->ReportProgress(*ctx.account, u, upload, ActorOf(ctx));
  if (!saved) {
    return TaskPage(ctx, HttpStatusFor(saved.error().code, true), ErrorData(saved.error()));
  }
  InvalidatePublicPages();
  Response r{303, {}, ""};
  return r.With("Location", "/quan-ly/nhiem-vu/" + std::to_string(*id) + "?da-luu=1");
}

Response Comment(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  auto s = ctx.svc.plan_service->Comment(*ctx.account, *id, ctx.form["comment"], ActorOf(ctx));
  if (!s.has_value()) {
    Data d = ErrorData(s.error());
    d.set("form_comment", ctx.form["comment"]);
    return TaskPage(ctx, HttpStatusFor(s.error().code, true), d);
  }
  Response r{303, {}, ""};
  return r.With("Location", "/quan-ly/nhiem-vu/" + std::to_string(*id));
}

Response SetPublic(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto file = IdParam(ctx, "file");
  const std::string& flag = ctx.form["public"];
  if (!id || !file) return ErrorPage(ctx, 404);
  if (flag != "0" && flag != "1") return ErrorPage(ctx, 400);
  auto s =
      ctx.svc.plan_service->SetEvidencePublic(*ctx.account, *id, *file, flag == "1", ActorOf(ctx));
  if (!s.has_value()) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  InvalidatePublicPages();
  Response r{303, {}, ""};
  return r.With("Location", "/quan-ly/nhiem-vu/" + std::to_string(*id));
}

Response Download(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto file = IdParam(ctx, "file");
  if (!id || !file) return ErrorPage(ctx, 404);
  auto found = ctx.svc.plans->GetEvidenceFile(ctx.account->commune_id, *file);
  if (!found || found->first.task_id != *id) return ErrorPage(ctx, 404);
  return FileResponse(found->first, std::move(found->second));
}

}  // namespace

void AddTaskRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/nhiem-vu/{id}", Permission::kViewPlan, RouteKind::kPage, [](Context& ctx) {
         Data d;
         if (ctx.req.Query("da-luu") == "1") {
           d.set("notice", Message(ctx.lang, "plan.saved"));
         }
         return TaskPage(ctx, 200, d);
       }});
  routes.push_back({"POST", "/quan-ly/nhiem-vu/{id}/tien-do", Permission::kReportProgress,
                    RouteKind::kPage, ReportProgress});
  routes.push_back({"POST", "/quan-ly/nhiem-vu/{id}/y-kien", Permission::kCommentTask,
                    RouteKind::kPage, Comment});
  routes.push_back({"GET", "/quan-ly/nhiem-vu/{id}/tep/{file}", Permission::kViewPlan,
                    RouteKind::kPage, Download});
  routes.push_back({"POST", "/quan-ly/nhiem-vu/{id}/tep/{file}/cong-khai",
                    Permission::kReportProgress, RouteKind::kPage, SetPublic});
}

}  // namespace xaso::web
