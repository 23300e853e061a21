#include "web/pages/survey_form_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "domain/survey/numbers.h"

namespace xaso::web {
namespace {

using survey::Question;
using survey::QuestionType;

std::string Pick(Lang lang, const std::string& vi, const std::string& en) {
  return lang == Lang::kEn && !en.empty() ? en : vi;
}

// An HTML id for the question: keys are [a-z0-9_.], and '-' is in neither keys nor option
// values, so "q-" + key with '.' as '-' and "--" before an option value stay unique.
std::string QuestionId(const std::string& key) {
  std::string id = "q-" + key;
  for (char& c : id) {
    if (c == '.') c = '-';
  }
  return id;
}

// The id of one choice of the question whose id is `id`.
std::string ChoiceId(const std::string& id, const std::string& value) {
  std::string out = id;
  out += "--";
  out += value;
  return out;
}

std::string FieldName(const Question& q) { return "q." + q.key; }
std::string OptionFieldName(const Question& q, const std::string& value) {
  return "q." + q.key + "[" + value + "]";
}

// A bound as it is typed: no thousands separator, a decimal comma in Vietnamese ("2,5").
std::string PlainNumber(Lang lang, double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  std::string out = buf;
  if (lang == Lang::kVi) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string Replace(std::string s, std::string_view from, const std::string& to) {
  if (const size_t at = s.find(from); at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

bool Has(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// "Chỉ trả lời câu này nếu ở câu 3 ông/bà đã chọn «Có» hoặc «Không rõ»." — shown to every
// reader, so that the form makes sense without the script that hides the question.
std::string ConditionNote(Lang lang, const survey::Survey& s, const Question& q) {
  for (size_t i = 0; i < s.questions.size(); ++i) {
    const Question& on = s.questions[i];
    if (on.key != q.show_if.question) continue;
    std::string labels;
    for (const auto& value : q.show_if.any_of) {
      std::string label = value;
      for (const auto& o : on.options) {
        if (o.value == value) label = Pick(lang, o.label_vi, o.label_en);
      }
      // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on " " + std::string.
      if (!labels.empty()) {
        labels += ' ';
        labels += Message(lang, "survey.form.or");
        labels += ' ';
      }
      labels += "«";
      labels += label;
      labels += "»";
    }
    return Replace(Message(lang, "survey.form.only_if"), "{n}", std::to_string(i + 1)) + " " +
           labels + ".";
  }
  return "";
}

Data ChoiceData(const Question& q, const std::string& id, const std::string& name,
                const std::string& value, const std::string& label, bool checked) {
  Data o;
  o.set("id", id);
  o.set("name", name);
  o.set("value", value);
  o.set("label", label);
  o.set("q", q.key);
  o.set("checked", Data(checked));
  o.set("end", Data(false));
  return o;
}

Data QuestionData(Lang lang, const survey::Survey& s, size_t index, const survey::Answers& given,
                  const std::map<std::string, std::string>& errors) {
  const Question& q = s.questions[index];
  const std::string id = QuestionId(q.key);
  static const std::vector<std::string> kNone;
  const auto it = given.find(q.key);
  const std::vector<std::string>& values = it == given.end() ? kNone : it->second;
  const std::string first = values.empty() ? std::string() : values.front();

  // Every key the partial reads is set here: a key left out would be looked up in the
  // enclosing data (the page's own {{error}}, say) by mustache.
  Data x;
  x.set("id", id);
  x.set("key", q.key);
  x.set("label", Message(lang, "survey.form.question") + " " + std::to_string(index + 1) + ". " +
                     Pick(lang, q.text_vi, q.text_en));
  x.set("required", Data(q.required));
  std::string described;
  const std::string help = q.help_vi;
  x.set("help", help.empty() ? Data(false) : Data(help));
  if (!help.empty()) described += id + "-help";
  const bool conditional = !q.show_if.question.empty();
  x.set("show_if", conditional ? Data(q.show_if.question) : Data(false));
  std::string show_values;
  for (const auto& v : q.show_if.any_of) show_values += (show_values.empty() ? "" : " ") + v;
  x.set("show_values", show_values);
  const std::string note = conditional ? ConditionNote(lang, s, q) : std::string();
  x.set("condition_note", note.empty() ? Data(false) : Data(note));
  if (!note.empty()) described += (described.empty() ? "" : " ") + id + "-cond";
  const auto err = errors.find(FieldName(q));
  x.set("error", err == errors.end() ? Data(false) : Data(err->second));
  if (err != errors.end()) described += (described.empty() ? "" : " ") + id + "-error";
  x.set("describedby", described.empty() ? Data(false) : Data(described));

  x.set("is_single", Data(q.type == QuestionType::kSingle));
  x.set("is_multiple", Data(q.type == QuestionType::kMultiple));
  x.set("is_scale", Data(q.type == QuestionType::kScale));
  x.set("is_number", Data(q.type == QuestionType::kNumber));
  x.set("is_text", Data(q.type == QuestionType::kText));
  x.set("input_id", id + "-input");
  x.set("name", FieldName(q));
  x.set("value", first);
  Data options(Data::type::list);
  std::string first_id = id + "-input";
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kMultiple:
      for (const auto& o : q.options) {
        const bool multiple = q.type == QuestionType::kMultiple;
        options.push_back(ChoiceData(q, ChoiceId(id, o.value),
                                     multiple ? OptionFieldName(q, o.value) : FieldName(q), o.value,
                                     Pick(lang, o.label_vi, o.label_en), Has(values, o.value)));
      }
      if (!q.options.empty()) first_id = ChoiceId(id, q.options.front().value);
      break;
    case QuestionType::kScale: {
      const auto lo = static_cast<long long>(q.min), hi = static_cast<long long>(q.max);
      for (long long v = lo; v <= hi; ++v) {
        const std::string value = std::to_string(v);
        Data o = ChoiceData(q, ChoiceId(id, value), FieldName(q), value, value, first == value);
        // The ends' meaning is read out with the end points; sighted readers see it under the row.
        const std::string& end = v == lo ? q.min_label : v == hi ? q.max_label : std::string();
        o.set("end", end.empty() ? Data(false) : Data(end));
        options.push_back(o);
      }
      first_id = ChoiceId(id, std::to_string(lo));
      x.set("min_label", q.min_label.empty() ? Data(false) : Data(q.min_label));
      x.set("max_label", q.max_label.empty() ? Data(false) : Data(q.max_label));
      x.set("has_ends", Data(!q.min_label.empty() || !q.max_label.empty()));
      break;
    }
    case QuestionType::kNumber:
      x.set("number_hint", Replace(Replace(Message(lang, "survey.form.number_hint"), "{min}",
                                           PlainNumber(lang, q.min)),
                                   "{max}", PlainNumber(lang, q.max)));
      break;
    case QuestionType::kText: x.set("max_chars", std::to_string(survey::kMaxTextChars)); break;
  }
  x.set("options", options);
  x.set("first_id", first_id);
  return x;
}

}  // namespace

survey::Answers AnswersFromForm(const survey::Survey& s,
                                const std::map<std::string, std::string>& form) {
  survey::Answers out;
  for (const Question& q : s.questions) {
    if (q.type == QuestionType::kMultiple) {
      std::vector<std::string> ticked;
      for (const auto& o : q.options) {
        if (form.contains(OptionFieldName(q, o.value))) ticked.push_back(o.value);
      }
      if (!ticked.empty()) out[q.key] = std::move(ticked);
      continue;
    }
    const auto it = form.find(FieldName(q));
    if (it == form.end() || Trim(it->second).empty()) continue;
    // Numbers as typed: CheckAnswers reads the decimal comma; CheckTypedNumbers refuses "1.000".
    out[q.key] = {it->second};
  }
  return out;
}

Status CheckTypedNumbers(const survey::Survey& s, const survey::Answers& typed) {
  Error err{ErrorCode::kInvalidArgument, "", {}};
  for (const Question& q : s.questions) {
    if (q.type != QuestionType::kNumber && q.type != QuestionType::kScale) continue;
    const auto it = typed.find(q.key);
    if (it == typed.end() || it->second.size() != 1) continue;
    if (survey::IsAmbiguousThousands(Trim(it->second.front()))) {
      err.fields.push_back({"q." + q.key, std::string(survey::kAmbiguousNumberMessage) + "."});
    }
  }
  if (err.fields.empty()) return Ok{};
  err.message = err.fields.front().message;
  return err;
}

void SetSurveyQuestions(Lang lang, const survey::Survey& s, const survey::Answers& given,
                        const Error* error, Data& d) {
  std::map<std::string, std::string> errors;
  if (error) {
    for (const auto& f : error->fields) errors.emplace(f.field, f.message);
  }
  Data sections(Data::type::list);
  Data error_list(Data::type::list);
  if (const auto e = errors.find("code"); e != errors.end()) {
    Data item;
    item.set("href", "#code");
    item.set("message", Message(lang, "survey.form.code") + ": " + e->second);
    error_list.push_back(item);
    d.set("error_code", e->second);
  }
  for (const auto& sec : s.sections) {
    Data questions(Data::type::list);
    for (size_t i = 0; i < s.questions.size(); ++i) {
      if (s.questions[i].section != sec.key) continue;
      Data q = QuestionData(lang, s, i, given, errors);
      if (const auto e = errors.find(FieldName(s.questions[i])); e != errors.end()) {
        Data item;
        item.set("href", "#" + q.get("first_id")->string_value());
        item.set("message", Message(lang, "survey.form.question") + " " + std::to_string(i + 1) +
                                ": " + e->second);
        error_list.push_back(item);
      }
      questions.push_back(q);
    }
    if (questions.is_empty_list()) continue;
    Data x;
    const std::string title = Pick(lang, sec.title_vi, sec.title_en);
    x.set("title", title.empty() ? Data(false) : Data(title));
    x.set("questions", questions);
    sections.push_back(x);
  }
  d.set("sections", sections);
  if (!error_list.is_empty_list()) {
    d.set("error_list", error_list);
    d.set("has_errors", Data(true));
  }
}

}  // namespace xaso::web
