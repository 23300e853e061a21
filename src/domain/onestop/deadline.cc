#include "domain/onestop/deadline.h"

#include <algorithm>
#include <string>

#include "core/clock.h"

namespace xaso::onestop {
namespace {

int TwoDigits(std::string_view s) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

Date NextWorkingDay(Date day, const calendar::LegalCalendar& cal) {
  return cal.AddWorkingDays(day, 1);
}

}  // namespace

Result<SameDayCutoff> ParseSameDayCutoff(std::string_view text) {
  const int h = text.size() == 5 && text[2] == ':' ? TwoDigits(text.substr(0, 2)) : -1;
  const int m = h >= 0 ? TwoDigits(text.substr(3, 2)) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Giờ tiếp nhận muộn nhất \"" + std::string(text) +
                         "\" không hợp lệ (cần dạng GG:PP, ví dụ 15:00).");
  }
  return SameDayCutoff{h * 60 + m};
}

Date EffectiveReceiptDay(int64_t at, const calendar::LegalCalendar& cal) {
  return cal.AddWorkingDays(Clock::DayVn(at), 0);
}

Date DueAt(int64_t received_at, const Procedure& p, const calendar::LegalCalendar& cal,
           SameDayCutoff cutoff) {
  const Date day = Clock::DayVn(received_at);
  if (!p.same_day) return cal.AddWorkingDays(EffectiveReceiptDay(received_at, cal), p.working_days);
  if (!cal.IsWorkingDay(day)) return NextWorkingDay(day, cal);
  const bool after_cutoff = Clock::SecondsIntoDayVn(received_at) > int64_t{cutoff.minutes} * 60;
  return after_cutoff ? NextWorkingDay(day, cal) : day;
}

Result<Date> DueAfterSupplements(int64_t received_at, std::span<const SupplementRound> rounds,
                                 const Procedure& p, const calendar::LegalCalendar& cal,
                                 SameDayCutoff cutoff) {
  int64_t clock_started_at = received_at;
  int used = 0;
  for (size_t i = 0; i < rounds.size(); ++i) {
    const SupplementRound& r = rounds[i];
    if (r.requested_at < clock_started_at || r.supplemented_at < r.requested_at) {
      return MakeError(
          ErrorCode::kInvalidArgument,
          "Lần bổ sung hồ sơ thứ " + std::to_string(i + 1) +
              " có thời điểm không hợp lệ (trước khi tiếp nhận hoặc trước lần trước).");
    }
    used += std::max(0, cal.WorkingDaysBetween(EffectiveReceiptDay(clock_started_at, cal),
                                               Clock::DayVn(r.requested_at)));
    clock_started_at = r.supplemented_at;
  }
  if (p.same_day || rounds.empty()) return DueAt(clock_started_at, p, cal, cutoff);
  const int left = std::max(1, p.working_days - used);
  return cal.AddWorkingDays(EffectiveReceiptDay(clock_started_at, cal), left);
}

}  // namespace xaso::onestop
