// The commune budget published as tables (LEGAL.md §10: the estimate, its execution by quarter
// and the final accounts): revenue and spending lines with the estimate and, for execution and
// final accounts, the amount realised, in đồng. A line whose code has children ("1" over "1.1"
// and "1.2") is their total, and must add up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"

namespace xaso::disclosure {

enum class BudgetSide { kRevenue, kSpending };
std::optional<BudgetSide> ParseBudgetSide(std::string_view code);  // "revenue" / "thu", ...
std::string_view BudgetSideCode(BudgetSide s);                     // "revenue", "spending"

struct BudgetLine {
  BudgetSide side = BudgetSide::kRevenue;
  std::string code;               // "1", "1.1", "1.1.2": the dots make the tree
  std::string name;               // "Thu ngân sách xã hưởng theo phân cấp"
  int64_t estimate = 0;           // đồng, >= 0
  std::optional<int64_t> actual;  // đồng, >= 0; none in an estimate
};

// Each problem, one per line of the table: a bad or duplicate code, a child without its parent,
// a negative amount, a parent whose estimate or actual differs from the sum of its direct
// children (the message gives both sums in đồng). An empty vector when the table is sound.
struct BudgetProblem {
  int line = 0;  // 1-based index in the table (the CSV line minus the header)
  std::string field;
  std::string message_vi;
};
std::vector<BudgetProblem> CheckBudget(const std::vector<BudgetLine>& lines);

// Limits that keep every sum inside int64: at most kMaxBudgetLines lines, amounts at most
// kMaxBudgetAmount đồng (a million billion; a commune's budget is some billions).
inline constexpr size_t kMaxBudgetLines = 2000;
inline constexpr int64_t kMaxBudgetAmount = 1'000'000'000'000'000;

// The depth of a line: 1 for "1", 2 for "1.1"...
int BudgetLevel(const BudgetLine& line);
// Table order: revenue first, then by code segment by segment as numbers ("1.2" < "1.10").
void SortBudget(std::vector<BudgetLine>& lines);
// The sums of the top-level lines of one side; `actual` is none unless some line has one.
struct BudgetTotal {
  int64_t estimate = 0;
  std::optional<int64_t> actual;
};
BudgetTotal SideTotal(const std::vector<BudgetLine>& lines, BudgetSide side);

// CSV with the header side,code,name,estimate,actual (actual may be empty); amounts are plain
// integers or Vietnamese-grouped ("1.250.000"). kInvalidArgument naming the line of the first
// malformed row ("dòng N: ", N the line of the file, as ParseCsv counts); totals are
// CheckBudget's job. More than kMaxBudgetLines rows is refused.
Result<std::vector<BudgetLine>> ParseBudgetCsv(std::string_view csv);
std::string BudgetCsv(const std::vector<BudgetLine>& lines);

class BudgetRepository {
 public:
  virtual ~BudgetRepository() = default;
  // Replaces the item's lines (already checked) in one transaction.
  virtual Status Replace(int64_t commune_id, int64_t item_id, const std::vector<BudgetLine>& lines,
                         const audit::AuditRecord& rec) = 0;
  // In table order (revenue first, then by code); empty when none.
  virtual Result<std::vector<BudgetLine>> Lines(int64_t commune_id, int64_t item_id) = 0;
};

}  // namespace xaso::disclosure
