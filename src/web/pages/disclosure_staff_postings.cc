// The postings of an item (niêm yết, the radio, meetings...): POST /quan-ly/cong-khai/{id}/
// niem-yet records one with its proof, POST .../niem-yet/{posting}/go-xuong the day it came
// down, GET .../niem-yet/{posting}/minh-chung downloads the proof. A posting shorter than the
// rule is accepted and its flag shown on the page it returns to.
#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

// The posting the form describes; field errors for what does not parse.
disclosure::Posting FromForm(Context& ctx, Error& err) {
  disclosure::Posting p;
  if (auto c = disclosure::ParseChannel(ctx.form["channel"]);
      c && *c != disclosure::Channel::kPortal) {
    p.channel = *c;
  } else {
    err.fields.push_back({"channel", Message(ctx.lang, "disclosure.staff.choose_channel")});
  }
  if (auto v = ParseInt(ctx.form["village_id"], 0)) {
    p.village_id = *v;
  } else if (!ctx.form["village_id"].empty()) {
    err.fields.push_back({"village_id", Message(ctx.lang, "disclosure.staff.choose_village")});
  }
  if (auto start = ParseDateInput(ctx.form["started_on"])) {
    p.started_on = *start;
  } else {
    err.fields.push_back({"started_on", Message(ctx.lang, "disclosure.staff.bad_date")});
  }
  if (!ctx.form["until"].empty()) {
    p.until = ParseDateInput(ctx.form["until"]);
    if (!p.until) err.fields.push_back({"until", Message(ctx.lang, "disclosure.staff.bad_date")});
  }
  p.note = ctx.form["note"];
  return p;
}

Response AddPosting(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "disclosure.staff.invalid"), {}};
  disclosure::Posting p = FromForm(ctx, err);
  if (!err.fields.empty()) return DisclosureItemPage(ctx, *id, 422, ErrorData(err));
  std::optional<std::pair<std::string, std::string>> proof;
  if (auto f = ctx.files.find("proof"); f != ctx.files.end()) {
    proof.emplace(f->second.filename, std::move(f->second.bytes));
  }
  auto r =
      ctx.svc.disclosures->AddPosting(*ctx.account, ctx.account->commune_id, *id, p,
                                      std::move(proof), ctx.svc.max_upload_bytes, ActorOf(ctx));
  if (!r) {
    return DisclosureItemPage(ctx, *id, HttpStatusFor(r.error().code, true),
                              DisclosureErrorData(ctx, r.error()));
  }
  InvalidatePublicPages();
  return RedirectResponse(DisclosureStaffHref(*id) + "?niem-yet=" + std::to_string(r->posting_id) +
                          "#niem-yet");
}

Response TakeDown(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto posting = IdParam(ctx, "posting");
  if (!id || !posting) return ErrorPage(ctx, 404);
  const auto on = ParseDateInput(ctx.form["taken_down_on"]);
  if (!on) {
    Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "disclosure.staff.invalid"), {}};
    err.fields.push_back({"taken_down_on", Message(ctx.lang, "disclosure.staff.bad_date")});
    return DisclosureItemPage(ctx, *id, 422, ErrorData(err));
  }
  auto s = ctx.svc.disclosures->TakeDown(*ctx.account, ctx.account->commune_id, *id, *posting, *on,
                                         ActorOf(ctx));
  return DisclosureChanged(ctx, *id, s, "?da-luu=1#niem-yet");
}

Response DownloadProof(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto posting = IdParam(ctx, "posting");
  if (!id || !posting) return ErrorPage(ctx, 404);
  auto a = ctx.svc.disclosure_repo->GetProof(ctx.account->commune_id, *id, *posting);
  if (!a) return ErrorPage(ctx, HttpStatusFor(a.error().code, false));
  plan::Evidence e;
  e.filename = DisclosureProofFilename(*posting, a->content_type);
  e.content_type = a->content_type;
  e.sha256 = a->sha256;
  return FileResponse(e, std::move(a->bytes));
}

}  // namespace

void AddDisclosureStaffPostingRoutes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/niem-yet", Permission::kManageDisclosures,
                    RouteKind::kPage, AddPosting});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/niem-yet/{posting}/go-xuong",
                    Permission::kManageDisclosures, RouteKind::kPage, TakeDown});
  routes.push_back({"GET", "/quan-ly/cong-khai/{id}/niem-yet/{posting}/minh-chung",
                    Permission::kViewDisclosures, RouteKind::kPage, DownloadProof});
}

}  // namespace xaso::web
