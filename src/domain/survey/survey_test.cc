#include "domain/survey/survey.h"

#include <functional>

#include <gtest/gtest.h>

#include "domain/survey/numbers.h"
#include "domain/survey/survey_testing.h"

namespace xaso::survey {
namespace {

using testing::Bounded;
using testing::Choice;
using testing::FieldNames;
using testing::Opt;
using testing::ShownIf;

// Not `"o" + std::to_string(i)`: GCC 12 warns falsely (-Wrestrict) on that inlined concatenation.
std::string Key(std::string prefix, size_t i) { return prefix.append(std::to_string(i)); }

Survey Valid() { return testing::Example(); }

TEST(ValidateSurveyTest, TheExampleIsValid) {
  const Status st = ValidateSurvey(Valid());
  EXPECT_TRUE(st.has_value()) << (st ? "" : st.error().fields.at(0).message);
}

struct BadSurvey {
  const char* name;
  std::function<void(Survey&)> spoil;
  const char* field;
};

TEST(ValidateSurveyTest, EachKindOfBadSurveyNamesItsField) {
  const BadSurvey cases[] = {
      {"blank title", [](Survey& s) { s.title = " "; }, "title"},
      {"title too long", [](Survey& s) { s.title = std::string(201, 'a'); }, "title"},
      {"year", [](Survey& s) { s.year = 1999; }, "year"},
      {"section key",
       [](Survey& s) {
         s.sections.push_back({"Phần 2", "", ""});
       },
       "sections"},
      {"section repeated", [](Survey& s) { s.sections.push_back(s.sections[0]); }, "sections"},
      {"key malformed", [](Survey& s) { s.questions[4].key = "Q-5"; }, "q.Q-5"},
      {"key too long", [](Survey& s) { s.questions[4].key = std::string(41, 'k'); },
       "q.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"},
      {"key repeated", [](Survey& s) { s.questions[4].key = "q1"; }, "q.q1"},
      {"unknown section", [](Survey& s) { s.questions[4].section = "khac"; }, "q.q5"},
      {"no text", [](Survey& s) { s.questions[4].text_vi = ""; }, "q.q5"},
      {"one option", [](Survey& s) { s.questions[0].options.pop_back(); }, "q.q1"},
      {"too many options",
       [](Survey& s) {
         for (size_t i = 0; i < kMaxOptions; ++i) {
           s.questions[1].options.push_back(Opt(Key("o", i)));
         }
       },
       "q.q2"},
      {"option repeated", [](Survey& s) { s.questions[1].options[2].value = "a"; }, "q.q2"},
      {"option malformed", [](Survey& s) { s.questions[1].options[2].value = "C"; }, "q.q2"},
      {"scale one step",
       [](Survey& s) {
         s.questions[3].max = 1;
         s.questions[5].show_if.any_of = {"1"};
       },
       "q.q4"},
      {"scale 12 steps", [](Survey& s) { s.questions[3].max = 12; }, "q.q4"},
      {"scale not whole", [](Survey& s) { s.questions[3].max = 4.5; }, "q.q4"},
      {"number min > max", [](Survey& s) { s.questions[4].min = 101; }, "q.q5"},
      {"condition unknown",
       [](Survey& s) {
         s.questions[4].show_if = {"q9", {"co"}};
       },
       "q.q5"},
      {"condition later",
       [](Survey& s) {
         s.questions[0].show_if = {"q4", {"1"}};
       },
       "q.q1"},
      {"condition on itself",
       [](Survey& s) {
         s.questions[0].show_if = {"q1", {"co"}};
       },
       "q.q1"},
      {"condition bad option", [](Survey& s) { s.questions[1].show_if.any_of = {"roi"}; }, "q.q2"},
      {"condition bad step", [](Survey& s) { s.questions[5].show_if.any_of = {"6"}; }, "q.q6"},
      {"condition no values", [](Survey& s) { s.questions[1].show_if.any_of = {}; }, "q.q2"},
      {"condition on text",
       [](Survey& s) {
         s.questions[3].show_if = {"q3", {"x"}};
       },
       "q.q4"},
      {"condition on number",
       [](Survey& s) {
         s.questions[5].show_if = {"q5", {"1"}};
       },
       "q.q6"},
      {"indicator on text", [](Survey& s) { s.questions[2].indicator = "5.4.c"; }, "q.q3"},
      {"too many questions",
       [](Survey& s) {
         for (size_t i = 0; i < kMaxQuestions; ++i) {
           s.questions.push_back(Bounded(Key("n", i), QuestionType::kNumber, 0, 1));
         }
       },
       "questions"},
  };
  for (const BadSurvey& c : cases) {
    Survey s = Valid();
    c.spoil(s);
    const Status st = ValidateSurvey(s);
    ASSERT_FALSE(st.has_value()) << c.name;
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(FieldNames(st.error()), std::vector<std::string>{c.field}) << c.name;
  }
}

TEST(ValidateSurveyTest, IndicatorsOnChoiceScaleAndNumberAreAllowed) {
  Survey s = Valid();
  s.questions[0].indicator = "1.1.a";
  s.questions[3].indicator = "5.4.c";
  s.questions[4].indicator = "6.2.b";
  EXPECT_TRUE(ValidateSurvey(s).has_value());
}

TEST(SurveyIsShownTest, ConditionsMatchAnyListedValue) {
  const Survey s = Valid();
  EXPECT_TRUE(IsShown(s.questions[0], {}));
  EXPECT_FALSE(IsShown(s.questions[1], {}));
  EXPECT_TRUE(IsShown(s.questions[1], {{"q1", {"co"}}}));
  EXPECT_FALSE(IsShown(s.questions[1], {{"q1", {"khong"}}}));
  // Multiple choice: any of the ticked values.
  EXPECT_TRUE(IsShown(s.questions[2], {{"q2", {"a", "b"}}}));
  EXPECT_FALSE(IsShown(s.questions[2], {{"q2", {"a", "c"}}}));
  EXPECT_TRUE(IsShown(s.questions[5], {{"q4", {"2"}}}));
  EXPECT_FALSE(IsShown(s.questions[5], {{"q4", {"3"}}}));
}

TEST(SurveyCheckAnswersTest, StoresTheShownAnswersInCanonicalForm) {
  const auto got = CheckAnswers(Valid(), {{"q1", {"co"}},
                                          {"q2", {"c", "b", "b", " "}},
                                          {"q3", {"  Cần thêm bác sĩ  "}},
                                          {"q4", {" 2 "}},
                                          {"q5", {"2,5"}},
                                          {"q6", {""}}});
  ASSERT_TRUE(got.has_value()) << got.error().fields.at(0).message;
  const Answers want = {{"q1", {"co"}},
                        {"q2", {"b", "c"}},
                        {"q3", {"Cần thêm bác sĩ"}},
                        {"q4", {"2"}},
                        {"q5", {"2.5"}}};
  EXPECT_EQ(*got, want);
}

TEST(SurveyCheckAnswersTest, NumbersAreWrittenInPlainNotation) {
  const auto got = CheckAnswers(Valid(), {{"q4", {"5.0"}}, {"q5", {"100"}}});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->at("q4"), std::vector<std::string>{"5"});
  EXPECT_EQ(got->at("q5"), std::vector<std::string>{"100"});
  Survey s = Valid();
  s.questions[4].max = 1e9;
  const auto big = CheckAnswers(s, {{"q4", {"3"}}, {"q5", {"250000000"}}});
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->at("q5"), std::vector<std::string>{"250000000"});
}

// A Vietnamese "1.000" is one thousand, the fixed notation's one: the shape is recognised (the
// answering form refuses it, web/pages/survey_form_view.h), while CheckAnswers, which reads
// stored answers and CSV files, takes machine text: a stored 1.125 reads back as 1.125.
TEST(SurveyCheckAnswersTest, AThousandsPointIsRecognisedAndMachineTextReadAsFixedNotation) {
  Survey s = Valid();
  s.questions[4].max = 1e9;
  for (const std::string typed : {"1.000", "12.500", "1.000.000", "1.000,5", "-2.500"}) {
    SCOPED_TRACE(typed);
    EXPECT_TRUE(IsAmbiguousThousands(typed));
  }
  const auto stored = CheckAnswers(s, {{"q4", {"3"}}, {"q5", {"1.125"}}});
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->at("q5"), std::vector<std::string>{"1.125"});
  // Not of that shape: read as before.
  for (const auto& [typed, want] :
       std::vector<std::pair<std::string, std::string>>{{"1000", "1000"},
                                                        {"2,5", "2.5"},
                                                        {"1.5", "1.5"},
                                                        {"1.0000", "1"},
                                                        {"1234.500", "1234.5"},
                                                        {"0.25", "0.25"}}) {
    SCOPED_TRACE(typed);
    EXPECT_FALSE(IsAmbiguousThousands(typed));
    const auto got = CheckAnswers(s, {{"q4", {"3"}}, {"q5", {typed}}});
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->at("q5"), std::vector<std::string>{want});
  }
}

TEST(SurveyCheckAnswersTest, HiddenAnswersAreDroppedAndChainsHideToo) {
  // q1 = no hides q2; q3 depends on q2, so it is hidden too although q2 = b was sent.
  const auto got =
      CheckAnswers(Valid(), {{"q1", {"khong"}}, {"q2", {"b"}}, {"q3", {"x"}}, {"q4", {"4"}}});
  ASSERT_TRUE(got.has_value());
  const Answers want = {{"q1", {"khong"}}, {"q4", {"4"}}};
  EXPECT_EQ(*got, want);
}

TEST(SurveyCheckAnswersTest, RequiredButHiddenIsNotAnError) {
  // q3 is required but hidden (q2 does not tick b; then q1 not answered at all).
  EXPECT_TRUE(CheckAnswers(Valid(), {{"q1", {"co"}}, {"q2", {"a"}}, {"q4", {"1"}}}).has_value());
  EXPECT_TRUE(CheckAnswers(Valid(), {{"q4", {"1"}}}).has_value());
  // Shown, it is required.
  const auto got = CheckAnswers(Valid(), {{"q1", {"co"}}, {"q2", {"b"}}, {"q4", {"1"}}});
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(FieldNames(got.error()), std::vector<std::string>{"q.q3"});
}

struct BadAnswer {
  const char* name;
  Answers raw;
  const char* field;
};

TEST(SurveyCheckAnswersTest, EachKindOfBadAnswerNamesItsQuestion) {
  const std::string invalid_utf8 = "\xC3\x28";
  const BadAnswer cases[] = {
      {"required missing", {}, "q.q4"},
      {"required blank", {{"q4", {" "}}}, "q.q4"},
      {"not an option", {{"q1", {"roi"}}, {"q4", {"1"}}}, "q.q1"},
      {"two values for single", {{"q1", {"co", "khong"}}, {"q4", {"1"}}}, "q.q1"},
      {"multiple not an option", {{"q1", {"co"}}, {"q2", {"a", "d"}}, {"q4", {"1"}}}, "q.q2"},
      {"scale not whole", {{"q4", {"2.5"}}}, "q.q4"},
      {"scale out of bounds", {{"q4", {"6"}}}, "q.q4"},
      {"scale not a number", {{"q4", {"tốt"}}}, "q.q4"},
      {"number too big", {{"q4", {"1"}}, {"q5", {"100.5"}}}, "q.q5"},
      {"number negative", {{"q4", {"1"}}, {"q5", {"-1"}}}, "q.q5"},
      {"not a number", {{"q4", {"1"}}, {"q5", {"1e2"}}}, "q.q5"},
      {"nan", {{"q4", {"1"}}, {"q5", {"nan"}}}, "q.q5"},
      {"text too long", {{"q4", {"1"}}, {"q6", {std::string(kMaxTextChars + 1, 'a')}}}, "q.q6"},
      {"text not utf-8", {{"q4", {"1"}}, {"q6", {invalid_utf8}}}, "q.q6"},
      {"unknown question", {{"q4", {"1"}}, {"q9", {"x"}}}, "q.q9"},
  };
  for (const BadAnswer& c : cases) {
    const auto got = CheckAnswers(Valid(), c.raw);
    ASSERT_FALSE(got.has_value()) << c.name;
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(FieldNames(got.error()), std::vector<std::string>{c.field}) << c.name;
    EXPECT_FALSE(got.error().fields.at(0).message.empty()) << c.name;
  }
}

TEST(SurveyCheckAnswersTest, TextAtTheLimitIsAccepted) {
  const std::string at_limit = std::string(kMaxTextChars - 1, 'a') + "ệ";
  const auto got = CheckAnswers(Valid(), {{"q4", {"1"}}, {"q6", {at_limit}}});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->at("q6"), std::vector<std::string>{at_limit});
}

TEST(SurveyCheckAnswersTest, OneErrorPerQuestion) {
  const auto got = CheckAnswers(Valid(), {{"q1", {"x"}}, {"q5", {"x"}}});
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(FieldNames(got.error()), (std::vector<std::string>{"q.q1", "q.q4", "q.q5"}));
}

}  // namespace
}  // namespace xaso::survey
