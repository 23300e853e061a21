#include "core/csv.h"

#include <iterator>
#include <utility>

#include "core/text.h"

namespace xaso {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

Error LineError(int line, std::string_view message) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "dòng " + std::to_string(line) + ": " + std::string(message));
}

// The records of `text` with the line each starts on. See ParseCsv for the rules.
Result<std::vector<CsvRow>> ParseRows(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  const size_t n = text.size();
  size_t i = 0;
  int line = 1;
  auto is_break = [&](size_t p) { return text[p] == '\n' || text[p] == '\r'; };
  // Consumes the line break at i: CRLF, LF or a lone CR.
  auto skip_break = [&] {
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };

  std::vector<CsvRow> rows;
  while (i < n) {
    if (is_break(i)) {  // an empty line
      skip_break();
      continue;
    }
    CsvRow row;
    row.line = line;
    for (;;) {  // one field per pass
      std::string field;
      const int field_line = line;
      if (i < n && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= n) return LineError(field_line, "trường trong ngoặc kép chưa được đóng");
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          // CRLF counts once, at its LF.
          if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
          field.push_back(c);
          ++i;
        }
        if (i < n && text[i] != ',' && !is_break(i)) {
          return LineError(line, "có ký tự sau dấu ngoặc kép đóng trường");
        }
      } else {
        while (i < n && text[i] != ',' && !is_break(i)) {
          if (text[i] == '"') {
            return LineError(line, "dấu ngoặc kép trong trường không được đặt trong ngoặc kép");
          }
          field.push_back(text[i]);
          ++i;
        }
      }
      if (!IsValidUtf8(field)) return LineError(field_line, "trường không phải UTF-8 hợp lệ");
      row.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n) skip_break();
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  XASO_ASSIGN_OR_RETURN(std::vector<CsvRow> rows, ParseRows(text));
  std::vector<std::vector<std::string>> records;
  records.reserve(rows.size());
  for (CsvRow& row : rows) records.push_back(std::move(row.fields));
  return records;
}

std::optional<size_t> CsvTable::ColumnIndex(std::string_view column) const {
  auto it = columns.find(column);
  if (it == columns.end()) return std::nullopt;
  return it->second;
}

const std::string& CsvTable::Field(const CsvRow& row, std::string_view column) const {
  const std::optional<size_t> index = ColumnIndex(column);
  XASO_CHECK(index.has_value() && *index < row.fields.size());
  return row.fields[*index];
}

Result<CsvTable> ParseCsvWithHeader(std::string_view text,
                                    std::span<const std::string_view> required_columns) {
  XASO_ASSIGN_OR_RETURN(std::vector<CsvRow> rows, ParseRows(text));
  if (rows.empty()) return LineError(1, "tệp trống, thiếu dòng tiêu đề");
  CsvTable table;
  const int header_line = rows.front().line;
  table.header = std::move(rows.front().fields);
  for (size_t c = 0; c < table.header.size(); ++c) {
    if (!table.columns.emplace(table.header[c], c).second) {
      return LineError(header_line, "cột " + table.header[c] + " lặp lại");
    }
  }
  std::string missing;
  for (std::string_view column : required_columns) {
    if (table.columns.contains(column)) continue;
    if (!missing.empty()) missing += ", ";
    missing += column;
  }
  if (!missing.empty()) return LineError(header_line, "thiếu cột " + missing);
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].fields.size() != table.header.size()) {
      return LineError(rows[r].line, "có " + std::to_string(rows[r].fields.size()) +
                                         " trường, dòng tiêu đề có " +
                                         std::to_string(table.header.size()));
    }
  }
  table.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  return table;
}

std::string CsvEscape(std::string_view field) {
  const bool guard = !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' ||
                                        field[0] == '@' || field[0] == '\t' || field[0] == '\r');
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  std::string out;
  out.reserve(field.size() + 3);
  if (quote) out.push_back('"');
  if (guard) out.push_back('\'');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
  return out;
}

}  // namespace xaso
