// Test helpers for the calendar tests: source-tree files (via XASO_SOURCE_DIR, which ctest sets)
// and the national rules and overrides exactly as migrations/0002_calendar.sql seeds them, so the
// tests exercise the shipped data rather than a copy. Test-only; not part of domain_calendar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/holiday_rules.h"
#include "domain/calendar/legal_calendar.h"

namespace xaso::calendar::testing {

// The contents of `relative_path` under XASO_SOURCE_DIR. Fails the test (and returns "") if the
// variable is unset or the file cannot be read.
std::string ReadSourceFile(std::string_view relative_path);

// The holiday_rule rows of the migration, converted to CSV and parsed by ParseHolidayRulesCsv.
// Fails the test if the migration cannot be read or a row does not parse.
std::vector<HolidayRule> SeedRules();

// The calendar_override rows of the migration.
std::vector<CalendarOverride> SeedOverrides();

// LegalCalendar(SeedRules(), SeedOverrides()).
LegalCalendar SeedCalendar();

// Date::FromYmd from "YYYY-MM-DD"; aborts the test on a malformed literal.
Date D(std::string_view iso);

}  // namespace xaso::calendar::testing
