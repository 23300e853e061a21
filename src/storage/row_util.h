// Reading soci::row columns whose C++ type differs between back-ends: SQLite reports an
// INTEGER PRIMARY KEY as int and PostgreSQL a BIGINT identity as long long.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/date.h"

namespace xaso::storage {

inline int64_t RowInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<int64_t>(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: return 0;
  }
}

// A nullable integer column; nullopt for NULL.
inline std::optional<int64_t> RowOptInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return RowInt(r, i);
}

// A nullable REAL column; nullopt for NULL. SQLite may report a whole number stored in one as
// an integer.
inline std::optional<double> RowOptDouble(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  if (r.get_properties(i).get_data_type() == soci::dt_double) return r.get<double>(i);
  return static_cast<double>(RowInt(r, i));
}

inline std::string RowText(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return {};
  return r.get<std::string>(i);
}

// A nullable ISO date column; nullopt for NULL (or text that is not a date).
inline std::optional<Date> RowDate(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return Date::ParseIso(RowText(r, i));
}

// A nullable date's value and indicator for soci::use(value, ind); lives as long as the
// statement that binds it.
struct OptText {
  std::string value;
  soci::indicator ind = soci::i_null;
  explicit OptText(const std::optional<Date>& d) {
    if (d) {
      value = d->ToIso();
      ind = soci::i_ok;
    }
  }
};

}  // namespace xaso::storage
