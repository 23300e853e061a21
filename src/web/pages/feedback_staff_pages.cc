// The staff side of feedback: the register (open items first, the oldest due first, overdue
// marked), one item with the citizen's contact details, its history and the action forms
// (assign, start, answer, forward, close; hide for moderation), and entry by a clerk on a
// citizen's behalf with the channel it came by. Every change goes through
// FeedbackService::Apply, or FeedbackRepository::Hide and Merge, with the version the page
// showed.
#include <cctype>

#include "core/text.h"
#include "web/form.h"
#include "web/pages/feedback_stats_view.h"
#include "web/pages/feedback_view.h"
#include "web/pages/plan_view.h"

namespace xaso::web {
namespace {

using feedback::ItemStatus;
using identity::Permission;

constexpr int kRegisterPage = 100;

// Whether the signed-in account may act on `f`: an officer only on his unit's items.
bool MayAct(const Context& ctx, const feedback::Feedback& f) {
  return identity::Allows(ctx.role, Permission::kHandleFeedback) &&
         feedback::FeedbackService::CanHandle(*ctx.account, f);
}

Response Register(Context& ctx) {
  const int64_t commune_id = ctx.account->commune_id;
  feedback::RegisterFilter filter;
  const std::string status = ctx.req.Query("trang-thai");
  if (!status.empty()) {
    filter.status = feedback::StatusFromCode(status);
    if (!filter.status) return ErrorPage(ctx, 400);
  }
  const std::string category = ctx.req.Query("linh-vuc");
  if (!category.empty()) {
    filter.category_id = ParseInt(category);
    if (!filter.category_id) return ErrorPage(ctx, 400);
  }
  const std::string after = ctx.req.Query("sau");
  if (!after.empty()) {
    filter.after = feedback::RegisterCursor::Parse(after);
    if (!filter.after) return ErrorPage(ctx, 400);
  }
  // One more than a page tells whether there is a next one.
  auto items = ctx.svc.feedback_repo->ListRegister(commune_id, filter, kRegisterPage + 1);
  if (!items) return ErrorPage(ctx, HttpStatusFor(items.error().code, false));
  std::string next;
  if (items->size() > static_cast<size_t>(kRegisterPage)) {
    items->resize(kRegisterPage);
    next = "/quan-ly/phan-anh?trang-thai=" + PercentEncode(status) +
           "&linh-vuc=" + PercentEncode(category) +
           "&sau=" + feedback::RegisterCursor::After(items->back()).ToText();
  }
  const CategoryNames categories = LoadCategoryNames(ctx, commune_id);
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  const Date today = ctx.svc.clock->TodayVn();
  // The query's order (open first, the oldest due first) already puts overdue items on top.
  Data list(Data::type::list);
  for (const auto& f : *items) {
    Data x;
    x.set("href", "/quan-ly/phan-anh/" + std::to_string(f.id));
    x.set("code", f.tracking_code);
    x.set("title", f.submission.title.empty() ? TruncateUtf8(f.submission.description, 80)
                                              : f.submission.title);
    x.set("category", CategoryName(categories, f.category_id));
    x.set("received", f.received_on.ToVi());
    x.set("due", f.due_on.ToVi());
    x.set("status_label", FeedbackStatusLabel(ctx.lang, f.status));
    if (f.unit_id) {
      if (auto it = units.find(*f.unit_id); it != units.end()) x.set("unit", it->second);
    }
    x.set("overdue", Data(feedback::IsOpen(f.status) && f.due_on < today));
    x.set("hidden", Data(f.hidden));
    list.push_back(x);
  }
  Data d;
  d.set("items", list);
  d.set("empty", Data(items->empty()));
  if (!next.empty()) d.set("next_href", next);
  if (!after.empty()) d.set("first_href", "/quan-ly/phan-anh");
  Data statuses(Data::type::list);
  for (auto s : {ItemStatus::kReceived, ItemStatus::kAssigned, ItemStatus::kInProgress,
                 ItemStatus::kAnswered, ItemStatus::kClosed, ItemStatus::kForwarded}) {
    Data o;
    o.set("id", std::string(feedback::StatusCode(s)));
    o.set("name", FeedbackStatusLabel(ctx.lang, s));
    o.set("selected", Data(status == feedback::StatusCode(s)));
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  Data cats(Data::type::list);
  for (const auto& [id, name] : categories) {
    Data o;
    o.set("id", std::to_string(id));
    o.set("name", name);
    o.set("selected", Data(category == std::to_string(id)));
    cats.push_back(o);
  }
  d.set("categories", cats);
  d.set("can_enter", Data(identity::Allows(ctx.role, Permission::kHandleFeedback)));
  d.set("can_manage_categories",
        Data(identity::Allows(ctx.role, Permission::kManageFeedbackCategories)));
  return RenderPage(ctx, 200, "feedback_register", d, Message(ctx.lang, "feedback.register_title"));
}

Response ItemPage(Context& ctx, int status, Data d) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  const int64_t commune_id = ctx.account->commune_id;
  auto f = ctx.svc.feedback_repo->Get(commune_id, *id);
  if (!f) return ErrorPage(ctx, HttpStatusFor(f.error().code, false));
  const CategoryNames categories = LoadCategoryNames(ctx, commune_id);
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  const auto& s = f->submission;
  d.set("id", std::to_string(f->id));
  d.set("code", f->tracking_code);
  d.set("version", std::to_string(f->version));
  d.set("title", s.title);
  d.set("description", s.description);
  d.set("category", CategoryName(categories, f->category_id));
  d.set("kind", Message(ctx.lang, "feedback.kind." + std::string(KindCode(s.kind))));
  d.set("channel", Message(ctx.lang, "feedback.channel." + std::string(ChannelCode(s.channel))));
  d.set("received", VnDateTime(f->received_at));
  d.set("due", f->due_on.ToVi());
  d.set("overdue", Data(feedback::IsOpen(f->status) && f->due_on < ctx.svc.clock->TodayVn()));
  d.set("status_label", FeedbackStatusLabel(ctx.lang, f->status));
  d.set("address", s.address);
  d.set("citizen_name", s.citizen_name);
  d.set("citizen_phone", s.citizen_phone);
  d.set("citizen_email", s.citizen_email);
  d.set("show_name", Data(s.show_name));
  d.set("answer", f->answer);
  d.set("forwarded_to", f->forwarded_to);
  if (f->rating != feedback::Rating::kNone) {
    d.set("rating", Message(ctx.lang, "feedback.rating." + std::string(RatingCode(f->rating))));
  }
  d.set("unsatisfied", Data(f->rating == feedback::Rating::kUnsatisfied));
  d.set("hidden", Data(f->hidden));
  d.set("hidden_reason", f->hidden_reason);
  // What the citizen sees, so that staff can check what is published.
  if (auto commune = ctx.svc.identity->GetCommune(commune_id); commune && !f->hidden) {
    d.set("public_href", "/xa/" + commune->slug + "/phan-anh/" + f->tracking_code);
  }
  SetPhotos(ctx, commune_id, *f, "/quan-ly/phan-anh/" + std::to_string(f->id) + "/anh/", d);
  if (f->unit_id) {
    if (auto it = units.find(*f->unit_id); it != units.end()) d.set("unit", it->second);
  }
  Data history(Data::type::list);
  if (auto hs = ctx.svc.feedback_repo->History(commune_id, f->id)) {
    for (const auto& e : *hs) {
      Data x;
      x.set("at", VnDateTime(e.at));
      x.set("status", FeedbackStatusLabel(ctx.lang, e.status));
      x.set("body", e.body);
      history.push_back(x);
    }
  }
  d.set("history", history);
  const bool act = MayAct(ctx, *f);
  d.set("csrf", EnsureCsrf(ctx));
  d.set("can_assign", Data(act && feedback::CanMove(f->status, ItemStatus::kAssigned)));
  d.set("can_answer", Data(act && feedback::CanMove(f->status, ItemStatus::kAnswered)));
  d.set("can_forward", Data(act && feedback::CanMove(f->status, ItemStatus::kForwarded)));
  Data plain(Data::type::list);
  for (auto [to, action] :
       {std::pair{ItemStatus::kInProgress, "start"}, std::pair{ItemStatus::kClosed, "close"}}) {
    if (!act || !feedback::CanMove(f->status, to)) continue;
    Data x;
    x.set("action", action);
    x.set("label", Message(ctx.lang, std::string("feedback.") + action));
    plain.push_back(x);
  }
  d.set("plain_moves", plain);
  const bool moderate = identity::Allows(ctx.role, Permission::kModerateFeedback);
  d.set("can_hide", Data(!f->hidden && moderate));
  d.set("can_merge", Data(moderate && !f->merged_into && feedback::IsOpen(f->status)));
  if (f->merged_into) {
    if (auto into = ctx.svc.feedback_repo->Get(commune_id, *f->merged_into)) {
      d.set("merged_code", into->tracking_code);
      d.set("merged_href", "/quan-ly/phan-anh/" + std::to_string(into->id));
    }
  }
  Data unit_options(Data::type::list);
  for (const auto& [uid, name] : units) {
    Data o;
    o.set("id", std::to_string(uid));
    o.set("name", name);
    o.set("selected", Data(f->unit_id == uid));
    unit_options.push_back(o);
  }
  d.set("units", unit_options);
  d.set("form_answer", ctx.form["answer"]);
  d.set("form_forwarded_to", ctx.form["forwarded_to"]);
  d.set("form_reason", ctx.form["reason"]);
  d.set("form_into", ctx.form["into"]);
  return RenderPage(ctx, status, "feedback_staff_item", d, f->tracking_code);
}

Response Act(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  const int64_t commune_id = ctx.account->commune_id;
  auto f = ctx.svc.feedback_repo->Get(commune_id, *id);
  if (!f) return ErrorPage(ctx, HttpStatusFor(f.error().code, false));
  if (!MayAct(ctx, *f)) return ErrorPage(ctx, 403);
  const auto version = ParseInt(ctx.form["version"]);
  if (!version) return ErrorPage(ctx, 400);
  feedback::Move m;
  m.feedback_id = *id;
  m.version = *version;
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "feedback.action_invalid"), {}};
  const std::string& action = ctx.form["action"];
  if (action == "assign") {
    m.to = ItemStatus::kAssigned;
    const auto unit = ParseInt(ctx.form["unit"]);
    const UnitNames units = LoadUnitNames(ctx, commune_id);
    if (!unit || !units.count(*unit)) {
      err.fields.push_back({"unit", Message(ctx.lang, "feedback.unit_required")});
    } else {
      m.unit_id = *unit;
    }
  } else if (action == "start") {
    m.to = ItemStatus::kInProgress;
  } else if (action == "answer") {
    m.to = ItemStatus::kAnswered;
    m.text = ctx.form["answer"];
    if (m.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      err.fields.push_back({"answer", Message(ctx.lang, "feedback.answer_required")});
    } else if (m.text.size() > 8000) {
      err.fields.push_back({"answer", Message(ctx.lang, "feedback.answer_too_long")});
    }
  } else if (action == "forward") {
    m.to = ItemStatus::kForwarded;
    m.text = ctx.form["forwarded_to"];
    if (m.text.find_first_not_of(" \t\r\n") == std::string::npos || m.text.size() > 300) {
      err.fields.push_back({"forwarded_to", Message(ctx.lang, "feedback.forward_required")});
    }
  } else if (action == "close") {
    m.to = ItemStatus::kClosed;
  } else {
    return ErrorPage(ctx, 400);
  }
  if (!err.fields.empty()) return ItemPage(ctx, 422, ErrorData(err));
  auto applied = ctx.svc.feedback->Apply(*f, m, ActorOf(ctx));
  if (!applied) {
    return ItemPage(ctx, HttpStatusFor(applied.error().code, true), ErrorData(applied.error()));
  }
  InvalidatePublicPages();
  return RedirectResponse("/quan-ly/phan-anh/" + std::to_string(*id) + "?da-luu=1");
}

// The moderation forms: the item and the version the page showed, one field checked, then the
// change; a refusal shows the item again with the reason next to the field.
template <class Change>
Response Moderate(Context& ctx, const char* field, bool field_ok, const char* field_error,
                  Change change) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  const auto version = ParseInt(ctx.form["version"]);
  if (!version) return ErrorPage(ctx, 400);
  if (!field_ok) {
    Error err{ErrorCode::kInvalidArgument,
              Message(ctx.lang, "feedback.action_invalid"),
              {{field, Message(ctx.lang, field_error)}}};
    return ItemPage(ctx, 422, ErrorData(err));
  }
  Result<int64_t> done = change(*id, *version);
  if (!done) return ItemPage(ctx, HttpStatusFor(done.error().code, true), ErrorData(done.error()));
  InvalidatePublicPages();
  return RedirectResponse("/quan-ly/phan-anh/" + std::to_string(*id) + "?da-luu=1");
}

Response HideItem(Context& ctx) {
  const std::string& reason = ctx.form["reason"];
  const bool ok = reason.find_first_not_of(" \t\r\n") != std::string::npos && reason.size() <= 500;
  return Moderate(ctx, "reason", ok, "feedback.reason_required", [&](int64_t id, int64_t v) {
    return ctx.svc.feedback_repo->Hide(ctx.account->commune_id, id, v, reason, ActorOf(ctx),
                                       ctx.svc.clock->NowUnix());
  });
}

// Codes are taken in either case, as a citizen reads them out on the phone.
Response MergeItem(Context& ctx) {
  std::string into = ctx.form["into"];
  for (char& c : into) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return Moderate(ctx, "into", feedback::IsTrackingCode(into), "feedback.code_invalid",
                  [&](int64_t id, int64_t v) {
                    return ctx.svc.feedback_repo->Merge(ctx.account->commune_id, id, v, into,
                                                        ActorOf(ctx), ctx.svc.clock->NowUnix());
                  });
}

// Any photo of the commune's items, hidden ones included, for the staff item page.
Response StaffPhoto(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto n = PhotoNumber(ctx);
  if (!id || !n) return ErrorPage(ctx, 404);
  auto photo = ctx.svc.feedback_repo->GetPhoto(ctx.account->commune_id, *id, *n);
  if (!photo) return ErrorPage(ctx, HttpStatusFor(photo.error().code, false));
  return PhotoResponse(std::move(*photo));
}

Response EntryPage(Context& ctx, int status, Data d) {
  const int64_t commune_id = ctx.account->commune_id;
  d.set("csrf", EnsureCsrf(ctx));
  FillSubmissionForm(ctx, commune_id, d);
  Data channels(Data::type::list);
  for (auto c : {feedback::Channel::kInPerson, feedback::Channel::kPhone,
                 feedback::Channel::kHotline, feedback::Channel::kLetter}) {
    const std::string code(feedback::ChannelCode(c));
    Data o;
    o.set("id", code);
    o.set("name", Message(ctx.lang, "feedback.channel." + code));
    o.set("selected", Data(ctx.form["channel"] == code));
    channels.push_back(o);
  }
  d.set("channels", channels);
  return RenderPage(ctx, status, "feedback_entry", d, Message(ctx.lang, "feedback.entry_title"));
}

Response Enter(Context& ctx) {
  const auto channel = feedback::ChannelFromCode(ctx.form["channel"]);
  if (!channel || *channel == feedback::Channel::kPortal ||
      *channel == feedback::Channel::kOpen311) {
    Error err{ErrorCode::kInvalidArgument,
              Message(ctx.lang, "feedback.action_invalid"),
              {{"channel", Message(ctx.lang, "feedback.channel_required")}}};
    return EntryPage(ctx, 422, ErrorData(err));
  }
  const auto s = SubmissionFromForm(ctx, ctx.account->commune_id, *channel);
  auto stored = ctx.svc.feedback->Submit(s, ctx.account->id, ActorOf(ctx));
  if (!stored) {
    return EntryPage(ctx, HttpStatusFor(stored.error().code, true), ErrorData(stored.error()));
  }
  InvalidatePublicPages();
  return RedirectResponse("/quan-ly/phan-anh/" + std::to_string(stored->id) + "?moi=1");
}

}  // namespace

void AddFeedbackStaffRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/phan-anh", Permission::kViewFeedback, RouteKind::kPage, Register});
  routes.push_back({"GET", "/quan-ly/phan-anh/moi", Permission::kHandleFeedback, RouteKind::kPage,
                    [](Context& ctx) { return EntryPage(ctx, 200, Data()); }});
  routes.push_back(
      {"POST", "/quan-ly/phan-anh/moi", Permission::kHandleFeedback, RouteKind::kPage, Enter});
  routes.push_back({"GET", "/quan-ly/phan-anh/thong-ke", Permission::kViewFeedback,
                    RouteKind::kPage, FeedbackStatisticsPage});
  routes.push_back({"GET", "/api/v1/feedback/statistics", Permission::kViewFeedback,
                    RouteKind::kApi, FeedbackStatisticsJson});
  routes.push_back({"GET", "/quan-ly/phan-anh/{id}", Permission::kViewFeedback, RouteKind::kPage,
                    [](Context& ctx) {
                      Data d;
                      if (ctx.req.Query("da-luu") == "1") {
                        d.set("notice", Message(ctx.lang, "feedback.saved"));
                      }
                      if (ctx.req.Query("moi") == "1") {
                        d.set("notice", Message(ctx.lang, "feedback.entered"));
                      }
                      return ItemPage(ctx, 200, d);
                    }});
  routes.push_back(
      {"POST", "/quan-ly/phan-anh/{id}/xu-ly", Permission::kHandleFeedback, RouteKind::kPage, Act});
  routes.push_back({"POST", "/quan-ly/phan-anh/{id}/an", Permission::kModerateFeedback,
                    RouteKind::kPage, HideItem});
  routes.push_back({"POST", "/quan-ly/phan-anh/{id}/gop", Permission::kModerateFeedback,
                    RouteKind::kPage, MergeItem});
  routes.push_back({"GET", "/quan-ly/phan-anh/{id}/anh/{n}", Permission::kViewFeedback,
                    RouteKind::kPage, StaffPhoto});
}

}  // namespace xaso::web
