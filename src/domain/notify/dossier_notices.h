// The deadline notices of one-stop dossiers: the handling unit hears 3 working days before the
// due date, while form 04 (the apology and new date, due at least a day ahead under
// one_stop.extension_notice_min) can still be issued, and again once the dossier is overdue; a
// dossier whose unit the commune lacks goes to the leaders.
#pragma once

#include <vector>

#include "core/date.h"
#include "domain/notify/deadline_notices.h"
#include "domain/onestop/dossier_deadlines.h"

namespace xaso::notify {

// Keys: "dossier:{id}:due:{iso}:{soon|overdue}", so an extension's new date notifies again.
// Links to the staff page of the dossier.
std::vector<OutboxMessage> DossierNotices(const std::vector<onestop::DueDossier>& dossiers,
                                          Date today, const CalendarLookup& calendar_for);

}  // namespace xaso::notify
