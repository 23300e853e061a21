#include "domain/calendar/legal_calendar.h"

#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace xaso::calendar {
namespace {

constexpr int kSaturday = 5;

bool IsWeekend(Date day) { return day.weekday() >= kSaturday; }

}  // namespace

// The decided days of one Gregorian year.
struct LegalCalendar::YearTable {
  long first_day = 0;             // days() of 1 January.
  std::vector<bool> working;      // working[i] is for first_day + i; one entry per day of the year.
  std::vector<Holiday> days_off;  // HolidaysIn(year), ascending.

  bool Contains(Date day) const {
    return day.days() >= first_day && day.days() - first_day < static_cast<long>(working.size());
  }
  // Precondition: Contains(day).
  bool IsWorking(Date day) const { return working[static_cast<size_t>(day.days() - first_day)]; }
};

struct LegalCalendar::Cache {
  std::mutex mu;
  // Guarded by mu. Entries are immutable once inserted.
  std::unordered_map<int, std::shared_ptr<const YearTable>> years;
};

LegalCalendar::LegalCalendar(std::vector<HolidayRule> rules,
                             std::vector<CalendarOverride> overrides)
    : rules_(std::move(rules)),
      overrides_(std::move(overrides)),
      cache_(std::make_shared<Cache>()) {}

std::shared_ptr<const LegalCalendar::YearTable> LegalCalendar::Table(int year) const {
  {
    std::lock_guard<std::mutex> lock(cache_->mu);
    auto it = cache_->years.find(year);
    if (it != cache_->years.end()) return it->second;
  }
  // Built outside the lock: two threads may both build a year, and the first insert wins. The
  // tables are equal, so either is correct.
  std::shared_ptr<const YearTable> table = BuildTable(year);
  std::lock_guard<std::mutex> lock(cache_->mu);
  return cache_->years.emplace(year, std::move(table)).first->second;
}

std::shared_ptr<const LegalCalendar::YearTable> LegalCalendar::BuildTable(int year) const {
  // Step 1: rule days. Rule-years year-1 .. year+1 cover lunar days that cross the Gregorian
  // year and compensation that spills from one year into the next. Keyed by days(); emplace
  // keeps the first rule that gives a day.
  struct RuleDay {
    Holiday holiday;
    bool compensate = false;
  };
  std::map<long, RuleDay> rule_days;
  for (const HolidayRule& rule : rules_) {
    for (int y = year - 1; y <= year + 1; ++y) {
      for (Date d : RuleDays(rule, y)) {
        rule_days.emplace(d.days(), RuleDay{.holiday = {.date = d,
                                                        .kind = Holiday::Kind::kPublicHoliday,
                                                        .key = rule.key,
                                                        .name_vi = rule.name_vi,
                                                        .legal_basis = rule.legal_basis},
                                            .compensate = rule.compensate_on_rest_day});
      }
    }
  }

  // Step 2: compensation, in date order.
  std::map<long, Holiday> comp_days;
  for (const auto& [days, rule_day] : rule_days) {
    const Holiday& holiday = rule_day.holiday;
    if (!rule_day.compensate || !IsWeekend(holiday.date)) continue;
    Date c = holiday.date.AddDays(1);
    while (IsWeekend(c) || rule_days.count(c.days()) != 0 || comp_days.count(c.days()) != 0) {
      c = c.AddDays(1);
    }
    comp_days.emplace(c.days(), Holiday{.date = c,
                                        .kind = Holiday::Kind::kCompensatory,
                                        .key = holiday.key,
                                        .name_vi = "Nghỉ bù " + holiday.name_vi,
                                        .legal_basis = holiday.legal_basis});
  }

  // Step 3: overrides; a later one for the same day replaces an earlier one.
  std::map<long, const CalendarOverride*> overrides;
  for (const CalendarOverride& o : overrides_) {
    if (o.date.year() == year) overrides[o.date.days()] = &o;
  }

  auto table = std::make_shared<YearTable>();
  const Date jan1 = Date::FromYmd(year, 1, 1);
  const Date next_jan1 = Date::FromYmd(year + 1, 1, 1);
  table->first_day = jan1.days();
  table->working.resize(static_cast<size_t>(next_jan1.days() - jan1.days()));
  for (Date d = jan1; d < next_jan1; d = d.AddDays(1)) {
    const long key = d.days();
    bool working = !IsWeekend(d);
    const Holiday* off = nullptr;
    if (auto it = rule_days.find(key); it != rule_days.end()) {
      off = &it->second.holiday;
    } else if (auto jt = comp_days.find(key); jt != comp_days.end()) {
      off = &jt->second;
    }
    if (off != nullptr) working = false;
    Holiday announced;
    if (auto ot = overrides.find(key); ot != overrides.end()) {
      const CalendarOverride& o = *ot->second;
      if (o.kind == CalendarOverride::Kind::kWorkingDay) {
        working = true;
        off = nullptr;
      } else {
        working = false;
        if (off == nullptr) {
          announced = Holiday{.date = d,
                              .kind = Holiday::Kind::kAnnounced,
                              .key = "override",
                              .name_vi = o.name_vi,
                              .legal_basis = o.legal_basis};
          off = &announced;
        }
      }
    }
    table->working[static_cast<size_t>(key - table->first_day)] = working;
    if (off != nullptr) table->days_off.push_back(*off);
  }
  return table;
}

std::vector<Holiday> LegalCalendar::HolidaysIn(int year) const { return Table(year)->days_off; }

bool LegalCalendar::IsWorkingDay(Date day) const { return Table(day.year())->IsWorking(day); }

Date LegalCalendar::AddWorkingDays(Date start, int n) const {
  std::shared_ptr<const YearTable> table = Table(start.year());
  auto working = [&](Date d) {
    if (!table->Contains(d)) table = Table(d.year());
    return table->IsWorking(d);
  };
  if (n == 0) {
    Date d = start;
    while (!working(d)) d = d.AddDays(1);
    return d;
  }
  const int step = n > 0 ? 1 : -1;
  int remaining = n > 0 ? n : -n;
  Date d = start;
  while (remaining > 0) {
    d = d.AddDays(step);
    if (working(d)) --remaining;
  }
  return d;
}

int LegalCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (to < from) return -WorkingDaysBetween(to, from);
  int count = 0;
  std::shared_ptr<const YearTable> table = Table(to.year());
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) {
    if (!table->Contains(d)) table = Table(d.year());
    if (table->IsWorking(d)) ++count;
  }
  return count;
}

Date LegalCalendar::CalendarDaysDeadline(Date start, int n) const {
  return AddWorkingDays(AddCalendarDays(start, n), 0);
}

LegalCalendar LegalCalendar::ForRulesInForceOn(Date opened) const {
  std::vector<HolidayRule> kept;
  for (const HolidayRule& rule : rules_) {
    if (!InForceOn(rule, opened)) continue;
    HolidayRule copy = rule;
    copy.effective_to.reset();
    kept.push_back(std::move(copy));
  }
  return LegalCalendar(std::move(kept), overrides_);
}

}  // namespace xaso::calendar
