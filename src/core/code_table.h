// Stored codes of an enum as a constexpr table of (enumerator, code) pairs, read both ways, so
// that each enum's codes are written once (plan statuses, inspection kinds, ...).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace xaso {

template <class E, size_t N>
std::optional<E> FromCode(const std::pair<E, std::string_view> (&table)[N], std::string_view code) {
  for (const auto& [e, c] : table) {
    if (c == code) return e;
  }
  return std::nullopt;
}

// "" for a value missing from the table (a bug in the table).
template <class E, size_t N>
std::string_view ToCode(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [e, c] : table) {
    if (e == value) return c;
  }
  return "";
}

}  // namespace xaso
