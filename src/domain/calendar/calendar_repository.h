// CalendarRepository: the storage port of the legal calendar (tables holiday_rule and
// calendar_override, migrations/0002_calendar.sql). Implemented in storage/.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/calendar/holiday_rules.h"

namespace xaso::calendar {

// commune_id 0 means "national" throughout. Implementations must be safe to call from several
// threads (one connection per call or a pool); the interface itself holds no state.
class CalendarRepository {
 public:
  virtual ~CalendarRepository() = default;

  // All national holiday rules (holiday_rule rows with commune_id NULL), every version, ordered
  // by rule_key then effective_from. Returns kUnavailable if the database cannot be reached and
  // kInternal if a stored row cannot be mapped (bad kind, date or confidence text).
  virtual Result<std::vector<HolidayRule>> LoadHolidayRules() = 0;

  // The overrides that apply to `commune_id`: the national ones (commune_id 0) merged with the
  // commune's own, one per day (the commune's row replaces a national row of the same day),
  // ascending by date. LoadOverrides(0) returns the national ones only. Returns kUnavailable or
  // kInternal as LoadHolidayRules.
  virtual Result<std::vector<CalendarOverride>> LoadOverrides(int64_t commune_id) = 0;

  // Inserts or replaces the override of (commune_id, override_day.date). Returns
  // kInvalidArgument if ValidateOverride fails, kUnavailable if the database cannot be reached.
  virtual Status SaveOverride(int64_t commune_id, const CalendarOverride& override_day,
                              const audit::AuditRecord& audit) = 0;

  // Deletes the override of (commune_id, day). Returns kNotFound if there is none.
  virtual Status DeleteOverride(int64_t commune_id, Date day, const audit::AuditRecord& audit) = 0;
};

}  // namespace xaso::calendar
