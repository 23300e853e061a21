#include "domain/calendar/lunar.h"

#include <cmath>
#include <numbers>

namespace xaso::calendar {
namespace {

// Hồ Ngọc Đức's method (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html):
// a lunar month starts on the civil day (in the given time zone) that contains a new moon;
// month 11 is the one that contains the winter solstice; a year between two months 11 with 13
// months gets a leap month, the first one that contains no major solar term (trung khí). The
// new moon and sun longitude formulas are the short series from Jean Meeus, "Astronomical
// Algorithms" (1998). Day numbers below are Julian Day Numbers (integer, noon-based).

constexpr double kPi = std::numbers::pi;
constexpr double kRad = kPi / 180.0;
constexpr double kSynodicMonth = 29.530588853;
// JDN of the reference new moon of 1900-01-01 (k = 0 in NewMoon), as used by the method.
constexpr double kNewMoonEpoch = 2415021.076998695;
// Julian Day Number of 1970-01-01, the epoch of xaso::Date::days().
constexpr long kUnixEpochJdn = 2440588;

long Floor(double x) { return static_cast<long>(std::floor(x)); }

long JdnFromDate(Date d) { return d.days() + kUnixEpochJdn; }
Date DateFromJdn(long jdn) { return Date::FromDays(jdn - kUnixEpochJdn); }
long JdnFromYmd(int y, int m, int d) { return JdnFromDate(Date::FromYmd(y, m, d)); }

// The moment (Julian Ephemeris Day, UTC after the ΔT correction) of the k-th new moon after
// 1900-01-01.
double NewMoon(long k) {
  const double t = static_cast<double>(k) / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double kd = static_cast<double>(k);
  double jd1 = 2415020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kRad);
  const double m = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3;
  const double f = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * kRad) + 0.0021 * std::sin(2 * kRad * m);
  c1 = c1 - 0.4068 * std::sin(mpr * kRad) + 0.0161 * std::sin(kRad * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(kRad * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(kRad * 2 * f) - 0.0051 * std::sin(kRad * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(kRad * (m - mpr)) + 0.0004 * std::sin(kRad * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(kRad * (2 * f - m)) - 0.0006 * std::sin(kRad * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(kRad * (2 * f - mpr)) + 0.0005 * std::sin(kRad * (2 * mpr + m));
  double delta_t;
  if (t < -11) {
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  return jd1 + c1 - delta_t;
}

// The sun's apparent ecliptic longitude at Julian Day `jd`, in radians, in [0, 2π).
double SunLongitude(double jd) {
  const double t = (jd - 2451545.0) / 36525;
  const double t2 = t * t;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(kRad * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(kRad * 2 * m) + 0.000290 * std::sin(kRad * 3 * m);
  double l = (l0 + dl) * kRad;
  l -= 2 * kPi * std::floor(l / (2 * kPi));
  return l;
}

// The JDN of the civil day, in the time zone, that contains the k-th new moon.
long NewMoonDay(long k, int tz) { return Floor(NewMoon(k) + 0.5 + tz / 24.0); }

// Which of the 12 major-term sectors (0-11, 30° each; 9 = winter solstice onwards) the sun is in
// at the start of civil day `jdn` in the time zone.
int SunSector(long jdn, int tz) {
  const double l = SunLongitude(static_cast<double>(jdn) - 0.5 - tz / 24.0);
  return static_cast<int>(Floor(l / kPi * 6));
}

// The JDN of the first day of lunar month 11 (the month containing the winter solstice) that
// begins in Gregorian year `year`, or the one just before 31 December of it.
long LunarMonth11(int year, int tz) {
  const double off = static_cast<double>(JdnFromYmd(year, 12, 31)) - 2415021;
  const long k = Floor(off / kSynodicMonth);
  long nm = NewMoonDay(k, tz);
  if (SunSector(nm, tz) >= 9) nm = NewMoonDay(k - 1, tz);
  return nm;
}

// For a 13-month year starting at month 11 `a11`: the offset (in months after a11) of the leap
// month, the first month with no major term.
int LeapMonthOffset(long a11, int tz) {
  const long k = Floor((static_cast<double>(a11) - kNewMoonEpoch) / kSynodicMonth + 0.5);
  int i = 1;
  int arc = SunSector(NewMoonDay(k + i, tz), tz);
  int last = 0;
  do {
    last = arc;
    ++i;
    arc = SunSector(NewMoonDay(k + i, tz), tz);
  } while (arc != last && i < 14);
  return i - 1;
}

}  // namespace

LunarDate SolarToLunar(Date date) { return SolarToLunar(date, kVietnamUtcOffsetHours); }

LunarDate SolarToLunar(Date date, int tz) {
  const long day_number = JdnFromDate(date);
  const int yy = date.year();
  const long k = Floor((static_cast<double>(day_number) - kNewMoonEpoch) / kSynodicMonth);
  long month_start = NewMoonDay(k + 1, tz);
  if (month_start > day_number) month_start = NewMoonDay(k, tz);
  long a11 = LunarMonth11(yy, tz);
  long b11 = a11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = yy;
    a11 = LunarMonth11(yy - 1, tz);
  } else {
    lunar_year = yy + 1;
    b11 = LunarMonth11(yy + 1, tz);
  }
  LunarDate out;
  out.day = static_cast<int>(day_number - month_start + 1);
  const int diff = static_cast<int>(Floor(static_cast<double>(month_start - a11) / 29));
  out.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11, tz);
    if (diff >= leap_diff) {
      out.month = diff + 10;
      out.leap = diff == leap_diff;
    }
  }
  if (out.month > 12) out.month -= 12;
  if (out.month >= 11 && diff < 4) lunar_year -= 1;
  out.year = lunar_year;
  return out;
}

std::optional<Date> LunarToSolar(int year, int month, int day, bool leap) {
  return LunarToSolar(year, month, day, leap, kVietnamUtcOffsetHours);
}

std::optional<Date> LunarToSolar(int year, int month, int day, bool leap, int tz) {
  if (month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
  long a11;
  long b11;
  if (month < 11) {
    a11 = LunarMonth11(year - 1, tz);
    b11 = LunarMonth11(year, tz);
  } else {
    a11 = LunarMonth11(year, tz);
    b11 = LunarMonth11(year + 1, tz);
  }
  const long k = Floor(0.5 + (static_cast<double>(a11) - kNewMoonEpoch) / kSynodicMonth);
  int off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11, tz);
    // The leap month repeats the number of the month before it (offset leap_off - 1).
    const int leap_month = (leap_off + 9) % 12 + 1;
    if (leap && month != leap_month) return std::nullopt;
    if (leap || off >= leap_off) off += 1;
  } else if (leap) {
    return std::nullopt;
  }
  const long month_start = NewMoonDay(k + off, tz);
  const long next_month_start = NewMoonDay(k + off + 1, tz);
  if (day > next_month_start - month_start) return std::nullopt;
  return DateFromJdn(month_start + day - 1);
}

Date LunarNewYear(int solar_year) { return LunarNewYear(solar_year, kVietnamUtcOffsetHours); }

Date LunarNewYear(int solar_year, int utc_offset_hours) {
  // Month 1 day 1 always exists and is never a leap month, so the optional is always set.
  return *LunarToSolar(solar_year, 1, 1, false, utc_offset_hours);
}

Date LunarNewYearsEve(int solar_year) { return LunarNewYear(solar_year).AddDays(-1); }

}  // namespace xaso::calendar
