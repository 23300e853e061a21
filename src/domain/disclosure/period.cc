#include "domain/disclosure/period.h"

#include <charconv>

namespace xaso::disclosure {
namespace {

std::optional<int> ParseYear(std::string_view s) {
  int year = 0;
  if (s.size() != 4) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
  if (ec != std::errc() || end != s.data() + s.size() || year < 2000 || year > 2100) {
    return std::nullopt;
  }
  return year;
}

Period Quarter(int year, int q) {
  const Date first = Date::FromYmd(year, 3 * (q - 1) + 1, 1);
  const Date next = q == 4 ? Date::FromYmd(year + 1, 1, 1) : Date::FromYmd(year, 3 * q + 1, 1);
  return {std::to_string(year) + "-Q" + std::to_string(q), first, next.AddDays(-1)};
}

Period WholeYear(int year) {
  return {std::to_string(year), Date::FromYmd(year, 1, 1), Date::FromYmd(year, 12, 31)};
}

}  // namespace

std::optional<Period> ParsePeriod(std::string_view key) {
  if (key.size() == 4) {
    auto year = ParseYear(key);
    if (!year) return std::nullopt;
    return WholeYear(*year);
  }
  if (key.size() == 7 && key.substr(4, 2) == "-Q" && key[6] >= '1' && key[6] <= '4') {
    auto year = ParseYear(key.substr(0, 4));
    if (!year) return std::nullopt;
    return Quarter(*year, key[6] - '0');
  }
  return std::nullopt;
}

std::string PeriodLabelVi(const Period& p) {
  if (p.key.size() == 4) return "Năm " + p.key;
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  return std::string("Quý ") + kRoman[p.key[6] - '1'] + "/" + p.key.substr(0, 4);
}

std::vector<Period> PeriodsEndingIn(Recurrence r, int year) {
  switch (r) {
    case Recurrence::kNone: return {};
    case Recurrence::kQuarterly:
      return {Quarter(year, 1), Quarter(year, 2), Quarter(year, 3), Quarter(year, 4)};
    case Recurrence::kYearly: return {WholeYear(year)};
  }
  return {};
}

bool MatchesRecurrence(std::string_view key, Recurrence r) {
  if (!ParsePeriod(key)) return false;
  switch (r) {
    case Recurrence::kNone: return false;
    case Recurrence::kQuarterly: return key.size() == 7;
    case Recurrence::kYearly: return key.size() == 4;
  }
  return false;
}

}  // namespace xaso::disclosure
