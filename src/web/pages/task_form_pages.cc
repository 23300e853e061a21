// The task form: a leader adds a task to a plan or re-plans one (title, section, PAPI
// dimension and sub-dimensions, lead unit, start, deadline or recurrence). Re-planning carries
// the version the leader saw, so an edit made meanwhile is never silently overwritten.
#include "domain/papi/catalogue.h"
#include "web/form.h"
#include "web/pages/plan_view.h"
#include "web/pages/select_options.h"

namespace xaso::web {
namespace {

using identity::Permission;

// The form page, filled from ctx.form (the values sent, or the task being edited).
Response FormPage(Context& ctx, int status, Data d, std::optional<int64_t> editing) {
  d.set("csrf", EnsureCsrf(ctx));
  const int64_t commune_id = ctx.account->commune_id;
  std::vector<std::pair<std::string, std::string>> units, dims, plans, recurrences;
  for (const auto& [id, name] : LoadUnitNames(ctx, commune_id)) {
    units.emplace_back(std::to_string(id), name);
  }
  for (const auto& dim : papi::Catalogue::Default().dimensions()) {
    dims.emplace_back(std::to_string(dim.number),
                      std::to_string(dim.number) + ". " + DimensionName(ctx.lang, dim.number));
  }
  if (auto ps = ctx.svc.plans->ListPlans(commune_id)) {
    for (const auto& p : *ps) {
      plans.emplace_back(std::to_string(p.id), p.number + " (" + std::to_string(p.year) + ")");
    }
  }
  for (auto r :
       {plan::Recurrence::kNone, plan::Recurrence::kQuarterly, plan::Recurrence::kHalfYearly,
        plan::Recurrence::kYearly, plan::Recurrence::kOngoing}) {
    const std::string code(plan::RecurrenceCode(r));
    recurrences.emplace_back(code, Message(ctx.lang, "plan.recurrence." + code));
  }
  d.set("unit_options", SelectOptions(units, ctx.form["lead_unit_id"]));
  // Coordinating units are checkboxes named coord_<id>: a form keeps one value per name.
  Data coordinating(Data::type::list);
  for (const auto& [id, name] : units) {
    Data o;
    o.set("id", id);
    o.set("name", name);
    o.set("checked", Data(ctx.form["coord_" + id] == "1"));
    coordinating.push_back(o);
  }
  d.set("coordinating_options", coordinating);
  d.set("dimension_options", SelectOptions(dims, ctx.form["dimension"]));
  d.set("plan_options", SelectOptions(plans, ctx.form["plan"]));
  d.set("recurrence_options", SelectOptions(recurrences, ctx.form["recurrence"]));
  for (const char* f :
       {"title", "description", "section", "subdimensions", "starts_on", "due_on", "version"}) {
    d.set(std::string("form_") + f, ctx.form[f]);
  }
  const std::string title = Message(ctx.lang, editing ? "plan.edit_title" : "plan.new_title");
  d.set("heading", title);
  d.set("editing", Data(editing.has_value()));
  d.set("action", editing ? "/quan-ly/nhiem-vu/" + std::to_string(*editing) + "/sua"
                          : std::string("/quan-ly/nhiem-vu"));
  return RenderPage(ctx, status, "task_new", d, title);
}

// A form number, or 0 (never a valid id or dimension) when it is not one.
int64_t Number(const std::string& s) { return ParseInt(s, 0).value_or(0); }

// The task the form describes; field errors for dates that do not parse.
plan::Task FromForm(Context& ctx, Error& err) {
  plan::Task t;
  t.plan_id = Number(ctx.form["plan"]);
  t.title = ctx.form["title"];
  t.description = ctx.form["description"];
  t.section = ctx.form["section"];
  t.dimension = static_cast<int>(Number(ctx.form["dimension"]));
  t.lead_unit_id = Number(ctx.form["lead_unit_id"]);
  t.version = Number(ctx.form["version"]);
  for (const auto& [name, value] : ctx.form) {
    if (name.rfind("coord_", 0) == 0 && value == "1") {
      if (auto id = ParseInt(std::string_view(name).substr(6))) {
        t.coordinating_unit_ids.push_back(*id);
      } else {
        err.fields.push_back({"coordinating_unit_ids", "Đơn vị phối hợp không hợp lệ."});
      }
    }
  }
  const std::string& codes = ctx.form["subdimensions"];
  for (size_t start = 0; start < codes.size();) {
    size_t end = codes.find_first_of(",; ", start);
    if (end == std::string::npos) end = codes.size();
    if (end > start) t.subdimensions.push_back(codes.substr(start, end - start));
    start = end + 1;
  }
  auto starts = ParseDateInput(ctx.form["starts_on"]);
  if (!starts) err.fields.push_back({"starts_on", "Ngày bắt đầu không hợp lệ (dd/mm/yyyy)."});
  t.starts_on = starts.value_or(Date());
  auto rec = plan::RecurrenceFromCode(ctx.form["recurrence"]);
  if (!rec) err.fields.push_back({"recurrence", "Chọn cách lặp lại."});
  t.recurrence = rec.value_or(plan::Recurrence::kNone);
  if (!ctx.form["due_on"].empty()) {
    t.due_on = ParseDateInput(ctx.form["due_on"]);
    if (!t.due_on) err.fields.push_back({"due_on", "Hạn hoàn thành không hợp lệ (dd/mm/yyyy)."});
  }
  return t;
}

Response SeeTask(int64_t id) {
  Response r{303, {}, ""};
  return r.With("Location", "/quan-ly/nhiem-vu/" + std::to_string(id));
}

Response Create(Context& ctx) {
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  plan::Task t = FromForm(ctx, err);
  if (!err.fields.empty()) return FormPage(ctx, 422, ErrorData(err), std::nullopt);
  auto id = ctx.svc.plan_service->CreateTask(*ctx.account, t, ActorOf(ctx));
  if (!id) {
    return FormPage(ctx, HttpStatusFor(id.error().code, true), ErrorData(id.error()), std::nullopt);
  }
  InvalidatePublicPages();
  return SeeTask(*id);
}

Response EditPage(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  auto t = ctx.svc.plans->GetTask(ctx.account->commune_id, *id);
  if (!t) return ErrorPage(ctx, HttpStatusFor(t.error().code, false));
  std::string codes;
  for (const auto& c : t->subdimensions) codes += (codes.empty() ? "" : ", ") + c;
  ctx.form = {{"plan", std::to_string(t->plan_id)},
              {"title", t->title},
              {"description", t->description},
              {"section", t->section},
              {"dimension", std::to_string(t->dimension)},
              {"subdimensions", codes},
              {"lead_unit_id", std::to_string(t->lead_unit_id)},
              {"starts_on", t->starts_on.ToVi()},
              {"recurrence", std::string(plan::RecurrenceCode(t->recurrence))},
              {"due_on", t->due_on ? t->due_on->ToVi() : ""},
              {"version", std::to_string(t->version)}};
  for (int64_t u : t->coordinating_unit_ids) ctx.form["coord_" + std::to_string(u)] = "1";
  return FormPage(ctx, 200, {}, *id);
}

Response Update(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  plan::Task t = FromForm(ctx, err);
  if (!err.fields.empty()) return FormPage(ctx, 422, ErrorData(err), *id);
  // Progress and the parent are not on this form: keep the stored ones.
  auto stored = ctx.svc.plans->GetTask(ctx.account->commune_id, *id);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  t.id = *id;
  t.parent_id = stored->parent_id;
  t.status = stored->status;
  t.progress = stored->progress;
  auto v = ctx.svc.plan_service->UpdateTask(*ctx.account, t, ActorOf(ctx));
  if (!v) return FormPage(ctx, HttpStatusFor(v.error().code, true), ErrorData(v.error()), *id);
  InvalidatePublicPages();
  return SeeTask(*id);
}

}  // namespace

void AddTaskFormRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/nhiem-vu/moi", Permission::kManagePlan, RouteKind::kPage,
                    [](Context& ctx) { return FormPage(ctx, 200, {}, std::nullopt); }});
  routes.push_back(
      {"POST", "/quan-ly/nhiem-vu", Permission::kManagePlan, RouteKind::kPage, Create});
  routes.push_back(
      {"GET", "/quan-ly/nhiem-vu/{id}/sua", Permission::kManagePlan, RouteKind::kPage, EditPage});
  routes.push_back(
      {"POST", "/quan-ly/nhiem-vu/{id}/sua", Permission::kManagePlan, RouteKind::kPage, Update});
}

}  // namespace xaso::web
