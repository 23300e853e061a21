// The one-stop shop's desk (issue 5, part 2): the register of dossiers (sổ theo dõi, form 07),
// newest first, and the intake of a dossier at the desk, whose documents are ticked from the
// chosen procedure's list; a stored dossier goes straight to its receipt (form 01). The
// dossier page, its steps and the printable forms are in dossier_handling.cc and
// dossier_forms.cc.
#include <algorithm>

#include "web/form.h"
#include "web/pages/dossier_staff_view.h"

namespace xaso::web {

void AddDossierHandlingRoutes(std::vector<Route>& routes);
void AddDossierFormRoutes(std::vector<Route>& routes);

namespace {

using identity::Permission;
using onestop::Dossier;
using onestop::DossierStatus;

constexpr int kRegisterPage = 50;
// ValidateIntake takes at most 50 documents; the form never offers more boxes than that.
constexpr size_t kMaxDocumentBoxes = 50;

Result<std::vector<onestop::Procedure>> CommuneProcedures(Context& ctx) {
  return ctx.svc.procedures->Search(ctx.account->commune_id, {});
}

Data ProcedureOptions(const std::vector<onestop::Procedure>& procedures,
                      const std::string& chosen) {
  Data list(Data::type::list);
  for (const auto& p : procedures) {
    Data o;
    o.set("code", p.code);
    o.set("name", p.name);
    o.set("selected", Data(p.code == chosen));
    list.push_back(o);
  }
  return list;
}

Response Register(Context& ctx) {
  onestop::DossierFilter filter;
  const std::string status = ctx.req.Query("trang-thai");
  if (!status.empty()) {
    filter.status = onestop::DossierStatusFromCode(status);
    if (!filter.status) return ErrorPage(ctx, 400);
  }
  const std::string procedure = ctx.req.Query("thu-tuc");
  if (!procedure.empty() && !onestop::IsProcedureCode(procedure)) return ErrorPage(ctx, 400);
  filter.procedure_code = procedure;
  const std::string before = ctx.req.Query("truoc");
  if (!before.empty()) {
    const auto id = ParseInt(before);
    if (!id) return ErrorPage(ctx, 400);
    filter.before_id = *id;
  }
  // One more than a page tells whether there is a next one.
  filter.limit = kRegisterPage + 1;
  auto dossiers = ctx.svc.dossier_repo->List(ctx.account->commune_id, filter);
  if (!dossiers) return ErrorPage(ctx, HttpStatusFor(dossiers.error().code, false));
  std::string next;
  if (dossiers->size() > static_cast<size_t>(kRegisterPage)) {
    dossiers->resize(kRegisterPage);
    next = "/quan-ly/ho-so?trang-thai=" + PercentEncode(status) +
           "&thu-tuc=" + PercentEncode(procedure) + "&truoc=" + std::to_string(dossiers->back().id);
  }
  const int64_t now = ctx.svc.clock->NowUnix();
  Data rows(Data::type::list);
  for (const Dossier& d : *dossiers) {
    Data x;
    x.set("href", "/quan-ly/ho-so/" + std::to_string(d.id));
    x.set("code", d.code);
    x.set("procedure", d.procedure_name);
    x.set("applicant", d.applicant.name);
    x.set("received", VnDateTime(d.received_at));
    x.set("due", d.due_on.ToVi());
    x.set("status_label", DossierStatusLabel(ctx.lang, d.status));
    if (const auto t = onestop::TimelinessOf(d, now)) {
      x.set("timeliness", TimelinessLabel(ctx.lang, *t));
      x.set("late", Data(*t == onestop::Timeliness::kLate || *t == onestop::Timeliness::kOverdue));
    }
    rows.push_back(x);
  }
  Data d;
  d.set("dossiers", rows);
  d.set("empty", Data(dossiers->empty()));
  if (!next.empty()) d.set("next_href", next);
  if (!before.empty()) d.set("first_href", "/quan-ly/ho-so");
  Data statuses(Data::type::list);
  for (auto s : {DossierStatus::kReceived, DossierStatus::kAssigned, DossierStatus::kProcessing,
                 DossierStatus::kSupplementRequested, DossierStatus::kResultReady,
                 DossierStatus::kReturned, DossierStatus::kRefused, DossierStatus::kStopped}) {
    Data o;
    o.set("id", std::string(onestop::DossierStatusCode(s)));
    o.set("name", DossierStatusLabel(ctx.lang, s));
    o.set("selected", Data(status == onestop::DossierStatusCode(s)));
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  if (auto procedures = CommuneProcedures(ctx))
    d.set("procedures", ProcedureOptions(*procedures, procedure));
  d.set("can_receive", Data(identity::Allows(ctx.role, Permission::kReceiveDossiers)));
  return RenderPage(ctx, 200, "dossier_register", d,
                    Message(ctx.lang, "dossier_staff.register_title"));
}

// The intake form. Without a chosen procedure it offers the catalogue; with one (`?thu-tuc=` or
// the POST's "procedure") it shows that procedure's documents as boxes to tick.
Response IntakePage(Context& ctx, int status, Data d) {
  auto procedures = CommuneProcedures(ctx);
  if (!procedures) return ErrorPage(ctx, HttpStatusFor(procedures.error().code, false));
  const std::string chosen =
      ctx.req.method == "POST" ? ctx.form["procedure"] : ctx.req.Query("thu-tuc");
  d.set("csrf", EnsureCsrf(ctx));
  d.set("procedures", ProcedureOptions(*procedures, chosen));
  const auto p = std::find_if(procedures->begin(), procedures->end(),
                              [&](const onestop::Procedure& x) { return x.code == chosen; });
  if (p == procedures->end()) {
    if (!chosen.empty() && !d.get("error")) {
      d.set("error", Message(ctx.lang, "dossier_staff.unknown_procedure"));
    }
    return RenderPage(ctx, status, "dossier_intake", d,
                      Message(ctx.lang, "dossier_staff.intake_title"));
  }
  Data chosen_data;
  chosen_data.set("code", p->code);
  chosen_data.set("name", p->name);
  Data boxes(Data::type::list);
  for (size_t i = 0; i < p->documents.size() && i < kMaxDocumentBoxes; ++i) {
    Data b;
    b.set("name", "doc_" + std::to_string(i));
    b.set("id", "doc-" + std::to_string(i));
    b.set("label", p->documents[i]);
    b.set("checked", Data(ctx.form["doc_" + std::to_string(i)] == p->documents[i]));
    boxes.push_back(b);
  }
  chosen_data.set("documents", boxes);
  d.set("chosen", chosen_data);
  for (const char* field :
       {"applicant_name", "applicant_phone", "applicant_address", "other_documents"}) {
    d.set(std::string("form_") + field, ctx.form[field]);
  }
  d.set("post", Data(ctx.form["channel"] == "post"));
  return RenderPage(ctx, status, "dossier_intake", d,
                    Message(ctx.lang, "dossier_staff.intake_title"));
}

// The documents ticked (doc_0, doc_1... in the procedure's order), then the other documents
// typed one a line.
std::vector<std::string> DocumentsFromForm(Context& ctx) {
  std::vector<std::string> documents;
  for (size_t i = 0; i < kMaxDocumentBoxes; ++i) {
    const auto it = ctx.form.find("doc_" + std::to_string(i));
    if (it != ctx.form.end() && !it->second.empty()) documents.push_back(it->second);
  }
  for (auto& line : Lines(ctx.form["other_documents"])) documents.push_back(std::move(line));
  return documents;
}

Response Receive(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  onestop::Intake in;
  in.commune_id = commune_id;
  in.procedure_code = ctx.form["procedure"];
  in.applicant = {ctx.form["applicant_name"], ctx.form["applicant_phone"],
                  ctx.form["applicant_address"]};
  in.documents = DocumentsFromForm(ctx);
  const auto channel = onestop::DossierChannelFromCode(ctx.form["channel"]);
  if (!channel || *channel == onestop::DossierChannel::kOnline) {
    Error err{ErrorCode::kInvalidArgument,
              Message(ctx.lang, "dossier_staff.intake_invalid"),
              {{"channel", Message(ctx.lang, "dossier_staff.channel_required")}}};
    return IntakePage(ctx, 422, ErrorData(err));
  }
  in.channel = *channel;
  auto commune = ctx.svc.identity->GetCommune(commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto stored = ctx.svc.dossiers->Receive(in, identity::DeskAgencyCode(*commune), ActorOf(ctx));
  if (!stored) {
    return IntakePage(ctx, HttpStatusFor(stored.error().code, true), ErrorData(stored.error()));
  }
  return RedirectResponse("/quan-ly/ho-so/" + std::to_string(stored->id) + "/phieu/01");
}

}  // namespace

void AddDossierStaffRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/ho-so", Permission::kViewDossiers, RouteKind::kPage, Register});
  routes.push_back({"GET", "/quan-ly/ho-so/moi", Permission::kReceiveDossiers, RouteKind::kPage,
                    [](Context& ctx) { return IntakePage(ctx, 200, Data()); }});
  routes.push_back(
      {"POST", "/quan-ly/ho-so/moi", Permission::kReceiveDossiers, RouteKind::kPage, Receive});
  AddDossierFormRoutes(routes);
  AddDossierHandlingRoutes(routes);
}

}  // namespace xaso::web
