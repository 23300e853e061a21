// The public side of the one-stop shop's dossiers (issue 5, part 4): look a dossier up by its
// code without signing in, see its procedure, dates, current step and the public part of its
// process-control sheet, and rate the service anonymously once the result is returned. The
// applicant is shown only by initials; phone, address, documents, staff names and notes never,
// nor the missing items of a supplement request (form 02 reaches the applicant on paper): codes
// are predictable, and what a dossier lacks can say much about a family. Rating needs the
// rating code printed on the receipt.
#include <cctype>

#include "core/text.h"
#include "web/form.h"
#include "web/pages/dossier_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr size_t kMaxComment = 1000;  // characters

std::string LookupHref(const identity::Commune& c) { return "/xa/" + c.slug + "/ho-so"; }

Response LookupPage(Context& ctx, const identity::Commune& commune, int status,
                    const std::string& code, const std::string& error) {
  Data d;
  d.set("commune_name", commune.name);
  d.set("home", "/xa/" + commune.slug + "/");
  d.set("procedures_href", "/xa/" + commune.slug + "/thu-tuc");
  d.set("action", LookupHref(commune));
  if (!code.empty()) d.set("code", code);
  if (!error.empty()) d.set("error", error);
  return RenderPage(ctx, status, "dossier_lookup", d, Message(ctx.lang, "dossier.lookup.title"));
}

Response Lookup(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string code = ctx.req.Query("ma");
  if (code.empty()) return LookupPage(ctx, *commune, 200, "", "");
  if (!onestop::IsDossierCode(code)) {
    return LookupPage(ctx, *commune, 400, TruncateUtf8(code, 60),
                      Message(ctx.lang, "dossier.lookup.malformed"));
  }
  return RedirectResponse(LookupHref(*commune) + "/" + PercentEncode(code));
}

Data HistoryData(Lang lang, const std::vector<onestop::Event>& events) {
  Data history(Data::type::list);
  for (const auto& e : events) {
    Data x;
    x.set("at", VnDateTime(e.at));
    x.set("label", e.kind == "extension" ? Message(lang, "dossier.public.extension")
                                         : DossierStatusLabel(lang, e.to_status));
    // Set on every line, so that a line without one does not show the page's own due date.
    const bool moved = e.due_on && e.kind == "extension";
    x.set("has_due", Data(moved));
    x.set("due", moved ? e.due_on->ToVi() : std::string());
    history.push_back(x);
  }
  return history;
}

// The dossier's public page, with `d` holding a notice or the rating form's error.
Response Show(Context& ctx, int status, Data d) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  if (!onestop::IsDossierCode(code)) {
    return LookupPage(ctx, *commune, 400, "", Message(ctx.lang, "dossier.lookup.malformed"));
  }
  auto dossier = ctx.svc.dossier_repo->GetByCode(commune->id, code);
  if (!dossier && dossier.error().code == ErrorCode::kNotFound) {
    return LookupPage(ctx, *commune, 404, code, Message(ctx.lang, "dossier.lookup.not_found"));
  }
  if (!dossier) return ErrorPage(ctx, HttpStatusFor(dossier.error().code, false));
  auto events = ctx.svc.dossier_repo->History(commune->id, dossier->id);
  if (!events) return ErrorPage(ctx, HttpStatusFor(events.error().code, false));
  const onestop::Dossier& x = *dossier;
  d.set("commune_name", commune->name);
  d.set("lookup_href", LookupHref(*commune));
  d.set("code", x.code);
  d.set("procedure_name", x.procedure_name);
  d.set("procedure_code", x.procedure_code);
  d.set("initials", onestop::Initials(x.applicant.name));
  d.set("channel", Message(ctx.lang, "dossier.channel." +
                                         std::string(onestop::DossierChannelCode(x.channel))));
  d.set("received", VnDateTime(x.received_at));
  d.set("due", x.due_on.ToVi());
  if (x.first_due_on != x.due_on) d.set("first_due", x.first_due_on.ToVi());
  d.set("status_label", DossierStatusLabel(ctx.lang, x.status));
  if (auto t = onestop::TimelinessOf(x, ctx.svc.clock->NowUnix())) {
    d.set("timeliness", TimelinessLabel(ctx.lang, *t));
  }
  if (x.satisfaction) d.set("rating", SatisfactionLabel(ctx.lang, *x.satisfaction));
  d.set("history", HistoryData(ctx.lang, *events));
  const bool can_rate = x.status == onestop::DossierStatus::kReturned && !x.satisfaction;
  d.set("can_rate", Data(can_rate));
  if (can_rate) {
    d.set("csrf", EnsureCsrf(ctx));
    d.set("rate_action", LookupHref(*commune) + "/" + PercentEncode(x.code) + "/danh-gia");
  }
  return RenderPage(ctx, status, "dossier_public", d,
                    Message(ctx.lang, "dossier.public.title") + " " + x.code);
}

Response Rate(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  if (!onestop::IsDossierCode(code)) return Show(ctx, 400, Data());
  const auto satisfaction = onestop::SatisfactionFromCode(ctx.form["satisfaction"]);
  const std::string& comment = ctx.form["comment"];
  // Typed from paper: spaces and lower case forgiven.
  std::string pin;
  for (char c : ctx.form["pin"]) {
    if (c != ' ') pin += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  Data d;
  if (!comment.empty()) d.set("comment", comment);
  if (!satisfaction) {
    d.set("error", Message(ctx.lang, "dossier.rate.choose"));
    return Show(ctx, 422, d);
  }
  if (Utf8Length(comment) > kMaxComment) {
    d.set("error", Message(ctx.lang, "dossier.rate.too_long"));
    return Show(ctx, 422, d);
  }
  auto dossier = ctx.svc.dossier_repo->GetByCode(commune->id, code);
  if (!dossier) return Show(ctx, HttpStatusFor(dossier.error().code, false), Data());
  // Not yet returned: nothing to rate yet (422). Rated already: a conflict (409).
  if (dossier->status != onestop::DossierStatus::kReturned) {
    d.set("error", Message(ctx.lang, "dossier.rate.not_returned"));
    return Show(ctx, 422, d);
  }
  if (auto s = ctx.svc.dossier_repo->Rate(commune->id, code, pin, *satisfaction, comment,
                                          ctx.svc.clock->NowUnix());
      !s) {
    const auto& fields = s.error().fields;
    d.set("error", fields.empty() ? s.error().message : fields.front().message);
    // A wrong rating code is a form to correct (422), like the other fields.
    const bool form_error = s.error().code == ErrorCode::kInvalidArgument;
    return Show(ctx, form_error ? 422 : HttpStatusFor(s.error().code, false), d);
  }
  return RedirectResponse(LookupHref(*commune) + "/" + PercentEncode(code) + "?da-danh-gia=1");
}

}  // namespace

void AddDossierPublicRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/ho-so", Permission::kReadPublic, RouteKind::kPage, Lookup});
  routes.push_back({"GET", "/xa/{slug}/ho-so/{code}", Permission::kReadPublic, RouteKind::kPage,
                    [](Context& ctx) {
                      Data d;
                      if (ctx.req.Query("da-danh-gia") == "1") {
                        d.set("notice", Message(ctx.lang, "dossier.rate.done"));
                      }
                      return Show(ctx, 200, d);
                    }});
  routes.push_back({"POST", "/xa/{slug}/ho-so/{code}/danh-gia", Permission::kReadPublic,
                    RouteKind::kPage, Rate});
}

}  // namespace xaso::web
