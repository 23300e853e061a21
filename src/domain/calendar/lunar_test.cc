#include "domain/calendar/lunar.h"

#include <ostream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::calendar {

// Found by ADL when gtest prints a LunarDate.
std::ostream& operator<<(std::ostream& os, const LunarDate& l) {
  return os << l.year << "-" << l.month << "-" << l.day << (l.leap ? " (leap)" : "");
}

namespace {

using testing::D;

// Every Tết 1990-2050 against test/data/tet_dates.csv, a published table (see its header),
// not our own output.
TEST(LunarTest, LunarNewYearMatchesPublishedTable) {
  std::istringstream in(testing::ReadSourceFile("test/data/tet_dates.csv"));
  std::string line;
  std::set<int> years;
  bool header_seen = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      ASSERT_EQ(line, "year,date");
      header_seen = true;
      continue;
    }
    const size_t comma = line.find(',');
    ASSERT_NE(comma, std::string::npos) << line;
    const int year = std::stoi(line.substr(0, comma));
    const std::optional<Date> expected = Date::ParseIso(line.substr(comma + 1));
    ASSERT_TRUE(expected.has_value()) << line;
    EXPECT_EQ(LunarNewYear(year).ToIso(), expected->ToIso()) << "Tết " << year;
    EXPECT_EQ(SolarToLunar(*expected), (LunarDate{.year = year, .month = 1, .day = 1}))
        << "Tết " << year;
    years.insert(year);
  }
  EXPECT_EQ(years.size(), 61u);
  EXPECT_EQ(*years.begin(), 1990);
  EXPECT_EQ(*years.rbegin(), 2050);
}

// Vietnam (UTC+7) and China (UTC+8) disagree in these years.
TEST(LunarTest, VietnamDiffersFromChina) {
  struct Case {
    int year;
    const char* vietnam;
    const char* china;
  };
  const Case cases[] = {
      {.year = 1985, .vietnam = "1985-01-21", .china = "1985-02-20"},
      {.year = 2007, .vietnam = "2007-02-17", .china = "2007-02-18"},
      {.year = 2030, .vietnam = "2030-02-02", .china = "2030-02-03"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LunarNewYear(c.year), D(c.vietnam)) << c.year;
    EXPECT_EQ(LunarNewYear(c.year, 8), D(c.china)) << c.year;
  }
}

// Giỗ Tổ Hùng Vương, 10/3 lunar. Source: vacanza/holidays chinese.py HUNG_KINGS_DATES with the
// Vietnamese exceptions (2009 differs from China's 2009-04-05).
TEST(LunarTest, HungKingsDay) {
  struct Case {
    int year;
    const char* date;
  };
  const Case cases[] = {
      {.year = 2009, .date = "2009-04-04"}, {.year = 2019, .date = "2019-04-14"},
      {.year = 2023, .date = "2023-04-29"}, {.year = 2024, .date = "2024-04-18"},
      {.year = 2025, .date = "2025-04-07"}, {.year = 2026, .date = "2026-04-26"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LunarToSolar(c.year, 3, 10, false), D(c.date)) << c.year;
  }
}

TEST(LunarTest, KnownConversions) {
  struct Case {
    const char* solar;
    LunarDate lunar;
  };
  // The days before Tết are from the government announcements quoted in the migration
  // ("29 tháng Chạp" etc.); the leap months (2023: month 2, 2025: month 6) are common knowledge
  // and match the Chinese calendar those years.
  const Case cases[] = {
      {.solar = "2020-01-23", .lunar = {.year = 2019, .month = 12, .day = 29}},
      {.solar = "2024-02-08", .lunar = {.year = 2023, .month = 12, .day = 29}},
      {.solar = "2024-02-09", .lunar = {.year = 2023, .month = 12, .day = 30}},
      {.solar = "2024-02-14", .lunar = {.year = 2024, .month = 1, .day = 5}},
      {.solar = "2026-02-14", .lunar = {.year = 2025, .month = 12, .day = 27}},
      {.solar = "2026-02-22", .lunar = {.year = 2026, .month = 1, .day = 6}},
      {.solar = "2023-03-22", .lunar = {.year = 2023, .month = 2, .day = 1, .leap = true}},
      {.solar = "2023-03-21", .lunar = {.year = 2023, .month = 2, .day = 30}},
      {.solar = "2025-07-25", .lunar = {.year = 2025, .month = 6, .day = 1, .leap = true}},
      {.solar = "2025-01-01", .lunar = {.year = 2024, .month = 12, .day = 2}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SolarToLunar(D(c.solar)), c.lunar) << c.solar;
    EXPECT_EQ(LunarToSolar(c.lunar.year, c.lunar.month, c.lunar.day, c.lunar.leap), D(c.solar))
        << c.lunar;
  }
}

TEST(LunarTest, RoundTripsEveryDay1990To2050) {
  LunarDate previous = SolarToLunar(D("1989-12-31"));
  for (Date d = D("1990-01-01"); d <= D("2050-12-31"); d = d.AddDays(1)) {
    const LunarDate l = SolarToLunar(d);
    ASSERT_EQ(LunarToSolar(l.year, l.month, l.day, l.leap), d) << d.ToIso() << " " << l;
    // Each day is the next lunar day, or day 1 after day 29 or 30.
    if (l.day == 1) {
      ASSERT_TRUE(previous.day == 29 || previous.day == 30) << d.ToIso();
    } else {
      ASSERT_EQ(l.day, previous.day + 1) << d.ToIso();
      ASSERT_EQ(l.month, previous.month) << d.ToIso();
    }
    previous = l;
  }
}

TEST(LunarTest, RejectsDatesThatDoNotExist) {
  EXPECT_FALSE(LunarToSolar(2024, 13, 1, false));
  EXPECT_FALSE(LunarToSolar(2024, 0, 1, false));
  EXPECT_FALSE(LunarToSolar(2024, 1, 31, false));
  EXPECT_FALSE(LunarToSolar(2024, 2, 1, true));  // 2024 has no leap month.
  EXPECT_FALSE(LunarToSolar(2025, 5, 1, true));  // 2025's leap month is 6.
  // Tháng Chạp of Ất Tỵ has 29 days (Tết 2026 is the day after 2026-02-16, 29 Chạp).
  EXPECT_FALSE(LunarToSolar(2025, 12, 30, false));
  EXPECT_EQ(LunarToSolar(2025, 12, 29, false), D("2026-02-16"));
}

TEST(LunarTest, LunarNewYearsEve) {
  EXPECT_EQ(LunarNewYearsEve(2024), D("2024-02-09"));  // 30 Chạp Quý Mão.
  EXPECT_EQ(LunarNewYearsEve(2025), D("2025-01-28"));  // 29 Chạp Giáp Thìn.
  EXPECT_EQ(LunarNewYearsEve(2026), D("2026-02-16"));  // 29 Chạp Ất Tỵ.
}

}  // namespace
}  // namespace xaso::calendar
