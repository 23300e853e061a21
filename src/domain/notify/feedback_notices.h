// The deadline notices of citizen feedback: the unit it was routed to hears 3 working days
// before the statutory answer date and again once it is overdue; an item routed nowhere goes to
// the leaders.
#pragma once

#include <vector>

#include "core/date.h"
#include "domain/feedback/feedback.h"
#include "domain/notify/deadline_notices.h"

namespace xaso::notify {

// Keys: "feedback:{id}:due:{iso}:{soon|overdue}". Links to the staff page of the item.
std::vector<OutboxMessage> FeedbackNotices(const std::vector<feedback::Feedback>& items, Date today,
                                           const CalendarLookup& calendar_for);

}  // namespace xaso::notify
