// The printable forms of a dossier (TT 03/2025/TT-VPCP, Phụ lục I; LEGAL.md §7.1), on A4 with
// an "In" button and no navigation on paper: 01 the receipt and appointment slip, with a QR
// code to the public lookup page; 02 the latest request to supplement; 03 the refusal; 04 the
// apology and extension letter with the history of extensions; 05 the notice of stopping; 06
// the process-control sheet. A form the dossier has no event for yet is 404.
#include <algorithm>
#include <iterator>

#include "core/clock.h"
#include "platform/qr_code.h"
#include "web/form.h"
#include "web/pages/dossier_staff_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using onestop::Dossier;
using onestop::Event;

// The latest status event that moved the dossier to `status`, or nullptr.
const Event* LatestTo(const std::vector<Event>& events, std::string_view status) {
  const Event* found = nullptr;
  for (const auto& e : events) {
    if (e.kind == "status" && e.to_status == status) found = &e;
  }
  return found;
}

std::string NameOf(const StaffNames& names, const std::string& username) {
  const auto it = names.by_username.find(username);
  return it == names.by_username.end() ? username : it->second;
}

Data TextList(const std::vector<std::string>& items) {
  Data list(Data::type::list);
  for (const auto& item : items) list.push_back(Data(item));
  return list;
}

// The event a form prints: its time, who signed it and its note.
void SetEvent(Data& d, const Event& e, const StaffNames& names) {
  d.set("event_at", VnDateTime(e.at));
  d.set("event_day", Clock::DayVn(e.at).ToVi());
  d.set("signer", NameOf(names, e.actor));
  if (!e.note.empty()) d.set("note", e.note);
}

Response PrintForm(Context& ctx) {
  const std::string number = ctx.params["form"];
  static const char* const kForms[] = {"01", "02", "03", "04", "05", "06"};
  if (std::find(std::begin(kForms), std::end(kForms), number) == std::end(kForms)) {
    return ErrorPage(ctx, 404);
  }
  auto dossier = LoadDossier(ctx);
  if (!dossier) return ErrorPage(ctx, HttpStatusFor(dossier.error().code, false));
  const Dossier& x = *dossier;
  auto commune = ctx.svc.identity->GetCommune(x.commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto events = ctx.svc.dossier_repo->History(x.commune_id, x.id);
  if (!events) return ErrorPage(ctx, HttpStatusFor(events.error().code, false));
  const StaffNames names = LoadStaffNames(ctx, x.commune_id);

  Data d;
  d.set("form_" + number, Data(true));
  d.set("number", number);
  d.set("form_name", Message(ctx.lang, "dossier_staff.form." + number));
  d.set("back", "/quan-ly/ho-so/" + std::to_string(x.id));
  d.set("commune", commune->name);
  d.set("code", x.code);
  d.set("applicant_name", x.applicant.name);
  if (!x.applicant.phone.empty()) d.set("applicant_phone", x.applicant.phone);
  if (!x.applicant.address.empty()) d.set("applicant_address", x.applicant.address);
  d.set("procedure", x.procedure_name);
  d.set("procedure_code", x.procedure_code);
  d.set("received", VnDateTime(x.received_at));
  d.set("due", x.due_on.ToVi());
  d.set("status_label", DossierStatusLabel(ctx.lang, x.status));
  d.set("today", ctx.svc.clock->TodayVn().ToVi());

  if (number == "01") {
    d.set("documents", TextList(x.documents));
    d.set("first_due", x.first_due_on.ToVi());
    d.set("channel",
          Message(ctx.lang, "dossier_staff.channel." + std::string(DossierChannelCode(x.channel))));
    if (!events->empty()) d.set("signer", NameOf(names, events->front().actor));
    const std::string lookup =
        SiteBase(ctx) + "/xa/" + commune->slug + "/ho-so/" + PercentEncode(x.code);
    d.set("lookup", lookup);
    if (!x.rating_pin.empty()) d.set("rating_pin", x.rating_pin);
    if (auto qr = platform::EncodeQr(lookup)) {
      d.set("qr", platform::QrSvg(*qr, Message(ctx.lang, "dossier_staff.qr_title")));
    }
  } else if (const auto* form =
                 std::find_if(std::begin(kStatusForms), std::end(kStatusForms),
                              [&](const StatusForm& f) { return number == f.number; });
             form != std::end(kStatusForms)) {
    const Event* e = LatestTo(*events, form->status);
    if (!e) return ErrorPage(ctx, 404);
    SetEvent(d, *e, names);
    d.set("missing", TextList(e->missing));
    d.set("stage", DossierStatusLabel(ctx.lang, e->from_status));
  } else if (number == "04") {
    const auto extensions = ExtensionsOf(x, *events);
    if (extensions.empty()) return ErrorPage(ctx, 404);
    const auto& last = extensions.back();
    d.set("event_day", Clock::DayVn(last.at).ToVi());
    d.set("signer", NameOf(names, last.actor));
    d.set("old_due", last.old_due_on.ToVi());
    d.set("new_due", last.new_due_on.ToVi());
    d.set("reason", last.reason);
    Data history(Data::type::list);
    int n = 0;
    for (const auto& e : extensions) {
      Data h;
      h.set("n", std::to_string(++n));
      h.set("at", VnDateTime(e.at));
      h.set("old_due", e.old_due_on.ToVi());
      h.set("new_due", e.new_due_on.ToVi());
      h.set("reason", e.reason);
      history.push_back(h);
    }
    d.set("history", history);
  } else {
    d.set("sheet", SheetData(ctx, *events, names));
  }
  return RenderPage(ctx, 200, "dossier_form", d,
                    Message(ctx.lang, "dossier_staff.form." + number) + " · " + x.code);
}

}  // namespace

void AddDossierFormRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/ho-so/{id}/phieu/{form}", Permission::kViewDossiers,
                    RouteKind::kPage, PrintForm});
}

}  // namespace xaso::web
