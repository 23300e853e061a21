#include "storage/feedback/sql_feedback_deadlines.h"

#include <soci/soci.h>

#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

// Only what a notice needs: who, which item, by when. The citizen's details are not read.
Result<std::vector<feedback::Feedback>> SqlFeedbackDeadlines::OpenDueBy(Date by) {
  return QueryAll<feedback::Feedback>(
      db_,
      "SELECT id, commune_id, tracking_code, category_id, unit_id, due_on, status, title "
      "FROM feedback WHERE status IN ('received', 'assigned', 'in_progress') AND hidden = 0 "
      "AND due_on <= :b ORDER BY commune_id, id",
      [](const soci::row& r) {
        feedback::Feedback f;
        f.id = RowInt(r, 0);
        f.commune_id = RowInt(r, 1);
        f.tracking_code = RowText(r, 2);
        f.category_id = RowInt(r, 3);
        if (r.get_indicator(4) != soci::i_null) f.unit_id = RowInt(r, 4);
        f.due_on = RowDate(r, 5).value_or(Date());
        f.status =
            feedback::StatusFromCode(RowText(r, 6)).value_or(feedback::ItemStatus::kReceived);
        f.submission.title = RowText(r, 7);
        return f;
      },
      by.ToIso());
}

}  // namespace xaso::storage
