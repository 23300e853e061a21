// The date a dossier's result is due (ngày hẹn trả kết quả, form 01), from the time of receipt,
// the procedure's time limit and the commune's legal calendar, in Vietnam time (UTC+7).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/onestop/procedure.h"

namespace xaso::onestop {

// The time of day after which a same-day procedure is returned the next working day, in minutes
// after midnight: the rule `one_stop.same_day_cutoff` ("15:00" from 01/07/2025).
struct SameDayCutoff {
  int minutes = 0;
};

// Parses "HH:MM" (two digits each, 00:00-23:59). kInvalidArgument otherwise, naming the text.
Result<SameDayCutoff> ParseSameDayCutoff(std::string_view text);

// The day receipt counts from: the day of `at` in Vietnam, or the next working day when that is
// a weekend or day off (the desk is closed, so only an online dossier can arrive then).
Date EffectiveReceiptDay(int64_t at, const calendar::LegalCalendar& cal);

// The due date of a dossier received at `received_at` (Unix seconds), the result being due by the
// end of that day:
// - n working days: the n-th working day after the effective receipt day (the period starts the
//   day after receipt, Bộ luật Dân sự 2015 Art 147);
// - same day: the day of receipt, or the next working day when received strictly after the
//   cutoff (15:00:00 is still in time, 15:00:01 is not) or on a day off.
// Precondition: ValidateProcedure(p) is ok.
Date DueAt(int64_t received_at, const Procedure& p, const calendar::LegalCalendar& cal,
           SameDayCutoff cutoff);

// One round of form 02: the officer asked for more documents at `requested_at` and the applicant
// brought them at `supplemented_at`.
struct SupplementRound {
  int64_t requested_at = 0;
  int64_t supplemented_at = 0;
};

// The due date once the applicant has supplemented, the clock having stopped while the applicant
// was away (LEGAL.md §7.1: the time already used counts toward the processing time; docs/decisions/
// 0008). For n working days: each round uses the working days from the day the clock last started
// (receipt or the previous supplement) to the day of the request, the request day included; the
// days left count from the day after the last supplement, at least one. A same-day procedure starts
// again as if received when the last supplement came. With no rounds it equals DueAt.
// kInvalidArgument when the rounds are out of order (a request before receipt or before the
// previous supplement, a supplement before its request).
Result<Date> DueAfterSupplements(int64_t received_at, std::span<const SupplementRound> rounds,
                                 const Procedure& p, const calendar::LegalCalendar& cal,
                                 SameDayCutoff cutoff);

}  // namespace xaso::onestop
