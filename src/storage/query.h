// QueryAll: runs one SELECT with bound parameters and maps each row, the shape of nearly every
// list read in storage/. Parameters are bound by value, in order, to the :names of `sql`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.h"
#include "storage/database.h"

namespace xaso::storage {

// `map` turns a soci::row into a T (use RowInt/RowText, which hide the back-ends' column
// types). Errors: those of Database::Read.
template <class T, class Map, class... Params>
Result<std::vector<T>> QueryAll(Database& db, const std::string& sql, Map map, Params... params) {
  std::vector<T> out;
  XASO_RETURN_IF_ERROR(db.Read([&](soci::session& s) -> Status {
    // A left fold over SOCI's comma operator: (s.prepare << sql, use(p1), use(p2), ...).
    soci::rowset<soci::row> rows = (s.prepare << sql, ..., soci::use(params));
    for (const soci::row& r : rows) out.push_back(map(r));
    return Ok{};
  }));
  return out;
}

// The first row of `sql`, mapped, or nullopt when there is none: for reads by a unique key. One
// round trip on PostgreSQL, where QueryAll's prepared rowset makes three (prepare, execute and
// DEALLOCATE).
template <class T, class Map, class... Params>
Result<std::optional<T>> QueryOne(Database& db, const std::string& sql, Map map, Params... params) {
  std::optional<T> out;
  XASO_RETURN_IF_ERROR(db.Read([&](soci::session& s) -> Status {
    soci::row r;
    (s << sql, ..., soci::use(params)), soci::into(r);
    if (s.got_data()) out = map(r);
    return Ok{};
  }));
  return out;
}

}  // namespace xaso::storage
