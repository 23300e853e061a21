#include "web/pages/disclosure_budget_view.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "web/svg_chart.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using disclosure::BudgetLine;
using disclosure::BudgetSide;

// Deeper lines all indent as far as level 4: the CSS has four steps.
constexpr int kMaxIndent = 4;

std::optional<double> Share(int64_t estimate, std::optional<int64_t> actual) {
  if (!actual || estimate <= 0) return std::nullopt;
  return static_cast<double>(*actual) / static_cast<double>(estimate);
}

Data SideData(const std::vector<BudgetLine>& lines, BudgetSide side) {
  Data rows(Data::type::list);
  bool any = false;
  for (const BudgetLine& l : lines) {
    if (l.side != side) continue;
    any = true;
    Data x;
    x.set("code", l.code);
    x.set("name", l.name);
    x.set("level_class",
          "budget-level-" + std::to_string(std::min(disclosure::BudgetLevel(l), kMaxIndent)));
    x.set("estimate", VnInt(l.estimate));
    x.set("actual", l.actual ? VnInt(*l.actual) : std::string("—"));
    x.set("percent", VnPercent(Share(l.estimate, l.actual)));
    rows.push_back(x);
  }
  const disclosure::BudgetTotal total = disclosure::SideTotal(lines, side);
  Data d;
  d.set("has_rows", Data(any));
  d.set("rows", rows);
  d.set("total_estimate", VnInt(total.estimate));
  d.set("total_actual", total.actual ? VnInt(*total.actual) : std::string("—"));
  d.set("total_percent", VnPercent(Share(total.estimate, total.actual)));
  return d;
}

nlohmann::ordered_json Amount(std::optional<int64_t> v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

Data BudgetTablesData(const std::vector<BudgetLine>& lines) {
  Data d;
  Data sides(Data::type::list);
  for (const BudgetSide side : {BudgetSide::kRevenue, BudgetSide::kSpending}) {
    Data x = SideData(lines, side);
    const bool revenue = side == BudgetSide::kRevenue;
    x.set("revenue", Data(revenue));  // the heading
    x.set("anchor", revenue ? "thu" : "chi");
    x.set("table_id", std::string("budget-") + std::string(disclosure::BudgetSideCode(side)));
    sides.push_back(x);
  }
  d.set("sides", sides);
  d.set("has_actual", Data(std::any_of(lines.begin(), lines.end(),
                                       [](const BudgetLine& l) { return l.actual.has_value(); })));
  return d;
}

std::string BudgetChartSvg(Lang lang, const std::vector<BudgetLine>& lines) {
  std::vector<Bar> bars;
  for (const BudgetLine& l : lines) {
    if (disclosure::BudgetLevel(l) != 1 || !l.actual) continue;
    const auto share = Share(l.estimate, l.actual);
    Bar b;
    b.label = Message(lang, l.side == BudgetSide::kRevenue ? "disclosure.budget.revenue_short"
                                                           : "disclosure.budget.spending_short") +
              " " + l.code + ". " + l.name;
    b.percent = share ? static_cast<int>(std::lround(std::min(*share, 1.0) * 100)) : 0;
    b.note = VnInt(*l.actual) + " / " + VnInt(l.estimate) + " " +
             Message(lang, "disclosure.budget.dong");
    // Realised beyond the estimate: the bar is full and marked.
    b.warn = share && *share > 1.0;
    bars.push_back(std::move(b));
  }
  if (bars.empty()) return "";
  return ProgressBarsSvg(Message(lang, "disclosure.budget.chart_title"), bars);
}

std::string BudgetJson(const disclosure::Item& item, const std::vector<BudgetLine>& lines) {
  nlohmann::ordered_json out_lines = nlohmann::ordered_json::array();
  for (const BudgetLine& l : lines) {
    out_lines.push_back({{"side", disclosure::BudgetSideCode(l.side)},
                         {"code", l.code},
                         {"name", l.name},
                         {"level", disclosure::BudgetLevel(l)},
                         {"estimate", l.estimate},
                         {"actual", Amount(l.actual)}});
  }
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (const BudgetSide side : {BudgetSide::kRevenue, BudgetSide::kSpending}) {
    const disclosure::BudgetTotal t = disclosure::SideTotal(lines, side);
    totals[std::string(disclosure::BudgetSideCode(side))] = {{"estimate", t.estimate},
                                                             {"actual", Amount(t.actual)}};
  }
  const nlohmann::ordered_json out = {
      {"item_id", item.id},
      {"type_code", item.type_code},
      {"title", item.title},
      {"year", item.year},
      {"period_key", item.period_key},
      {"decision_number", item.decision_number},
      {"decision_on", item.decision_on ? nlohmann::ordered_json(item.decision_on->ToIso())
                                       : nlohmann::ordered_json(nullptr)},
      {"currency", "VND"},
      {"lines", out_lines},
      {"totals", totals}};
  return out.dump();
}

}  // namespace xaso::web
