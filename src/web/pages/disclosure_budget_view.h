// The budget tables of a disclosure item (LEGAL.md §10) as template data, chart and JSON,
// shared by the staff page and the public page and exports (disclosure_budget_pages.cc).
#pragma once

#include <string>
#include <vector>

#include "domain/disclosure/budget.h"
#include "domain/disclosure/disclosure.h"
#include "web/render.h"

namespace xaso::web {

// {revenue, spending}: each {rows: [{code, name, level_class, estimate, actual, percent}],
// total_estimate, total_actual, total_percent, has_rows}, plus has_actual when the table has
// amounts realised (then the columns of actual and percentage show). Amounts in đồng with
// dots; the percentage realised of a line with no estimate is "—".
Data BudgetTablesData(const std::vector<disclosure::BudgetLine>& lines);
// Bars of the top-level lines of both sides: the share of the estimate realised, with both
// amounts written after each bar. "" when the table has no amounts realised.
std::string BudgetChartSvg(Lang lang, const std::vector<disclosure::BudgetLine>& lines);
// The item's identity and its lines (side, code, name, level, estimate, actual or null) with
// the totals of each side, amounts as integers of đồng.
std::string BudgetJson(const disclosure::Item& item,
                       const std::vector<disclosure::BudgetLine>& lines);

}  // namespace xaso::web
