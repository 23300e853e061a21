#include "web/pages/disclosure_budget_view.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace xaso::web {
namespace {

using disclosure::BudgetLine;
using disclosure::BudgetSide;

std::vector<BudgetLine> Execution() {
  return {{BudgetSide::kRevenue, "1", "Thu xã hưởng", 1'250'000, 1'000'000},
          {BudgetSide::kRevenue, "1.1", "Phí <và> lệ phí", 1'250'000, 1'000'000},
          {BudgetSide::kSpending, "1", "Chi thường xuyên", 0, 0},
          {BudgetSide::kSpending, "2", "Chi vượt", 100, 150}};
}

TEST(BudgetViewTest, TablesCarryDottedAmountsLevelsAndPercentages) {
  const std::string html = RenderTemplate("partials/disclosure_budget_tables", [] {
    Data d;
    d.set("tables", BudgetTablesData(Execution()));
    return d;
  }());
  EXPECT_NE(html.find("1.250.000"), std::string::npos);
  // One table per side, each under its own heading and anchor.
  EXPECT_NE(html.find(R"(<h2 id="thu">)"), std::string::npos);
  EXPECT_NE(html.find(R"(<h2 id="chi">)"), std::string::npos);
  EXPECT_LT(html.find(R"(id="budget-revenue")"), html.find(R"(id="budget-spending")"));
  EXPECT_NE(html.find("80%"), std::string::npos);
  EXPECT_NE(html.find("budget-level-2"), std::string::npos);
  EXPECT_NE(html.find("Phí &lt;và&gt; lệ phí"), std::string::npos);
  // No estimate: no percentage.
  EXPECT_NE(html.find("—"), std::string::npos);
}

TEST(BudgetViewTest, ChartOnlyWithActualsAndFullWhenOverspent) {
  std::vector<BudgetLine> estimate = Execution();
  for (auto& l : estimate) l.actual.reset();
  EXPECT_EQ(BudgetChartSvg(Lang::kVi, estimate), "");
  const std::string svg = BudgetChartSvg(Lang::kVi, Execution());
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Thu 1. Thu xã hưởng"), std::string::npos);
  EXPECT_EQ(svg.find("1.1"), std::string::npos);  // top-level lines only
  EXPECT_NE(svg.find("100% · 150 / 100 đồng"), std::string::npos);
  EXPECT_NE(svg.find("url(#hatch)"), std::string::npos);
}

TEST(BudgetViewTest, JsonHasLinesLevelsAndTotals) {
  disclosure::Item item;
  item.id = 7;
  item.type_code = "budget_execution";
  item.title = "Quý 1";
  item.period_key = "2026-Q1";
  std::vector<BudgetLine> lines = Execution();
  lines[2].actual.reset();
  const auto j = nlohmann::json::parse(BudgetJson(item, lines));
  EXPECT_EQ(j["item_id"], 7);
  EXPECT_TRUE(j["decision_on"].is_null());
  ASSERT_EQ(j["lines"].size(), 4U);
  EXPECT_EQ(j["lines"][1]["level"], 2);
  EXPECT_EQ(j["lines"][1]["side"], "revenue");
  EXPECT_TRUE(j["lines"][2]["actual"].is_null());
  EXPECT_EQ(j["totals"]["revenue"]["estimate"], 1'250'000);
  EXPECT_EQ(j["totals"]["spending"]["actual"], 150);
}

}  // namespace
}  // namespace xaso::web
