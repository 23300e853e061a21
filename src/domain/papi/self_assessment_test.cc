#include "domain/papi/self_assessment.h"

#include <vector>

#include <gtest/gtest.h>

#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"

namespace xaso::papi {
namespace {

SelfScores Self(int year, std::map<std::string, Score, std::less<>> subs) {
  SelfScores s;
  s.year = year;
  s.subdimensions = std::move(subs);
  return s;
}

ScoreRow Province(std::map<std::string, double, std::less<>> subs) {
  ScoreRow r;
  r.unit = "Hưng Yên";
  r.year = 2024;
  r.subdimensions = std::move(subs);
  return r;
}

std::vector<std::string> Codes(const std::vector<WeakSpot>& weak) {
  std::vector<std::string> codes;
  codes.reserve(weak.size());
  for (const auto& w : weak) codes.push_back(w.code);
  return codes;
}

TEST(SelfAssessmentTest, ToSelfScoresKeysTheModelsScoresByCode) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2024);
  std::vector<AggregateValue> values = {
      {"xã", "7.3.a", 0.5, 100, 2}, {"xã", "7.3.b", 0.5, 100, 3}, {"xã", "7.3.c", 0.5, 100, 4}};
  auto scored = ScoreAggregates(model, values);
  ASSERT_TRUE(scored.has_value()) << scored.error().message;
  const SelfScores s = ToSelfScores(model, scored->front(), 100);
  EXPECT_EQ(s.year, 2024);
  EXPECT_EQ(s.respondents, 100);
  EXPECT_EQ(s.subdimensions.size(), model.subdimensions().size());
  // S = (1 + 9·0.5)/K with K = 3 sub-dimensions in dimension 7.
  ASSERT_TRUE(s.subdimensions.at("7.3").value);
  EXPECT_NEAR(*s.subdimensions.at("7.3").value, 5.5 / 3, 1e-12);
  EXPECT_FALSE(s.subdimensions.at("7.1").value);
  EXPECT_FALSE(s.dimensions[6].value);  // 7.1 and 7.2 are blank, so D7 is
  EXPECT_FALSE(s.total.value);
}

TEST(SelfAssessmentTest, BelowTheProvinceIsWeakAndClearlySoWhenTheIntervalIsBelowToo) {
  const auto latest = Self(2025, {{"1.1", {0.30, 0.01}},  // 0.30 ± 0.016: clearly below 0.40
                                  {"1.2", {0.39, 0.02}},  // below, interval reaches 0.40
                                  {"1.3", {0.50, 0.01}},  // above
                                  {"1.4", {std::nullopt, std::nullopt}},  // blank: never weak
                                  {"2.1", {0.45, std::nullopt}}});        // no province score
  const auto province = Province({{"1.1", 0.40}, {"1.2", 0.40}, {"1.3", 0.40}, {"1.4", 0.9}});
  const auto weak = FindWeakSpots(latest, nullptr, &province);
  ASSERT_EQ(Codes(weak), (std::vector<std::string>{"1.1", "1.2"}));
  EXPECT_TRUE(weak[0].below_province);
  EXPECT_TRUE(weak[0].clearly_below);
  EXPECT_TRUE(weak[1].below_province);
  EXPECT_FALSE(weak[1].clearly_below);
  EXPECT_FALSE(weak[0].fell);
}

TEST(SelfAssessmentTest, FallingCountsOnlyBeyondBothIntervals) {
  const auto before =
      Self(2024, {{"3.1", {0.60, 0.02}}, {"3.2", {0.60, 0.02}}, {"3.3", {0.60, std::nullopt}}});
  const auto now = Self(2025, {{"3.1", {0.50, 0.02}},    // 0.533 < 0.567: fell
                               {"3.2", {0.56, 0.02}},    // intervals overlap: not
                               {"3.3", {0.59, 0.01}}});  // no SE before: points compared
  const auto weak = FindWeakSpots(now, &before, nullptr);
  EXPECT_EQ(Codes(weak), (std::vector<std::string>{"3.1", "3.3"}));
  for (const auto& w : weak) {
    EXPECT_TRUE(w.fell);
    EXPECT_FALSE(w.below_province);
  }
}

}  // namespace
}  // namespace xaso::papi
