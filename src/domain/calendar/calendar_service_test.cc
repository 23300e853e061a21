#include "domain/calendar/calendar_service.h"

#include <gtest/gtest.h>

namespace xaso::calendar {
namespace {

// An in-memory repository: one weekend-only rule set and a list of overrides per commune.
class FakeCalendarRepository final : public CalendarRepository {
 public:
  std::map<int64_t, std::vector<CalendarOverride>> overrides;
  int loads = 0;
  Result<std::vector<HolidayRule>> LoadHolidayRules() override {
    ++loads;
    return std::vector<HolidayRule>{};
  }
  Result<std::vector<CalendarOverride>> LoadOverrides(int64_t commune_id) override {
    auto out = overrides[0];
    for (const auto& o : overrides[commune_id]) out.push_back(o);
    return out;
  }
  Status SaveOverride(int64_t commune_id, const CalendarOverride& day,
                      const audit::AuditRecord&) override {
    overrides[commune_id].push_back(day);
    return Ok{};
  }
  Status DeleteOverride(int64_t commune_id, Date day, const audit::AuditRecord&) override {
    auto& v = overrides[commune_id];
    std::erase_if(v, [&](const CalendarOverride& o) { return o.date == day; });
    return Ok{};
  }
};

const Date kMonday = Date::FromYmd(2026, 12, 7);

TEST(CalendarServiceTest, ASavedOverrideIsSeenAtOnce) {
  FakeCalendarRepository repo;
  FakeClock clock(1'800'000'000);
  CalendarService service(repo, clock);
  EXPECT_TRUE((*service.For(1))->IsWorkingDay(kMonday));
  CalendarOverride off{kMonday, CalendarOverride::Kind::kDayOff, "Nghỉ", "Quyết định 1/QĐ"};
  ASSERT_TRUE(service.SaveOverride(1, off, {}).has_value());
  EXPECT_FALSE((*service.For(1))->IsWorkingDay(kMonday));
  EXPECT_TRUE((*service.For(2))->IsWorkingDay(kMonday));  // another commune is unaffected
  ASSERT_TRUE(service.DeleteOverride(1, kMonday, {}).has_value());
  EXPECT_TRUE((*service.For(1))->IsWorkingDay(kMonday));
}

TEST(CalendarServiceTest, ChangesByAnotherProcessAreSeenAfterMaxAge) {
  FakeCalendarRepository repo;
  FakeClock clock(1'800'000'000);
  CalendarService service(repo, clock, 60);
  EXPECT_TRUE((*service.For(1))->IsWorkingDay(kMonday));
  repo.overrides[0].push_back({kMonday, CalendarOverride::Kind::kDayOff, "Nghỉ", ""});
  EXPECT_TRUE((*service.For(1))->IsWorkingDay(kMonday));  // still cached
  clock.Advance(61);
  EXPECT_FALSE((*service.For(1))->IsWorkingDay(kMonday));
  EXPECT_EQ(repo.loads, 2);
}

TEST(CalendarServiceTest, RejectsAnInvalidOverride) {
  FakeCalendarRepository repo;
  FakeClock clock(0);
  CalendarService service(repo, clock);
  CalendarOverride bad{kMonday, CalendarOverride::Kind::kDayOff, "", ""};
  EXPECT_FALSE(service.SaveOverride(1, bad, {}).has_value());
  EXPECT_TRUE(repo.overrides[1].empty());
}

}  // namespace
}  // namespace xaso::calendar
