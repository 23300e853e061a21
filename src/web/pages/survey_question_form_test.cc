#include "web/pages/survey_question_form.h"

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

using survey::QuestionType;

TEST(SurveyQuestionFormTest, ReadsOptionsWithScoresAndKeepsEnglishLabels) {
  survey::Question stored;
  stored.key = "q1";
  stored.text_en = "Did you know?";
  stored.options = {{"co", "Có", "Yes", 1.0}, {"khong", "Không", "No", 0.0}};
  const FormFields form = {
      {"key", " q1 "},    {"section", "a"},
      {"type", "single"}, {"text_vi", "Ông/bà có biết?"},
      {"required", "1"},  {"options", "co|Có|1\r\n\n khong | Không hẳn |0,5\nkb|Không biết\n"},
      {"show_if", "q0"},  {"show_if_values", "a, b;c"}};
  Error err;
  const survey::Question q = QuestionFromFields(form, &stored, err);
  EXPECT_TRUE(err.fields.empty());
  EXPECT_EQ(q.key, "q1");
  EXPECT_TRUE(q.required);
  EXPECT_EQ(q.text_en, "Did you know?");
  ASSERT_EQ(q.options.size(), 3u);
  EXPECT_EQ(q.options[0].label_en, "Yes");
  EXPECT_EQ(q.options[1].value, "khong");
  EXPECT_EQ(q.options[1].label_vi, "Không hẳn");
  EXPECT_EQ(q.options[1].label_en, "No");
  EXPECT_EQ(q.options[1].score, 0.5);
  EXPECT_FALSE(q.options[2].score.has_value());
  EXPECT_EQ(q.show_if.any_of, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SurveyQuestionFormTest, NamesTheLineOfABadOptionAndMissingBounds) {
  Error err;
  QuestionFromFields({{"type", "single"}, {"options", "co|Có\nKhông\nx|X|nhiều"}}, nullptr, err);
  ASSERT_EQ(err.fields.size(), 2u);
  EXPECT_EQ(err.fields[0].field, "options");
  EXPECT_NE(err.fields[0].message.find("Dòng 2"), std::string::npos);
  EXPECT_NE(err.fields[1].message.find("Dòng 3"), std::string::npos);

  Error bounds;
  const auto q =
      QuestionFromFields({{"type", "scale"}, {"min", "1"}, {"max", "năm"}}, nullptr, bounds);
  ASSERT_EQ(bounds.fields.size(), 1u);
  EXPECT_EQ(bounds.fields[0].field, "max");
  EXPECT_EQ(q.min, 1);

  Error type;
  QuestionFromFields({{"type", "essay"}}, nullptr, type);
  ASSERT_EQ(type.fields.size(), 1u);
  EXPECT_EQ(type.fields[0].field, "type");

  Error cond;
  QuestionFromFields({{"type", "text"}, {"show_if", "q0"}, {"show_if_values", " , "}}, nullptr,
                     cond);
  ASSERT_EQ(cond.fields.size(), 1u);
  EXPECT_EQ(cond.fields[0].field, "show_if_values");
}

TEST(SurveyQuestionFormTest, FieldsRoundTripAQuestion) {
  survey::Question q;
  q.key = "tuoi";
  q.section = "chung";
  q.type = QuestionType::kScale;
  q.text_vi = "Mức hài lòng";
  q.min = 1;
  q.max = 5;
  q.min_label = "Rất không hài lòng";
  q.max_label = "Rất hài lòng";
  q.show_if = {"q0", {"co", "kb"}};
  q.indicator = "5.4.c";
  const FormFields f = QuestionFields(q);
  EXPECT_EQ(f.at("type"), "scale");
  EXPECT_EQ(f.at("min"), "1");
  EXPECT_EQ(f.at("show_if_values"), "co, kb");
  Error err;
  const survey::Question back = QuestionFromFields(f, &q, err);
  EXPECT_TRUE(err.fields.empty());
  EXPECT_EQ(back.min, 1);
  EXPECT_EQ(back.max, 5);
  EXPECT_EQ(back.max_label, "Rất hài lòng");
  EXPECT_EQ(back.show_if.any_of, q.show_if.any_of);
  EXPECT_EQ(back.indicator, "5.4.c");
  EXPECT_EQ(PlainNumber(2.5), "2.5");
  EXPECT_EQ(PlainNumber(-1), "-1");
}

}  // namespace
}  // namespace xaso::web
