// LegalCalendar: which days are working days for a Vietnamese public body, from the holiday
// rules and the announced overrides, and the working-day arithmetic that legal deadlines use.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/calendar/holiday_rules.h"

namespace xaso::calendar {

// One day off in a year's list (see LegalCalendar::HolidaysIn).
struct Holiday {
  enum class Kind {
    kPublicHoliday,  // A day of a holiday rule (listed even when it is a Saturday or Sunday).
    kCompensatory,   // Nghỉ bù: a working day given back for a holiday day on a rest day.
    kAnnounced,      // A CalendarOverride of kind kDayOff.
  };

  Date date{};
  Kind kind = Kind::kPublicHoliday;
  std::string key{};  // The rule's key; for kAnnounced, "override".
  std::string name_vi{};
  std::string legal_basis{};

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// The working calendar of an office with a Saturday-Sunday week (civil servants, Nghị định
// 194/1999/NĐ-CP onwards), built from holiday rules and overrides. How a day is decided:
//
//   1. Each rule gives its days in each year (RuleDays). If two rules give the same day, the
//      first rule in the vector names it and no second day is owed.
//   2. Compensation: taking rule days in date order, each day with compensate_on_rest_day that
//      falls on a Saturday or Sunday earns the next day after it that is a Monday-Friday, not a
//      rule day and not already a compensation day (Bộ luật Lao động 2019 Art 111(3)).
//   3. Overrides are applied last and win: kDayOff makes the day a day off, kWorkingDay makes it
//      a working day even if steps 1-2 made it a holiday or compensation day, or it is a
//      Saturday. Overrides do not move compensation days. If two overrides name the same day,
//      the later one in the vector wins.
//   4. Any other Saturday or Sunday is a rest day; every other day is a working day.
//
// The constructor does not validate: a rule whose anchor does not exist in a year gives no day
// that year. Validate input at the edge with ValidateHolidayRule and ValidateOverride.
//
// Thread safety: the object is immutable; all const methods may be called concurrently. Each
// Gregorian year is computed once on first use and cached (the cache is shared by copies, which
// is safe because the rules never change after construction).
class LegalCalendar {
 public:
  LegalCalendar(std::vector<HolidayRule> rules, std::vector<CalendarOverride> overrides);

  // The days off of Gregorian year `year` that are not plain weekends: every rule day (even on a
  // weekend), every compensation day (name "Nghỉ bù <holiday>") and every announced day off,
  // ascending by date. Days turned into working days by an override are left out.
  std::vector<Holiday> HolidaysIn(int year) const;

  bool IsWorkingDay(Date day) const;

  // The date `n` working days after `start`, not counting `start` itself (Bộ luật Dân sự 2015
  // Art 147: a period in days starts the day after the event). n = 1 is the first working day
  // after start. n = 0 returns start if it is a working day, else the next working day. n < 0
  // counts backwards: the |n|-th working day before start.
  Date AddWorkingDays(Date start, int n) const;

  // The number of working days d with from < d <= to; for n >= 1,
  // WorkingDaysBetween(from, AddWorkingDays(from, n)) == n. If to < from the result is the
  // negative of WorkingDaysBetween(to, from); from == to gives 0.
  int WorkingDaysBetween(Date from, Date to) const;

  // `start` plus n calendar days, with no adjustment.
  static Date AddCalendarDays(Date start, int n) { return start.AddDays(n); }

  // A deadline of n calendar days after `start` (n >= 0): start + n, moved to the next working
  // day if that day is a weekend or day off (Bộ luật Dân sự 2015 Art 148(5)).
  Date CalendarDaysDeadline(Date start, int n) const;

  // The calendar a case opened on `opened` keeps for its whole life, so that a later change of
  // the rules does not move its deadlines. Exactly: the rules kept are those in force on
  // `opened` (effective_from <= opened and, if set, effective_to >= opened), each with
  // effective_to cleared so it keeps applying after a newer version takes over; rules that take
  // effect after `opened` or ended before it are dropped. effective_from is kept, so the
  // returned calendar is meant for dates from `opened` on. All overrides are kept unchanged:
  // they are decisions about particular days, not versions of a rule.
  LegalCalendar ForRulesInForceOn(Date opened) const;

  const std::vector<HolidayRule>& rules() const { return rules_; }
  const std::vector<CalendarOverride>& overrides() const { return overrides_; }

 private:
  struct YearTable;
  struct Cache;

  std::shared_ptr<const YearTable> Table(int year) const;
  std::shared_ptr<const YearTable> BuildTable(int year) const;

  std::vector<HolidayRule> rules_;
  std::vector<CalendarOverride> overrides_;
  // Never null. Shared between copies; holds its own mutex.
  std::shared_ptr<Cache> cache_;
};

}  // namespace xaso::calendar
