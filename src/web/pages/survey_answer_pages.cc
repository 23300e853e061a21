// Answering surveys (issue 6, items 1 and 7). The public side: the commune's open surveys, the
// answering form of one (no account; a one-time code when the survey asks for one; a honeypot
// and a per-IP hourly limit counted in the database as for feedback), and the thanks page. A
// draft is not found; a closed survey says so and takes no answers. The staff side: the clerk's
// entry of a paper or face-to-face interview, the same form, back empty after each sheet so
// that the next can be typed at once. Surveys are anonymous: no personal data is asked, and a
// response keeps no trace of its code or of the address it came from.
#include <algorithm>

#include "web/form.h"
#include "web/pages/plan_view.h"
#include "web/pages/survey_form_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using survey::SurveyStatus;

std::string ListHref(const identity::Commune& c) { return "/xa/" + c.slug + "/khao-sat"; }
std::string SurveyHref(const identity::Commune& c, int64_t id) {
  return ListHref(c) + "/" + std::to_string(id);
}
std::string InterviewHref(int64_t id) {
  return "/quan-ly/khao-sat/" + std::to_string(id) + "/phong-van";
}

// The counter of the hourly limit: the feedback table's, under a name of its own, as Open311
// keys are counted there (migrations/0008_feedback_limits.sql).
std::string Sender(const Context& ctx) { return "survey:" + IpPseudonym(ctx); }

// The survey `id` of the path as the public may see it: a draft is not found.
Result<survey::Survey> PublicSurvey(Context& ctx, const identity::Commune& commune) {
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "");
  auto s = ctx.svc.survey_repo->Get(commune.id, *id);
  if (s && s->status == SurveyStatus::kDraft) return MakeError(ErrorCode::kNotFound, "");
  return s;
}

// The form page of `s` for the public (`commune` set) or for the clerk. `error` holds the
// answer sheet's field errors, or is null; `given` the answers to keep.
Response FormPage(Context& ctx, const identity::Commune* commune, const survey::Survey& s,
                  int status, const survey::Answers& given, const Error* error, Data d) {
  const bool interview = commune == nullptr;
  d.set("survey_title", s.title);
  if (!s.description.empty()) d.set("description", s.description);
  d.set("interview", Data(interview));
  if (interview) {
    d.set("back_href", "/quan-ly/khao-sat");
    d.set("back_label", Message(ctx.lang, "survey.interview.back"));
    d.set("action", InterviewHref(s.id));
    d.set("submit_label", Message(ctx.lang, "survey.interview.submit"));
  } else {
    d.set("back_href", ListHref(*commune));
    d.set("back_label", Message(ctx.lang, "survey.public.list_title"));
    d.set("action", SurveyHref(*commune, s.id));
    d.set("submit_label", Message(ctx.lang, "survey.form.submit"));
  }
  const bool open = s.status == SurveyStatus::kOpen;
  d.set("open", Data(open));
  if (!open) {
    d.set("closed", Message(ctx.lang, s.status == SurveyStatus::kClosed ? "survey.form.closed"
                                                                        : "survey.form.draft"));
    return RenderPage(ctx, status, "survey_answer", d, s.title);
  }
  d.set("csrf", EnsureCsrf(ctx));
  // The code field is the public's: an interview has the paper sheet, not a code.
  d.set("needs_code", Data(s.needs_code && !interview));
  d.set("code", ctx.form["code"]);
  SetSurveyQuestions(ctx.lang, s, given, error, d);
  // A whole-sheet error without fields (the survey closed meanwhile, say) shows on its own.
  if (error && error->fields.empty()) d.set("error", error->message);
  return RenderPage(ctx, status, "survey_answer", d, s.title);
}

// Re-shows the form after Answer refused the sheet: a form to correct (422) keeps what was
// given; a survey closed meanwhile says so (409).
Response Refused(Context& ctx, const identity::Commune* commune, const survey::Survey& s,
                 const survey::Answers& given, const Error& e) {
  if (e.code == ErrorCode::kFailedPrecondition) {
    survey::Survey closed = s;
    closed.status = SurveyStatus::kClosed;
    return FormPage(ctx, commune, closed, 409, given, nullptr, Data());
  }
  if (e.code != ErrorCode::kInvalidArgument) {
    return ErrorPage(ctx, HttpStatusFor(e.code, false));
  }
  return FormPage(ctx, commune, s, 422, given, &e, Data());
}

Response List(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  auto open = ctx.svc.survey_repo->List(commune->id, SurveyStatus::kOpen);
  if (!open) return ErrorPage(ctx, HttpStatusFor(open.error().code, false));
  Data list(Data::type::list);
  for (const auto& s : *open) {
    Data x;
    x.set("href", SurveyHref(*commune, s.id));
    x.set("title", s.title);
    x.set("needs_code", Data(s.needs_code));
    list.push_back(x);
  }
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", "/xa/" + commune->slug + "/");
  d.set("surveys", list);
  d.set("empty", Data(open->empty()));
  return RenderPage(ctx, 200, "survey_list", d, Message(ctx.lang, "survey.public.list_title"));
}

Response Show(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  auto s = PublicSurvey(ctx, *commune);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  return FormPage(ctx, &*commune, *s, 200, {}, nullptr, Data());
}

Response Submit(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  auto s = PublicSurvey(ctx, *commune);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  const std::string thanks = SurveyHref(*commune, s->id) + "/cam-on";
  // A filled honeypot is a robot: it is thanked as a person would be, and nothing is stored.
  if (!ctx.form["website"].empty()) return RedirectResponse(thanks);
  const survey::Answers given = AnswersFromForm(*s, ctx.form);
  if (s->status != SurveyStatus::kOpen)
    return FormPage(ctx, &*commune, *s, 409, given, nullptr, {});
  const int64_t now = ctx.svc.clock->NowUnix();
  const std::string sender = Sender(ctx);
  auto recent = ctx.svc.feedback_repo->CountSubmissions(sender, now - 3600);
  if (!recent) return ErrorPage(ctx, HttpStatusFor(recent.error().code, false));
  if (*recent >= ctx.svc.survey_max_per_ip_per_hour) {
    const Error e =
        MakeError(ErrorCode::kResourceExhausted, Message(ctx.lang, "survey.form.too_many"));
    return FormPage(ctx, &*commune, *s, 429, given, &e, Data());
  }
  if (auto typed = CheckTypedNumbers(*s, given); !typed) {
    return Refused(ctx, &*commune, *s, given, typed.error());
  }
  audit::AuditRecord rec{commune->id, 0, "citizen", "", "", "", ""};
  auto stored = ctx.svc.surveys->Answer(*s, given, survey::Channel::kWeb, ctx.form["code"], rec);
  if (!stored) {
    // A wrong code counts against the hourly limit too, so codes cannot be tried by the
    // thousand from one address.
    const auto& fields = stored.error().fields;
    const bool bad_code = std::any_of(fields.begin(), fields.end(),
                                      [](const FieldError& f) { return f.field == "code"; });
    if (bad_code) (void)ctx.svc.feedback_repo->RecordSubmission(commune->id, sender, now);
    return Refused(ctx, &*commune, *s, given, stored.error());
  }
  // The sheet is stored; a failure to count it only loosens the limit.
  (void)ctx.svc.feedback_repo->RecordSubmission(commune->id, sender, now);
  return RedirectResponse(thanks);
}

Response Thanks(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  auto s = PublicSurvey(ctx, *commune);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  Data d;
  d.set("list_href", ListHref(*commune));
  return RenderPage(ctx, 200, "survey_thanks", d, Message(ctx.lang, "survey.public.thanks_title"));
}

Result<survey::Survey> StaffSurvey(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "");
  return ctx.svc.survey_repo->Get(ctx.account->commune_id, *id);
}

Response InterviewForm(Context& ctx) {
  auto s = StaffSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  Data d;
  if (ctx.req.Query("da-luu") == "1") {
    // The survey's count, which the clerk can match against the stack of paper sheets entered.
    auto list = ctx.svc.survey_repo->List(ctx.account->commune_id, std::nullopt);
    if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
    for (const auto& summary : *list) {
      if (summary.id != s->id) continue;
      d.set("saved", Message(ctx.lang, "survey.interview.saved") + " " +
                         std::to_string(summary.responses) + ".");
    }
  }
  return FormPage(ctx, nullptr, *s, 200, {}, nullptr, d);
}

Response InterviewSubmit(Context& ctx) {
  auto s = StaffSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  const survey::Answers given = AnswersFromForm(*s, ctx.form);
  if (s->status != SurveyStatus::kOpen) return FormPage(ctx, nullptr, *s, 409, given, nullptr, {});
  if (auto typed = CheckTypedNumbers(*s, given); !typed) {
    return Refused(ctx, nullptr, *s, given, typed.error());
  }
  auto stored = ctx.svc.surveys->Answer(*s, given, survey::Channel::kInterview, "", ActorOf(ctx));
  if (!stored) return Refused(ctx, nullptr, *s, given, stored.error());
  return RedirectResponse(InterviewHref(s->id) + "?da-luu=1");
}

}  // namespace

void AddSurveyAnswerRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/khao-sat", Permission::kReadPublic, RouteKind::kPage, List});
  routes.push_back(
      {"GET", "/xa/{slug}/khao-sat/{id}", Permission::kReadPublic, RouteKind::kPage, Show});
  routes.push_back(
      {"POST", "/xa/{slug}/khao-sat/{id}", Permission::kReadPublic, RouteKind::kPage, Submit});
  routes.push_back({"GET", "/xa/{slug}/khao-sat/{id}/cam-on", Permission::kReadPublic,
                    RouteKind::kPage, Thanks});
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/phong-van", Permission::kEnterSurveyResponses,
                    RouteKind::kPage, InterviewForm});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/phong-van", Permission::kEnterSurveyResponses,
                    RouteKind::kPage, InterviewSubmit});
}

}  // namespace xaso::web
