// How the PAPI parsers and the scoring engine read a number from a CSV cell and name a bad cell:
// "dòng 7, cột upper: …" (the 1-based line and the column's header name).
#pragma once

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso::papi {

inline Error CellError(int line, std::string_view column, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "dòng " + std::to_string(line) + ", cột " +
                                                    std::string(column) + ": " + message);
}

// A finite decimal number, with no spaces, no thousands separator and no exponent ("1.1268");
// nullopt otherwise.
inline std::optional<double> ParseFinite(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// The shortest text that reads back as `value` ("0.5", "150000").
inline std::string FormatNumber(double value) {
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string("?");
}

}  // namespace xaso::papi
