#include "domain/papi/score_input.h"

#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/csv.h"
#include "core/text.h"
#include "domain/papi/cells.h"

namespace xaso::papi {
namespace {

constexpr std::array<std::string_view, 3> kAggregateColumns = {"unit", "indicator", "value"};
constexpr std::array<std::string_view, 1> kRespondentColumns = {"unit"};

Result<double> Number(const CsvRow& row, std::string_view column, const std::string& text) {
  const std::optional<double> value = ParseFinite(Trim(text));
  if (!value) return CellError(row.line, column, "'" + text + "' không phải là số");
  return *value;
}

}  // namespace

Result<std::vector<AggregateValue>> ParseAggregateCsv(std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kAggregateColumns));
  const std::optional<size_t> n_column = table.ColumnIndex("n");
  std::vector<AggregateValue> values;
  values.reserve(table.rows.size());
  for (const CsvRow& row : table.rows) {
    AggregateValue v;
    v.line = row.line;
    v.unit = std::string(Trim(table.Field(row, "unit")));
    if (v.unit.empty()) return CellError(row.line, "unit", "thiếu đơn vị");
    v.indicator = std::string(Trim(table.Field(row, "indicator")));
    XASO_ASSIGN_OR_RETURN(v.value, Number(row, "value", table.Field(row, "value")));
    if (n_column && !Trim(row.fields[*n_column]).empty()) {
      XASO_ASSIGN_OR_RETURN(double n, Number(row, "n", row.fields[*n_column]));
      if (n < 0 || n != static_cast<double>(static_cast<int>(n))) {
        return CellError(row.line, "n", "số người trả lời phải là số nguyên không âm");
      }
      v.answers = static_cast<int>(n);
    }
    values.push_back(std::move(v));
  }
  return values;
}

Result<RespondentTable> ParseRespondentCsv(std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(CsvTable parsed, ParseCsvWithHeader(csv, kRespondentColumns));
  const size_t unit_column = *parsed.ColumnIndex("unit");
  const std::optional<size_t> weight_column = parsed.ColumnIndex("weight");
  RespondentTable table;
  std::vector<size_t> value_columns;
  for (size_t c = 0; c < parsed.header.size(); ++c) {
    if (c == unit_column || c == weight_column) continue;
    value_columns.push_back(c);
    table.columns.push_back(parsed.header[c]);
  }
  std::map<std::string, uint32_t, std::less<>> unit_position;
  table.values.reserve(parsed.rows.size() * value_columns.size());
  for (const CsvRow& row : parsed.rows) {
    const std::string unit(Trim(row.fields[unit_column]));
    if (unit.empty()) return CellError(row.line, "unit", "thiếu đơn vị");
    auto [it, added] = unit_position.emplace(unit, static_cast<uint32_t>(table.units.size()));
    if (added) table.units.push_back(unit);
    table.unit_of.push_back(it->second);
    table.lines.push_back(row.line);
    if (weight_column) {
      XASO_ASSIGN_OR_RETURN(double w, Number(row, "weight", row.fields[*weight_column]));
      table.weights.push_back(w);
    }
    for (size_t c : value_columns) {
      const std::string& text = row.fields[c];
      if (Trim(text).empty()) {
        table.values.push_back(kNotAnswered);
        continue;
      }
      XASO_ASSIGN_OR_RETURN(double v, Number(row, parsed.header[c], text));
      table.values.push_back(v);
    }
  }
  return table;
}

}  // namespace xaso::papi
