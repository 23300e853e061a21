#include "domain/survey/survey.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/field_check.h"
#include "core/text.h"
#include "domain/papi/cells.h"
#include "domain/survey/numbers.h"

namespace xaso::survey {
namespace {

constexpr size_t kMaxKeyChars = 40;
constexpr size_t kMaxQuestionTextChars = 1000;
constexpr size_t kMaxLabelChars = 200;
constexpr double kMaxScaleSteps = 11;

bool IsKey(std::string_view key, bool allow_dot) {
  if (key.empty() || key.size() > kMaxKeyChars) return false;
  return std::all_of(key.begin(), key.end(), [allow_dot](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allow_dot && c == '.');
  });
}

bool IsWhole(double v) { return std::isfinite(v) && std::floor(v) == v; }

bool IsChoice(QuestionType t) { return t == QuestionType::kSingle || t == QuestionType::kMultiple; }

bool HasOption(const Question& q, std::string_view value) {
  return std::any_of(q.options.begin(), q.options.end(),
                     [value](const Option& o) { return o.value == value; });
}

// Whether `value` can answer `q` in a condition: an option of a choice question, a step of a
// scale.
bool CanAnswer(const Question& q, std::string_view value) {
  if (IsChoice(q.type)) return HasOption(q, value);
  const auto v = papi::ParseFinite(value);
  return v && IsWhole(*v) && *v >= q.min && *v <= q.max && FormatPlain(*v) == value;
}

void CheckOptions(Error& err, const std::string& f, const Question& q) {
  if (q.options.size() < 2 || q.options.size() > kMaxOptions) {
    err.fields.push_back(
        {f, "Câu hỏi lựa chọn cần từ 2 đến " + std::to_string(kMaxOptions) + " phương án."});
  }
  std::set<std::string_view> values;
  for (const Option& o : q.options) {
    if (!IsKey(o.value, false)) {
      err.fields.push_back({f, "Mã phương án “" + o.value +
                                   "” chỉ gồm chữ thường không dấu, chữ số, dấu _ (tối đa 40)."});
    } else if (!values.insert(o.value).second) {
      err.fields.push_back({f, "Mã phương án “" + o.value + "” bị lặp."});
    }
    CheckText(err, f, o.label_vi, kMaxLabelChars, "nhãn phương án");
  }
}

void CheckBounds(Error& err, const std::string& f, const Question& q) {
  if (q.type == QuestionType::kScale) {
    const double steps = q.max - q.min + 1;
    if (!IsWhole(q.min) || !IsWhole(q.max) || steps < 2 || steps > kMaxScaleSteps) {
      err.fields.push_back({f, "Thang điểm phải là số nguyên, từ 2 đến 11 mức."});
    }
  } else if (q.type == QuestionType::kNumber) {
    if (!std::isfinite(q.min) || !std::isfinite(q.max) || q.min > q.max) {
      err.fields.push_back({f, "Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất."});
    }
  }
}

// `earlier`: the questions before `q`, by key.
void CheckCondition(Error& err, const std::string& f, const Question& q,
                    const std::map<std::string_view, const Question*>& earlier) {
  const Condition& c = q.show_if;
  if (c.question.empty()) return;
  const auto it = earlier.find(c.question);
  if (it == earlier.end()) {
    err.fields.push_back(
        {f, "Điều kiện hiển thị phải dựa vào một câu hỏi đứng trước (“" + c.question + "”)."});
    return;
  }
  const Question& on = *it->second;
  if (on.type == QuestionType::kText || on.type == QuestionType::kNumber) {
    err.fields.push_back({f, "Điều kiện hiển thị chỉ dựa vào câu hỏi lựa chọn hoặc thang điểm."});
    return;
  }
  if (c.any_of.empty()) {
    err.fields.push_back({f, "Điều kiện hiển thị cần ít nhất một câu trả lời."});
  }
  for (const std::string& v : c.any_of) {
    if (!CanAnswer(on, v)) {
      err.fields.push_back(
          {f, "Câu hỏi “" + on.key + "” không có câu trả lời “" + v + "” để làm điều kiện."});
    }
  }
}

void CheckQuestion(Error& err, const Question& q, const std::set<std::string_view>& sections,
                   const std::map<std::string_view, const Question*>& earlier) {
  const std::string f = "q." + q.key;
  if (!IsKey(q.key, true)) {
    err.fields.push_back(
        {f, "Mã câu hỏi chỉ gồm chữ thường không dấu, chữ số, dấu _ và dấu . (tối đa 40)."});
  } else if (earlier.count(q.key) > 0) {
    err.fields.push_back({f, "Mã câu hỏi bị lặp."});
  }
  if (sections.count(q.section) == 0) {
    err.fields.push_back({f, "Câu hỏi thuộc một phần không có trong khảo sát."});
  }
  CheckText(err, f, q.text_vi, kMaxQuestionTextChars, "nội dung câu hỏi");
  if (IsChoice(q.type)) CheckOptions(err, f, q);
  CheckBounds(err, f, q);
  CheckCondition(err, f, q, earlier);
  if (q.type == QuestionType::kText && !q.indicator.empty()) {
    err.fields.push_back({f, "Câu hỏi tự luận không đo được chỉ số PAPI."});
  }
}

void CheckSections(Error& err, const std::vector<Section>& sections) {
  std::set<std::string_view> keys;
  for (const Section& sec : sections) {
    if (!IsKey(sec.key, false)) {
      err.fields.push_back(
          {"sections", "Mã phần “" + sec.key + "” chỉ gồm chữ thường không dấu, chữ số, dấu _."});
    } else if (!keys.insert(sec.key).second) {
      err.fields.push_back({"sections", "Mã phần “" + sec.key + "” bị lặp."});
    }
  }
}

// One answer's stored form, or the Vietnamese reason it cannot be stored.
Result<std::vector<std::string>> CheckValues(const Question& q, std::vector<std::string> values) {
  auto bad = [](std::string message) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(message));
  };
  if (q.type != QuestionType::kMultiple && values.size() > 1) {
    return bad("Chỉ được chọn hoặc nhập một câu trả lời.");
  }
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kMultiple: {
      for (const std::string& v : values) {
        if (!HasOption(q, v)) return bad("“" + v + "” không phải là một phương án của câu hỏi.");
      }
      std::vector<std::string> in_order;  // option order, each once
      for (const Option& o : q.options) {
        if (std::find(values.begin(), values.end(), o.value) != values.end()) {
          in_order.push_back(o.value);
        }
      }
      return in_order;
    }
    case QuestionType::kScale:
    case QuestionType::kNumber: {
      const auto v = ParsePlain(values[0]);
      if (!v) return bad("“" + values[0] + "” không phải là một số.");
      if (q.type == QuestionType::kScale && !IsWhole(*v)) {
        return bad("Hãy chọn một mức nguyên trên thang điểm.");
      }
      if (*v < q.min || *v > q.max) {
        return bad("Câu trả lời phải nằm trong khoảng " + FormatPlain(q.min) + " đến " +
                   FormatPlain(q.max) + ".");
      }
      return std::vector<std::string>{FormatPlain(*v)};
    }
    case QuestionType::kText:
      if (!IsValidUtf8(values[0])) return bad("Câu trả lời chứa ký tự không hợp lệ.");
      if (Utf8Length(values[0]) > kMaxTextChars) {
        return bad("Câu trả lời quá dài (tối đa " + std::to_string(kMaxTextChars) + " ký tự).");
      }
      return values;
  }
  return values;
}

}  // namespace

Status ValidateSurvey(const Survey& s) {
  Error err{ErrorCode::kInvalidArgument, "Khảo sát chưa hợp lệ.", {}};
  CheckText(err, "title", s.title, 200, "tiêu đề");
  if (s.year < 2000 || s.year > 2100) {
    err.fields.push_back({"year", "Năm khảo sát phải từ 2000 đến 2100."});
  }
  CheckSections(err, s.sections);
  if (s.questions.size() > kMaxQuestions) {
    err.fields.push_back(
        {"questions", "Khảo sát có tối đa " + std::to_string(kMaxQuestions) + " câu hỏi."});
  }
  std::set<std::string_view> sections;
  for (const Section& sec : s.sections) sections.insert(sec.key);
  std::map<std::string_view, const Question*> earlier;
  for (const Question& q : s.questions) {
    CheckQuestion(err, q, sections, earlier);
    earlier.emplace(q.key, &q);
  }
  return FieldErrorsOrOk(std::move(err));
}

bool IsShown(const Question& q, const Answers& answers) {
  const Condition& c = q.show_if;
  if (c.question.empty()) return true;
  const auto it = answers.find(c.question);
  if (it == answers.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&c](const std::string& v) {
    return std::find(c.any_of.begin(), c.any_of.end(), v) != c.any_of.end();
  });
}

Result<Answers> CheckAnswers(const Survey& s, const Answers& raw) {
  Error err{ErrorCode::kInvalidArgument, "Phiếu trả lời chưa hợp lệ.", {}};
  std::set<std::string_view> keys;
  for (const Question& q : s.questions) keys.insert(q.key);
  for (const auto& [key, values] : raw) {
    if (keys.count(key) == 0) err.fields.push_back({"q." + key, "Khảo sát không có câu hỏi này."});
  }
  // In the order asked, so a question whose condition's question was hidden (and so dropped)
  // is hidden too.
  Answers out;
  for (const Question& q : s.questions) {
    if (!IsShown(q, out)) continue;
    std::vector<std::string> values;
    if (const auto it = raw.find(q.key); it != raw.end()) {
      for (const std::string& v : it->second) {
        if (!Trim(v).empty()) values.emplace_back(Trim(v));
      }
    }
    if (values.empty()) {
      if (q.required) err.fields.push_back({"q." + q.key, "Cần trả lời câu hỏi này."});
      continue;
    }
    auto checked = CheckValues(q, std::move(values));
    if (!checked) {
      err.fields.push_back({"q." + q.key, checked.error().message});
    } else {
      out.emplace(q.key, std::move(checked).value());
    }
  }
  if (!err.fields.empty()) return err;
  return out;
}

}  // namespace xaso::survey
