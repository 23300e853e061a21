#include "domain/calendar/calendar_service.h"

namespace xaso::calendar {

Result<std::shared_ptr<const LegalCalendar>> CalendarService::For(int64_t commune_id) {
  const int64_t now = clock_.NowUnix();
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(commune_id);
    if (it != cache_.end() && now - it->second.loaded_at < max_age_) return it->second.calendar;
  }
  // Built outside the lock: two threads may build the same calendar once each, which is
  // cheaper than making every reader wait on the database.
  XASO_ASSIGN_OR_RETURN(auto rules, repo_.LoadHolidayRules());
  XASO_ASSIGN_OR_RETURN(auto overrides, repo_.LoadOverrides(commune_id));
  auto cal = std::make_shared<const LegalCalendar>(std::move(rules), std::move(overrides));
  std::lock_guard lock(mu_);
  cache_[commune_id] = {cal, now};
  return cal;
}

Status CalendarService::SaveOverride(int64_t commune_id, const CalendarOverride& day,
                                     const audit::AuditRecord& who) {
  XASO_RETURN_IF_ERROR(ValidateOverride(day));
  XASO_RETURN_IF_ERROR(repo_.SaveOverride(commune_id, day, who));
  std::lock_guard lock(mu_);
  cache_.clear();  // a national override (commune 0) changes every commune's calendar
  return Ok{};
}

Status CalendarService::DeleteOverride(int64_t commune_id, Date day,
                                       const audit::AuditRecord& who) {
  XASO_RETURN_IF_ERROR(repo_.DeleteOverride(commune_id, day, who));
  std::lock_guard lock(mu_);
  cache_.clear();
  return Ok{};
}

}  // namespace xaso::calendar
