// Many rows inserted in multi-row INSERT statements inside the caller's transaction, one
// prepared statement of kBatchRows rows run for each full batch: one statement a row would be
// a round trip a row. Survey imports use it on SQLite (PostgreSQL takes COPY, response_copy.h),
// one-time codes on both; 100, 500 and 2,000 rows a statement cost about the same
// (docs/performance.md, survey_bench).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

namespace xaso::storage {

inline constexpr size_t kBatchRows = 500;

// `row` with the row's number appended to each placeholder's name: SQLite binds repeated
// names to one parameter, where every row needs its own.
inline std::string NumberedRow(std::string_view row, size_t i) {
  std::string out;
  const std::string suffix = "_" + std::to_string(i);
  for (size_t k = 0; k < row.size(); ++k) {
    out += row[k];
    if (row[k] != ':') continue;
    while (k + 1 < row.size() &&
           (std::isalnum(static_cast<unsigned char>(row[k + 1])) != 0 || row[k + 1] == '_')) {
      out += row[++k];
    }
    out += suffix;
  }
  return out;
}

// Inserts one row per item: `head` is "INSERT INTO t (columns) VALUES " and `row` one row's
// tuple of placeholders, e.g. "(7, :a, :b)", bound in order. A Slot holds one row's bound values:
// `void Bind(soci::statement&)` exchanges soci::use() of each, `void Fill(const Item&)` copies an
// item in. The statement of kBatchRows rows is prepared once and run for every full batch.
template <class Slot, class Item>
void InsertBatched(soci::session& s, std::string_view head, std::string_view row,
                   std::span<const Item> items) {
  std::vector<Slot> slots(std::min(items.size(), kBatchRows));
  size_t done = 0;
  while (done < items.size()) {
    const size_t rows = std::min(kBatchRows, items.size() - done);
    soci::statement st(s);
    std::string sql(head);
    for (size_t i = 0; i < rows; ++i) {
      if (i > 0) sql += ", ";
      sql += NumberedRow(row, i);
      slots[i].Bind(st);
    }
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    while (items.size() - done >= rows) {
      for (size_t i = 0; i < rows; ++i) slots[i].Fill(items[done + i]);
      st.execute(true);
      done += rows;
    }
  }
}

}  // namespace xaso::storage
