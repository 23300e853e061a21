// Numbers written the Vietnamese way (TCVN: a dot between thousands, a comma before decimals):
// 1.234.567 and 87,5%.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace xaso::web {

std::string VnInt(int64_t n);
// `value` with one decimal, the comma dropped when it is ",0": 3,5 and 8.
std::string VnDecimal(double value);
// A share in [0, 1] as a percentage with one decimal ("87,5%"), or "—" when unknown.
std::string VnPercent(std::optional<double> share);

}  // namespace xaso::web
