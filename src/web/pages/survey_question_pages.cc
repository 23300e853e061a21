// The builder's question form (manage_surveys, drafts only): GET /quan-ly/khao-sat/{id}/cau-hoi
// (?ma=KEY to edit a question, none to add one) and its POST, and the buttons that delete a
// question or move it up or down. Each change saves the whole survey through
// SurveyService::Save, so ValidateSurvey judges it (a skip condition on a later question, an
// option the condition's question lacks, ...) and nothing is stored when it fails.
#include <algorithm>

#include "web/form.h"
#include "web/pages/select_options.h"
#include "web/pages/survey_question_form.h"
#include "web/pages/survey_view.h"

namespace xaso::web {
namespace {

using identity::Permission;
using survey::QuestionType;

std::vector<survey::Question>::iterator FindQuestion(survey::Survey& s, const std::string& key) {
  return std::find_if(s.questions.begin(), s.questions.end(),
                      [&](const survey::Question& q) { return q.key == key; });
}

// The form page: `fields` are the values shown, `original` the key of the question edited
// (empty for a new one), `version` the survey's version the next POST carries.
Response FormPage(Context& ctx, int status, const survey::Survey& s, const FormFields& fields,
                  const std::string& original, int64_t version, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  d.set("survey_title", s.title);
  d.set("survey_href", SurveyHref(s.id));
  d.set("action", SurveyHref(s.id) + "/cau-hoi");
  d.set("original", original);
  d.set("version", std::to_string(version));
  d.set("editing", Data(!original.empty()));
  const auto field = [&](const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };
  for (const char* f : {"key", "text_vi", "help_vi", "options", "min", "max", "min_label",
                        "max_label", "show_if_values", "indicator"}) {
    d.set(std::string("form_") + f, field(f));
  }
  d.set("form_required", Data(field("required") == "1"));
  std::vector<std::pair<std::string, std::string>> sections, types, earlier;
  for (const auto& sec : s.sections) {
    sections.emplace_back(sec.key, sec.title_vi.empty() ? sec.key : sec.title_vi);
  }
  for (auto t : {QuestionType::kSingle, QuestionType::kMultiple, QuestionType::kScale,
                 QuestionType::kNumber, QuestionType::kText}) {
    types.emplace_back(std::string(survey::QuestionTypeCode(t)), QuestionTypeLabel(ctx.lang, t));
  }
  // A condition may only name a question asked before this one, and one with answers to match.
  earlier.emplace_back("", Message(ctx.lang, "survey_staff.always_shown"));
  for (const auto& q : s.questions) {
    if (!original.empty() && q.key == original) break;
    if (q.type == QuestionType::kText || q.type == QuestionType::kNumber) continue;
    earlier.emplace_back(q.key, q.key + ". " + q.text_vi);
  }
  d.set("section_options", SelectOptions(sections, field("section")));
  d.set("type_options", SelectOptions(types, field("type")));
  d.set("condition_options", SelectOptions(earlier, field("show_if")));
  d.set("no_sections", Data(s.sections.empty()));
  const std::string title = Message(
      ctx.lang, original.empty() ? "survey_staff.new_question" : "survey_staff.edit_question");
  d.set("heading", title);
  return RenderPage(ctx, status, "survey_question", d, title);
}

Response NotDraft(Context& ctx, const survey::Survey& s) {
  Data d;
  d.set("error", Message(ctx.lang, "survey_staff.not_draft"));
  return BuilderPage(ctx, 409, s, d);
}

Response Show(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  if (s->status != survey::SurveyStatus::kDraft) return NotDraft(ctx, *s);
  const std::string key = ctx.req.Query("ma");
  FormFields fields;
  if (!key.empty()) {
    auto it = FindQuestion(*s, key);
    if (it == s->questions.end()) return ErrorPage(ctx, 404);
    fields = QuestionFields(*it);
  } else {
    fields["type"] = "single";
    fields["required"] = "1";
    if (!s->sections.empty()) fields["section"] = s->sections.back().key;
  }
  return FormPage(ctx, 200, *s, fields, key, s->version, Data());
}

Response Save(Context& ctx) {
  auto stored = LoadSurvey(ctx);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  const survey::Survey& s = *stored;
  if (s.status != survey::SurveyStatus::kDraft) return NotDraft(ctx, s);
  const std::string original = ctx.form["original"];
  const int64_t version = FormVersion(ctx);
  survey::Survey edited = s;
  edited.version = version;
  auto it = original.empty() ? edited.questions.end() : FindQuestion(edited, original);
  if (!original.empty() && it == edited.questions.end()) {
    // Deleted meanwhile: the page is stale.
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.stale"));
    return FormPage(ctx, 409, s, ctx.form, "", s.version, d);
  }
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "survey_staff.invalid_question"), {}};
  survey::Question q =
      QuestionFromFields(ctx.form, it == edited.questions.end() ? nullptr : &*it, err);
  if (!err.fields.empty()) {
    return FormPage(ctx, 422, s, ctx.form, original, version, SaveErrorData(ctx.lang, err));
  }
  const std::string key = q.key;
  if (it == edited.questions.end()) {
    edited.questions.push_back(std::move(q));
  } else {
    *it = std::move(q);
  }
  auto saved = ctx.svc.surveys->Save(edited, ActorOf(ctx));
  if (!saved) {
    Data d = SaveErrorData(ctx.lang, saved.error());
    // This question's own problems go beside its fields; others stay in the list at the top.
    Data mine(Data::type::list);
    bool any = false;
    for (const auto& f : saved.error().fields) {
      if (f.field == "q." + key) {
        mine.push_back(Data(f.message));
        any = true;
      }
    }
    d.set("has_question_errors", Data(any));
    d.set("question_errors", mine);
    // Stale: keep what was typed, but against the stored version, so that a second save after
    // a look at the other change is a deliberate choice.
    const bool stale = saved.error().code == ErrorCode::kAborted;
    return FormPage(ctx, HttpStatusFor(saved.error().code, true), s, ctx.form, original,
                    stale ? s.version : version, d);
  }
  InvalidatePublicPages();
  return SeeOther(SurveyHref(s.id) + "#q-" + key);
}

// Delete or move: a change of the question list that has no form of its own.
Response ChangeList(Context& ctx, bool remove) {
  auto stored = LoadSurvey(ctx);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  const survey::Survey& s = *stored;
  if (s.status != survey::SurveyStatus::kDraft) return NotDraft(ctx, s);
  survey::Survey edited = s;
  edited.version = FormVersion(ctx);
  auto it = FindQuestion(edited, ctx.form["key"]);
  if (it == edited.questions.end()) {
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.stale"));
    return BuilderPage(ctx, 409, s, d);
  }
  std::string anchor;
  if (remove) {
    edited.questions.erase(it);
  } else {
    const std::string dir = ctx.form["dir"];
    if (dir == "up" && it != edited.questions.begin()) {
      std::iter_swap(it, it - 1);
    } else if (dir == "down" && it + 1 != edited.questions.end()) {
      std::iter_swap(it, it + 1);
    } else if (dir != "up" && dir != "down") {
      return ErrorPage(ctx, 400);
    }
    anchor = "#q-" + ctx.form["key"];
  }
  auto saved = ctx.svc.surveys->Save(edited, ActorOf(ctx));
  if (!saved) {
    return BuilderPage(ctx, HttpStatusFor(saved.error().code, true), s,
                       SaveErrorData(ctx.lang, saved.error()));
  }
  InvalidatePublicPages();
  return SeeOther(SurveyHref(s.id) + anchor);
}

}  // namespace

void AddSurveyQuestionRoutes(std::vector<Route>& routes) {
  const auto manage = Permission::kManageSurveys;
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/cau-hoi", manage, RouteKind::kPage, Show});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/cau-hoi", manage, RouteKind::kPage, Save});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/cau-hoi/xoa", manage, RouteKind::kPage,
                    [](Context& ctx) { return ChangeList(ctx, true); }});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/cau-hoi/di-chuyen", manage, RouteKind::kPage,
                    [](Context& ctx) { return ChangeList(ctx, false); }});
}

}  // namespace xaso::web
