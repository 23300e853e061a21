// The legal holiday rules as data: each HolidayRule row is one version of one public holiday,
// valid from a date, and CalendarOverride records the government's announced swaps and extra
// days off. The rows live in the database (migrations/0002_calendar.sql); nothing here hard-codes
// a holiday.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace xaso::calendar {

// How the anchor day of a rule is found in a year.
enum class RuleKind {
  kSolarDay,  // A fixed Gregorian day: `month`/`day` of the Gregorian year.
  kLunarDay,  // A fixed lunar day: `month`/`day` (never the leap month) of the lunar year.
  kTetBlock,  // Mùng 1 Tết of the lunar year; `month`/`day` are ignored (stored as 1/1).
};

// How sure we are that a row matches the law: the tags of docs/LEGAL.md, stored as one letter.
enum class Confidence {
  kVerified,  // "V": read in the article text of the law (an official or codified copy).
  kSourced,   // "S": read in a secondary or unofficial copy (legal Q&A, news, other projects).
  kMemory,    // "M": recalled, not read in a copy of the text.
  kInferred,  // "I": inferred, e.g. a default where the law lets the Prime Minister choose.
};

// One version of one public holiday. Several rows may share a `key` (the holiday), each with its
// own validity; the rows of one key must not overlap.
//
// The days of a rule in rule-year Y: find the anchor A (the Gregorian day for kSolarDay, the lunar
// day of lunar year Y for kLunarDay, mùng 1 Tết of lunar year Y for kTetBlock); the holiday is the
// `length_days` consecutive days starting at A - `days_before`. The rule applies in Y only if A is
// within [effective_from, effective_to]. Example: Tết under the 2019 Labour Code is kTetBlock,
// length 5, days_before 1: the last day of the old year and mùng 1-4.
struct HolidayRule {
  std::string key{};  // Stable identifier of the holiday, e.g. "quoc_khanh".
  RuleKind kind = RuleKind::kSolarDay;
  int month = 1;        // 1-12; for kLunarDay a lunar month.
  int day = 1;          // 1-31 (solar) or 1-30 (lunar).
  int length_days = 1;  // >= 1.
  int days_before = 0;  // >= 0: days of the block before the anchor.
  Date effective_from{};
  std::optional<Date> effective_to{};  // Inclusive; nullopt while the rule is in force.
  std::string name_vi{};
  std::string name_en{};
  std::string legal_basis{};  // Law and article, e.g. "Bộ luật Lao động 2019, Điều 112".
  Confidence confidence = Confidence::kMemory;
  // Bộ luật Lao động 2019 Art 111(3) (Art 115(3) of the 2012 code): a holiday day that falls on a
  // weekly rest day is compensated on the next working day.
  bool compensate_on_rest_day = true;

  friend bool operator==(const HolidayRule&, const HolidayRule&) = default;
};

// A day the government (or the commune's administrator, for a local decision) declares different
// from what the rules give: an extra day off, or a working day (usually a Saturday worked to swap
// for a bridge day). An override is final: it is applied after the rules and their compensation.
struct CalendarOverride {
  enum class Kind { kDayOff, kWorkingDay };

  Date date{};
  Kind kind = Kind::kDayOff;
  std::string name_vi{};      // E.g. "Nghỉ Tết Nguyên đán (hoán đổi)".
  std::string legal_basis{};  // E.g. "Văn bản 8662/VPCP-KGVX ngày 03/11/2023".

  friend bool operator==(const CalendarOverride&, const CalendarOverride&) = default;
};

// Text forms used by the database and CSV: "solar_day", "lunar_day", "tet_block"; "V", "S", "M",
// "I"; "day_off", "working_day". The parsers return nullopt for anything else.
const char* RuleKindName(RuleKind kind);
std::optional<RuleKind> ParseRuleKind(std::string_view text);
const char* ConfidenceTag(Confidence confidence);
std::optional<Confidence> ParseConfidenceTag(std::string_view text);
const char* OverrideKindName(CalendarOverride::Kind kind);
std::optional<CalendarOverride::Kind> ParseOverrideKind(std::string_view text);

// Checks the ranges documented on HolidayRule, a non-empty key and name_vi, and
// effective_to >= effective_from. Returns kInvalidArgument with one FieldError per bad field.
Status ValidateHolidayRule(const HolidayRule& rule);

// Checks that name_vi is not empty. Returns kInvalidArgument with a FieldError otherwise.
Status ValidateOverride(const CalendarOverride& override_day);

// True if the rule is in force on `day` (effective_from <= day <= effective_to).
bool InForceOn(const HolidayRule& rule, Date day);

// The anchor day of the rule in rule-year `year` (see HolidayRule), or nullopt if it does not
// exist that year (29 February, or lunar day 30 of a 29-day month). Ignores effective dates.
std::optional<Date> AnchorDay(const HolidayRule& rule, int year);

// The holiday days the rule gives in rule-year `year`, ascending; empty if the anchor does not
// exist or the rule is not in force on it. For lunar rules some days may fall in another
// Gregorian year.
std::vector<Date> RuleDays(const HolidayRule& rule, int year);

// Parses rules from CSV (RFC 4180 quoting; lines starting with '#' and blank lines are skipped).
// The first other line must be exactly the header
//   key,kind,month,day,length_days,days_before,effective_from,effective_to,name_vi,name_en,
//   legal_basis,confidence,compensate_on_rest_day
// (one line), with the column names of table holiday_rule (`month`/`day` are anchor_month and
// anchor_day there). Dates are YYYY-MM-DD, effective_to may be empty, the last column is 0 or 1.
// Every row must pass ValidateHolidayRule. Returns kInvalidArgument naming the line on any error.
// Meant for tests and imports; the database is the primary source.
Result<std::vector<HolidayRule>> ParseHolidayRulesCsv(std::string_view csv);

}  // namespace xaso::calendar
