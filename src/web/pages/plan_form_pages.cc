// A leader records the commune's plan of the year (its number, date, title and goal), so that
// a commune without the demo can start; tasks are then added to it.
#include "web/form.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response FormPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  for (const char* f : {"number", "year", "issued_on", "title", "goal"}) {
    d.set(std::string("form_") + f, ctx.form[f]);
  }
  return RenderPage(ctx, status, "plan_new", d, Message(ctx.lang, "plan.new_plan_title"));
}

Response Create(Context& ctx) {
  plan::Plan p;
  Error err{ErrorCode::kInvalidArgument, "Kế hoạch chưa hợp lệ.", {}};
  p.number = ctx.form["number"];
  p.title = ctx.form["title"];
  p.goal = ctx.form["goal"];
  p.year = static_cast<int>(ParseInt(ctx.form["year"], 0, 9999).value_or(0));
  auto issued = ParseDateInput(ctx.form["issued_on"]);
  if (!issued) err.fields.push_back({"issued_on", "Ngày ban hành không hợp lệ (dd/mm/yyyy)."});
  p.issued_on = issued.value_or(Date());
  if (!err.fields.empty()) return FormPage(ctx, 422, ErrorData(err));
  auto id = ctx.svc.plan_service->CreatePlan(*ctx.account, p, ActorOf(ctx));
  if (!id) {
    Data d = ErrorData(id.error());
    if (id.error().code == ErrorCode::kAlreadyExists) {
      d.set("error", Message(ctx.lang, "plan.duplicate_plan"));
    }
    return FormPage(ctx, HttpStatusFor(id.error().code, true), d);
  }
  InvalidatePublicPages();
  Response r{303, {}, ""};
  return r.With("Location", "/quan-ly/ke-hoach?ke-hoach=" + std::to_string(*id));
}

}  // namespace

void AddPlanFormRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/ke-hoach/moi", Permission::kManagePlan, RouteKind::kPage,
                    [](Context& ctx) { return FormPage(ctx, 200, {}); }});
  routes.push_back(
      {"POST", "/quan-ly/ke-hoach", Permission::kManagePlan, RouteKind::kPage, Create});
}

}  // namespace xaso::web
