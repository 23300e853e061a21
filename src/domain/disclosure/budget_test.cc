#include "domain/disclosure/budget.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace xaso::disclosure {
namespace {

BudgetLine Line(BudgetSide side, const std::string& code, int64_t estimate,
                std::optional<int64_t> actual = std::nullopt) {
  return BudgetLine{side, code, "Mục " + code, estimate, actual};
}

constexpr auto kThu = BudgetSide::kRevenue;
constexpr auto kChi = BudgetSide::kSpending;

// A sound execution table: revenue 1 = 1.1 + 1.2, 1.1 = 1.1.1 + 1.1.2; spending 1 and 2.
std::vector<BudgetLine> Sound() {
  return {Line(kThu, "1", 1'250'000, 1'000'000),
          Line(kThu, "1.1", 1'000'000, 800'000),
          Line(kThu, "1.1.1", 600'000, 500'000),
          Line(kThu, "1.1.2", 400'000, 300'000),
          Line(kThu, "1.2", 250'000, 200'000),
          Line(kChi, "1", 900'000, 450'000),
          Line(kChi, "2", 350'000, 0)};
}

TEST(BudgetTest, SidesInEnglishOrVietnamese) {
  EXPECT_EQ(ParseBudgetSide("revenue"), kThu);
  EXPECT_EQ(ParseBudgetSide("thu"), kThu);
  EXPECT_EQ(ParseBudgetSide(" Thu "), kThu);
  EXPECT_EQ(ParseBudgetSide("spending"), kChi);
  EXPECT_EQ(ParseBudgetSide("Chi"), kChi);
  EXPECT_FALSE(ParseBudgetSide("thue").has_value());
  EXPECT_FALSE(ParseBudgetSide("").has_value());
  EXPECT_EQ(BudgetSideCode(kThu), "revenue");
  EXPECT_EQ(BudgetSideCode(kChi), "spending");
}

TEST(BudgetTest, TotalsThatAddUpAreSound) {
  EXPECT_TRUE(CheckBudget(Sound()).empty());
  // An estimate alone (no actual anywhere) is sound too.
  std::vector<BudgetLine> estimate = Sound();
  for (BudgetLine& l : estimate) l.actual.reset();
  EXPECT_TRUE(CheckBudget(estimate).empty());
}

TEST(BudgetTest, AParentThatDiffersFromItsChildrenIsNamedWithBothSums) {
  std::vector<BudgetLine> lines = Sound();
  lines[1].estimate = 1'100'000;  // 1.1 no longer 1.1.1 + 1.1.2, and 1 no longer 1.1 + 1.2
  const auto problems = CheckBudget(lines);
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_EQ(problems[0].field, "estimate");
  EXPECT_EQ(problems[0].message_vi,
            "Dự toán mục 1 là 1.250.000 đồng nhưng các mục con cộng lại 1.350.000 đồng.");
  EXPECT_EQ(problems[1].line, 2);
  EXPECT_EQ(problems[1].message_vi,
            "Dự toán mục 1.1 là 1.100.000 đồng nhưng các mục con cộng lại 1.000.000 đồng.");
}

TEST(BudgetTest, ActualsMustAddUpAndBeOnEveryLineOrNone) {
  std::vector<BudgetLine> lines = Sound();
  lines[4].actual = 250'000;  // 1.2: revenue 1 is now 1.050.000 by its children
  auto problems = CheckBudget(lines);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_EQ(problems[0].field, "actual");
  EXPECT_NE(problems[0].message_vi.find("1.050.000 đồng"), std::string::npos);

  lines = Sound();
  lines[6].actual.reset();
  problems = CheckBudget(lines);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 7);
  EXPECT_EQ(problems[0].field, "actual");
}

TEST(BudgetTest, AChildWithoutItsParentIsAProblemButAParentWithoutChildrenIsNot) {
  // Spending "2" has no children: it is a leaf, nothing to add up.
  std::vector<BudgetLine> lines = {Line(kThu, "1", 100), Line(kThu, "2.1", 50),
                                   Line(kChi, "2", 70)};
  const auto problems = CheckBudget(lines);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_EQ(problems[0].field, "code");
  EXPECT_EQ(problems[0].message_vi, "Mục 2.1 không có mục cha 2 bên thu.");
}

TEST(BudgetTest, SidesAreSeparateTrees) {
  // Revenue 1.1 does not count towards spending 1.
  const auto problems = CheckBudget({Line(kChi, "1", 100), Line(kThu, "1.1", 100)});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 2);
}

TEST(BudgetTest, DuplicatesAreNamedWithTheFirstLine) {
  const auto problems =
      CheckBudget({Line(kThu, "1", 100), Line(kChi, "1", 100), Line(kThu, "1", 100)});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].message_vi, "Mã mục 1 bên thu trùng với dòng 1.");
}

TEST(BudgetTest, NegativeAmountsBadCodesAndMissingNames) {
  BudgetLine nameless = Line(kChi, "3", 10);
  nameless.name = "  ";
  const auto problems =
      CheckBudget({Line(kThu, "1", -5'000), Line(kThu, "1..2", 10), Line(kThu, "a", 10), nameless,
                   Line(kThu, "4", kMaxBudgetAmount + 1), Line(kThu, "12345", 1)});
  std::vector<std::pair<int, std::string>> got;
  got.reserve(problems.size());
  for (const auto& p : problems) got.emplace_back(p.line, p.field);
  const std::vector<std::pair<int, std::string>> want = {
      {1, "estimate"}, {2, "code"}, {3, "code"}, {4, "name"}, {5, "estimate"}, {6, "code"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(problems[0].message_vi, "Dự toán không được âm (-5.000 đồng).");
  // A negative actual is named on its own field.
  const auto actual = CheckBudget({Line(kThu, "1", 10, -1)});
  ASSERT_EQ(actual.size(), 1U);
  EXPECT_EQ(actual[0].field, "actual");
}

TEST(BudgetTest, AnEmptyTableIsRefused) {
  const auto problems = CheckBudget({});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 0);
}

TEST(BudgetTest, LevelsOrderAndTotals) {
  std::vector<BudgetLine> lines = {Line(kChi, "2", 5), Line(kThu, "1.10", 1), Line(kThu, "1.2", 2),
                                   Line(kThu, "1", 3), Line(kChi, "1", 4, 2)};
  SortBudget(lines);
  std::vector<std::string> order;
  order.reserve(lines.size());
  for (const auto& l : lines) order.push_back(std::string(BudgetSideCode(l.side)) + " " + l.code);
  EXPECT_EQ(order, (std::vector<std::string>{"revenue 1", "revenue 1.2", "revenue 1.10",
                                             "spending 1", "spending 2"}));
  EXPECT_EQ(BudgetLevel(lines[0]), 1);
  EXPECT_EQ(BudgetLevel(lines[2]), 2);
  EXPECT_EQ(SideTotal(lines, kThu).estimate, 3);
  EXPECT_FALSE(SideTotal(lines, kThu).actual.has_value());
  EXPECT_EQ(SideTotal(lines, kChi).estimate, 9);
  EXPECT_EQ(SideTotal(lines, kChi).actual, 2);
}

TEST(BudgetTest, CsvAcceptsGroupedAmountsVietnameseSidesAndABom) {
  const auto lines = ParseBudgetCsv(
      "\xEF\xBB\xBFside,code,name,estimate,actual\n"
      "thu,1,Thu ngân sách xã,1.250.000,\n"
      "Chi, 1.1 ,\"Chi thường xuyên, sự nghiệp\",900000,450.000\n");
  ASSERT_TRUE(lines.has_value()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2U);
  EXPECT_EQ((*lines)[0].side, kThu);
  EXPECT_EQ((*lines)[0].name, "Thu ngân sách xã");
  EXPECT_EQ((*lines)[0].estimate, 1'250'000);
  EXPECT_FALSE((*lines)[0].actual.has_value());
  EXPECT_EQ((*lines)[1].side, kChi);
  EXPECT_EQ((*lines)[1].code, "1.1");
  EXPECT_EQ((*lines)[1].name, "Chi thường xuyên, sự nghiệp");
  EXPECT_EQ((*lines)[1].actual, 450'000);
}

TEST(BudgetTest, MalformedCsvLinesAreNamed) {
  const std::string header = "side,code,name,estimate,actual\n";
  struct Case {
    std::string body;
    std::string starts;
  };
  for (const Case& c : std::vector<Case>{
           {"thu,1,A,100,\nthue,2,B,100,\n", "dòng 3: cột side"},
           {"thu,1,A,1.2500,\n", "dòng 2: dự toán"},
           {"thu,1,A,,\n", "dòng 2: dự toán"},
           {"thu,1,A,100,1,5\n", "dòng 2"},
           {"thu,1,A,100,abc\n", "dòng 2: số thực hiện"},
           {"thu,1,A,\"100\n", "dòng 2"},
       }) {
    const auto r = ParseBudgetCsv(header + c.body);
    ASSERT_FALSE(r.has_value()) << c.body;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message.rfind(c.starts, 0), 0U) << r.error().message;
  }
  EXPECT_FALSE(ParseBudgetCsv("side,code,name,estimate\nthu,1,A,100\n").has_value());
  EXPECT_FALSE(ParseBudgetCsv("").has_value());
}

TEST(BudgetTest, CsvRoundTrip) {
  std::vector<BudgetLine> lines = Sound();
  lines[0].name = "Thu ngân sách xã, có \"dấu ngoặc\"";
  lines[6].actual.reset();
  const auto back = ParseBudgetCsv(BudgetCsv(lines));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  ASSERT_EQ(back->size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ((*back)[i].side, lines[i].side);
    EXPECT_EQ((*back)[i].code, lines[i].code);
    EXPECT_EQ((*back)[i].name, lines[i].name);
    EXPECT_EQ((*back)[i].estimate, lines[i].estimate);
    EXPECT_EQ((*back)[i].actual, lines[i].actual);
  }
  EXPECT_EQ(BudgetCsv({}), "side,code,name,estimate,actual\r\n");
}

}  // namespace
}  // namespace xaso::disclosure
