#include "domain/calendar/legal_calendar.h"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::calendar {
namespace {

using testing::D;

struct Expected {
  const char* date;
  Holiday::Kind kind;
  const char* name_vi;
};

constexpr Holiday::Kind kPublic = Holiday::Kind::kPublicHoliday;
constexpr Holiday::Kind kComp = Holiday::Kind::kCompensatory;
constexpr Holiday::Kind kAnnounced = Holiday::Kind::kAnnounced;

void ExpectHolidays(const LegalCalendar& cal, int year, const std::vector<Expected>& expected) {
  const std::vector<Holiday> got = cal.HolidaysIn(year);
  ASSERT_EQ(got.size(), expected.size()) << "year " << year;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].date.ToIso(), expected[i].date) << i;
    EXPECT_EQ(got[i].kind, expected[i].kind) << expected[i].date;
    EXPECT_EQ(got[i].name_vi, expected[i].name_vi) << expected[i].date;
  }
}

// Rules only (no overrides), as the migration seeds them.
LegalCalendar RulesOnly() { return LegalCalendar(testing::SeedRules(), {}); }

TEST(LegalCalendarTest, Holidays2025) {
  // The rules and the seeded 2025 announcement: Tết 27-31/01 instead of 28/01-01/02 + 03/02
  // (01/02 is still listed: it is a Tết day of the rules, a Saturday), and Fri 02/5 off for
  // Sat 26/4 worked.
  ExpectHolidays(
      testing::SeedCalendar(), 2025,
      {{"2025-01-01", kPublic, "Tết Dương lịch"},
       {"2025-01-27", kAnnounced, "Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp)"},
       {"2025-01-28", kPublic, "Tết Nguyên đán"},
       {"2025-01-29", kPublic, "Tết Nguyên đán"},
       {"2025-01-30", kPublic, "Tết Nguyên đán"},
       {"2025-01-31", kPublic, "Tết Nguyên đán"},
       {"2025-02-01", kPublic, "Tết Nguyên đán"},
       {"2025-04-07", kPublic, "Giỗ Tổ Hùng Vương"},
       {"2025-04-30", kPublic, "Ngày Chiến thắng"},
       {"2025-05-01", kPublic, "Ngày Quốc tế Lao động"},
       {"2025-05-02", kAnnounced, "Nghỉ hoán đổi dịp 30/4 - 01/5 (làm bù thứ Bảy 26/4/2025)"},
       {"2025-09-01", kPublic, "Quốc khánh"},
       {"2025-09-02", kPublic, "Quốc khánh"}});
  // Rules only: Tết 28/01 - 01/02, and the Saturday 01/02 is given back on Monday 03/02.
  ExpectHolidays(RulesOnly(), 2025,
                 {{"2025-01-01", kPublic, "Tết Dương lịch"},
                  {"2025-01-28", kPublic, "Tết Nguyên đán"},
                  {"2025-01-29", kPublic, "Tết Nguyên đán"},
                  {"2025-01-30", kPublic, "Tết Nguyên đán"},
                  {"2025-01-31", kPublic, "Tết Nguyên đán"},
                  {"2025-02-01", kPublic, "Tết Nguyên đán"},
                  {"2025-02-03", kComp, "Nghỉ bù Tết Nguyên đán"},
                  {"2025-04-07", kPublic, "Giỗ Tổ Hùng Vương"},
                  {"2025-04-30", kPublic, "Ngày Chiến thắng"},
                  {"2025-05-01", kPublic, "Ngày Quốc tế Lao động"},
                  {"2025-09-01", kPublic, "Quốc khánh"},
                  {"2025-09-02", kPublic, "Quốc khánh"}});
}

// The announced 2025 Tết break, Sat 25/01 - Sun 02/02, and the 30/4 - 04/5 break.
TEST(LegalCalendarTest, Breaks2025FollowSeededAnnouncement) {
  const LegalCalendar cal = testing::SeedCalendar();
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-01-24")));
  for (Date d = D("2025-01-25"); d <= D("2025-02-02"); d = d.AddDays(1)) {
    EXPECT_FALSE(cal.IsWorkingDay(d)) << d.ToIso();
  }
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-02-03")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-04-26")));  // The Saturday worked.
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-04-29")));
  for (Date d = D("2025-04-30"); d <= D("2025-05-04"); d = d.AddDays(1)) {
    EXPECT_FALSE(cal.IsWorkingDay(d)) << d.ToIso();
  }
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-05-05")));
}

TEST(LegalCalendarTest, Holidays2026) {
  // Giỗ Tổ falls on Sunday 26/4 and is given back on Monday 27/4. Ngày Văn hóa Việt Nam is new
  // (from 01/07/2026). No 2026 announcement is seeded.
  ExpectHolidays(testing::SeedCalendar(), 2026,
                 {{"2026-01-01", kPublic, "Tết Dương lịch"},
                  {"2026-02-16", kPublic, "Tết Nguyên đán"},
                  {"2026-02-17", kPublic, "Tết Nguyên đán"},
                  {"2026-02-18", kPublic, "Tết Nguyên đán"},
                  {"2026-02-19", kPublic, "Tết Nguyên đán"},
                  {"2026-02-20", kPublic, "Tết Nguyên đán"},
                  {"2026-04-26", kPublic, "Giỗ Tổ Hùng Vương"},
                  {"2026-04-27", kComp, "Nghỉ bù Giỗ Tổ Hùng Vương"},
                  {"2026-04-30", kPublic, "Ngày Chiến thắng"},
                  {"2026-05-01", kPublic, "Ngày Quốc tế Lao động"},
                  {"2026-09-01", kPublic, "Quốc khánh"},
                  {"2026-09-02", kPublic, "Quốc khánh"},
                  {"2026-11-24", kPublic, "Ngày Văn hóa Việt Nam"}});
}

// The announced Tết 2026 break, Sat 14/02 - Sun 22/02 (congan.com.vn), is exactly what the rules
// give, so it needs no override.
TEST(LegalCalendarTest, Tet2026BreakMatchesAnnouncement) {
  const LegalCalendar cal = testing::SeedCalendar();
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-02-13")));
  for (Date d = D("2026-02-14"); d <= D("2026-02-22"); d = d.AddDays(1)) {
    EXPECT_FALSE(cal.IsWorkingDay(d)) << d.ToIso();
  }
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-02-23")));
}

// The seeded 2024 announcement: off Thu 08/02 - Wed 14/02, back on Thu 15/02.
TEST(LegalCalendarTest, Tet2024FollowsSeededAnnouncement) {
  const LegalCalendar with = testing::SeedCalendar();
  EXPECT_TRUE(with.IsWorkingDay(D("2024-02-07")));
  for (Date d = D("2024-02-08"); d <= D("2024-02-14"); d = d.AddDays(1)) {
    EXPECT_FALSE(with.IsWorkingDay(d)) << d.ToIso();
  }
  EXPECT_TRUE(with.IsWorkingDay(D("2024-02-15")));
  // Without the announcement the rules give 09/02 - 15/02 (two days back for the weekend).
  const LegalCalendar rules = RulesOnly();
  EXPECT_TRUE(rules.IsWorkingDay(D("2024-02-08")));
  EXPECT_FALSE(rules.IsWorkingDay(D("2024-02-15")));
  EXPECT_TRUE(rules.IsWorkingDay(D("2024-02-16")));
}

TEST(LegalCalendarTest, DeadlineAcrossTet) {
  const LegalCalendar cal = testing::SeedCalendar();
  struct Case {
    const char* start;
    int n;
    const char* end;
  };
  const Case cases[] = {
      // Tue 10/02/2026: 11, 12, 13, then the break 14-22, then 23-27, 02/3, 03/3.
      {.start = "2026-02-10", .n = 10, .end = "2026-03-03"},
      {.start = "2026-02-10", .n = 3, .end = "2026-02-13"},
      {.start = "2026-02-10", .n = 4, .end = "2026-02-23"},
      {.start = "2026-02-17", .n = 1, .end = "2026-02-23"},
      // Start on a day off: the start day is never counted.
      {.start = "2026-02-14", .n = 1, .end = "2026-02-23"},
      // Across the new year: 01/01/2026 is a holiday.
      {.start = "2025-12-31", .n = 1, .end = "2026-01-02"},
      // n = 0: the start if it is a working day, else the next working day.
      {.start = "2026-02-10", .n = 0, .end = "2026-02-10"},
      {.start = "2026-02-14", .n = 0, .end = "2026-02-23"},
      // n < 0 counts back.
      {.start = "2026-02-23", .n = -1, .end = "2026-02-13"},
      {.start = "2026-03-03", .n = -10, .end = "2026-02-10"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(cal.AddWorkingDays(D(c.start), c.n).ToIso(), c.end) << c.start << " + " << c.n;
  }
}

TEST(LegalCalendarTest, WorkingDaysBetween) {
  const LegalCalendar cal = testing::SeedCalendar();
  EXPECT_EQ(cal.WorkingDaysBetween(D("2026-02-10"), D("2026-03-03")), 10);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2026-03-03"), D("2026-02-10")), -10);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2026-02-10"), D("2026-02-10")), 0);
  EXPECT_EQ(cal.WorkingDaysBetween(D("2025-03-02"), D("2025-03-09")), 5);  // Plain week.
  EXPECT_EQ(cal.WorkingDaysBetween(D("2026-02-13"), D("2026-02-22")), 0);  // Tết break.
  // 2026: 365 days, 104 weekend days, 11 weekday holidays, 1 compensation day (27/4).
  EXPECT_EQ(cal.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")), 365 - 104 - 11 - 1);
  for (int n = 1; n <= 30; ++n) {
    const Date start = D("2026-01-28");
    EXPECT_EQ(cal.WorkingDaysBetween(start, cal.AddWorkingDays(start, n)), n) << n;
  }
}

TEST(LegalCalendarTest, CompensationForWeekendHolidays) {
  const LegalCalendar cal = RulesOnly();
  struct Case {
    const char* name;
    int year;
    std::vector<const char*> days_off;  // All non-weekend days off of the period checked.
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      // 01/01/2022 is a Saturday: back on Monday 03/01.
      {.name = "new year on Saturday",
       .year = 2022,
       .days_off = {"2022-01-03"},
       .from = "2021-12-31",
       .to = "2022-01-07"},
      // 01/01/2023 is a Sunday: back on Monday 02/01.
      {.name = "new year on Sunday",
       .year = 2023,
       .days_off = {"2023-01-02"},
       .from = "2022-12-30",
       .to = "2023-01-06"},
      // 30/4 and 01/5/2022 are Saturday and Sunday: back on Monday 02/5 and Tuesday 03/5.
      {.name = "30/4 and 1/5 on a weekend",
       .year = 2022,
       .days_off = {"2022-05-02", "2022-05-03"},
       .from = "2022-04-29",
       .to = "2022-05-06"},
      // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 01/5 Mon: 02/5 for Giỗ Tổ and 03/5 for 30/4 (the
      // announced break was 29/4 - 03/5).
      {.name = "three holidays in a row",
       .year = 2023,
       .days_off = {"2023-05-01", "2023-05-02", "2023-05-03"},
       .from = "2023-04-28",
       .to = "2023-05-05"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (Date d = D(c.from); d <= D(c.to); d = d.AddDays(1)) {
      if (d.weekday() < 5 && !cal.IsWorkingDay(d)) got.push_back(d.ToIso());
    }
    std::vector<std::string> want(c.days_off.begin(), c.days_off.end());
    EXPECT_EQ(got, want) << c.name;
  }
  // Ngày Văn hóa Việt Nam is not given back: 24/11/2029 is a Saturday.
  EXPECT_TRUE(cal.IsWorkingDay(D("2029-11-26")));
  // The weekend holiday itself is listed too, and the compensation day is named after it.
  const std::vector<Holiday> h2022 = cal.HolidaysIn(2022);
  ASSERT_GE(h2022.size(), 2u);
  EXPECT_EQ(h2022[0].date, D("2022-01-01"));
  EXPECT_EQ(h2022[0].kind, kPublic);
  EXPECT_EQ(h2022[1].date, D("2022-01-03"));
  EXPECT_EQ(h2022[1].kind, kComp);
  EXPECT_EQ(h2022[1].name_vi, "Nghỉ bù Tết Dương lịch");
}

TEST(LegalCalendarTest, OverridesDayOffAndWorkingSaturday) {
  std::vector<CalendarOverride> overrides = {
      {.date = D("2025-01-27"),
       .kind = CalendarOverride::Kind::kDayOff,
       .name_vi = "Nghỉ Tết (hoán đổi)",
       .legal_basis = "thử nghiệm"},
      {.date = D("2025-02-08"),
       .kind = CalendarOverride::Kind::kWorkingDay,
       .name_vi = "Làm bù cho 27/01",
       .legal_basis = "thử nghiệm"},
      // Cancels the compensation day of Tết 2025.
      {.date = D("2025-02-03"),
       .kind = CalendarOverride::Kind::kWorkingDay,
       .name_vi = "Đi làm",
       .legal_basis = "thử nghiệm"},
  };
  const LegalCalendar cal(testing::SeedRules(), overrides);
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-01-27")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-02-08")));  // A Saturday.
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-02-03")));
  // Fri 07/02 + 1 working day is the working Saturday.
  EXPECT_EQ(cal.AddWorkingDays(D("2025-02-07"), 1), D("2025-02-08"));
  ExpectHolidays(cal, 2025,
                 {{"2025-01-01", kPublic, "Tết Dương lịch"},
                  {"2025-01-27", kAnnounced, "Nghỉ Tết (hoán đổi)"},
                  {"2025-01-28", kPublic, "Tết Nguyên đán"},
                  {"2025-01-29", kPublic, "Tết Nguyên đán"},
                  {"2025-01-30", kPublic, "Tết Nguyên đán"},
                  {"2025-01-31", kPublic, "Tết Nguyên đán"},
                  {"2025-02-01", kPublic, "Tết Nguyên đán"},
                  {"2025-04-07", kPublic, "Giỗ Tổ Hùng Vương"},
                  {"2025-04-30", kPublic, "Ngày Chiến thắng"},
                  {"2025-05-01", kPublic, "Ngày Quốc tế Lao động"},
                  {"2025-09-01", kPublic, "Quốc khánh"},
                  {"2025-09-02", kPublic, "Quốc khánh"}});
  // A later override of the same day wins.
  overrides.push_back(
      {.date = D("2025-01-27"), .kind = CalendarOverride::Kind::kWorkingDay, .name_vi = "Đổi ý"});
  EXPECT_TRUE(LegalCalendar(testing::SeedRules(), overrides).IsWorkingDay(D("2025-01-27")));
}

TEST(LegalCalendarTest, QuocKhanhRuleChangesIn2021) {
  const LegalCalendar cal = RulesOnly();
  // 2020 (Labour Code 2012): one day, 02/9 (a Wednesday).
  EXPECT_TRUE(cal.IsWorkingDay(D("2020-09-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-09-02")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2020-09-03")));
  // 2022 (Labour Code 2019): two days, default 01/9 + 02/9.
  EXPECT_FALSE(cal.IsWorkingDay(D("2022-09-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2022-09-02")));
  // 2021 with the seeded announcement: 02/9 + 03/9 instead of 01/9.
  const LegalCalendar seeded = testing::SeedCalendar();
  EXPECT_TRUE(seeded.IsWorkingDay(D("2021-09-01")));
  EXPECT_FALSE(seeded.IsWorkingDay(D("2021-09-02")));
  EXPECT_FALSE(seeded.IsWorkingDay(D("2021-09-03")));
}

TEST(LegalCalendarTest, TetLengthByLabourCode) {
  const LegalCalendar cal = RulesOnly();
  auto tet_days = [&](int year) {
    int n = 0;
    for (const Holiday& h : cal.HolidaysIn(year)) {
      if (h.key == "tet_nguyen_dan" && h.kind == kPublic) ++n;
    }
    return n;
  };
  EXPECT_EQ(tet_days(2012), 4);  // Labour Code 1994.
  EXPECT_EQ(tet_days(2013), 4);  // Tết 10/02/2013, before the 2012 code took effect 01/05/2013.
  EXPECT_EQ(tet_days(2014), 5);
  EXPECT_EQ(tet_days(2021), 5);
  EXPECT_EQ(tet_days(1994), 0);  // Nothing is seeded before 1995.
  // Giỗ Tổ became a holiday in 2007.
  EXPECT_TRUE(cal.IsWorkingDay(D("2006-04-07")));   // 10/3 Bính Tuất, a Friday.
  EXPECT_FALSE(cal.IsWorkingDay(D("2007-04-26")));  // 10/3 Đinh Hợi, a Thursday.
}

TEST(LegalCalendarTest, CaseKeepsRulesInForceWhenOpened) {
  const LegalCalendar all = RulesOnly();
  const LegalCalendar opened_2020 = all.ForRulesInForceOn(D("2020-06-01"));
  const LegalCalendar opened_2021 = all.ForRulesInForceOn(D("2021-01-01"));
  // Only the versions in force on the opening day, open-ended.
  EXPECT_EQ(opened_2020.rules().size(), 6u);
  for (const HolidayRule& r : opened_2020.rules()) {
    EXPECT_EQ(r.effective_from, D("2013-05-01")) << r.key;
    EXPECT_FALSE(r.effective_to.has_value()) << r.key;
  }
  // Quốc khánh 2022: one day for the 2020 case, two for the 2021 case.
  EXPECT_TRUE(opened_2020.IsWorkingDay(D("2022-09-01")));
  EXPECT_FALSE(opened_2020.IsWorkingDay(D("2022-09-02")));
  EXPECT_FALSE(opened_2021.IsWorkingDay(D("2022-09-01")));
  // A deadline running through Quốc khánh 2022 (Thu 01/9, Fri 02/9) differs by one day.
  EXPECT_EQ(opened_2020.AddWorkingDays(D("2022-08-31"), 2), D("2022-09-05"));
  EXPECT_EQ(opened_2021.AddWorkingDays(D("2022-08-31"), 2), D("2022-09-06"));
  // Overrides are kept.
  EXPECT_EQ(testing::SeedCalendar().ForRulesInForceOn(D("2020-06-01")).overrides().size(), 12u);
  // Ngày Văn hóa Việt Nam: only for cases opened from 01/07/2026.
  EXPECT_TRUE(opened_2021.IsWorkingDay(D("2026-11-24")));
  EXPECT_FALSE(all.ForRulesInForceOn(D("2026-07-01")).IsWorkingDay(D("2026-11-24")));
}

TEST(LegalCalendarTest, CalendarDaysDeadlineRollsToWorkingDay) {
  const LegalCalendar cal = testing::SeedCalendar();
  EXPECT_EQ(LegalCalendar::AddCalendarDays(D("2026-02-10"), 7), D("2026-02-17"));
  EXPECT_EQ(cal.CalendarDaysDeadline(D("2026-02-10"), 7), D("2026-02-23"));   // Tết.
  EXPECT_EQ(cal.CalendarDaysDeadline(D("2026-03-02"), 15), D("2026-03-17"));  // A Tuesday.
  EXPECT_EQ(cal.CalendarDaysDeadline(D("2026-03-02"), 12), D("2026-03-16"));  // Sat -> Mon.
}

TEST(LegalCalendarTest, ConcurrentReadersAgree) {
  const LegalCalendar cal = testing::SeedCalendar();
  const LegalCalendar reference = testing::SeedCalendar();
  std::vector<int> counts(8, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&cal, &counts, t] {
      counts[t] = cal.WorkingDaysBetween(D("2019-12-31"), D("2030-12-31"));
    });
  }
  for (std::thread& th : threads) th.join();
  const int expected = reference.WorkingDaysBetween(D("2019-12-31"), D("2030-12-31"));
  for (int c : counts) EXPECT_EQ(c, expected);
}

TEST(LegalCalendarTest, EmptyCalendarIsWeekendsOnly) {
  const LegalCalendar cal({}, {});
  EXPECT_TRUE(cal.HolidaysIn(2025).empty());
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-01-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-01-04")));
  EXPECT_EQ(cal.AddWorkingDays(D("2025-01-03"), 1), D("2025-01-06"));
}

}  // namespace
}  // namespace xaso::calendar
