// The demo's budget items get the table of demo/disclosure_budget_execution.csv (the first
// quarter's execution), so that the public budget page, its chart and exports have something to
// show: an adopted estimate without actuals, and each quarter's execution with the first
// quarter's actuals times the quarter's number (a linear scale keeps every total adding up).
#include <string_view>

#include "app/system_impl.h"

namespace xaso::app {

Status LoadDemoBudgets(disclosure::DisclosureRepository& items,
                       disclosure::BudgetRepository& budgets, int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(const std::string_view csv, DemoFile("disclosure_budget_execution.csv"));
  XASO_ASSIGN_OR_RETURN(const auto first_quarter, disclosure::ParseBudgetCsv(csv));
  // A demo table that does not add up is a mistake in the file.
  if (!disclosure::CheckBudget(first_quarter).empty()) {
    return MakeError(ErrorCode::kInternal, "demo/disclosure_budget_execution.csv does not add up");
  }
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  for (const char* type : {"budget_estimate", "budget_execution"}) {
    disclosure::ItemQuery q;
    q.commune_id = commune_id;
    q.type_code = type;
    q.limit = 100;
    XASO_ASSIGN_OR_RETURN(const auto found, items.List(q));
    for (const disclosure::ItemSummary& item : found) {
      // "2026-Q3" → 3; an estimate has no actuals.
      const int quarter = item.period_key.size() == 7 ? item.period_key[6] - '0' : 0;
      std::vector<disclosure::BudgetLine> lines = first_quarter;
      for (disclosure::BudgetLine& l : lines) {
        if (quarter >= 1 && quarter <= 4 && l.actual) {
          *l.actual *= quarter;
        } else {
          l.actual.reset();
        }
      }
      XASO_RETURN_IF_ERROR(budgets.Replace(commune_id, item.id, lines, demo));
    }
  }
  return Ok{};
}

}  // namespace xaso::app
