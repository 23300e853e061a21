// One dossier for the staff: its details, the process-control sheet (form 06) and the forms of
// the steps the current status allows (CanMove) for whoever may take them (handle_dossiers and
// DossierService::CanHandle: an officer only on the dossiers assigned to him), with the
// apology and extension letter (form 04) while the dossier is open. Every form carries the
// version the page showed, so that of two people acting on one page only the first succeeds.
#include <algorithm>

#include "core/text.h"
#include "web/form.h"
#include "web/pages/dossier_staff_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using onestop::Dossier;
using onestop::DossierStatus;

bool MayAct(const Context& ctx, const Dossier& d) {
  return identity::Allows(ctx.role, Permission::kHandleDossiers) &&
         onestop::DossierService::CanHandle(*ctx.account, d) && !onestop::IsClosed(d.status);
}

// Who may be given a dossier to process: the commune's active officers and leaders.
std::vector<identity::Account> Handlers(Context& ctx, int64_t commune_id) {
  std::vector<identity::Account> out;
  if (auto accounts = ctx.svc.identity->ListAccounts(commune_id)) {
    for (auto& a : *accounts) {
      if (a.active && (a.role == identity::Role::kOfficer || a.role == identity::Role::kLeader)) {
        out.push_back(std::move(a));
      }
    }
  }
  return out;
}

// The steps with a form of their own, in the order of the workflow; each form says which of
// the note and missing fields it has.
struct StepForm {
  DossierStatus to;
  const char* key;  // dossier_staff.step.<key>: the button and the heading
  bool note;        // a note (the reason of 03 and 05, the guidance of 02, the result)
  bool note_required;
  bool missing;  // form 02's list
};
constexpr StepForm kStepForms[] = {
    {DossierStatus::kProcessing, "processing", false, false, false},
    {DossierStatus::kSupplementRequested, "supplement", true, false, true},
    {DossierStatus::kResultReady, "result_ready", true, false, false},
    {DossierStatus::kReturned, "returned", false, false, false},
    {DossierStatus::kRefused, "refused", true, true, false},
    {DossierStatus::kStopped, "stopped", true, true, false},
};

Response DossierPage(Context& ctx, int status, Data d) {
  auto dossier = LoadDossier(ctx);
  if (!dossier) return ErrorPage(ctx, HttpStatusFor(dossier.error().code, false));
  const Dossier& x = *dossier;
  const int64_t commune_id = ctx.account->commune_id;
  const StaffNames names = LoadStaffNames(ctx, commune_id);
  const std::string self = "/quan-ly/ho-so/" + std::to_string(x.id);
  d.set("id", std::to_string(x.id));
  d.set("self", self);
  d.set("code", x.code);
  d.set("version", std::to_string(x.version));
  d.set("procedure", x.procedure_name);
  d.set("procedure_code", x.procedure_code);
  d.set("field", x.field);
  d.set("channel",
        Message(ctx.lang, "dossier_staff.channel." + std::string(DossierChannelCode(x.channel))));
  d.set("applicant_name", x.applicant.name);
  if (!x.applicant.phone.empty()) d.set("applicant_phone", x.applicant.phone);
  // For a dossier imported from a portal, the desk hands the code over with the result.
  if (!x.rating_pin.empty()) d.set("rating_pin", x.rating_pin);
  if (!x.applicant.address.empty()) d.set("applicant_address", x.applicant.address);
  Data documents(Data::type::list);
  for (const auto& doc : x.documents) documents.push_back(Data(doc));
  d.set("documents", documents);
  d.set("received", VnDateTime(x.received_at));
  d.set("due", x.due_on.ToVi());
  if (x.first_due_on != x.due_on) d.set("first_due", x.first_due_on.ToVi());
  d.set("status_label", DossierStatusLabel(ctx.lang, x.status));
  if (const auto t = onestop::TimelinessOf(x, ctx.svc.clock->NowUnix())) {
    d.set("timeliness", TimelinessLabel(ctx.lang, *t));
    d.set("late", Data(*t == onestop::Timeliness::kLate || *t == onestop::Timeliness::kOverdue));
  }
  if (x.assignee_id) {
    const auto it = names.by_id.find(*x.assignee_id);
    if (it != names.by_id.end()) d.set("assignee", it->second);
  }
  if (x.extensions > 0) d.set("extensions", std::to_string(x.extensions));
  if (auto commune = ctx.svc.identity->GetCommune(commune_id)) {
    d.set("public_href", "/xa/" + commune->slug + "/ho-so/" + x.code);
  }
  auto events = ctx.svc.dossier_repo->History(commune_id, x.id);
  if (!events) return ErrorPage(ctx, HttpStatusFor(events.error().code, false));
  d.set("sheet", SheetData(ctx, *events, names));
  // The printable forms the dossier has an event for (01 and 06 always).
  Data forms(Data::type::list);
  auto add_form = [&](const std::string& number) {
    Data f;
    f.set("href", self + "/phieu/" + number);
    f.set("name", Message(ctx.lang, "dossier_staff.form." + number));
    f.set("number", number);
    forms.push_back(f);
  };
  auto reached = [&](const char* to_status) {
    return std::any_of(events->begin(), events->end(), [&](const onestop::Event& e) {
      return e.kind == "status" && e.to_status == to_status;
    });
  };
  std::vector<std::string> numbers = {"01", "06"};
  for (const StatusForm& f : kStatusForms) {
    if (reached(f.status)) numbers.emplace_back(f.number);
  }
  if (x.extensions > 0) numbers.emplace_back("04");
  std::sort(numbers.begin(), numbers.end());
  for (const auto& n : numbers) add_form(n);
  d.set("forms", forms);

  const bool act = MayAct(ctx, x);
  d.set("csrf", EnsureCsrf(ctx));
  if (act && onestop::CanMove(x.status, DossierStatus::kAssigned)) {
    Data options(Data::type::list);
    for (const auto& a : Handlers(ctx, commune_id)) {
      Data o;
      o.set("id", std::to_string(a.id));
      o.set("name", a.display_name + (a.title.empty() ? "" : " – " + a.title));
      o.set("selected", Data(ctx.form["assignee_id"] == std::to_string(a.id)));
      options.push_back(o);
    }
    d.set("assign", Data(true));
    d.set("handlers", options);
  }
  Data steps(Data::type::list);
  for (const auto& s : kStepForms) {
    if (!act || !onestop::CanMove(x.status, s.to)) continue;
    Data f;
    f.set("to", std::string(onestop::DossierStatusCode(s.to)));
    f.set("key", s.key);
    f.set("title", Message(ctx.lang, std::string("dossier_staff.step.") + s.key));
    f.set("submit", Message(ctx.lang, std::string("dossier_staff.step_submit.") + s.key));
    if (s.note) {
      f.set("note", Data(true));
      f.set("note_label", Message(ctx.lang, std::string("dossier_staff.note.") + s.key));
      f.set("note_required", Data(s.note_required));
    }
    f.set("missing", Data(s.missing));
    steps.push_back(f);
  }
  d.set("steps", steps);
  d.set("can_extend", Data(act && x.status != DossierStatus::kResultReady));
  d.set("form_note", ctx.form["note"]);
  d.set("form_missing", ctx.form["missing"]);
  d.set("form_new_due_on", ctx.form["new_due_on"]);
  d.set("form_reason", ctx.form["reason"]);
  return RenderPage(ctx, status, "dossier_staff", d, x.code);
}

Response Refused(Context& ctx, const Error& error) {
  Data d = ErrorData(error);
  if (error.code == ErrorCode::kAborted) {
    d.set("error", Message(ctx.lang, "dossier_staff.conflict"));
    return DossierPage(ctx, 409, d);
  }
  const bool form_error =
      error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kFailedPrecondition;
  return DossierPage(ctx, form_error ? 422 : HttpStatusFor(error.code, true), d);
}

// The dossier of the path when the signed-in account may act on it at the version the form
// showed: 404, 403 or 400 otherwise (as a response), and kAborted when another was first.
struct Target {
  std::optional<Dossier> dossier;
  std::optional<Response> response;
};
Target LoadTarget(Context& ctx) {
  auto dossier = LoadDossier(ctx);
  if (!dossier) return {{}, ErrorPage(ctx, HttpStatusFor(dossier.error().code, false))};
  if (!identity::Allows(ctx.role, Permission::kHandleDossiers) ||
      !onestop::DossierService::CanHandle(*ctx.account, *dossier)) {
    return {{}, ErrorPage(ctx, 403)};
  }
  const auto version = ParseInt(ctx.form["version"]);
  if (!version) return {{}, ErrorPage(ctx, 400)};
  // The page was stale: what it offered may no longer apply, so say so rather than judge it.
  if (*version != dossier->version) {
    return {{}, Refused(ctx, MakeError(ErrorCode::kAborted, "stale"))};
  }
  return {std::move(*dossier), {}};
}

Response Step(Context& ctx) {
  Target t = LoadTarget(ctx);
  if (t.response) return std::move(*t.response);
  const Dossier& current = *t.dossier;
  const auto to = onestop::DossierStatusFromCode(ctx.form["to"]);
  if (!to) return ErrorPage(ctx, 400);
  if (!onestop::CanMove(current.status, *to)) {
    return Refused(ctx, MakeError(ErrorCode::kFailedPrecondition,
                                  Message(ctx.lang, "dossier_staff.step_not_allowed") + " " +
                                      DossierStatusLabel(ctx.lang, current.status) + " → " +
                                      DossierStatusLabel(ctx.lang, *to) + "."));
  }
  onestop::Step step;
  step.version = current.version;
  step.to = *to;
  step.note = ctx.form["note"];
  if (*to == DossierStatus::kSupplementRequested) step.missing = Lines(ctx.form["missing"]);
  if (*to == DossierStatus::kAssigned) {
    const auto who = ParseInt(ctx.form["assignee_id"]);
    for (const auto& a : Handlers(ctx, current.commune_id)) {
      if (!who || a.id != *who) continue;
      step.assignee_id = a.id;
      // The sheet's line says to whom the dossier was handed (the event has no assignee).
      const std::string note(Trim(step.note));
      step.note = "Giao cho " + a.display_name + (note.empty() ? "" : ". " + note);
    }
  }
  auto moved = ctx.svc.dossiers->Move(current, step, ActorOf(ctx));
  if (!moved) return Refused(ctx, moved.error());
  return RedirectResponse("/quan-ly/ho-so/" + std::to_string(current.id) + "?da-luu=1");
}

Response Extend(Context& ctx) {
  Target t = LoadTarget(ctx);
  if (t.response) return std::move(*t.response);
  const auto new_due = ParseDateInput(ctx.form["new_due_on"]);
  if (!new_due) {
    return Refused(ctx, Error{ErrorCode::kInvalidArgument,
                              Message(ctx.lang, "dossier_staff.extension_invalid"),
                              {{"new_due_on", Message(ctx.lang, "dossier_staff.date_invalid")}}});
  }
  onestop::Extension ext;
  ext.new_due_on = *new_due;
  ext.reason = ctx.form["reason"];
  auto extended = ctx.svc.dossiers->Extend(*t.dossier, ext, ActorOf(ctx));
  if (!extended) return Refused(ctx, extended.error());
  return RedirectResponse("/quan-ly/ho-so/" + std::to_string(t.dossier->id) + "?da-luu=1");
}

}  // namespace

void AddDossierHandlingRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/ho-so/{id}", Permission::kViewDossiers, RouteKind::kPage, [](Context& ctx) {
         Data d;
         if (ctx.req.Query("da-luu") == "1") {
           d.set("notice", Message(ctx.lang, "dossier_staff.saved"));
         }
         return DossierPage(ctx, 200, d);
       }});
  routes.push_back(
      {"POST", "/quan-ly/ho-so/{id}/buoc", Permission::kHandleDossiers, RouteKind::kPage, Step});
  routes.push_back({"POST", "/quan-ly/ho-so/{id}/gia-han", Permission::kHandleDossiers,
                    RouteKind::kPage, Extend});
}

}  // namespace xaso::web
