#include "domain/calendar/calendar_service.h"

namespace xaso::calendar {

Result<std::shared_ptr<const LegalCalendar>> CalendarService::For(int64_t commune_id) {
  return cache_.Get(
      commune_id, clock_.NowUnix(), [&]() -> Result<std::shared_ptr<const LegalCalendar>> {
        XASO_ASSIGN_OR_RETURN(auto rules, repo_.LoadHolidayRules());
        XASO_ASSIGN_OR_RETURN(auto overrides, repo_.LoadOverrides(commune_id));
        return std::make_shared<const LegalCalendar>(std::move(rules), std::move(overrides));
      });
}

Status CalendarService::SaveOverride(int64_t commune_id, const CalendarOverride& day,
                                     const audit::AuditRecord& who) {
  XASO_RETURN_IF_ERROR(ValidateOverride(day));
  XASO_RETURN_IF_ERROR(repo_.SaveOverride(commune_id, day, who));
  cache_.Clear();  // a national override (commune 0) changes every commune's calendar
  return Ok{};
}

Status CalendarService::DeleteOverride(int64_t commune_id, Date day,
                                       const audit::AuditRecord& who) {
  XASO_RETURN_IF_ERROR(repo_.DeleteOverride(commune_id, day, who));
  cache_.Clear();
  return Ok{};
}

}  // namespace xaso::calendar
