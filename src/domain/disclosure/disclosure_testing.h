// Test helpers for the disclosure register: the shipped national calendar (Tết and the other
// days off as migrations/0002_calendar.sql seeds them) behind a CalendarRepository, and short
// builders of items and postings. Test-only; not part of domain_disclosure.
#pragma once

#include <optional>
#include <string>

#include "domain/calendar/calendar_repository.h"
#include "domain/disclosure/disclosure.h"

namespace xaso::disclosure::testing {

// The seeded national rules and overrides for every commune; writes are refused.
class SeedCalendarRepository final : public calendar::CalendarRepository {
 public:
  // xaso::calendar::CalendarRepository
  Result<std::vector<calendar::HolidayRule>> LoadHolidayRules() override;
  Result<std::vector<calendar::CalendarOverride>> LoadOverrides(int64_t commune_id) override;
  Status SaveOverride(int64_t commune_id, const calendar::CalendarOverride& day,
                      const audit::AuditRecord& audit) override;
  Status DeleteOverride(int64_t commune_id, Date day, const audit::AuditRecord& audit) override;
};

// A posting on `channel` from `start` ("YYYY-MM-DD") with optional `until` and take-down day.
Posting MakePosting(int64_t id, Channel channel, std::string_view start,
                    std::optional<std::string_view> until = std::nullopt,
                    std::optional<std::string_view> down = std::nullopt);

// A published item of commune 1 following a decision of `decision_on`.
Item DecisionItem(std::string type_code, std::string_view decision_on);
// A published item of commune 1 for a period ("2025-Q1").
Item PeriodItem(std::string type_code, std::string period_key);

}  // namespace xaso::disclosure::testing
