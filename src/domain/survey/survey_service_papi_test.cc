#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "domain/papi/catalogue.h"
#include "domain/survey/papi_responses.h"
#include "domain/survey/presets.h"
#include "domain/survey/survey_service.h"

namespace xaso::survey {
namespace {

// Holds the responses of one survey; ScorePapi reads nothing else.
class ResponsesOnlyRepository final : public SurveyRepository {
 public:
  ResponsesOnlyRepository(int64_t commune_id, int64_t survey_id, std::vector<Response> responses)
      : commune_id_(commune_id), survey_id_(survey_id), responses_(std::move(responses)) {}

  Result<std::vector<Response>> Responses(int64_t commune_id, int64_t survey_id) override {
    if (commune_id != commune_id_ || survey_id != survey_id_) {
      return MakeError(ErrorCode::kNotFound, "no such survey");
    }
    return responses_;
  }

  Result<Survey> Create(Survey, const audit::AuditRecord&) override { return Unused(); }
  Result<Survey> Get(int64_t, int64_t) override { return Unused(); }
  Result<std::vector<SurveySummary>> List(int64_t, std::optional<SurveyStatus>) override {
    return Unused();
  }
  Result<Survey> Update(const Survey&, const audit::AuditRecord&) override { return Unused(); }
  Result<Survey> SetStatus(int64_t, int64_t, int64_t, SurveyStatus,
                           const audit::AuditRecord&) override {
    return Unused();
  }
  Status Delete(int64_t, int64_t, const audit::AuditRecord&) override { return Unused(); }
  Result<int64_t> AddResponse(int64_t, const Response&, const std::string&,
                              const audit::AuditRecord&) override {
    return Unused();
  }
  Result<int64_t> ImportResponses(int64_t, int64_t, std::span<const Response>,
                                  const audit::AuditRecord&) override {
    return Unused();
  }
  Status AddCodes(int64_t, int64_t, std::span<const std::string>,
                  const audit::AuditRecord&) override {
    return Unused();
  }
  Result<std::vector<std::string>> UnusedCodes(int64_t, int64_t) override { return Unused(); }
  Result<CodeCount> CountCodes(int64_t, int64_t) override { return Unused(); }

 private:
  static Error Unused() { return MakeError(ErrorCode::kInternal, "not used by ScorePapi"); }

  int64_t commune_id_;
  int64_t survey_id_;
  std::vector<Response> responses_;
};

// The shipped PAPI preset answered by 30 people: everyone says the river water is clean enough
// to wash in, the first third that it is clean enough to drink, nobody that one can swim in it.
struct PapiFixture {
  Survey survey;
  std::vector<Response> responses;

  PapiFixture() : survey(SurveyFromPreset(*FindPreset(kPapiPreset), 3, 2025)) {
    survey.id = 11;
    for (int i = 0; i < 30; ++i) {
      Response r;
      r.id = i + 1;
      r.survey_id = survey.id;
      r.answers = {{"d7_river_near", {"co"}}, {"d7_water_drink", {i < 10 ? "co" : "khong"}},
                   {"d7_water_wash", {"co"}}, {"d7_water_swim", {"khong"}},
                   {"d5_cert_used", {"co"}},  {"d5_cert_satisfied", {i % 2 == 0 ? "4" : "5"}}};
      responses.push_back(std::move(r));
    }
  }
};

class ScorePapiTest : public ::testing::Test {
 protected:
  PapiFixture f_;
  ResponsesOnlyRepository repo_{3, 11, f_.responses};
  FakeClock clock_{1'760'000'000};
  SurveyService service_{repo_, papi::IndicatorCatalogue::Default(), clock_,
                         [](size_t n) { return std::string(n, '\x01'); }};
  papi::ScoringModel model_{papi::IndicatorCatalogue::Default(), papi::Catalogue::Default(), 2025};

  size_t Sub(const std::string& code) const {
    size_t i = 0;
    while (model_.subdimensions()[i]->code != code) ++i;
    return i;
  }
};

TEST_F(ScorePapiTest, ScoresTheStoredResponsesAsOneUnitWithSeededIntervals) {
  Result<papi::UnitScore> score = service_.ScorePapi(f_.survey, model_, "Xã Nhật Tân");
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
  Result<papi::UnitScore> again = service_.ScorePapi(f_.survey, model_, "Xã Nhật Tân");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->subdimensions[Sub("7.3")].se, water.se);
  Result<std::vector<papi::UnitScore>> direct =
      papi::ScoreRespondents(model_, RespondentsFromResponses(f_.survey, f_.responses, "u"),
                             {papi::kDefaultReplicates, 11});
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->front().subdimensions[Sub("7.3")].se, water.se);
}

TEST_F(ScorePapiTest, RefusesASurveyNotMadeFromThePapiPreset) {
  Survey other = f_.survey;
  other.preset = "health_station";
  Result<papi::UnitScore> score = service_.ScorePapi(other, model_, "u");
  ASSERT_FALSE(score.has_value());
  EXPECT_EQ(score.error().code, ErrorCode::kFailedPrecondition);
  other.preset.clear();
  EXPECT_EQ(service_.ScorePapi(other, model_, "u").error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(ScorePapiTest, PassesOnTheRepositorysError) {
  Survey elsewhere = f_.survey;
  elsewhere.commune_id = 4;
  Result<papi::UnitScore> score = service_.ScorePapi(elsewhere, model_, "u");
  ASSERT_FALSE(score.has_value());
  EXPECT_EQ(score.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace xaso::survey
