#include "web/pages/survey_form_view.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

using survey::QuestionType;

survey::Survey Sample() {
  survey::Survey s;
  s.sections = {{"a", "Phần A", "Part A"}, {"empty", "Không có câu", ""}};
  survey::Question used;
  used.key = "used";
  used.section = "a";
  used.type = QuestionType::kSingle;
  used.text_vi = "Có dùng không?";
  used.required = true;
  used.options = {{"co", "Có", "Yes", std::nullopt}, {"khong", "Không", "No", std::nullopt}};
  survey::Question why = used;
  why.key = "x.why";
  why.type = QuestionType::kMultiple;
  why.required = false;
  why.text_vi = "Vì sao?";
  why.options = {{"gan", "Gần", "", std::nullopt}, {"re", "Rẻ", "", std::nullopt}};
  why.show_if = {"used", {"co"}};
  survey::Question rate;
  rate.key = "rate";
  rate.section = "a";
  rate.type = QuestionType::kScale;
  rate.text_vi = "Hài lòng?";
  rate.min = 1;
  rate.max = 3;
  rate.min_label = "Rất tệ";
  rate.max_label = "Rất tốt";
  survey::Question n;
  n.key = "n";
  n.section = "a";
  n.type = QuestionType::kNumber;
  n.text_vi = "Bao nhiêu?";
  n.min = 0;
  n.max = 2.5;
  s.questions = {used, why, rate, n};
  return s;
}

TEST(SurveyFormView, ReadsEachOptionOfAMultipleChoiceAndANumberAsTyped) {
  const auto s = Sample();
  const std::map<std::string, std::string> form = {
      {"q.used", "co"}, {"q.x.why[re]", "re"}, {"q.x.why[gan]", "gan"}, {"q.x.why[la]", "la"},
      {"q.rate", "  "}, {"q.n", " 1,5 "},      {"q.unknown", "1"},      {"_csrf", "t"}};
  const survey::Answers a = AnswersFromForm(s, form);
  EXPECT_EQ(a.at("used"), std::vector<std::string>{"co"});
  // In the survey's option order; a value the question does not have is not read.
  EXPECT_EQ(a.at("x.why"), (std::vector<std::string>{"gan", "re"}));
  EXPECT_FALSE(a.contains("rate"));                         // blank
  EXPECT_EQ(a.at("n"), std::vector<std::string>{" 1,5 "});  // CheckAnswers reads it
  EXPECT_FALSE(a.contains("unknown"));
}

TEST(SurveyFormView, QuestionsKeepTheAnswersAndShowTheirErrors) {
  const auto s = Sample();
  Error e{ErrorCode::kInvalidArgument,
          "Phiếu chưa hợp lệ",
          {{"q.rate", "Chọn từ 1 đến 3."}, {"code", "Mã sai."}}};
  Data d;
  SetSurveyQuestions(Lang::kVi, s, {{"used", {"co"}}, {"rate", {"2"}}}, &e, d);
  const auto& sections = d.get("sections")->list_value();
  ASSERT_EQ(sections.size(), 1u);  // a section without questions is left out
  const auto& questions = sections[0].get("questions")->list_value();
  ASSERT_EQ(questions.size(), 4u);
  const Data& used = questions[0];
  EXPECT_EQ(used.get("id")->string_value(), "q-used");
  EXPECT_EQ(used.get("label")->string_value(), "Câu 1. Có dùng không?");
  EXPECT_TRUE(used.get("options")->list_value()[0].get("checked")->is_true());
  EXPECT_TRUE(used.get("options")->list_value()[1].get("checked")->is_false());
  EXPECT_TRUE(used.get("error")->is_false());
  const Data& why = questions[1];
  EXPECT_EQ(why.get("id")->string_value(), "q-x-why");
  EXPECT_EQ(why.get("show_if")->string_value(), "used");
  EXPECT_EQ(why.get("show_values")->string_value(), "co");
  EXPECT_EQ(why.get("options")->list_value()[1].get("name")->string_value(), "q.x.why[re]");
  EXPECT_NE(why.get("condition_note")->string_value().find("câu 1"), std::string::npos);
  EXPECT_NE(why.get("condition_note")->string_value().find("«Có»"), std::string::npos);
  const Data& rate = questions[2];
  EXPECT_EQ(rate.get("error")->string_value(), "Chọn từ 1 đến 3.");
  EXPECT_EQ(rate.get("describedby")->string_value(), "q-rate-error");
  const auto& points = rate.get("options")->list_value();
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].get("end")->string_value(), "Rất tệ");
  EXPECT_TRUE(points[1].get("end")->is_false());
  EXPECT_TRUE(points[1].get("checked")->is_true());
  EXPECT_EQ(points[2].get("end")->string_value(), "Rất tốt");
  EXPECT_NE(questions[3].get("number_hint")->string_value().find("0 đến 2,5"), std::string::npos);
  // The summary: the code first, then each question's error, linked to its first control.
  const auto& summary = d.get("error_list")->list_value();
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].get("href")->string_value(), "#code");
  EXPECT_EQ(summary[1].get("href")->string_value(), "#q-rate--1");
  EXPECT_EQ(summary[1].get("message")->string_value(), "Câu 3: Chọn từ 1 đến 3.");
  EXPECT_EQ(d.get("error_code")->string_value(), "Mã sai.");
}

TEST(SurveyFormView, NoErrorsNoSummary) {
  Data d;
  SetSurveyQuestions(Lang::kVi, Sample(), {}, nullptr, d);
  EXPECT_EQ(d.get("error_list"), nullptr);
  EXPECT_EQ(d.get("has_errors"), nullptr);
}

}  // namespace
}  // namespace xaso::web
