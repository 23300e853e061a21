#include "domain/papi/ranking.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

namespace xaso::papi {
namespace {

// Expected values worked out by hand with numpy's linear rule: h = (n - 1) · p / 100 on the
// sorted values, then linear interpolation between v[⌊h⌋] and v[⌊h⌋ + 1].
struct PercentileCase {
  std::vector<double> values;
  double p;
  double expected;
};

TEST(RankingTest, PercentileIsNumpyLinear) {
  const std::vector<PercentileCase> cases = {
      {.values = {1, 2, 3, 4}, .p = 25, .expected = 1.75},        // h = 0.75
      {.values = {1, 2, 3, 4}, .p = 50, .expected = 2.5},         // h = 1.5
      {.values = {1, 2, 3, 4}, .p = 75, .expected = 3.25},        // h = 2.25
      {.values = {10, 20, 30, 40, 50}, .p = 25, .expected = 20},  // h = 1, a value itself
      {.values = {10, 20, 30, 40, 50}, .p = 10, .expected = 14},  // h = 0.4
      {.values = {3, 1, 2}, .p = 25, .expected = 1.5},            // unsorted input, h = 0.5
      {.values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, .p = 25, .expected = 3.25},  // h = 2.25
      {.values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, .p = 75, .expected = 7.75},  // h = 6.75
      {.values = {7}, .p = 75, .expected = 7},
      {.values = {4, 9, 1}, .p = 0, .expected = 1},
      {.values = {4, 9, 1}, .p = 100, .expected = 9},
      {.values = {40.8, 44.2, 42.3, 43.9}, .p = 75, .expected = 43.975},  // h = 2.25
  };
  for (const PercentileCase& c : cases) {
    EXPECT_NEAR(Percentile(c.values, c.p), c.expected, 1e-12)
        << "p" << c.p << " of " << c.values.size() << " values";
  }
}

TEST(RankingTest, BoundaryScoresFallInTheLowerGroup) {
  const Quartiles q{.n = 5, .p25 = 2, .p50 = 3, .p75 = 4};
  EXPECT_EQ(GroupOf(4.0001, q), QuartileGroup::kHigh);
  EXPECT_EQ(GroupOf(4, q), QuartileGroup::kHighAverage);  // equal to P75
  EXPECT_EQ(GroupOf(3.0001, q), QuartileGroup::kHighAverage);
  EXPECT_EQ(GroupOf(3, q), QuartileGroup::kLowAverage);  // equal to P50
  EXPECT_EQ(GroupOf(2.0001, q), QuartileGroup::kLowAverage);
  EXPECT_EQ(GroupOf(2, q), QuartileGroup::kLow);  // equal to P25
  EXPECT_EQ(GroupOf(-1, q), QuartileGroup::kLow);
}

std::map<QuartileGroup, int> CountGroups(const std::vector<std::optional<double>>& scores) {
  std::map<QuartileGroup, int> counts;
  for (const std::optional<Placement>& p : Rank(scores)) {
    if (p) ++counts[p->group];
  }
  return counts;
}

TEST(RankingTest, SixtyOneDistinctScoresSplit15151516) {
  // For n = 61 the positions (n - 1) · p are 15, 30 and 45, whole numbers: each boundary is a
  // unit's own score and joins the group below it. Sorted ascending, indices 0-15 are Low (16),
  // 16-30 Low-average, 31-45 High-average, 46-60 High (15 each): the 2023 press counts (§3.3).
  std::vector<std::optional<double>> scores;
  scores.reserve(61);
  for (int i = 0; i < 61; ++i) scores.emplace_back(38.0 + ((i * 37) % 61) * 0.13);
  const std::optional<Quartiles> q = QuartilesOf(scores);
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->n, 61);
  EXPECT_NEAR(q->p25, 38.0 + 15 * 0.13, 1e-9);
  EXPECT_NEAR(q->p50, 38.0 + 30 * 0.13, 1e-9);
  EXPECT_NEAR(q->p75, 38.0 + 45 * 0.13, 1e-9);
  const std::map<QuartileGroup, int> counts = CountGroups(scores);
  EXPECT_EQ(counts.at(QuartileGroup::kHigh), 15);
  EXPECT_EQ(counts.at(QuartileGroup::kHighAverage), 15);
  EXPECT_EQ(counts.at(QuartileGroup::kLowAverage), 15);
  EXPECT_EQ(counts.at(QuartileGroup::kLow), 16);
}

TEST(RankingTest, SixtyDistinctScoresSplitEvenly) {
  // n = 60 (2021): positions 14.75, 29.5, 44.25 fall between scores, so no unit is on a
  // boundary and the groups are 15 each.
  std::vector<std::optional<double>> scores;
  scores.reserve(60);
  for (int i = 0; i < 60; ++i) scores.emplace_back(40.0 + i * 0.1);
  const std::map<QuartileGroup, int> counts = CountGroups(scores);
  for (QuartileGroup g : {QuartileGroup::kHigh, QuartileGroup::kHighAverage,
                          QuartileGroup::kLowAverage, QuartileGroup::kLow}) {
    EXPECT_EQ(counts.at(g), 15) << GroupCode(g);
  }
}

TEST(RankingTest, TiesShareTheBestRankAndTheNextSkips) {
  const std::vector<std::optional<double>> scores = {5, 7, 7, 3};
  const std::vector<std::optional<Placement>> placed = Rank(scores);
  ASSERT_EQ(placed.size(), 4u);
  EXPECT_EQ(placed[0]->rank, 3);
  EXPECT_EQ(placed[1]->rank, 1);
  EXPECT_EQ(placed[2]->rank, 1);
  EXPECT_EQ(placed[3]->rank, 4);
  // Sums of the same values in another order differ in the last bits and still tie.
  const std::vector<std::optional<double>> sums = {0.1 + 0.2 + 0.3, 0.3 + 0.2 + 0.1, 0.5};
  ASSERT_NE(*sums[0], *sums[1]);
  const std::vector<std::optional<Placement>> tied = Rank(sums);
  EXPECT_EQ(tied[0]->rank, 1);
  EXPECT_EQ(tied[1]->rank, 1);
  EXPECT_EQ(tied[2]->rank, 3);
}

TEST(RankingTest, BlankUnitsAreNotRankedAndDoNotMoveTheQuartiles) {
  const std::vector<std::optional<double>> scores = {4, std::nullopt, 1, 3, std::nullopt, 2};
  const std::vector<std::optional<Placement>> placed = Rank(scores);
  ASSERT_EQ(placed.size(), 6u);
  EXPECT_FALSE(placed[1].has_value());
  EXPECT_FALSE(placed[4].has_value());
  EXPECT_EQ(placed[0]->rank, 1);
  EXPECT_EQ(placed[0]->ranked, 4);
  EXPECT_EQ(placed[5]->rank, 3);
  // Quartiles of {1, 2, 3, 4}: 1.75, 2.5, 3.25.
  const std::optional<Quartiles> q = QuartilesOf(scores);
  ASSERT_TRUE(q.has_value());
  EXPECT_DOUBLE_EQ(q->p25, 1.75);
  EXPECT_DOUBLE_EQ(q->p50, 2.5);
  EXPECT_DOUBLE_EQ(q->p75, 3.25);
  EXPECT_EQ(placed[0]->group, QuartileGroup::kHigh);
  EXPECT_EQ(placed[3]->group, QuartileGroup::kHighAverage);
  EXPECT_EQ(placed[5]->group, QuartileGroup::kLowAverage);
  EXPECT_EQ(placed[2]->group, QuartileGroup::kLow);

  const std::vector<std::optional<double>> none = {std::nullopt, std::nullopt};
  EXPECT_FALSE(QuartilesOf(none).has_value());
  for (const std::optional<Placement>& p : Rank(none)) EXPECT_FALSE(p.has_value());
}

TEST(RankingTest, OneUnitOrEqualScoresAreLow) {
  // Every boundary equals the only score, which falls in the lowest group (documented).
  const std::vector<std::optional<Placement>> one = Rank(std::vector<std::optional<double>>{44});
  EXPECT_EQ(one[0]->rank, 1);
  EXPECT_EQ(one[0]->group, QuartileGroup::kLow);
  const std::vector<std::optional<Placement>> same =
      Rank(std::vector<std::optional<double>>{5, 5, 5});
  for (const std::optional<Placement>& p : same) {
    EXPECT_EQ(p->rank, 1);
    EXPECT_EQ(p->group, QuartileGroup::kLow);
  }
}

TEST(RankingTest, GroupNamesAndCodes) {
  EXPECT_EQ(GroupCode(QuartileGroup::kHigh), "high");
  EXPECT_EQ(GroupCode(QuartileGroup::kHighAverage), "high_average");
  EXPECT_EQ(GroupCode(QuartileGroup::kLowAverage), "low_average");
  EXPECT_EQ(GroupCode(QuartileGroup::kLow), "low");
  EXPECT_EQ(GroupNameVi(QuartileGroup::kHigh), "nhóm đạt điểm cao nhất");
  EXPECT_EQ(GroupNameVi(QuartileGroup::kHighAverage), "nhóm đạt điểm trung bình cao");
  EXPECT_EQ(GroupNameVi(QuartileGroup::kLowAverage), "nhóm đạt điểm trung bình thấp");
  EXPECT_EQ(GroupNameVi(QuartileGroup::kLow), "nhóm đạt điểm thấp nhất");
}

}  // namespace
}  // namespace xaso::papi
