#include "web/open311/open311_request.h"

#include <charconv>
#include <cstdio>

#include "core/clock.h"

namespace xaso::web {

namespace {
// Digits at s[pos, pos+n) as a number, or -1.
int Digits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + n, v);
  return ec == std::errc() && p == s.data() + pos + n ? v : -1;
}
}  // namespace

std::string W3cDateTime(int64_t unix_seconds) {
  const int64_t secs = Clock::SecondsIntoDayVn(unix_seconds);
  char time[32];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02d+07:00", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return Clock::DayVn(unix_seconds).ToIso() + time;
}

std::optional<int64_t> ParseW3cDateTime(const std::string& text) {
  const auto day = Date::ParseIso(text.substr(0, 10));
  if (!day) return std::nullopt;
  if (text.size() == 10) return Clock::AtVn(*day, 0);  // a date alone: midnight in Vietnam
  // The wall-clock time read as UTC, then moved by the zone written after it.
  const int64_t midnight = int64_t{day->days()} * 86400;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  const int h = Digits(text, 11, 2), m = Digits(text, 14, 2), s = Digits(text, 17, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60 || text.size() < 19 ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  const int64_t clock = midnight + h * 3600 + m * 60 + s;
  const std::string zone = text.substr(pos);
  if (zone == "Z") return clock;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') {
    return std::nullopt;
  }
  const int zh = Digits(zone, 1, 2), zm = Digits(zone, 4, 2);
  if (zh < 0 || zh > 14 || zm < 0 || zm > 59) return std::nullopt;
  const int64_t offset = (zh * 3600 + zm * 60) * (zone[0] == '+' ? 1 : -1);
  return clock - offset;
}

std::string StatusNotes(const feedback::Feedback& f) {
  if (f.status == feedback::ItemStatus::kForwarded) return "Đã chuyển đến: " + f.forwarded_to;
  if (f.merged_into) return "Trùng với một phản ánh khác, đã được gộp vào phản ánh đó.";
  if (!feedback::IsOpen(f.status)) return f.answer;
  return "";
}

std::string ServiceNotice(const feedback::Feedback& f) {
  return "Hạn trả lời: " + f.due_on.ToIso() + " (" + std::to_string(f.answer_days) +
         " ngày làm việc).";
}

nlohmann::ordered_json RequestJson(const feedback::Feedback& f, const feedback::Category& category,
                                   const std::string& agency, const std::string& photo_base) {
  using Json = nlohmann::ordered_json;
  const auto& s = f.submission;
  const bool open = feedback::IsOpen(f.status);
  return Json{
      {"service_request_id", f.tracking_code},
      {"status", open ? "open" : "closed"},
      {"status_notes", StatusNotes(f)},
      {"service_name", category.name_vi},
      {"service_code", category.code},
      {"description", s.description},
      {"agency_responsible", agency},
      {"service_notice", ServiceNotice(f)},
      {"requested_datetime", W3cDateTime(f.received_at)},
      {"updated_datetime", W3cDateTime(f.updated_at)},
      // The end of the statutory answer day, in Vietnam.
      {"expected_datetime", f.due_on.ToIso() + "T23:59:59+07:00"},
      {"address", s.address},
      {"lat", s.lat ? Json(*s.lat) : Json("")},
      {"long", s.lon ? Json(*s.lon) : Json("")},
      {"media_url", f.photo_count > 0 ? photo_base + f.tracking_code + "/anh/1" : std::string()}};
}

}  // namespace xaso::web
