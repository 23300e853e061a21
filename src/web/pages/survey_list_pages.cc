// The commune's surveys (issue 6, item 7, staff side): GET /quan-ly/khao-sat lists them with
// their status, year and number of responses (view_survey_results); POST makes a draft from a
// preset (PAPI, the satisfaction questionnaires) or a blank one (manage_surveys).
#include "core/text.h"
#include "domain/survey/presets.h"
#include "web/form.h"
#include "web/pages/survey_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

std::string PresetTitle(Lang lang, const std::string& key) {
  if (key.empty()) return Message(lang, "survey_staff.blank");
  const survey::Preset* p = survey::FindPreset(key);
  if (!p) return key;
  return lang == Lang::kEn && !p->title_en.empty() ? p->title_en : p->title_vi;
}

Response ListPage(Context& ctx, int status, Data d) {
  const int64_t commune_id = ctx.account->commune_id;
  auto list = ctx.svc.survey_repo->List(commune_id, std::nullopt);
  if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
  const bool can_manage = identity::Allows(ctx.role, Permission::kManageSurveys);
  const bool can_enter = identity::Allows(ctx.role, Permission::kEnterSurveyResponses);
  Data rows(Data::type::list);
  for (const auto& s : *list) {
    Data x;
    x.set("title", s.title);
    x.set("href", can_manage ? SurveyHref(s.id) : SurveyHref(s.id) + "/ket-qua");
    x.set("results_href", SurveyHref(s.id) + "/ket-qua");
    x.set("status", SurveyStatusLabel(ctx.lang, s.status));
    x.set("status_code", std::string(survey::SurveyStatusCode(s.status)));
    x.set("year", std::to_string(s.year));
    x.set("preset", PresetTitle(ctx.lang, s.preset));
    x.set("responses", VnInt(s.responses));
    x.set("needs_code", Data(s.needs_code));
    if (can_enter && s.status == survey::SurveyStatus::kOpen) {
      x.set("interview_href", SurveyHref(s.id) + "/phong-van");
    }
    x.set("created", VnDateTime(s.created_at));
    rows.push_back(x);
  }
  d.set("surveys", rows);
  d.set("empty", Data(list->empty()));
  d.set("can_manage", Data(can_manage));
  if (can_manage) {
    d.set("csrf", EnsureCsrf(ctx));
    const std::string chosen = ctx.form["preset"];
    Data presets(Data::type::list);
    Data blank;
    blank.set("key", "");
    blank.set("name", Message(ctx.lang, "survey_staff.blank"));
    blank.set("selected", Data(chosen.empty()));
    presets.push_back(blank);
    for (const auto& p : survey::Presets()) {
      Data o;
      o.set("key", p.key);
      o.set("name", PresetTitle(ctx.lang, p.key));
      o.set("selected", Data(chosen == p.key));
      presets.push_back(o);
    }
    d.set("presets", presets);
    d.set("form_title", ctx.form["title"]);
    std::string year = ctx.form["year"];
    if (year.empty()) year = std::to_string(ctx.svc.clock->TodayVn().year());
    d.set("form_year", year);
  }
  return RenderPage(ctx, status, "survey_staff_list", d,
                    Message(ctx.lang, "survey_staff.list_title"));
}

Response Create(Context& ctx) {
  const auto year = ParseInt(ctx.form["year"], 0, 9999);
  if (!year) {
    Error err{ErrorCode::kInvalidArgument, "Khảo sát chưa hợp lệ.", {}};
    err.fields.push_back({"year", "Năm khảo sát phải là một số, ví dụ 2027."});
    return ListPage(ctx, 422, ErrorData(err));
  }
  auto s = ctx.svc.surveys->Create(ctx.account->commune_id, ctx.form["preset"],
                                   std::string(Trim(ctx.form["title"])), static_cast<int>(*year),
                                   ActorOf(ctx));
  if (!s) return ListPage(ctx, HttpStatusFor(s.error().code, true), ErrorData(s.error()));
  return SeeOther(SurveyHref(s->id));
}

}  // namespace

void AddSurveyStaffRoutes(std::vector<Route>& routes) {
  AddSurveyListRoutes(routes);
  AddSurveyBuilderRoutes(routes);
  AddSurveyQuestionRoutes(routes);
  AddSurveyCodeRoutes(routes);
  AddSurveyResultsRoutes(routes);
  AddSurveyDataRoutes(routes);
}

void AddSurveyListRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/khao-sat", Permission::kViewSurveyResults, RouteKind::kPage,
                    [](Context& ctx) { return ListPage(ctx, 200, Data()); }});
  routes.push_back(
      {"POST", "/quan-ly/khao-sat", Permission::kManageSurveys, RouteKind::kPage, Create});
}

}  // namespace xaso::web
