#include "domain/papi/scoring.h"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace xaso::papi {
namespace {

// A catalogue of the given rows (without the header), parsed against the default structure.
IndicatorCatalogue Indicators(const std::string& rows) {
  auto parsed = IndicatorCatalogue::Parse(
      "indicator,subdimension,dimension,lower,upper,direction,label_vi,label_en\n" + rows,
      Catalogue::Default());
  EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
  return std::move(parsed).value();
}

const Score& Sub(const ScoringModel& model, const UnitScore& unit, const std::string& code) {
  for (size_t s = 0; s < model.subdimensions().size(); ++s) {
    if (model.subdimensions()[s]->code == code) return unit.subdimensions[s];
  }
  ADD_FAILURE() << "no sub-dimension " << code;
  return unit.total;
}

const Score& Dim(const ScoringModel& model, const UnitScore& unit, int number) {
  for (size_t d = 0; d < model.dimensions().size(); ++d) {
    if (model.dimensions()[d]->number == number) return unit.dimensions[d];
  }
  ADD_FAILURE() << "no dimension " << number;
  return unit.total;
}

std::vector<UnitScore> Aggregate(const ScoringModel& model, std::vector<AggregateValue> values) {
  auto scored = ScoreAggregates(model, values);
  EXPECT_TRUE(scored.has_value()) << scored.error().message;
  return scored.has_value() ? *scored : std::vector<UnitScore>{};
}

// PAPI.md §5.3: 2019 Hà Nội, 7.3 water from its three published indicator means (OF19).
TEST(ScoringTest, Reproduces2019HanoiWater) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2019);
  const std::vector<UnitScore> units = Aggregate(
      model,
      {{"Hà Nội", "7.3.a", 0.006069}, {"Hà Nội", "7.3.b", 0.01211}, {"Hà Nội", "7.3.c", 0.03737}});
  ASSERT_EQ(units.size(), 1u);
  const Score& water = Sub(model, units[0], "7.3");
  ASSERT_TRUE(water.value);
  EXPECT_NEAR(*water.value, 0.3889, 5e-5);
  EXPECT_FALSE(water.se);
  // The other indicators were not given: their sub-dimensions, D7 and the total are blank.
  EXPECT_FALSE(Sub(model, units[0], "7.2").value);
  EXPECT_FALSE(Dim(model, units[0], 7).value);
  EXPECT_FALSE(units[0].total.value);
}

// PAPI.md §5.3: 2023 Hà Nội D6 = 7.8486, the sum of its four published sub-dimension scores.
// Each sub-dimension gets one [0, 1] indicator whose value m gives S = (1 + 9m) / 4.
TEST(ScoringTest, Reproduces2023HanoiPublicServices) {
  const IndicatorCatalogue indicators = Indicators(
      "h,6.1,6,0,1,positive,a,\ne,6.2,6,0,1,positive,b,\n"
      "i,6.3,6,0,1,positive,c,\nl,6.4,6,0,1,positive,d,\n");
  const ScoringModel model(indicators, Catalogue::Default(), 2023);
  struct Row {
    const char* indicator;
    const char* subdimension;
    double published;
  };
  const Row rows[] = {
      {"h", "6.1", 1.7029}, {"e", "6.2", 1.9570}, {"i", "6.3", 2.2548}, {"l", "6.4", 1.9339}};
  std::vector<AggregateValue> values;
  for (const Row& r : rows) values.push_back({"Hà Nội", r.indicator, (4 * r.published - 1) / 9});
  const std::vector<UnitScore> units = Aggregate(model, values);
  ASSERT_EQ(units.size(), 1u);
  for (const Row& r : rows)
    EXPECT_NEAR(*Sub(model, units[0], r.subdimension).value, r.published, 1e-9);
  ASSERT_TRUE(Dim(model, units[0], 6).value);
  EXPECT_NEAR(*Dim(model, units[0], 6).value, 7.8486, 5e-5);
}

struct OneIndicator {
  std::string row;  // the catalogue row of indicator x in 7.3 (K = 3)
  double value;
  double expected_mean;  // the normalised, possibly reversed value
};

TEST(ScoringTest, NormalisesWithBoundsAndReversesNegatives) {
  const OneIndicator cases[] = {
      {"x,7.3,7,0,1,positive,a,", 0.2, 0.2},        {"x,7.3,7,0,1,negative,a,", 0.2, 0.8},
      {"x,7.3,7,1,5,positive,a,", 4, 0.75},  // a 1-5 scale
      {"x,7.3,7,1,5,negative,a,", 4, 0.25},         {"x,7.3,7,1,5,positive,a,", 1, 0.0},
      {"x,7.3,7,0,150000,negative,a,", 30000, 0.8},
  };
  for (const OneIndicator& c : cases) {
    const IndicatorCatalogue indicators = Indicators(c.row);
    const ScoringModel model(indicators, Catalogue::Default(), 2023);
    const std::vector<UnitScore> units = Aggregate(model, {{"X", "x", c.value}});
    ASSERT_EQ(units.size(), 1u);
    EXPECT_NEAR(*Sub(model, units[0], "7.3").value, (1 + 9 * c.expected_mean) / 3, 1e-12) << c.row;
  }
}

// Every indicator of the default catalogue at its best (or worst) end gives the range ends.
TEST(ScoringTest, BestAndWorstGiveTheRangeEnds) {
  const IndicatorCatalogue& indicators = IndicatorCatalogue::Default();
  for (int year : {2019, 2023}) {
    const ScoringModel model(indicators, Catalogue::Default(), year);
    std::vector<AggregateValue> values;
    for (const Indicator& ind : indicators.indicators()) {
      const bool high = ind.direction == Direction::kPositive;
      values.push_back({"best", ind.code, high ? ind.upper : ind.lower});
      values.push_back({"worst", ind.code, high ? ind.lower : ind.upper});
    }
    const std::vector<UnitScore> units = Aggregate(model, values);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[0].unit, "best");
    EXPECT_NEAR(*units[0].total.value, 80, 1e-9) << year;
    EXPECT_NEAR(*units[1].total.value, 8, 1e-9) << year;
    for (size_t d = 0; d < model.dimensions().size(); ++d) {
      EXPECT_NEAR(*units[0].dimensions[d].value, 10, 1e-9);
      EXPECT_NEAR(*units[1].dimensions[d].value, 1, 1e-9);
    }
    EXPECT_EQ(model.subdimensions().size(), year == 2019 ? 29u : 28u);
  }
  // K_5 is 4 in 2019 (5.2 applies) and 3 from 2021.
  const ScoringModel y2019(indicators, Catalogue::Default(), 2019);
  const ScoringModel y2023(indicators, Catalogue::Default(), 2023);
  std::vector<AggregateValue> certification;
  for (const char* code : {"5.1.a", "5.1.b", "5.1.c"}) certification.push_back({"X", code, 1});
  certification.push_back({"X", "5.1.d", 4});
  certification.push_back({"X", "5.1.e", 5});
  EXPECT_NEAR(*Sub(y2019, Aggregate(y2019, certification)[0], "5.1").value, 2.5, 1e-12);
  EXPECT_NEAR(*Sub(y2023, Aggregate(y2023, certification)[0], "5.1").value, 10.0 / 3, 1e-12);
}

TEST(ScoringTest, AggregateSuppressesCellsBelowFifteenAnswers) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  std::vector<AggregateValue> values;
  for (const char* unit : {"few", "enough", "unknown"}) {
    std::optional<int> n;
    if (std::string(unit) == "few") n = 14;
    if (std::string(unit) == "enough") n = 15;
    for (const char* code : {"7.3.a", "7.3.b"}) values.push_back({unit, code, 0.5, 20});
    values.push_back({unit, "7.3.c", 0.5, n});
  }
  const std::vector<UnitScore> units = Aggregate(model, values);
  ASSERT_EQ(units.size(), 3u);
  const size_t c = *model.indicators().IndexOf("7.3.c");
  EXPECT_FALSE(units[0].indicator_means[c]);
  EXPECT_EQ(units[0].answers[c], 14);
  EXPECT_FALSE(Sub(model, units[0], "7.3").value);
  EXPECT_EQ(units[1].indicator_means[c], 0.5);
  EXPECT_NEAR(*Sub(model, units[1], "7.3").value, 5.5 / 3, 1e-12);
  EXPECT_EQ(units[2].answers[c], -1);  // no n given: the value stands
  EXPECT_TRUE(Sub(model, units[2], "7.3").value);
}

// A respondent table of unit "X" over the 7.3 indicators.
RespondentTable WaterTable() {
  RespondentTable t;
  t.columns = {"7.3.a", "7.3.b", "7.3.c"};
  t.units = {"X"};
  return t;
}

void AddRow(RespondentTable& t, uint32_t unit, std::vector<double> values,
            std::optional<double> weight = std::nullopt) {
  t.unit_of.push_back(unit);
  if (weight) t.weights.push_back(*weight);
  t.values.insert(t.values.end(), values.begin(), values.end());
}

std::vector<UnitScore> Respondents(const ScoringModel& model, const RespondentTable& table,
                                   BootstrapOptions options = {}) {
  auto scored = ScoreRespondents(model, table, options);
  EXPECT_TRUE(scored.has_value()) << scored.error().message;
  return scored.has_value() ? *scored : std::vector<UnitScore>{};
}

TEST(ScoringTest, RespondentSuppressionAt14And15Answers) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  for (int answered : {14, 15}) {
    RespondentTable t = WaterTable();
    // 20 respondents answer a and b; `answered` of them answer c, the rest skip it.
    for (int r = 0; r < 20; ++r) AddRow(t, 0, {1, 0, r < answered ? 1.0 : kNotAnswered});
    const std::vector<UnitScore> units = Respondents(model, t);
    ASSERT_EQ(units.size(), 1u);
    const size_t c = *model.indicators().IndexOf("7.3.c");
    EXPECT_EQ(units[0].answers[c], answered);
    EXPECT_EQ(units[0].indicator_means[c].has_value(), answered == 15);
    EXPECT_EQ(Sub(model, units[0], "7.3").value.has_value(), answered == 15);
    if (answered == 15) {
      EXPECT_NEAR(*Sub(model, units[0], "7.3").value, (1 + 9 * 2.0 / 3) / 3, 1e-12);
    }
    EXPECT_EQ(units[0].indicator_means[*model.indicators().IndexOf("7.3.a")], 1.0);
  }
}

TEST(ScoringTest, WeightsChangeTheMean) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  RespondentTable unweighted = WaterTable();
  RespondentTable weighted = WaterTable();
  // 10 say the water is clean enough for everything, 10 say not; the first 10 weigh 3.
  for (int r = 0; r < 20; ++r) {
    const double v = r < 10 ? 1 : 0;
    AddRow(unweighted, 0, {v, v, v});
    AddRow(weighted, 0, {v, v, v}, r < 10 ? 3.0 : 1.0);
  }
  const size_t a = *model.indicators().IndexOf("7.3.a");
  EXPECT_NEAR(*Respondents(model, unweighted)[0].indicator_means[a], 0.5, 1e-12);
  const UnitScore w = Respondents(model, weighted)[0];
  EXPECT_NEAR(*w.indicator_means[a], 0.75, 1e-12);
  EXPECT_NEAR(*Sub(model, w, "7.3").value, (1 + 9 * 0.75) / 3, 1e-12);
}

// n respondents of unit "X" answering 7.3.a-c with 1 at probability 0.4, from a fixed seed.
RespondentTable RandomWater(int n, uint32_t seed) {
  RespondentTable t = WaterTable();
  std::mt19937 rng(seed);
  for (int r = 0; r < n; ++r) {
    std::vector<double> row(3);
    for (double& answer : row) answer = rng() % 5 < 2 ? 1.0 : 0.0;
    AddRow(t, 0, row);
  }
  return t;
}

TEST(ScoringTest, BootstrapIsReproducibleAndShrinksWithRespondents) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  const RespondentTable small = RandomWater(50, 7);
  const Score first = Sub(model, Respondents(model, small, {200, 42})[0], "7.3");
  const Score again = Sub(model, Respondents(model, small, {200, 42})[0], "7.3");
  const Score other = Sub(model, Respondents(model, small, {200, 43})[0], "7.3");
  ASSERT_TRUE(first.se);
  EXPECT_EQ(first.se, again.se);
  EXPECT_NE(first.se, other.se);
  EXPECT_GT(*first.se, 0);
  EXPECT_NEAR(*first.low(), *first.value - 1.645 * *first.se, 1e-12);
  EXPECT_NEAR(*first.high(), *first.value + 1.645 * *first.se, 1e-12);
  // The SE of a mean falls as 1/sqrt(n): 50 → 5000 respondents divides it by about 10.
  const Score large = Sub(model, Respondents(model, RandomWater(5000, 7), {200, 42})[0], "7.3");
  ASSERT_TRUE(large.se);
  EXPECT_LT(*large.se, *first.se / 5);
  EXPECT_GT(*large.se, *first.se / 20);
  // Without replicates there is no SE.
  EXPECT_FALSE(Sub(model, Respondents(model, small)[0], "7.3").se);
}

TEST(ScoringTest, RespondentUnitsAreScoredApart) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  RespondentTable t = WaterTable();
  t.units = {"A", "B"};
  for (int r = 0; r < 30; ++r) AddRow(t, r % 2, {r % 2 == 0 ? 1.0 : 0.0, 0, 0});
  const std::vector<UnitScore> units = Respondents(model, t, {20, 1});
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit, "A");
  EXPECT_NEAR(*Sub(model, units[0], "7.3").value, (1 + 3.0) / 3, 1e-12);
  EXPECT_NEAR(*Sub(model, units[1], "7.3").value, 1.0 / 3, 1e-12);
  EXPECT_EQ(*Sub(model, units[1], "7.3").se, 0);  // every replicate is the same
}

TEST(ScoringTest, BadInputNamesTheRowAndTheIndicator) {
  const ScoringModel model(IndicatorCatalogue::Default(), Catalogue::Default(), 2023);
  struct Case {
    RespondentTable table;
    std::string message;
  };
  std::vector<Case> cases;
  {
    RespondentTable t = WaterTable();
    AddRow(t, 0, {1, 0, 0});
    AddRow(t, 0, {1, 1.5, 0});
    cases.push_back({t, "dòng 2, cột 7.3.b: giá trị 1.5 ngoài khoảng [0, 1] của chỉ tiêu 7.3.b"});
    t.lines = {7, 9};
    cases.push_back({t, "dòng 9, cột 7.3.b: giá trị 1.5 ngoài khoảng [0, 1] của chỉ tiêu 7.3.b"});
  }
  {
    RespondentTable t = WaterTable();
    t.columns[2] = "9.9.z";
    AddRow(t, 0, {1, 0, 0});
    cases.push_back({t, "dòng 1, cột 9.9.z: không có chỉ tiêu 9.9.z trong danh mục"});
    t.columns[2] = "7.3.a";
    cases.push_back({t, "dòng 1, cột 7.3.a: chỉ tiêu 7.3.a có hai cột"});
  }
  {
    RespondentTable t = WaterTable();
    AddRow(t, 0, {1, 0, 0}, 1.0);
    AddRow(t, 0, {1, 0, 0}, 0.0);
    cases.push_back({t, "dòng 2, cột weight: trọng số phải là số dương"});
  }
  for (const Case& c : cases) {
    auto scored = ScoreRespondents(model, c.table);
    ASSERT_FALSE(scored.has_value()) << c.message;
    EXPECT_EQ(scored.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(scored.error().message, c.message);
  }

  struct AggregateCase {
    AggregateValue value;
    std::string message;
  };
  const AggregateCase aggregate_cases[] = {
      {{"X", "9.9.z", 0.5, std::nullopt, 4},
       "dòng 4, cột indicator: không có chỉ tiêu '9.9.z' trong danh mục"},
      {{"X", "5.1.e", 0.5, std::nullopt, 5},
       "dòng 5, cột value: giá trị 0.5 ngoài khoảng [1, 5] của chỉ tiêu 5.1.e"},
      {{"X", "7.3.a", -0.1, std::nullopt, 6},
       "dòng 6, cột value: giá trị -0.1 ngoài khoảng [0, 1] của chỉ tiêu 7.3.a"},
      {{"X", "7.3.a", std::nan(""), std::nullopt, 6},
       "dòng 6, cột value: giá trị nan ngoài khoảng [0, 1] của chỉ tiêu 7.3.a"},
      {{" ", "7.3.a", 0.5, std::nullopt, 3}, "dòng 3, cột unit: thiếu đơn vị"},
  };
  for (const AggregateCase& c : aggregate_cases) {
    auto scored = ScoreAggregates(model, std::vector<AggregateValue>{c.value});
    ASSERT_FALSE(scored.has_value()) << c.message;
    EXPECT_EQ(scored.error().message, c.message);
  }
  auto twice = ScoreAggregates(
      model, std::vector<AggregateValue>{{"X", "7.3.a", 0.5, {}, 2}, {"X", "7.3.a", 0.6, {}, 3}});
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().message, "dòng 3, cột indicator: đơn vị X đã có chỉ tiêu 7.3.a ở dòng 2");
}

}  // namespace
}  // namespace xaso::papi
