// Whole numbers the Vietnamese way (TCVN: a dot between thousands): 1.234.567. In core because
// the domain writes amounts into its messages (the budget tables' totals) and reads them from
// imported files, and the web layer formats them for pages (web/vn_number.h builds on this).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xaso {

// "1.234.567", "-45.000", "0".
std::string GroupThousands(int64_t n);

// A whole number written plainly ("1250000") or grouped by dots ("1.250.000"), with an optional
// leading '-'. nullopt for anything else: empty text, misplaced dots ("12.50"), commas, spaces
// inside, or a value beyond int64.
std::optional<int64_t> ParseGroupedInt(std::string_view text);

}  // namespace xaso
