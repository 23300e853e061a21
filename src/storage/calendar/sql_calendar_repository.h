// calendar::CalendarRepository over SQL (tables of migrations/0002_calendar.sql).
#pragma once

#include "domain/calendar/calendar_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlCalendarRepository final : public calendar::CalendarRepository {
 public:
  explicit SqlCalendarRepository(Database& db) : db_(db) {}

  // xaso::calendar::CalendarRepository
  Result<std::vector<calendar::HolidayRule>> LoadHolidayRules() override;
  Result<std::vector<calendar::CalendarOverride>> LoadOverrides(int64_t commune_id) override;
  Status SaveOverride(int64_t commune_id, const calendar::CalendarOverride& day,
                      const audit::AuditRecord& audit) override;
  Status DeleteOverride(int64_t commune_id, Date day, const audit::AuditRecord& audit) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
