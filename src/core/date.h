// A civil (proleptic Gregorian) date without a time zone, and the day arithmetic that the
// legal calendar and deadlines build on. Days are counted from 1970-01-01.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace xaso {

class Date {
 public:
  Date() = default;
  // Precondition: a valid date (use Parse or IsValid for input).
  static Date FromYmd(int year, int month, int day);
  static Date FromDays(long days) {
    Date d;
    d.days_ = days;
    return d;
  }
  static bool IsValid(int year, int month, int day);
  // Accepts YYYY-MM-DD only.
  static std::optional<Date> ParseIso(std::string_view text);

  long days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;

  Date AddDays(long n) const { return FromDays(days_ + n); }
  std::string ToIso() const;  // YYYY-MM-DD
  std::string ToVi() const;   // dd/mm/yyyy

  // clang-tidy 14 misreads the defaulted comparison as a literal 0.
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)

 private:
  long days_ = 0;
};

int DaysInMonth(int year, int month);

}  // namespace xaso
