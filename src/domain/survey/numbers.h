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

// "1.000" or "12.500,5" (\d{1,3}(\.\d{3})+ with an optional ,\d+ after): typed by a person, a
// Vietnamese writer means thousands by the points, so "1.000" is one thousand, while the fixed
// notation reads one. The answering form refuses such a number with kAmbiguousNumberMessage
// rather than guess; machine text (stored answers, CSV files) is fixed notation and never asked.
inline bool IsAmbiguousThousands(std::string_view t) {
  const auto digits = [](std::string_view d) {
    return !d.empty() &&
           std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
  if (const size_t comma = t.find(','); comma != std::string_view::npos) {
    if (!digits(t.substr(comma + 1))) return false;
    t = t.substr(0, comma);
  }
  const size_t dot = t.find('.');
  if (dot == std::string_view::npos || dot > 3 || !digits(t.substr(0, dot))) return false;
  const std::string_view groups = t.substr(dot);  // ".ddd.ddd…"
  if (groups.size() % 4 != 0) return false;
  for (size_t i = 0; i < groups.size(); i += 4) {
    if (groups[i] != '.' || !digits(groups.substr(i + 1, 3))) return false;
  }
  return true;
}

inline constexpr std::string_view kAmbiguousNumberMessage =
    "Viết số không có dấu chấm phân cách hàng nghìn, ví dụ 1000 hoặc 2,5";

// A finite number in fixed notation, "2.5" or "2,5"; nullopt otherwise.
inline std::optional<double> ParsePlain(std::string_view text) {
  std::string s(text);
  if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
  return papi::ParseFinite(s);
}

}  // namespace xaso::survey
