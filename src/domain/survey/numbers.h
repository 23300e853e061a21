// How survey answers hold numbers: read with the decimal comma Vietnamese spreadsheets write,
// stored in plain fixed notation so a CSV reader and a person read them the same way.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "domain/papi/cells.h"

namespace xaso::survey {

// Never an exponent: "3", "2.5", "150000".
inline std::string FormatPlain(double v) {
  if (v == 0) v = 0;  // drops the sign of -0
  std::array<char, 400> buffer{};
  auto [end, ec] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string();
}

// A finite number in fixed notation, "2.5" or "2,5"; nullopt otherwise.
inline std::optional<double> ParsePlain(std::string_view text) {
  std::string s(text);
  if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
  return papi::ParseFinite(s);
}

}  // namespace xaso::survey
