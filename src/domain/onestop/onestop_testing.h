// Test helper for the one-stop tests: a moment given as a Vietnamese wall-clock time.
// Test-only; not part of domain_onestop.
#pragma once

#include <cstdint>
#include <string_view>

#include "domain/calendar/calendar_testing.h"

namespace xaso::onestop::testing {

// Unix time of hh:mm:ss on `iso` ("YYYY-MM-DD") in Vietnam (UTC+7).
inline int64_t VnTime(std::string_view iso, int hh, int mm, int ss = 0) {
  return calendar::testing::D(iso).days() * 86400 + hh * 3600 + mm * 60 + ss - 7 * 3600;
}

}  // namespace xaso::onestop::testing
