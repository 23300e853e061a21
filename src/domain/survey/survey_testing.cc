#include "domain/survey/survey_testing.h"

namespace xaso::survey::testing {

Option Opt(const std::string& value) { return Option{value, "Nhãn " + value, "", std::nullopt}; }

Question Choice(std::string key, QuestionType type, const std::vector<std::string>& values) {
  Question q;
  q.key = std::move(key);
  q.section = "chung";
  q.type = type;
  q.text_vi = "Câu hỏi " + q.key;
  for (const auto& v : values) q.options.push_back(Opt(v));
  return q;
}

Question Bounded(std::string key, QuestionType type, double min, double max) {
  Question q;
  q.key = std::move(key);
  q.section = "chung";
  q.type = type;
  q.text_vi = "Câu hỏi " + q.key;
  q.min = min;
  q.max = max;
  return q;
}

Question ShownIf(Question q, std::string on, std::vector<std::string> any_of) {
  q.show_if = Condition{std::move(on), std::move(any_of)};
  return q;
}

Survey Example() {
  Survey s;
  s.title = "Mức độ hài lòng với trạm y tế";
  s.year = 2026;
  s.sections = {{"chung", "Chung", "General"}};
  s.questions = {
      Choice("q1", QuestionType::kSingle, {"co", "khong"}),
      ShownIf(Choice("q2", QuestionType::kMultiple, {"a", "b", "c"}), "q1", {"co"}),
      ShownIf(Bounded("q3", QuestionType::kText, 0, 0), "q2", {"b"}),
      Bounded("q4", QuestionType::kScale, 1, 5),
      Bounded("q5", QuestionType::kNumber, 0, 100),
      ShownIf(Bounded("q6", QuestionType::kText, 0, 0), "q4", {"1", "2"}),
  };
  s.questions[2].required = true;
  s.questions[3].required = true;
  return s;
}

std::vector<std::string> FieldNames(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

}  // namespace xaso::survey::testing
