// The demo's budget execution items get the table of demo/disclosure_budget_execution.csv, so
// that the public budget page, its chart and exports have something to show.
#include <string_view>

#include "core/embedded.h"
#include "app/system_impl.h"

namespace xaso::app {

Status LoadDemoBudgets(disclosure::DisclosureRepository& items,
                       disclosure::BudgetRepository& budgets, int64_t commune_id) {
  std::string_view csv;
  for (const EmbeddedFile& f : EmbeddedDemoFiles()) {
    if (f.path.ends_with("disclosure_budget_execution.csv")) csv = f.data;
  }
  XASO_ASSIGN_OR_RETURN(const auto lines, disclosure::ParseBudgetCsv(csv));
  // A demo table that does not add up is a mistake in the file, caught here and by its test.
  if (!disclosure::CheckBudget(lines).empty()) {
    return MakeError(ErrorCode::kInternal, "demo/disclosure_budget_execution.csv does not add up");
  }
  disclosure::ItemQuery q;
  q.commune_id = commune_id;
  q.type_code = "budget_execution";
  q.limit = 100;
  XASO_ASSIGN_OR_RETURN(const auto found, items.List(q));
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  for (const disclosure::ItemSummary& item : found) {
    XASO_RETURN_IF_ERROR(budgets.Replace(commune_id, item.id, lines, demo));
  }
  return Ok{};
}

}  // namespace xaso::app
