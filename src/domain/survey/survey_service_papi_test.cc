#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "domain/papi/catalogue.h"
#include "domain/survey/fake_survey_repository.h"
#include "domain/survey/papi_responses.h"
#include "domain/survey/presets.h"
#include "domain/survey/survey_service.h"

namespace xaso::survey {
namespace {

// 30 answers to the shipped PAPI preset: everyone says the river water is clean enough to wash
// in, the first third that it is clean enough to drink, nobody that one can swim in it; half
// are "satisfied" (4) with certification, half "very satisfied" (5).
std::vector<Response> ThirtyAnswers() {
  std::vector<Response> responses;
  for (int i = 0; i < 30; ++i) {
    Response r;
    r.channel = Channel::kImport;
    r.answers = {{"d7_river_near", {"co"}}, {"d7_water_drink", {i < 10 ? "co" : "khong"}},
                 {"d7_water_wash", {"co"}}, {"d7_water_swim", {"khong"}},
                 {"d5_cert_used", {"co"}},  {"d5_cert_satisfied", {i % 2 == 0 ? "4" : "5"}}};
    responses.push_back(std::move(r));
  }
  return responses;
}

class ScorePapiTest : public ::testing::Test {
 protected:
  // A survey made from the PAPI preset through the service, opened and answered 30 times.
  void SetUp() override {
    Result<Survey> made = service_.Create(3, kPapiPreset, "", 2025, {});
    ASSERT_TRUE(made.has_value()) << made.error().message;
    Result<Survey> open = repo_.SetStatus(3, made->id, made->version, SurveyStatus::kOpen, {});
    ASSERT_TRUE(open.has_value()) << open.error().message;
    survey_ = *open;
    responses_ = ThirtyAnswers();
    for (Response& r : responses_) r.survey_id = survey_.id;
    ASSERT_TRUE(repo_.ImportResponses(3, survey_.id, responses_, {}).has_value());
  }

  size_t Sub(const std::string& code) const {
    size_t i = 0;
    while (model_.subdimensions()[i]->code != code) ++i;
    return i;
  }

  testing::FakeSurveyRepository repo_;
  FakeClock clock_{1'760'000'000};
  SurveyService service_{repo_, papi::IndicatorCatalogue::Default(), clock_,
                         [](size_t n) { return std::string(n, '\x01'); }};
  papi::ScoringModel model_{papi::IndicatorCatalogue::Default(), papi::Catalogue::Default(), 2025};
  Survey survey_;
  std::vector<Response> responses_;
};

TEST_F(ScorePapiTest, ScoresTheStoredResponsesAsOneUnitWithSeededIntervals) {
  Result<papi::UnitScore> score = service_.ScorePapi(survey_, model_, "Xã Nhật Tân");
  ASSERT_TRUE(score.has_value()) << score.error().message;
  EXPECT_EQ(score->unit, "Xã Nhật Tân");
  const papi::IndicatorCatalogue& ind = papi::IndicatorCatalogue::Default();
  EXPECT_NEAR(*score->indicator_means[*ind.IndexOf("7.3.a")], 1.0 / 3, 1e-12);
  EXPECT_EQ(score->answers[*ind.IndexOf("7.3.b")], 30);
  EXPECT_EQ(score->indicator_means[*ind.IndexOf("5.1.e")], 4.5);
  EXPECT_EQ(score->answers[*ind.IndexOf("1.1.a")], 0);
  const papi::Score& water = score->subdimensions[Sub("7.3")];
  ASSERT_TRUE(water.value);
  EXPECT_NEAR(*water.value, (1 + 9 * (1.0 / 3 + 1 + 0) / 3) / 3, 1e-12);
  ASSERT_TRUE(water.se);
  EXPECT_GT(*water.se, 0);
  EXPECT_FALSE(score->total.value) << "the other dimensions have no answers";

  // The bootstrap is seeded by the survey's id: the same interval on every load, and the one
  // the engine gives for that seed.
  Result<papi::UnitScore> again = service_.ScorePapi(survey_, model_, "Xã Nhật Tân");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->subdimensions[Sub("7.3")].se, water.se);
  Result<std::vector<papi::UnitScore>> direct =
      papi::ScoreRespondents(model_, RespondentsFromResponses(survey_, responses_, "u"),
                             {papi::kDefaultReplicates, static_cast<uint64_t>(survey_.id)});
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->front().subdimensions[Sub("7.3")].se, water.se);
}

TEST_F(ScorePapiTest, RefusesASurveyNotMadeFromThePapiPreset) {
  Survey other = survey_;
  other.preset = "health_station";
  Result<papi::UnitScore> score = service_.ScorePapi(other, model_, "u");
  ASSERT_FALSE(score.has_value());
  EXPECT_EQ(score.error().code, ErrorCode::kFailedPrecondition);
  other.preset.clear();
  EXPECT_EQ(service_.ScorePapi(other, model_, "u").error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(ScorePapiTest, PassesOnTheRepositorysError) {
  Survey elsewhere = survey_;
  elsewhere.commune_id = 4;
  Result<papi::UnitScore> score = service_.ScorePapi(elsewhere, model_, "u");
  ASSERT_FALSE(score.has_value());
  EXPECT_EQ(score.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace xaso::survey
