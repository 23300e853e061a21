// The seam for time: production code asks a Clock, tests use FakeClock.
#pragma once

#include <cstdint>

#include "core/date.h"

namespace xaso {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnix() const = 0;
  // Today's date in Vietnam (UTC+7), the zone every legal deadline is counted in.
  Date TodayVn() const { return DayVn(NowUnix()); }
  // Vietnam keeps UTC+7 all year: no daylight saving.
  static constexpr int64_t kVnOffsetSeconds = 7 * 3600;
  // The date in Vietnam (UTC+7) at Unix time `at`.
  static Date DayVn(int64_t at) { return Date::FromDays(FloorDiv(at + kVnOffsetSeconds, 86400)); }
  // Seconds since midnight in Vietnam at Unix time `at`: 0..86399.
  static int64_t SecondsIntoDayVn(int64_t at) {
    return at + kVnOffsetSeconds - int64_t{DayVn(at).days()} * 86400;
  }
  // The Unix time `seconds` after midnight of `day` in Vietnam.
  static int64_t AtVn(Date day, int64_t seconds) {
    return int64_t{day.days()} * 86400 + seconds - kVnOffsetSeconds;
  }

 private:
  static long FloorDiv(int64_t a, int64_t b) {
    return static_cast<long>(a >= 0 ? a / b : -((-a + b - 1) / b));
  }
};

class SystemClock final : public Clock {
 public:
  int64_t NowUnix() const override;
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now) : now_(now) {}
  int64_t NowUnix() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }
  void Set(int64_t now) { now_ = now; }

 private:
  int64_t now_;
};

}  // namespace xaso
