// Pieces shared by the staff survey pages (/quan-ly/khao-sat/...): the survey a path names,
// labels of statuses, types and channels, and the builder's preview of a question.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/survey/survey.h"
#include "web/router.h"

namespace xaso::web {

// The signed-in commune's survey named by the path's {id}: kNotFound for a bad or foreign id.
Result<survey::Survey> LoadSurvey(Context& ctx);

std::string SurveyHref(int64_t id);
std::string SurveyStatusLabel(Lang lang, survey::SurveyStatus s);
std::string QuestionTypeLabel(Lang lang, survey::QuestionType t);
std::string ChannelLabel(Lang lang, survey::Channel c);
// "Chỉ hỏi khi câu q1 được trả lời: Có, Không biết"; empty for a question always asked.
std::string ConditionText(Lang lang, const survey::Survey& s, const survey::Question& q);
// A question for a template: key, number, text, help, type label, required, options, bounds,
// condition, indicator.
Data QuestionPreview(Lang lang, const survey::Survey& s, size_t index);

// The builder page of `s` (survey_builder_pages.cc): its settings, sections, the preview of its
// questions with their edit, move and delete buttons while a draft, status buttons, one-time
// codes. `d` carries a failed form's errors and values ("form_*"); the rest comes from `s`.
Response BuilderPage(Context& ctx, int status, const survey::Survey& s, Data d);

// The survey version a builder form carries (0, never stored, when it is missing or malformed).
int64_t FormVersion(Context& ctx);

// A failed SurveyService::Save (or status change) as template data: the stale-version and
// not-a-draft cases in words a clerk understands, every field error listed (a question's
// under its key) and also set as {{error_<field>}} for fields named without a dot.
Data SaveErrorData(Lang lang, const Error& e);

// The staff survey pages under /quan-ly/khao-sat, added by the router.
void AddSurveyStaffRoutes(std::vector<Route>& routes);
// One function per page file; AddSurveyStaffRoutes adds them all.
void AddSurveyListRoutes(std::vector<Route>& routes);
void AddSurveyBuilderRoutes(std::vector<Route>& routes);
void AddSurveyQuestionRoutes(std::vector<Route>& routes);
void AddSurveyCodeRoutes(std::vector<Route>& routes);
void AddSurveyResultsRoutes(std::vector<Route>& routes);
void AddSurveyDataRoutes(std::vector<Route>& routes);

// 303 See Other to `path`.
Response SeeOther(const std::string& path);

}  // namespace xaso::web
