#include "storage/disclosure/sql_budget_repository.h"

#include <string>
#include <utility>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/row_util.h"

namespace xaso::storage {

using disclosure::BudgetLine;
using disclosure::BudgetSide;

namespace {

Error ItemNotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy mục công khai."); }

bool ItemOfCommune(soci::session& s, long long commune_id, long long item_id) {
  int found = 0;
  s << "SELECT COUNT(*) FROM disclosure_item WHERE id = :i AND commune_id = :c", soci::into(found),
      soci::use(item_id), soci::use(commune_id);
  return found > 0;
}

}  // namespace

Status SqlBudgetRepository::Replace(int64_t commune_id, int64_t item_id,
                                    const std::vector<BudgetLine>& lines,
                                    const audit::AuditRecord& rec) {
  std::vector<BudgetLine> ordered = lines;
  disclosure::SortBudget(ordered);
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id;
    long long item = item_id;
    if (!ItemOfCommune(s, c, item)) return ItemNotFound();
    s << "DELETE FROM disclosure_budget_line WHERE item_id = :i", soci::use(item);
    int position = 0;
    std::string side;
    std::string code;
    std::string name;
    long long estimate = 0;
    long long actual = 0;
    soci::indicator actual_ind = soci::i_null;
    soci::statement insert =
        (s.prepare << "INSERT INTO disclosure_budget_line (commune_id, item_id, position, side, "
                      "code, name, estimate, actual) VALUES (:c, :i, :p, :s, :k, :n, :e, :a)",
         soci::use(c), soci::use(item), soci::use(position), soci::use(side), soci::use(code),
         soci::use(name), soci::use(estimate), soci::use(actual, actual_ind));
    for (const BudgetLine& l : ordered) {
      ++position;
      side = disclosure::BudgetSideCode(l.side);
      code = l.code;
      name = l.name;
      estimate = l.estimate;
      actual = l.actual.value_or(0);
      actual_ind = l.actual ? soci::i_ok : soci::i_null;
      insert.execute(true);
    }
    AuditChange(s, rec, c, "disclosure_item", item, "budget",
                std::to_string(ordered.size()) + " dòng ngân sách", now);
    BumpContentVersion(s, c);
    return Ok{};
  });
}

Result<std::vector<BudgetLine>> SqlBudgetRepository::Lines(int64_t commune_id, int64_t item_id) {
  std::vector<BudgetLine> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    long long item = item_id;
    if (!ItemOfCommune(s, c, item)) return ItemNotFound();
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT side, code, name, estimate, actual FROM disclosure_budget_line "
                      "WHERE item_id = :i ORDER BY position",
         soci::use(item));
    for (const soci::row& r : rows) {
      BudgetLine l;
      l.side = RowText(r, 0) == "spending" ? BudgetSide::kSpending : BudgetSide::kRevenue;
      l.code = RowText(r, 1);
      l.name = RowText(r, 2);
      l.estimate = RowInt(r, 3);
      l.actual = RowOptInt(r, 4);
      out.push_back(std::move(l));
    }
    return Ok{};
  }));
  return out;
}

}  // namespace xaso::storage
