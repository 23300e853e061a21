#include "web/pages/survey_view.h"

#include <map>

#include "web/form.h"
#include "web/pages/plan_view.h"
#include "web/pages/survey_question_form.h"

namespace xaso::web {

Result<survey::Survey> LoadSurvey(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "Không có khảo sát này.");
  return ctx.svc.survey_repo->Get(ctx.account->commune_id, *id);
}

std::string SurveyHref(int64_t id) { return "/quan-ly/khao-sat/" + std::to_string(id); }

std::string SurveyStatusLabel(Lang lang, survey::SurveyStatus s) {
  return Message(lang, "survey_staff.status." + std::string(survey::SurveyStatusCode(s)));
}

std::string QuestionTypeLabel(Lang lang, survey::QuestionType t) {
  return Message(lang, "survey_staff.type." + std::string(survey::QuestionTypeCode(t)));
}

std::string ChannelLabel(Lang lang, survey::Channel c) {
  return Message(lang, "survey_staff.channel." + std::string(survey::ChannelCode(c)));
}

namespace {

const survey::Question* Find(const survey::Survey& s, const std::string& key) {
  for (const auto& q : s.questions) {
    if (q.key == key) return &q;
  }
  return nullptr;
}

std::string OptionLabel(const survey::Question* q, const std::string& value) {
  if (q) {
    for (const auto& o : q->options) {
      if (o.value == value) return o.label_vi;
    }
  }
  return value;
}

}  // namespace

std::string ConditionText(Lang lang, const survey::Survey& s, const survey::Question& q) {
  if (q.show_if.question.empty()) return {};
  const survey::Question* on = Find(s, q.show_if.question);
  std::string values;
  for (const auto& v : q.show_if.any_of) {
    values += (values.empty() ? "" : ", ") + OptionLabel(on, v);
  }
  return Message(lang, "survey_staff.shown_when") + " " + q.show_if.question + ": " + values;
}

Data QuestionPreview(Lang lang, const survey::Survey& s, size_t index) {
  const survey::Question& q = s.questions[index];
  Data d;
  d.set("key", q.key);
  d.set("number", std::to_string(index + 1));
  d.set("text", q.text_vi);
  if (!q.help_vi.empty()) d.set("help", q.help_vi);
  d.set("type", QuestionTypeLabel(lang, q.type));
  d.set("type_code", std::string(survey::QuestionTypeCode(q.type)));
  d.set("required", Data(q.required));
  Data options(Data::type::list);
  for (const auto& o : q.options) {
    Data x;
    x.set("value", o.value);
    x.set("label", o.label_vi);
    if (o.score) x.set("score", PlainNumber(*o.score));
    options.push_back(x);
  }
  d.set("has_options", Data(!q.options.empty()));
  d.set("options", options);
  if (q.type == survey::QuestionType::kScale || q.type == survey::QuestionType::kNumber) {
    d.set("min", PlainNumber(q.min));
    d.set("max", PlainNumber(q.max));
    std::string bounds = PlainNumber(q.min) + " – " + PlainNumber(q.max);
    if (!q.min_label.empty() || !q.max_label.empty()) {
      bounds += " (" + q.min_label + " … " + q.max_label + ")";
    }
    d.set("bounds", bounds);
  }
  const std::string condition = ConditionText(lang, s, q);
  if (!condition.empty()) d.set("condition", condition);
  if (!q.indicator.empty()) d.set("indicator", q.indicator);
  d.set("first", Data(index == 0));
  d.set("last", Data(index + 1 == s.questions.size()));
  return d;
}

namespace {

// A form field's name as the form labels it, for the list of errors at the top of a page.
std::string FieldName(Lang lang, const std::string& field) {
  static const std::map<std::string, std::string> kLabels = {{"title", "survey_title"},
                                                             {"year", "year"},
                                                             {"sections", "sections"},
                                                             {"questions", "questions"},
                                                             {"options", "options"},
                                                             {"type", "type_label"},
                                                             {"min", "min"},
                                                             {"max", "max"},
                                                             {"show_if_values", "show_if_values"},
                                                             {"n", "codes.how_many"},
                                                             {"preset", "from_preset"}};
  const auto it = kLabels.find(field);
  return it == kLabels.end() ? field : Message(lang, "survey_staff." + it->second);
}

}  // namespace

int64_t FormVersion(Context& ctx) { return ParseInt(ctx.form["version"], 0).value_or(0); }

Data SaveErrorData(Lang lang, const Error& e) {
  Data d = ErrorData(e);
  if (e.code == ErrorCode::kAborted) {
    d.set("error", Message(lang, "survey_staff.stale"));
  } else if (e.code == ErrorCode::kFailedPrecondition) {
    d.set("error", e.message.empty() ? Message(lang, "survey_staff.not_draft") : e.message);
  }
  Data list(Data::type::list);
  for (const auto& f : e.fields) {
    Data x;
    const bool question = f.field.rfind("q.", 0) == 0;
    x.set("field", question ? Message(lang, "survey_staff.question") + " " + f.field.substr(2)
                            : FieldName(lang, f.field));
    x.set("message", f.message);
    list.push_back(x);
  }
  d.set("has_field_errors", Data(!e.fields.empty()));
  d.set("field_errors", list);
  return d;
}

Response SeeOther(const std::string& path) {
  Response r{303, {}, ""};
  return r.With("Location", path);
}

}  // namespace xaso::web
