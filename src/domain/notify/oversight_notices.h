// The deadline notices of supervision and inspections: a recommendation of the Fatherland
// Front or a board that the commune must answer within its rule's days (LEGAL.md §2.6), and a
// finding whose remediation deadline nears or passes. Late answers are flagged to the leaders
// as well as to the assigned unit (issue 3, item 5).
#pragma once

#include <vector>

#include "core/date.h"
#include "domain/notify/deadline_notices.h"
#include "domain/oversight/oversight.h"

namespace xaso::notify {

// Per open recommendation: "due soon" (1–3 working days left) and "overdue" messages, each to
// the assigned unit (when there is one) and to every leader of the commune. Keys:
// "rec:{id}:due:{iso}:{soon|overdue}:{unit|leader}".
std::vector<OutboxMessage> RecommendationNotices(const std::vector<oversight::Recommendation>& recs,
                                                 Date today, const CalendarLookup& calendar_for);

// Per open finding: "due soon" and "overdue" messages to its responsible unit, with the
// deadline moved off a weekend or day off. Keys: "finding:{id}:due:{iso}:{soon|overdue}".
std::vector<OutboxMessage> FindingNotices(const std::vector<oversight::Finding>& findings,
                                          Date today, const CalendarLookup& calendar_for);

}  // namespace xaso::notify
