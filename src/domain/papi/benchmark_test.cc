#include "domain/papi/benchmark.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/papi/problem_lines_for_test.h"

namespace xaso::papi {
namespace {

// PAPI.md §5.1's table: the aggregate and D1..D8 of Hưng Yên.
struct Published {
  int year;
  double aggregate;
  std::vector<double> dimensions;
};

// The shipped sub-dimensions are the published ones rounded to 4 decimals, so their sums may
// differ from the published (also rounded) dimension and aggregate by a few units of the 4th
// decimal: up to 4 · 0.00005 + 0.00005 for a dimension and 28 · 0.00005 + 0.00005 in theory for
// the aggregate. The largest gap seen is 0.0002 (the 2022-2024 aggregates, 2023 D1 D3 D4 D8 ...),
// so 0.0005 bounds it and still catches a wrong or misplaced sub-dimension (the smallest is
// 0.3758).
constexpr double kRoundingTolerance = 0.0005;

TEST(BenchmarkTest, ShippedHungYenSumsMatchThePublishedTable) {
  const std::vector<Published> table = {
      {2022, 44.1831, {5.4941, 5.8100, 4.2877, 6.8764, 7.6276, 7.5082, 3.3399, 3.2393}},
      {2023, 44.2282, {5.4553, 5.4960, 4.4015, 7.0570, 7.5595, 7.6117, 3.4276, 3.2196}},
      {2024, 44.4042, {5.4520, 5.5162, 4.3691, 7.1959, 7.3097, 7.5498, 3.5847, 3.4267}},
  };
  const std::vector<ScoreRow>& rows = ShippedProvinceScores();
  ASSERT_EQ(rows.size(), 3u);
  for (const Published& p : table) {
    const ScoreRow* row = FindScores(rows, "Hưng Yên", p.year);
    ASSERT_NE(row, nullptr) << p.year;
    EXPECT_EQ(row->subdimensions.size(), 28u) << p.year;
    EXPECT_FALSE(row->subdimensions.contains("5.2"));
    ASSERT_TRUE(row->aggregate.has_value());
    EXPECT_NEAR(*row->aggregate, p.aggregate, kRoundingTolerance) << p.year;
    for (int d = 0; d < kDimensionCount; ++d) {
      ASSERT_TRUE(row->dimensions[d].has_value());
      EXPECT_NEAR(*row->dimensions[d], p.dimensions[d], kRoundingTolerance)
          << p.year << " D" << d + 1;
    }
  }
  // Spot values that pin the column order of the file to §5.1's lists.
  const ScoreRow* y2022 = FindScores(rows, "Hưng Yên", 2022);
  EXPECT_DOUBLE_EQ(y2022->subdimensions.at("1.1"), 1.1268);
  EXPECT_DOUBLE_EQ(y2022->subdimensions.at("5.1"), 2.6078);
  EXPECT_DOUBLE_EQ(y2022->subdimensions.at("5.3"), 2.4666);
  EXPECT_DOUBLE_EQ(y2022->subdimensions.at("8.3"), 0.4526);
  EXPECT_DOUBLE_EQ(FindScores(rows, "Hưng Yên", 2024)->subdimensions.at("6.2"), 1.4352);
  // Exact to 4 decimals where the rounding happens to cancel out (§5.1's D1 and D6 of 2022).
  EXPECT_NEAR(*y2022->dimensions[0], 5.4941, 1e-9);
  EXPECT_NEAR(*y2022->dimensions[5], 7.5082, 1e-9);
  EXPECT_EQ(FindScores(rows, "Hưng Yên", 2021), nullptr);
}

TEST(BenchmarkTest, ShippedNationalReference) {
  const std::vector<NationalReference>& refs = ShippedNationalReference();
  ASSERT_EQ(refs.size(), 3u);
  const NationalReference* r2023 = FindReference(refs, 2023);
  ASSERT_NE(r2023, nullptr);
  EXPECT_EQ(r2023->n, 61);
  EXPECT_DOUBLE_EQ(r2023->median, 42.3265);
  EXPECT_DOUBLE_EQ(r2023->mean, 42.4212);
  EXPECT_DOUBLE_EQ(r2023->p25, 40.8330);
  EXPECT_DOUBLE_EQ(r2023->p75, 43.9526);
  EXPECT_DOUBLE_EQ(FindReference(refs, 2022)->p75, 43.4369);
  EXPECT_DOUBLE_EQ(FindReference(refs, 2024)->median, 43.4796);
  EXPECT_EQ(FindReference(refs, 2019), nullptr);
}

TEST(BenchmarkTest, HungYenAgainstTheNationalQuartiles) {
  const std::vector<NationalReference>& refs = ShippedNationalReference();
  auto group = [&](int year) {
    const ScoreRow* row = FindScores(ShippedProvinceScores(), "Hưng Yên", year);
    return GroupOf(*row->aggregate, FindReference(refs, year)->quartiles());
  };
  EXPECT_EQ(group(2022), QuartileGroup::kHigh);         // 44.1831 > P75 43.4369
  EXPECT_EQ(group(2023), QuartileGroup::kHigh);         // 44.2282 > P75 43.9526
  EXPECT_EQ(group(2024), QuartileGroup::kHighAverage);  // 43.4796 < 44.4042 <= P75 44.6854
  // §3.3: Hà Nội, 15th in 2023 with 43.9603, was the last of the 15 High provinces.
  EXPECT_EQ(GroupOf(43.9603, FindReference(refs, 2023)->quartiles()), QuartileGroup::kHigh);
  // The median province itself is Low-average under the rule.
  EXPECT_EQ(GroupOf(42.3265, FindReference(refs, 2023)->quartiles()), QuartileGroup::kLowAverage);
}

std::vector<std::string> ReferenceProblems(const std::string& csv) {
  return ProblemLines(ParseNationalReference(csv));
}

TEST(BenchmarkTest, RefusesBadNationalReference) {
  const std::string header = "year,n,median,mean,p25,p75\n";
  EXPECT_TRUE(ReferenceProblems(header + "2022,61,42.2377,42.3424,40.8694,43.4369\n").empty());
  EXPECT_EQ(ReferenceProblems("year,n,median,mean,p25,p75,best\n2022,61,42,42,41,43,x\n"),
            std::vector<std::string>{
                "dòng 1, cột 7 (best): cột không có trong định dạng year,n,median,mean,p25,p75"});
  // A missing column is the CSV reader's error, which names it.
  const std::vector<std::string> missing = ReferenceProblems("year,n,median,mean,p25\n");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("p75"), std::string::npos) << missing[0];
  EXPECT_EQ(ReferenceProblems(header),
            std::vector<std::string>{"dòng 1: không có dòng dữ liệu nào"});

  const std::string bad = header +
                          "2022,61,42.2377,42.3424,40.8694,43.4369\n"  // fine
                          "2022,61,42.2377,42.3424,40.8694,43.4369\n"  // line 3: year again
                          "22,0,42,42,41,43\n"                         // line 4
                          "2023,61,abc,42,41,43\n"                     // line 5
                          "2024,61,42,42,41,90\n"                      // line 6
                          "2025,61,42,42,43,44\n";                     // line 7: p25 > median
  const std::vector<std::string> want = {
      "dòng 3, cột 1 (year): năm 2022 lặp lại",
      "dòng 4, cột 1 (year): năm phải là số có 4 chữ số, không phải '22'",
      "dòng 4, cột 2 (n): số tỉnh phải là số nguyên dương, không phải '0'",
      "dòng 5, cột 3 (median): 'abc' không phải là số (dùng dấu chấm thập phân, ví dụ 42.2377)",
      "dòng 6, cột 6 (p75): điểm 90 ngoài khoảng 8–80 của điểm PAPI tổng hợp",
      "dòng 7, cột 5 (p25): p25 lớn hơn median",
  };
  EXPECT_EQ(ReferenceProblems(bad), want);
}

TEST(BenchmarkTest, ProvincialFilesNeedProvinceAndYear) {
  const Result<std::vector<ScoreRow>> parsed =
      ParseScoreTable("unit,1.1\nA,1.0\n", Catalogue::Default(), ScoreTableKind::kProvincial);
  ASSERT_FALSE(parsed.has_value());
  ASSERT_GE(parsed.error().fields.size(), 2u);
  EXPECT_EQ(parsed.error().fields[0].message, "thiếu cột province");
  EXPECT_EQ(parsed.error().fields[1].message, "thiếu cột year");
}

}  // namespace
}  // namespace xaso::papi
