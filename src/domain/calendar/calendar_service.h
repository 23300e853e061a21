// The legal calendar of each commune, as the database defines it, for request handlers: the
// national rules with the commune's announced overrides. Built calendars are kept for
// `max_age_seconds`, so that an override saved by another server process is seen within
// that time; an override saved through this service is seen at once.
#pragma once

#include <cstdint>
#include <memory>

#include "core/clock.h"
#include "core/ttl_cache.h"
#include "domain/calendar/calendar_repository.h"
#include "domain/calendar/legal_calendar.h"

namespace xaso::calendar {

// Thread-safe.
class CalendarService {
 public:
  CalendarService(CalendarRepository& repo, const Clock& clock, int64_t max_age_seconds = 60)
      : repo_(repo), clock_(clock), cache_(max_age_seconds) {}

  // Errors: those of the repository.
  Result<std::shared_ptr<const LegalCalendar>> For(int64_t commune_id);

  // kInvalidArgument for an invalid override (ValidateOverride), else the repository's errors.
  Status SaveOverride(int64_t commune_id, const CalendarOverride& day,
                      const audit::AuditRecord& who);
  Status DeleteOverride(int64_t commune_id, Date day, const audit::AuditRecord& who);
  // The commune's own overrides and the national ones, ascending by date.
  Result<std::vector<CalendarOverride>> Overrides(int64_t commune_id) {
    return repo_.LoadOverrides(commune_id);
  }

 private:
  CalendarRepository& repo_;
  const Clock& clock_;
  TtlCache<int64_t, std::shared_ptr<const LegalCalendar>> cache_;
};

}  // namespace xaso::calendar
