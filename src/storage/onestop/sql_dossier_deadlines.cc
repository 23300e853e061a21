#include "storage/onestop/sql_dossier_deadlines.h"

#include <soci/soci.h>

#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

// Only what a notice needs: which dossier, whose, by when. The applicant's details are not read.
Result<std::vector<onestop::DueDossier>> SqlDossierDeadlines::RunningDueBy(Date by) {
  return QueryAll<onestop::DueDossier>(
      db_,
      "SELECT d.id, d.commune_id, d.code, d.procedure_name, u.id, d.due_on FROM dossier d "
      "LEFT JOIN unit u ON u.commune_id = d.commune_id AND u.code = d.unit_code "
      "WHERE d.status IN ('received', 'assigned', 'processing') AND d.due_on <= :b "
      "ORDER BY d.commune_id, d.id",
      [](const soci::row& r) {
        onestop::DueDossier d;
        d.id = RowInt(r, 0);
        d.commune_id = RowInt(r, 1);
        d.code = RowText(r, 2);
        d.procedure_name = RowText(r, 3);
        if (r.get_indicator(4) != soci::i_null) d.unit_id = RowInt(r, 4);
        d.due_on = RowDate(r, 5).value_or(Date());
        return d;
      },
      by.ToIso());
}

}  // namespace xaso::storage
