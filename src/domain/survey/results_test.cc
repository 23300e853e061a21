#include "domain/survey/results.h"

#include <gtest/gtest.h>

#include "domain/survey/survey_testing.h"

namespace xaso::survey {
namespace {

Response R(int64_t id, int64_t at, Answers answers) {
  Response r;
  r.id = id;
  r.submitted_at = at;
  r.weight = 3;  // ignored: results count people
  r.answers = std::move(answers);
  return r;
}

std::vector<int64_t> Counts(const QuestionResult& q) {
  std::vector<int64_t> out;
  for (const OptionCount& c : q.counts) out.push_back(c.count);
  return out;
}

class SurveyTallyTest : public ::testing::Test {
 protected:
  SurveyTallyTest() {
    survey_.questions[3].min_label = "Rất không hài lòng";
    survey_.questions[3].max_label = "Rất hài lòng";
    // Given oldest last, to show the text answers are ordered by time, not by position.
    responses_ = {
        R(3, 300, {{"q1", {"co"}}, {"q2", {"b", "c"}}, {"q3", {"mới nhất"}}, {"q4", {"2"}}}),
        R(1, 100, {{"q1", {"co"}}, {"q2", {"b"}}, {"q3", {"cũ nhất"}}, {"q4", {"5"}}}),
        R(2, 200, {{"q1", {"khong"}}, {"q4", {"4"}}, {"q5", {"10"}}}),
        R(4, 200, {{"q4", {"1"}}, {"q5", {"2.5"}}, {"q6", {"giữa"}}}),
    };
  }
  Survey survey_ = testing::Example();
  std::vector<Response> responses_;
};

TEST_F(SurveyTallyTest, CountsOptionsAndWhoWasAsked) {
  const SurveyResults res = Tally(survey_, responses_);
  EXPECT_EQ(res.responses, 4);
  ASSERT_EQ(res.questions.size(), survey_.questions.size());
  const QuestionResult& q1 = res.questions[0];
  EXPECT_EQ(q1.question, &survey_.questions[0]);
  EXPECT_EQ(q1.shown, 4);
  EXPECT_EQ(q1.answered, 3);
  EXPECT_EQ(Counts(q1), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(q1.counts[0].label, "Nhãn co");
  // Multiple choice: asked only when q1 = co; ticks add up to more than the answers.
  const QuestionResult& q2 = res.questions[1];
  EXPECT_EQ(q2.shown, 2);
  EXPECT_EQ(q2.answered, 2);
  EXPECT_EQ(Counts(q2), (std::vector<int64_t>{0, 2, 1}));
  EXPECT_FALSE(q2.mean.has_value());
}

TEST_F(SurveyTallyTest, ScaleHasADistributionAndItsSpread) {
  const SurveyResults res = Tally(survey_, responses_);
  const QuestionResult& q4 = res.questions[3];
  EXPECT_EQ(q4.answered, 4);
  EXPECT_EQ(Counts(q4), (std::vector<int64_t>{1, 1, 0, 1, 1}));
  EXPECT_EQ(q4.counts[0].value, "1");
  EXPECT_EQ(q4.counts[0].label, "1 – Rất không hài lòng");
  EXPECT_EQ(q4.counts[2].label, "3");
  EXPECT_EQ(q4.counts[4].label, "5 – Rất hài lòng");
  EXPECT_DOUBLE_EQ(*q4.mean, 3);
  EXPECT_DOUBLE_EQ(*q4.median, 3);  // between 2 and 4
  EXPECT_DOUBLE_EQ(*q4.min, 1);
  EXPECT_DOUBLE_EQ(*q4.max, 5);
}

TEST_F(SurveyTallyTest, NumbersHaveASpreadAndNoCounts) {
  const SurveyResults res = Tally(survey_, responses_);
  const QuestionResult& q5 = res.questions[4];
  EXPECT_EQ(q5.shown, 4);
  EXPECT_EQ(q5.answered, 2);
  EXPECT_TRUE(q5.counts.empty());
  EXPECT_DOUBLE_EQ(*q5.mean, 6.25);
  EXPECT_DOUBLE_EQ(*q5.median, 6.25);
  EXPECT_DOUBLE_EQ(*q5.min, 2.5);
  EXPECT_DOUBLE_EQ(*q5.max, 10);
}

TEST_F(SurveyTallyTest, TextsNewestFirstAndCapped) {
  const SurveyResults res = Tally(survey_, responses_);
  EXPECT_EQ(res.questions[2].texts, (std::vector<std::string>{"mới nhất", "cũ nhất"}));
  // q6 is asked when q4 is 1 or 2: responses 3 and 4.
  EXPECT_EQ(res.questions[5].shown, 2);
  EXPECT_EQ(res.questions[5].texts, std::vector<std::string>{"giữa"});
  EXPECT_EQ(Tally(survey_, responses_, 1).questions[2].texts, std::vector<std::string>{"mới nhất"});
}

TEST_F(SurveyTallyTest, NoResponses) {
  const SurveyResults res = Tally(survey_, {});
  EXPECT_EQ(res.responses, 0);
  EXPECT_EQ(res.questions[3].shown, 0);
  EXPECT_EQ(Counts(res.questions[3]), (std::vector<int64_t>{0, 0, 0, 0, 0}));
  EXPECT_FALSE(res.questions[3].mean.has_value());
}

}  // namespace
}  // namespace xaso::survey
