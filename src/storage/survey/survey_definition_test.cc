// The JSON text of answers and of a survey's definition, read back.
#include "storage/survey/survey_definition.h"

#include <gtest/gtest.h>

namespace xaso::storage {
namespace {

TEST(AnswersJsonTest, EscapesWhatJsonNeedsAndReadsItBack) {
  const survey::Answers answers = {
      {"q1", {"yes"}},
      {"q2", {"a", "b"}},
      {"q5", {"\"Cầu\" \\ hỏng\nngày 3/10\t\x01 ✓"}},
      {"q6", {}},
  };
  const std::string text = AnswersJson(answers);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
  EXPECT_EQ(AnswersFromJson(text), answers);
  // What nlohmann reads is the same: the text is JSON.
  EXPECT_EQ(AnswersFromJson(" " + text), answers);
}

TEST(AnswersJsonTest, ReadsOtherWritersJsonAndIgnoresWhatIsNotAnswers) {
  EXPECT_EQ(AnswersFromJson(R"({ "q1" : [ "a\u00e9" ], "q2": ["x", 3]})"),
            (survey::Answers{{"q1", {"aé"}}, {"q2", {"x"}}}));
  EXPECT_TRUE(AnswersFromJson("").empty());
  EXPECT_TRUE(AnswersFromJson("[1]").empty());
  EXPECT_TRUE(AnswersFromJson(R"({"q1":["a")").empty());
  EXPECT_EQ(AnswersFromJson("{}"), survey::Answers{});
}

TEST(DefinitionJsonTest, TextThatIsNotADefinitionIsCorruptAndLeavesNoQuestions) {
  for (const std::string text :
       {"not json", "[]", "", R"({"sections": []})", R"({"sections": [], "questions": {}})",
        R"({"sections": [], "questions": [1]})"}) {
    SCOPED_TRACE(text);
    survey::Survey s;
    s.questions.resize(2);
    EXPECT_FALSE(ReadDefinitionJson(text, s));
    EXPECT_TRUE(s.questions.empty());
    EXPECT_TRUE(s.sections.empty());
  }
  survey::Survey empty;
  EXPECT_TRUE(ReadDefinitionJson(DefinitionJson({}, {}), empty));
}

}  // namespace
}  // namespace xaso::storage
