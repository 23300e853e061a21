// The inspection register (kiểm tra, plan II.4): leaders schedule inspections and record their
// conclusions and findings; a finding's unit records the re-inspection that closes or reopens
// it. Every form works without JavaScript; errors re-render the page with 422.
#include "web/pages/oversight_forms.h"

namespace xaso::web {
namespace {

using identity::Permission;
using oversight::FindingStatus;
using oversight::InspectionView;

std::string Target(const oversight::Inspection& i, const std::vector<identity::Unit>& units,
                   Lang lang) {
  std::string unit = UnitName(units, i.unit_id, lang);
  if (unit.empty()) return i.subject;
  return i.subject.empty() ? unit : unit + " – " + i.subject;
}

Data InspectionRow(Context& ctx, const InspectionView& v,
                   const std::vector<identity::Unit>& units) {
  const auto& i = v.inspection;
  Data x;
  x.set("id", std::to_string(i.id));
  x.set("unannounced", Data(i.kind == oversight::InspectionKind::kUnannounced));
  x.set("target", Target(i, units, ctx.lang));
  x.set("topic", i.topic);
  x.set("scheduled", i.scheduled_on.ToVi());
  SetIfNotEmpty(x, "conducted", ViDate(i.conducted_on));
  x.set("open", std::to_string(v.open_findings));
  x.set("overdue", std::to_string(v.overdue_findings));
  x.set("has_overdue", Data(v.overdue_findings > 0));
  return x;
}

// <option> rows {value, selected} for the PAPI dimensions 1–8.
Data DimensionOptions(const std::string& selected) {
  Data list(Data::type::list);
  for (int n = 1; n <= 8; ++n) {
    Data o;
    o.set("value", std::to_string(n));
    o.set("selected", Data(selected == std::to_string(n)));
    list.push_back(o);
  }
  return list;
}

Response RegisterPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  const auto units = CommuneUnits(ctx);
  auto list = ctx.svc.oversight->ListInspections({ctx.account->commune_id, 0, 500});
  if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
  // Inspections with overdue findings first, then the newest.
  std::stable_sort(list->begin(), list->end(), [](const auto& a, const auto& b) {
    if ((a.overdue_findings > 0) != (b.overdue_findings > 0)) return a.overdue_findings > 0;
    return a.inspection.scheduled_on > b.inspection.scheduled_on;
  });
  Data rows(Data::type::list);
  for (const auto& v : *list) rows.push_back(InspectionRow(ctx, v, units));
  d.set("inspections", rows);
  d.set("empty", Data(list->empty()));
  d.set("can_manage", Data(identity::Allows(ctx.role, Permission::kManageInspections)));
  d.set("units", UnitOptions(units, ctx.form["unit"], ctx.lang));
  // The choices typed before an error stay chosen.
  d.set("kind_unannounced",
        Data(ctx.form["kind"] == oversight::KindCode(oversight::InspectionKind::kUnannounced)));
  d.set("dimensions", DimensionOptions(ctx.form["dimension"]));
  return RenderPage(ctx, status, "inspections", d, Message(ctx.lang, "inspection.register"));
}

// The recheck form of the finding whose post failed keeps what was typed and shows its field
// errors (under names of its own, since a section looks names up in the enclosing data too).
void KeepRecheckInput(Context& ctx, const Data& page, Data& x) {
  SetIfNotEmpty(x, "recheck_checked_on", ctx.form["checked_on"]);
  SetIfNotEmpty(x, "recheck_new_due_on", ctx.form["new_due_on"]);
  SetIfNotEmpty(x, "recheck_note", ctx.form["note"]);
  x.set("recheck_remedied_yes", Data(ctx.form["remedied"] == "yes"));
  x.set("recheck_remedied_no", Data(ctx.form["remedied"] == "no"));
  for (const char* field : {"checked_on", "remedied", "new_due_on", "note"}) {
    const Data* message = page.get(std::string("error_") + field);
    if (message && message->is_string()) {
      x.set(std::string("recheck_error_") + field, message->string_value());
    }
  }
}

Data FindingRow(Context& ctx, const Data& page, const oversight::FindingView& v,
                const std::vector<identity::Unit>& units) {
  const auto& f = v.finding;
  Data x;
  x.set("id", std::to_string(f.id));
  x.set("inspection_id", std::to_string(f.inspection_id));
  x.set("version", std::to_string(f.version));
  x.set("description", f.description);
  x.set("unit", UnitName(units, f.responsible_unit_id, ctx.lang));
  x.set("due", v.due.ToVi());
  x.set("closed", Data(f.status == FindingStatus::kClosed));
  SetIfNotEmpty(x, "closed_on", ViDate(f.closed_on));
  x.set("overdue", Data(v.overdue));
  SetIfNotEmpty(x, "sanction", f.sanction);
  Data rechecks(Data::type::list);
  for (const auto& r : f.rechecks) {
    Data y;
    y.set("date", r.checked_on.ToVi());
    y.set("remedied", Data(r.remedied));
    SetIfNotEmpty(y, "new_due", ViDate(r.new_due_on));
    SetIfNotEmpty(y, "note", r.note);
    rechecks.push_back(y);
  }
  x.set("rechecks", rechecks);
  x.set("can_recheck", Data(oversight::OversightService::CanRecheck(*ctx.account, f)));
  x.set("csrf", EnsureCsrf(ctx));
  if (ctx.form["finding_id"] == std::to_string(f.id)) KeepRecheckInput(ctx, page, x);
  return x;
}

Response InspectionPage(Context& ctx, int status, Data d) {
  auto id = ParseId(ctx.params["id"]);
  if (!id) return ErrorPage(ctx, 404);
  auto view = ctx.svc.oversight->ViewInspection(ctx.account->commune_id, *id);
  if (!view) return ErrorPage(ctx, HttpStatusFor(view.error().code, false));
  const auto units = CommuneUnits(ctx);
  const auto& i = view->inspection;
  d.set("csrf", EnsureCsrf(ctx));
  d.set("id", std::to_string(i.id));
  d.set("version", std::to_string(i.version));
  d.set("unannounced", Data(i.kind == oversight::InspectionKind::kUnannounced));
  d.set("target", Target(i, units, ctx.lang));
  d.set("topic", i.topic);
  if (i.dimension) d.set("dimension", std::to_string(*i.dimension));
  d.set("scheduled", i.scheduled_on.ToVi());
  SetIfNotEmpty(d, "conducted", ViDate(i.conducted_on));
  SetIfNotEmpty(d, "conclusion", i.conclusion);
  if (!d.get("form_conducted_on")) d.set("form_conducted_on", ViDate(i.conducted_on));
  if (!d.get("form_conclusion")) d.set("form_conclusion", i.conclusion);
  Data findings(Data::type::list);
  for (const auto& f : view->findings) findings.push_back(FindingRow(ctx, d, f, units));
  d.set("findings", findings);
  d.set("no_findings", Data(view->findings.empty()));
  d.set("can_manage", Data(identity::Allows(ctx.role, Permission::kManageInspections)));
  d.set("units", UnitOptions(units, ctx.form["responsible_unit"], ctx.lang));
  return RenderPage(ctx, status, "inspection", d,
                    Message(ctx.lang, "inspection.title") + " " + i.topic);
}

Status Schedule(Context& ctx, int64_t& id) {
  XASO_ASSIGN_OR_RETURN(auto i, InspectionFromFields(ctx.form));
  XASO_ASSIGN_OR_RETURN(id, ctx.svc.oversight->CreateInspection(*ctx.account, i, ActorOf(ctx)));
  return Ok{};
}

Response PostSchedule(Context& ctx) {
  int64_t id = 0;
  Status st = Schedule(ctx, id);
  return AfterFormWrite(ctx, st, "/quan-ly/kiem-tra/" + std::to_string(id), RegisterPage);
}

Status Conduct(Context& ctx, int64_t id) {
  XASO_ASSIGN_OR_RETURN(int64_t version, VersionFromFields(ctx.form));
  XASO_ASSIGN_OR_RETURN(auto conduct, ConductFromFields(ctx.form));
  return Dropped(ctx.svc.oversight->RecordConduct(*ctx.account, id, version, conduct.first,
                                                  conduct.second, ActorOf(ctx)));
}

Status Find(Context& ctx, int64_t id) {
  XASO_ASSIGN_OR_RETURN(auto f, FindingFromFields(ctx.form));
  f.inspection_id = id;
  return Dropped(ctx.svc.oversight->AddFinding(*ctx.account, f, ActorOf(ctx)));
}

Status Recheck(Context& ctx, int64_t id) {
  XASO_ASSIGN_OR_RETURN(auto r, RecheckFromFields(ctx.form));
  XASO_ASSIGN_OR_RETURN(int64_t version, VersionFromFields(ctx.form));
  XASO_ASSIGN_OR_RETURN(auto f, ctx.svc.oversight->ViewInspection(ctx.account->commune_id, id));
  bool mine = false;
  for (const auto& x : f.findings) mine = mine || x.finding.id == r.finding_id;
  if (!mine) return MakeError(ErrorCode::kNotFound, "Không tìm thấy phát hiện kiểm tra.");
  return Dropped(ctx.svc.oversight->RecordRecheck(*ctx.account, r, version, ActorOf(ctx)));
}

// A POST to /quan-ly/kiem-tra/{id}/...: runs `write` and comes back to the inspection page.
Route InspectionPost(const char* suffix, Permission p, Status (*write)(Context&, int64_t)) {
  return {"POST", std::string("/quan-ly/kiem-tra/{id}") + suffix, p, RouteKind::kPage,
          [write](Context& ctx) {
            auto id = ParseId(ctx.params["id"]);
            if (!id) return ErrorPage(ctx, 404);
            Status st = write(ctx, *id);
            return AfterFormWrite(ctx, st, "/quan-ly/kiem-tra/" + std::to_string(*id),
                                  InspectionPage);
          }};
}

}  // namespace

void AddInspectionRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/kiem-tra", Permission::kViewOversight, RouteKind::kPage,
                    [](Context& ctx) { return RegisterPage(ctx, 200, {}); }});
  routes.push_back({"POST", "/quan-ly/kiem-tra", Permission::kManageInspections, RouteKind::kPage,
                    PostSchedule});
  routes.push_back({"GET", "/quan-ly/kiem-tra/{id}", Permission::kViewOversight, RouteKind::kPage,
                    [](Context& ctx) { return InspectionPage(ctx, 200, {}); }});
  routes.push_back(InspectionPost("", Permission::kManageInspections, Conduct));
  routes.push_back(InspectionPost("/phat-hien", Permission::kManageInspections, Find));
  routes.push_back(InspectionPost("/tai-kiem-tra", Permission::kRecheckFinding, Recheck));
}

}  // namespace xaso::web
