// The Open311 request object (OPEN311.md 2.7) of a feedback item, and the W3C datetimes it
// uses. Personal data never enters it: no citizen name, phone or e-mail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "domain/feedback/feedback.h"

namespace xaso::web {

// "2026-11-27T09:30:00+07:00": Vietnam's time, the zone every legal deadline is counted in.
std::string W3cDateTime(int64_t unix_seconds);
// A W3C/ISO-8601 datetime ("2026-11-27T09:30:00Z", "...+07:00", fractions ignored) or a date
// ("2026-11-27", the start of that day in Vietnam) as unix seconds; nullopt when malformed.
std::optional<int64_t> ParseW3cDateTime(const std::string& text);

// What the request object says about where an item stands.
std::string StatusNotes(const feedback::Feedback& f);
// The statutory answer date, as the notice every answer carries.
std::string ServiceNotice(const feedback::Feedback& f);

// The request object (OPEN311.md 2.7). media_url is the item's first photo, `photo_base` +
// code + "/anh/1" (the public photo page, scrubbed of metadata), or empty without photos.
nlohmann::ordered_json RequestJson(const feedback::Feedback& f, const feedback::Category& category,
                                   const std::string& agency, const std::string& photo_base);

}  // namespace xaso::web
