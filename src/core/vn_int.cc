#include "core/vn_int.h"

#include <charconv>

namespace xaso {

std::string GroupThousands(int64_t n) {
  // Unsigned, so that the magnitude of INT64_MIN fits.
  const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  const std::string digits = std::to_string(magnitude);
  std::string out;
  if (n < 0) out += '-';
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::optional<int64_t> ParseGroupedInt(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::string digits;
  const size_t first_dot = text.find('.');
  if (first_dot == std::string_view::npos) {
    digits = text;
  } else {
    // Grouped: 1–3 digits, then groups of exactly three after each dot.
    if (first_dot == 0 || first_dot > 3) return std::nullopt;
    for (size_t i = 0; i < text.size(); ++i) {
      const bool dot_place = i >= first_dot && (i - first_dot) % 4 == 0;
      if (dot_place != (text[i] == '.')) return std::nullopt;
      if (!dot_place) digits += text[i];
    }
    if ((text.size() - first_dot) % 4 != 0) return std::nullopt;
  }
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (negative) digits.insert(digits.begin(), '-');
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

}  // namespace xaso
