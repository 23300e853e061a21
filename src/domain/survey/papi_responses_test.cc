#include "domain/survey/papi_responses.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/papi/catalogue.h"

namespace xaso::survey {
namespace {

const papi::IndicatorCatalogue& Indicators() { return papi::IndicatorCatalogue::Default(); }

size_t IndexOf(const std::string& code) { return *Indicators().IndexOf(code); }

Question YesNo(std::string key, std::string indicator) {
  return {.key = std::move(key),
          .section = "a",
          .type = QuestionType::kSingle,
          .text_vi = "Câu?",
          .options = {{"co", "Có", "", 1.0}, {"khong", "Không", "", 0.0}, {"kb", "Không biết"}},
          .indicator = std::move(indicator)};
}

Question Bounded(std::string key, QuestionType type, double min, double max,
                 std::string indicator) {
  return {.key = std::move(key),
          .section = "a",
          .type = type,
          .text_vi = "Câu?",
          .min = min,
          .max = max,
          .indicator = std::move(indicator)};
}

// Water (7.3, three yes/no questions), satisfaction with certification (5.1.e, a 1–5 scale), the
// distance to school (6.2.a, a number) and a question that maps to no indicator.
Survey WaterSurvey() {
  Survey s;
  s.id = 42;
  s.preset = "papi";
  s.title = "PAPI";
  s.year = 2019;
  s.sections = {{"a", "A", ""}};
  s.questions = {YesNo("drink", "7.3.a"),
                 YesNo("wash", "7.3.b"),
                 YesNo("swim", "7.3.c"),
                 Bounded("sat", QuestionType::kScale, 1, 5, "5.1.e"),
                 Bounded("km", QuestionType::kNumber, 0, 20, "6.2.a"),
                 YesNo("free", "")};
  return s;
}

Response Answered(Answers answers, double weight = 1) {
  Response r;
  r.weight = weight;
  r.answers = std::move(answers);
  return r;
}

bool Same(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return !a && !b;
  return std::abs(*a - *b) < 1e-12;
}

TEST(PapiResponsesTest, OneColumnPerMappedIndicatorInQuestionOrder) {
  const Survey s = WaterSurvey();
  const std::vector<Response> responses = {
      Answered({{"drink", {"co"}}, {"sat", {"4"}}, {"km", {"2.5"}}, {"free", {"co"}}}, 2.5),
      Answered({{"wash", {"khong"}}, {"swim", {"kb"}}})};
  const papi::RespondentTable t = RespondentsFromResponses(s, responses, "Xã A");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"7.3.a", "7.3.b", "7.3.c", "5.1.e", "6.2.a"}));
  EXPECT_EQ(t.units, std::vector<std::string>{"Xã A"});
  EXPECT_EQ(t.unit_of, (std::vector<uint32_t>{0, 0}));
  EXPECT_EQ(t.weights, (std::vector<double>{2.5, 1}));
  ASSERT_EQ(t.values.size(), 10u);
  EXPECT_EQ(t.values[0], 1);
  EXPECT_TRUE(std::isnan(t.values[1]));
  EXPECT_TRUE(std::isnan(t.values[2]));
  EXPECT_EQ(t.values[3], 4);
  EXPECT_EQ(t.values[4], 2.5);
  EXPECT_TRUE(std::isnan(t.values[5]));
  EXPECT_EQ(t.values[6], 0);
  EXPECT_TRUE(std::isnan(t.values[7])) << "an option without a score leaves it unanswered";
  EXPECT_TRUE(std::isnan(t.values[8]));
  EXPECT_TRUE(std::isnan(t.values[9]));
}

TEST(PapiResponsesTest, FirstAnsweredQuestionOfAnIndicatorCounts) {
  Survey s = WaterSurvey();
  s.questions = {YesNo("first", "7.3.a"), YesNo("second", "7.3.a")};
  const std::vector<Response> responses = {Answered({{"first", {"co"}}, {"second", {"khong"}}}),
                                           Answered({{"second", {"khong"}}}),
                                           Answered({{"first", {"kb"}}, {"second", {"co"}}})};
  const papi::RespondentTable t = RespondentsFromResponses(s, responses, "u");
  EXPECT_EQ(t.columns, std::vector<std::string>{"7.3.a"});
  ASSERT_EQ(t.values.size(), 3u);
  EXPECT_EQ(t.values[0], 1);
  EXPECT_EQ(t.values[1], 0);
  EXPECT_TRUE(std::isnan(t.values[2])) << "answered with 'don't know', so unanswered";
}

TEST(PapiResponsesTest, MultipleChoiceTextAndBadValuesLeaveTheIndicatorUnanswered) {
  Survey s = WaterSurvey();
  Question multiple = YesNo("multi", "7.3.a");
  multiple.type = QuestionType::kMultiple;
  Question text = Bounded("text", QuestionType::kText, 0, 0, "7.3.b");
  s.questions = {multiple, text, YesNo("single", "7.3.c"),
                 Bounded("sat", QuestionType::kScale, 1, 5, "5.1.e")};
  const std::vector<Response> responses = {Answered(
      {{"multi", {"co"}}, {"text", {"1"}}, {"single", {"co", "khong"}}, {"sat", {"bốn"}}})};
  const papi::RespondentTable t = RespondentsFromResponses(s, responses, "u");
  ASSERT_EQ(t.values.size(), 4u);
  for (double v : t.values) EXPECT_TRUE(std::isnan(v));
}

// Responses built by hand give, through the respondent table, the scores that the aggregate
// path gives for the weighted means worked out here by hand.
TEST(PapiResponsesTest, ScoresMatchTheAggregatesOfHandComputedMeans) {
  const Survey s = WaterSurvey();
  std::vector<Response> responses;
  for (int i = 0; i < 20; ++i) {
    const bool even = i % 2 == 0;
    Answers a = {{"drink", {even ? "co" : "khong"}},
                 {"wash", {i == 0 ? "kb" : "co"}},
                 {"swim", {"khong"}},
                 {"sat", {even ? "5" : "2"}},
                 {"free", {"co"}}};
    if (i < 10) a["km"] = {"1.5"};
    responses.push_back(Answered(std::move(a), even ? 1 : 3));
  }
  // drink: (10·1·1 + 10·3·0) / 40 = 0.25; wash: 19 answers, all yes; swim: 0;
  // sat: (10·1·5 + 10·3·2) / 40 = 2.75; km: 10 answers, below the 15 needed.
  const std::vector<papi::AggregateValue> hand = {{"Xã A", "7.3.a", 0.25, 20, 1},
                                                  {"Xã A", "7.3.b", 1.0, 19, 2},
                                                  {"Xã A", "7.3.c", 0.0, 20, 3},
                                                  {"Xã A", "5.1.e", 2.75, 20, 4},
                                                  {"Xã A", "6.2.a", 1.5, 10, 5}};
  const papi::ScoringModel model(Indicators(), papi::Catalogue::Default(), 2019);

  const papi::RespondentTable table = RespondentsFromResponses(s, responses, "Xã A");
  Result<std::vector<papi::UnitScore>> from_responses = papi::ScoreRespondents(model, table);
  Result<std::vector<papi::UnitScore>> from_means = papi::ScoreAggregates(model, hand);
  ASSERT_TRUE(from_responses.has_value()) << from_responses.error().message;
  ASSERT_TRUE(from_means.has_value()) << from_means.error().message;
  ASSERT_EQ(from_responses->size(), 1u);
  const papi::UnitScore& got = from_responses->front();
  const papi::UnitScore& want = from_means->front();
  EXPECT_EQ(got.unit, "Xã A");
  for (size_t i = 0; i < Indicators().size(); ++i) {
    EXPECT_TRUE(Same(got.indicator_means[i], want.indicator_means[i]))
        << Indicators().indicators()[i].code;
  }
  for (size_t k = 0; k < model.subdimensions().size(); ++k) {
    EXPECT_TRUE(Same(got.subdimensions[k].value, want.subdimensions[k].value))
        << model.subdimensions()[k]->code;
  }
  for (size_t d = 0; d < model.dimensions().size(); ++d) {
    EXPECT_TRUE(Same(got.dimensions[d].value, want.dimensions[d].value)) << d;
  }
  EXPECT_TRUE(Same(got.total.value, want.total.value));

  EXPECT_EQ(got.answers[IndexOf("7.3.b")], 19);
  EXPECT_EQ(got.answers[IndexOf("6.2.a")], 10);
  EXPECT_FALSE(got.indicator_means[IndexOf("6.2.a")]) << "10 answers: the cell stays blank";
  EXPECT_EQ(got.indicator_means[IndexOf("7.3.a")], 0.25);
  EXPECT_EQ(got.indicator_means[IndexOf("5.1.e")], 2.75);
  size_t water = 0;
  while (model.subdimensions()[water]->code != "7.3") ++water;
  ASSERT_TRUE(got.subdimensions[water].value);
  EXPECT_NEAR(*got.subdimensions[water].value, (1 + 9 * (0.25 + 1 + 0) / 3) / 3, 1e-12);
}

TEST(PapiResponsesTest, FewerThanFifteenAnswersLeaveTheCellBlank) {
  const Survey s = WaterSurvey();
  const papi::ScoringModel model(Indicators(), papi::Catalogue::Default(), 2019);
  size_t water = 0;
  while (model.subdimensions()[water]->code != "7.3") ++water;
  for (int n : {14, 15}) {
    std::vector<Response> responses(
        n, Answered({{"drink", {"co"}}, {"wash", {"co"}}, {"swim", {"khong"}}}));
    Result<std::vector<papi::UnitScore>> scores =
        papi::ScoreRespondents(model, RespondentsFromResponses(s, responses, "u"));
    ASSERT_TRUE(scores.has_value()) << scores.error().message;
    const papi::UnitScore& u = scores->front();
    EXPECT_EQ(u.answers[IndexOf("7.3.a")], n);
    if (n == 14) {
      EXPECT_FALSE(u.indicator_means[IndexOf("7.3.a")]);
      EXPECT_FALSE(u.subdimensions[water].value);
    } else {
      EXPECT_EQ(u.indicator_means[IndexOf("7.3.a")], 1.0);
      ASSERT_TRUE(u.subdimensions[water].value);
      EXPECT_NEAR(*u.subdimensions[water].value, (1 + 9 * 2.0 / 3) / 3, 1e-12);
    }
  }
}

TEST(PapiResponsesTest, NoResponsesGiveTheUnitWithEveryCellBlank) {
  const papi::ScoringModel model(Indicators(), papi::Catalogue::Default(), 2019);
  Result<std::vector<papi::UnitScore>> scores =
      papi::ScoreRespondents(model, RespondentsFromResponses(WaterSurvey(), {}, "u"));
  ASSERT_TRUE(scores.has_value());
  ASSERT_EQ(scores->size(), 1u);
  EXPECT_EQ(scores->front().answers[IndexOf("7.3.a")], 0);
  EXPECT_FALSE(scores->front().total.value);
}

}  // namespace
}  // namespace xaso::survey
