// The periods a recurring disclosure covers: a quarter ("2026-Q1") or a year ("2026").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/disclosure/disclosure_type.h"

namespace xaso::disclosure {

struct Period {
  std::string key;  // "2026-Q1" or "2026"
  Date first;
  Date last;  // inclusive: 31/03/2026 for "2026-Q1"
  friend bool operator==(const Period&, const Period&) = default;
};

// "2026-Q1".."2026-Q4" or "2026" (years 2000–2100); nullopt otherwise.
std::optional<Period> ParsePeriod(std::string_view key);
// The key's label for pages: "Quý I/2026", "Năm 2026".
std::string PeriodLabelVi(const Period& p);
// The periods of `r` that end in `year`, in order; empty for Recurrence::kNone.
std::vector<Period> PeriodsEndingIn(Recurrence r, int year);
// Whether `key` is a period of `r` (a quarter key for kQuarterly, a year key for kYearly).
bool MatchesRecurrence(std::string_view key, Recurrence r);

}  // namespace xaso::disclosure
