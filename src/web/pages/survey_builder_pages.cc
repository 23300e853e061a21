// The survey builder (manage_surveys): GET /quan-ly/khao-sat/{id} shows a survey's settings,
// sections and questions; while it is a draft its title, description, year and the need for
// one-time codes are edited here and sections added. Every edit goes through
// SurveyService::Save with the version the page showed, so a change made meanwhile by someone
// else is never overwritten. The status buttons open, close and reopen it; a draft can be
// deleted; one-time codes are minted here and printed from /ma-phieu.
#include "core/text.h"
#include "domain/survey/presets.h"
#include "web/form.h"
#include "web/pages/survey_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;
using survey::SurveyStatus;

void SetDefault(Data& d, const std::string& name, const std::string& value) {
  if (!d.get(name)) d.set(name, value);
}

Data SectionList(const survey::Survey& s) {
  Data list(Data::type::list);
  for (const auto& sec : s.sections) {
    int64_t n = 0;
    for (const auto& q : s.questions) n += q.section == sec.key ? 1 : 0;
    Data x;
    x.set("key", sec.key);
    x.set("title", sec.title_vi);
    x.set("count", std::to_string(n));
    list.push_back(x);
  }
  return list;
}

// The questions in order, with the section's title before the first question of each run.
Data QuestionList(Lang lang, const survey::Survey& s) {
  Data list(Data::type::list);
  std::string section = "\x01";
  for (size_t i = 0; i < s.questions.size(); ++i) {
    Data x = QuestionPreview(lang, s, i);
    const auto& q = s.questions[i];
    if (q.section != section) {
      section = q.section;
      std::string title = q.section;
      for (const auto& sec : s.sections) {
        if (sec.key == q.section && !sec.title_vi.empty()) title = sec.title_vi;
      }
      x.set("section_title", title);
    }
    x.set("edit_href", SurveyHref(s.id) + "/cau-hoi?ma=" + PercentEncode(q.key));
    list.push_back(x);
  }
  return list;
}

void SetCodes(Context& ctx, const survey::Survey& s, Data& d) {
  if (!s.needs_code) return;
  auto n = ctx.svc.survey_repo->CountCodes(s.commune_id, s.id);
  if (!n) return;
  Data c;
  c.set("issued", VnInt(n->issued));
  c.set("used", VnInt(n->used));
  c.set("unused", VnInt(n->issued - n->used));
  c.set("print_href", SurveyHref(s.id) + "/ma-phieu");
  c.set("has_unused", Data(n->issued > n->used));
  d.set("codes", c);
  SetDefault(d, "form_n", "100");
}

Result<survey::Survey> Saved(Context& ctx, const survey::Survey& s) {
  auto saved = ctx.svc.surveys->Save(s, ActorOf(ctx));
  if (saved) InvalidatePublicPages();
  return saved;
}

// A POST of a builder form: the stored survey, or a response for an unknown one.
std::optional<Response> LoadOrFail(Context& ctx, survey::Survey& out) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  out = std::move(*s);
  return std::nullopt;
}

Response Show(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  return BuilderPage(ctx, 200, *s, Data());
}

Response SaveSettings(Context& ctx) {
  survey::Survey s;
  if (auto fail = LoadOrFail(ctx, s)) return *fail;
  survey::Survey edited = s;
  edited.title = std::string(Trim(ctx.form["title"]));
  edited.description = std::string(Trim(ctx.form["description"]));
  edited.needs_code = ctx.form["needs_code"] == "1";
  edited.version = FormVersion(ctx);
  const auto year = ParseInt(Trim(ctx.form["year"]), 0, 9999);
  Data form;
  for (const char* f : {"title", "description", "year"}) {
    form.set(std::string("form_") + f, ctx.form[f]);
  }
  form.set("form_needs_code", Data(edited.needs_code));
  if (!year) {
    Error err{ErrorCode::kInvalidArgument, "Khảo sát chưa hợp lệ.", {}};
    err.fields.push_back({"year", "Năm khảo sát phải là một số, ví dụ 2027."});
    Data d = SaveErrorData(ctx.lang, err);
    for (const char* f : {"form_title", "form_description", "form_year", "form_needs_code"}) {
      d.set(f, *form.get(f));
    }
    return BuilderPage(ctx, 422, s, d);
  }
  edited.year = static_cast<int>(*year);
  auto saved = Saved(ctx, edited);
  if (!saved) {
    Data d = SaveErrorData(ctx.lang, saved.error());
    // A stale page shows the stored settings; otherwise what was typed, to correct it.
    if (saved.error().code != ErrorCode::kAborted) {
      for (const char* f : {"form_title", "form_description", "form_year", "form_needs_code"}) {
        d.set(f, *form.get(f));
      }
    }
    return BuilderPage(ctx, HttpStatusFor(saved.error().code, true), s, d);
  }
  return SeeOther(SurveyHref(s.id));
}

Response AddSection(Context& ctx) {
  survey::Survey s;
  if (auto fail = LoadOrFail(ctx, s)) return *fail;
  survey::Survey edited = s;
  edited.version = FormVersion(ctx);
  survey::Section sec;
  sec.key = std::string(Trim(ctx.form["section_key"]));
  sec.title_vi = std::string(Trim(ctx.form["section_title"]));
  edited.sections.push_back(sec);
  auto saved = Saved(ctx, edited);
  if (!saved) {
    Data d = SaveErrorData(ctx.lang, saved.error());
    d.set("form_section_key", ctx.form["section_key"]);
    d.set("form_section_title", ctx.form["section_title"]);
    return BuilderPage(ctx, HttpStatusFor(saved.error().code, true), s, d);
  }
  return SeeOther(SurveyHref(s.id) + "#phan");
}

Response SetStatus(Context& ctx) {
  survey::Survey s;
  if (auto fail = LoadOrFail(ctx, s)) return *fail;
  const auto to = survey::SurveyStatusFromCode(ctx.form["to"]);
  if (!to || *to == SurveyStatus::kDraft) {
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.bad_status"));
    return BuilderPage(ctx, 422, s, d);
  }
  if (*to == SurveyStatus::kOpen && s.questions.empty()) {
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.no_questions"));
    return BuilderPage(ctx, 422, s, d);
  }
  auto moved =
      ctx.svc.survey_repo->SetStatus(s.commune_id, s.id, FormVersion(ctx), *to, ActorOf(ctx));
  if (!moved) {
    Data d = SaveErrorData(ctx.lang, moved.error());
    if (moved.error().code == ErrorCode::kFailedPrecondition) {
      d.set("error", Message(ctx.lang, "survey_staff.bad_status"));
    }
    return BuilderPage(ctx, HttpStatusFor(moved.error().code, true), s, d);
  }
  InvalidatePublicPages();
  return SeeOther(SurveyHref(s.id));
}

Response Delete(Context& ctx) {
  survey::Survey s;
  if (auto fail = LoadOrFail(ctx, s)) return *fail;
  auto done = ctx.svc.survey_repo->Delete(s.commune_id, s.id, ActorOf(ctx));
  if (!done) {
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.cannot_delete"));
    return BuilderPage(ctx, HttpStatusFor(done.error().code, true), s, d);
  }
  InvalidatePublicPages();
  return SeeOther("/quan-ly/khao-sat");
}

Response MintCodes(Context& ctx) {
  survey::Survey s;
  if (auto fail = LoadOrFail(ctx, s)) return *fail;
  const auto n = ParseInt(Trim(ctx.form["n"]), 1, survey::kMaxCodesPerBatch);
  Data d;
  d.set("form_n", ctx.form["n"]);
  if (!n) {
    d.set("error_n", Message(ctx.lang, "survey_staff.codes.bad_n"));
    return BuilderPage(ctx, 422, s, d);
  }
  auto codes = ctx.svc.surveys->MintCodes(s, static_cast<int>(*n), ActorOf(ctx));
  if (!codes) {
    Data e = SaveErrorData(ctx.lang, codes.error());
    e.set("form_n", ctx.form["n"]);
    return BuilderPage(ctx, HttpStatusFor(codes.error().code, true), s, e);
  }
  return SeeOther(SurveyHref(s.id) + "/ma-phieu");
}

}  // namespace

Response BuilderPage(Context& ctx, int status, const survey::Survey& s, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  d.set("id", std::to_string(s.id));
  d.set("href", SurveyHref(s.id));
  d.set("title", s.title);
  if (!s.description.empty()) d.set("description", s.description);
  d.set("year", std::to_string(s.year));
  d.set("version", std::to_string(s.version));
  d.set("status", SurveyStatusLabel(ctx.lang, s.status));
  d.set("status_code", std::string(survey::SurveyStatusCode(s.status)));
  d.set("is_draft", Data(s.status == SurveyStatus::kDraft));
  d.set("is_open", Data(s.status == SurveyStatus::kOpen));
  d.set("is_closed", Data(s.status == SurveyStatus::kClosed));
  d.set("needs_code", Data(s.needs_code));
  if (!s.preset.empty()) {
    const survey::Preset* p = survey::FindPreset(s.preset);
    d.set("preset", p ? p->title_vi : s.preset);
  }
  d.set("is_papi", Data(s.preset == "papi"));
  d.set("created", VnDateTime(s.created_at));
  SetDefault(d, "form_title", s.title);
  SetDefault(d, "form_description", s.description);
  SetDefault(d, "form_year", std::to_string(s.year));
  if (!d.get("form_needs_code")) d.set("form_needs_code", Data(s.needs_code));
  d.set("sections", SectionList(s));
  d.set("questions", QuestionList(ctx.lang, s));
  d.set("question_count", std::to_string(s.questions.size()));
  d.set("no_questions", Data(s.questions.empty()));
  d.set("new_question_href", SurveyHref(s.id) + "/cau-hoi");
  d.set("results_href", SurveyHref(s.id) + "/ket-qua");
  d.set("export_href", SurveyHref(s.id) + "/phieu.csv");
  d.set("import_href", SurveyHref(s.id) + "/nhap");
  if (s.status == SurveyStatus::kOpen &&
      identity::Allows(ctx.role, Permission::kEnterSurveyResponses)) {
    d.set("interview_href", SurveyHref(s.id) + "/phong-van");
  }
  SetCodes(ctx, s, d);
  return RenderPage(ctx, status, "survey_builder", d, s.title);
}

void AddSurveyBuilderRoutes(std::vector<Route>& routes) {
  const auto manage = Permission::kManageSurveys;
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}", manage, RouteKind::kPage, Show});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}", manage, RouteKind::kPage, SaveSettings});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/phan", manage, RouteKind::kPage, AddSection});
  routes.push_back(
      {"POST", "/quan-ly/khao-sat/{id}/trang-thai", manage, RouteKind::kPage, SetStatus});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/xoa", manage, RouteKind::kPage, Delete});
  routes.push_back(
      {"POST", "/quan-ly/khao-sat/{id}/ma-phieu", manage, RouteKind::kPage, MintCodes});
}

}  // namespace xaso::web
