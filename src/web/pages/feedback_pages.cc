// The public side of feedback (phản ánh): the list of items with their official answers, the
// submission form (no account needed; a honeypot, and a per-IP hourly limit counted in the
// database so that every server process shares it), the printable receipt and tracking page of
// one item, and the citizen's rating. Personal data is never shown: a name only when the
// citizen chose to show it, a phone or e-mail never.

#include "web/form.h"
#include "web/pages/feedback_stats_view.h"
#include "web/pages/feedback_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr int kPageSize = 20;

// The public view of one item: never the phone or e-mail, the name only when chosen.
Data PublicItem(Context& ctx, const identity::Commune& commune, const feedback::Feedback& f,
                const CategoryNames& categories) {
  Data x;
  x.set("code", f.tracking_code);
  x.set("href", "/xa/" + commune.slug + "/phan-anh/" + f.tracking_code);
  x.set("title", f.submission.title);
  x.set("description", f.submission.description);
  x.set("category", CategoryName(categories, f.category_id));
  x.set("kind", Message(ctx.lang, "feedback.kind." + std::string(KindCode(f.submission.kind))));
  x.set("received", f.received_on.ToVi());
  x.set("due", f.due_on.ToVi());
  x.set("status_label", FeedbackStatusLabel(ctx.lang, f.status));
  x.set("status", std::string(feedback::StatusCode(f.status)));
  if (!f.answer.empty()) x.set("answer", f.answer);
  if (f.answered_at) x.set("answered", VnDateTime(*f.answered_at));
  if (!f.forwarded_to.empty()) x.set("forwarded_to", f.forwarded_to);
  if (f.submission.show_name && !f.submission.citizen_name.empty()) {
    x.set("name", f.submission.citizen_name);
  }
  if (f.rating != feedback::Rating::kNone) {
    x.set("rating", Message(ctx.lang, "feedback.rating." + std::string(RatingCode(f.rating))));
  }
  return x;
}

Response List(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const auto before = BeforeParam(ctx);
  if (!before) return ErrorPage(ctx, 404);
  auto items = ctx.svc.feedback_repo->ListPublic(commune->id, *before, kPageSize + 1);
  if (!items) return ErrorPage(ctx, HttpStatusFor(items.error().code, false));
  const CategoryNames categories = LoadCategoryNames(ctx, commune->id);
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", "/xa/" + commune->slug + "/");
  d.set("submit_href", "/xa/" + commune->slug + "/phan-anh/gui");
  d.set("faq_href", "/xa/" + commune->slug + "/hoi-dap");
  if (*before == 0) SetPublicFeedbackSummary(ctx, commune->id, d);
  Data list(Data::type::list);
  const size_t shown = std::min(items->size(), static_cast<size_t>(kPageSize));
  for (size_t i = 0; i < shown; ++i)
    list.push_back(PublicItem(ctx, *commune, (*items)[i], categories));
  d.set("items", list);
  d.set("empty", Data(shown == 0));
  if (items->size() > shown) {
    d.set("next_href",
          "/xa/" + commune->slug + "/phan-anh?truoc=" + std::to_string((*items)[shown - 1].id));
  }
  return RenderPage(ctx, 200, "feedback_list", d, Message(ctx.lang, "feedback.list_title"));
}

Response FormPage(Context& ctx, const identity::Commune& commune, int status, Data d) {
  d.set("commune_name", commune.name);
  d.set("home", "/xa/" + commune.slug + "/");
  d.set("action", "/xa/" + commune.slug + "/phan-anh/gui");
  d.set("csrf", EnsureCsrf(ctx));
  FillSubmissionForm(ctx, commune.id, d);
  return RenderPage(ctx, status, "feedback_form", d, Message(ctx.lang, "feedback.form_title"));
}

Response Form(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  return FormPage(ctx, *commune, 200, Data());
}

Response Submit(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  // A filled honeypot is a robot: it is thanked as a person would be, and nothing is stored.
  if (!ctx.form["website"].empty()) {
    Data d;
    d.set("commune_name", commune->name);
    d.set("list_href", "/xa/" + commune->slug + "/phan-anh");
    return RenderPage(ctx, 200, "feedback_thanks", d, Message(ctx.lang, "feedback.thanks_title"));
  }
  const int64_t now = ctx.svc.clock->NowUnix();
  const std::string ip_hash = IpPseudonym(ctx);
  auto recent = ctx.svc.feedback_repo->CountSubmissions(ip_hash, now - 3600);
  if (!recent) return ErrorPage(ctx, HttpStatusFor(recent.error().code, false));
  if (*recent >= ctx.svc.feedback_max_per_ip_per_hour) {
    Data d;
    d.set("error", Message(ctx.lang, "feedback.too_many"));
    return FormPage(ctx, *commune, 429, d);
  }
  feedback::Submission s = SubmissionFromForm(ctx, commune->id, feedback::Channel::kPortal);
  audit::AuditRecord rec{commune->id, 0, "citizen", "", "", "", ""};
  auto stored = ctx.svc.feedback->Submit(s, 0, rec);
  if (!stored) {
    return FormPage(ctx, *commune, HttpStatusFor(stored.error().code, true),
                    ErrorData(stored.error()));
  }
  // The item is stored; a failure to record it for the limit only loosens the limit.
  (void)ctx.svc.feedback_repo->RecordSubmission(commune->id, ip_hash, now);
  InvalidatePublicPages();
  return RedirectResponse("/xa/" + commune->slug + "/phan-anh/" + stored->tracking_code + "?moi=1");
}

Response Track(Context& ctx, int status, Data d) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  if (!feedback::IsTrackingCode(code)) return ErrorPage(ctx, 404);
  auto f = ctx.svc.feedback_repo->GetByCode(code);
  if (!f) return ErrorPage(ctx, HttpStatusFor(f.error().code, false));
  if (f->commune_id != commune->id || f->hidden) return ErrorPage(ctx, 404);
  const CategoryNames categories = LoadCategoryNames(ctx, commune->id);
  d.set("item", PublicItem(ctx, *commune, *f, categories));
  SetPhotos(ctx, commune->id, *f,
            "/xa/" + commune->slug + "/phan-anh/" + f->tracking_code + "/anh/", d);
  d.set("commune_name", commune->name);
  d.set("list_href", "/xa/" + commune->slug + "/phan-anh");
  d.set("new", Data(ctx.req.Query("moi") == "1"));
  Data history(Data::type::list);
  if (auto hs = ctx.svc.feedback_repo->History(commune->id, f->id)) {
    for (const auto& e : *hs) {
      Data x;
      x.set("at", VnDateTime(e.at));
      x.set("status", FeedbackStatusLabel(ctx.lang, e.status));
      history.push_back(x);
    }
  }
  d.set("history", history);
  // A duplicate's citizen follows the item it was merged into, where the answer will be.
  if (f->merged_into) {
    if (auto into = ctx.svc.feedback_repo->Get(commune->id, *f->merged_into)) {
      d.set("merged_code", into->tracking_code);
      d.set("merged_href", "/xa/" + commune->slug + "/phan-anh/" + into->tracking_code);
    }
  }
  const bool can_rate = feedback::CanRate(*f);
  d.set("can_rate", Data(can_rate));
  if (can_rate) {
    d.set("csrf", EnsureCsrf(ctx));
    d.set("rate_action", "/xa/" + commune->slug + "/phan-anh/" + f->tracking_code + "/danh-gia");
  }
  return RenderPage(ctx, status, "feedback_item", d,
                    Message(ctx.lang, "feedback.item_title") + " " + f->tracking_code);
}

// A photo of an item the public may see; a hidden item's photos are not found.
Response Photo(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  const auto n = PhotoNumber(ctx);
  if (!feedback::IsTrackingCode(code) || !n) return ErrorPage(ctx, 404);
  auto f = ctx.svc.feedback_repo->GetByCode(code);
  if (!f || f->commune_id != commune->id || f->hidden) return ErrorPage(ctx, 404);
  auto photo = ctx.svc.feedback_repo->GetPhoto(commune->id, f->id, *n);
  if (!photo) return ErrorPage(ctx, HttpStatusFor(photo.error().code, false));
  // Caches must ask again each time, since the item may be hidden later.
  Response r = PhotoResponse(std::move(*photo));
  r.With("Cache-Control", "no-cache");
  return r;
}

// An unsatisfied rating is recorded and shown to staff, who reopen the item (answered → in
// progress) from the register; the citizen's rating alone does not move it.
Response Rate(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  if (!feedback::IsTrackingCode(code)) return ErrorPage(ctx, 404);
  auto f = ctx.svc.feedback_repo->GetByCode(code);
  if (!f || f->commune_id != commune->id || f->hidden) return ErrorPage(ctx, 404);
  const auto rating = feedback::RatingFromCode(ctx.form["rating"]);
  if (!rating || *rating == feedback::Rating::kNone) {
    Data d;
    d.set("error", Message(ctx.lang, "feedback.rating_choose"));
    return Track(ctx, 422, d);
  }
  if (auto s = ctx.svc.feedback_repo->Rate(code, *rating, ctx.svc.clock->NowUnix()); !s) {
    return Track(ctx, HttpStatusFor(s.error().code, true), ErrorData(s.error()));
  }
  InvalidatePublicPages();
  return RedirectResponse("/xa/" + commune->slug + "/phan-anh/" + code + "?da-danh-gia=1");
}

}  // namespace

void AddFeedbackRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/phan-anh", Permission::kReadPublic, RouteKind::kPage, List});
  routes.push_back(
      {"GET", "/xa/{slug}/phan-anh/gui", Permission::kReadPublic, RouteKind::kPage, Form});
  routes.push_back(
      {"POST", "/xa/{slug}/phan-anh/gui", Permission::kReadPublic, RouteKind::kPage, Submit});
  routes.push_back({"GET", "/xa/{slug}/phan-anh/{code}", Permission::kReadPublic, RouteKind::kPage,
                    [](Context& ctx) {
                      Data d;
                      if (ctx.req.Query("da-danh-gia") == "1") {
                        d.set("notice", Message(ctx.lang, "feedback.rated"));
                      }
                      return Track(ctx, 200, d);
                    }});
  routes.push_back({"POST", "/xa/{slug}/phan-anh/{code}/danh-gia", Permission::kReadPublic,
                    RouteKind::kPage, Rate});
  routes.push_back({"GET", "/xa/{slug}/phan-anh/{code}/anh/{n}", Permission::kReadPublic,
                    RouteKind::kPage, Photo});
}

}  // namespace xaso::web
