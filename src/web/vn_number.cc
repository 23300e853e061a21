#include "web/vn_number.h"

#include <cmath>

#include "core/vn_int.h"

namespace xaso::web {

std::string VnInt(int64_t n) { return GroupThousands(n); }

std::string VnDecimal(double value) {
  const auto tenths = static_cast<int64_t>(std::llround(value * 10));
  std::string out = VnInt(tenths / 10);
  if (tenths < 0 && tenths > -10) out.insert(out.begin(), '-');
  if (const int64_t rest = std::llabs(tenths % 10); rest != 0) {
    out += ',';
    out += std::to_string(rest);
  }
  return out;
}

std::string VnPercent(std::optional<double> share) {
  if (!share) return "—";
  return VnDecimal(*share * 100) + "%";
}

}  // namespace xaso::web
