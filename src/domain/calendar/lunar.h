// The Vietnamese lunisolar calendar (âm lịch): conversion between civil dates and lunar dates,
// computed astronomically for the Vietnam time zone. Pure functions, no state.
#pragma once

#include <optional>

#include "core/date.h"

namespace xaso::calendar {

// Vietnam's legal time, UTC+7. The Chinese calendar uses UTC+8, so the two differ whenever a
// new moon (or the winter solstice) falls in the hour between; e.g. Tết 2007 is 2007-02-17 in
// Vietnam and 2007-02-18 in China.
inline constexpr int kVietnamUtcOffsetHours = 7;

// A date of the lunar calendar. `year` is the Gregorian number of the year in which its month 1
// begins (Tết of lunar year 2024 is 2024-02-10; lunar 2024-12-30 is 2025-01-28). `leap` marks
// the intercalary month (tháng nhuận), which repeats the number of the month before it.
struct LunarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool leap = false;

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// Converts a civil date to its lunar date. The algorithm (Hồ Ngọc Đức, after Meeus) is accurate
// for roughly 1800-2199; it is tested for every Tết 1990-2050.
LunarDate SolarToLunar(Date date);
LunarDate SolarToLunar(Date date, int utc_offset_hours);

// Converts a lunar date to a civil date. Returns nullopt if the lunar date does not exist: month
// outside 1-12, day outside 1-30, day 30 in a 29-day month, or `leap` set for a month that is not
// the leap month of that year.
std::optional<Date> LunarToSolar(int year, int month, int day, bool leap);
std::optional<Date> LunarToSolar(int year, int month, int day, bool leap, int utc_offset_hours);

// Mùng 1 Tết: the first day of the lunar year that begins in Gregorian year `solar_year`
// (always between 21 January and 20 February).
Date LunarNewYear(int solar_year);
Date LunarNewYear(int solar_year, int utc_offset_hours);

// The last day of the lunar year that ends just before LunarNewYear(solar_year): 29 or 30 of
// month 12 (tháng Chạp), the day called "ngày cuối năm" or "Tất niên". Same Gregorian year.
Date LunarNewYearsEve(int solar_year);

}  // namespace xaso::calendar
