#include "domain/papi/score_table.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>

#include "core/csv.h"
#include "core/text.h"
#include "domain/papi/csv_problems.h"

namespace xaso::papi {
namespace {

// Half a unit of the 4th decimal: published sub-dimension scores are rounded to 4 decimals, so
// 1/3 may be printed as 0.3333.
constexpr double kRounding = 0.00005;
constexpr int kFirstYear = 2018;  // the catalogue models the 8-dimension design only

// Year 0 stands for "no year given": the sub-dimensions that still apply.
bool Applies(const SubDimension& s, int year) {
  return year == 0 ? s.to_year == 0 : s.AppliesIn(year);
}

int CountApplying(const Catalogue& catalogue, int dimension, int year) {
  int k = 0;
  for (const SubDimension& s : catalogue.subdimensions()) {
    if (s.dimension == dimension && Applies(s, year)) ++k;
  }
  return k;
}

}  // namespace

Result<std::vector<ScoreRow>> ParseScoreTable(std::string_view csv, const Catalogue& catalogue,
                                              ScoreTableKind kind) {
  Result<CsvTable> parsed = ParseCsvWithHeader(csv, {});
  if (!parsed.has_value()) return std::move(parsed).error();
  const CsvTable& table = *parsed;
  CsvProblems problems;

  std::string_view unit_column = kind == ScoreTableKind::kProvincial ? "province" : "unit";
  if (kind == ScoreTableKind::kUnits && !table.ColumnIndex("unit") &&
      table.ColumnIndex("province")) {
    unit_column = "province";
  }
  const std::optional<size_t> unit_index = table.ColumnIndex(unit_column);
  const std::optional<size_t> year_index = table.ColumnIndex("year");
  if (!unit_index) {
    problems.Add(1, CsvProblems::kNoColumn, "", "thiếu cột " + std::string(unit_column));
  }
  if (kind == ScoreTableKind::kProvincial && !year_index) {
    problems.Add(1, CsvProblems::kNoColumn, "", "thiếu cột year");
  }
  // Column index → sub-dimension, for the columns that hold scores.
  std::vector<std::pair<size_t, const SubDimension*>> score_columns;
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i];
    if (i == unit_index || i == year_index) continue;
    // A file of units may keep its province column beside the unit; it is not a score.
    if (kind == ScoreTableKind::kUnits && name == "province") continue;
    if (const SubDimension* s = catalogue.Find(name)) {
      score_columns.emplace_back(i, s);
    } else {
      problems.Add(1, i, name,
                   "không phải mã nội dung thành phần PAPI (dạng d.k, ví dụ 1.1) hay cột " +
                       std::string(unit_column) + ", year");
    }
  }
  if (!problems.empty()) return std::move(problems).ToError();
  if (table.rows.empty()) {
    problems.Add(1, CsvProblems::kNoColumn, "", "không có dòng dữ liệu nào");
    return std::move(problems).ToError();
  }

  std::vector<ScoreRow> rows;
  rows.reserve(table.rows.size());
  std::set<std::pair<std::string, int>> seen;
  std::set<int> missing_reported;  // the years whose missing columns were reported
  for (const CsvRow& csv_row : table.rows) {
    ScoreRow row;
    row.line = csv_row.line;
    row.unit = std::string(Trim(csv_row.fields[*unit_index]));
    if (row.unit.empty()) {
      problems.Add(row.line, *unit_index, unit_column, "thiếu tên đơn vị");
    }
    if (year_index) {
      const std::string_view text = Trim(csv_row.fields[*year_index]);
      const std::optional<int> year = ParseYear(text);
      if (!year || *year < kFirstYear) {
        problems.Add(row.line, *year_index, "year",
                     "năm phải là số có 4 chữ số, từ " + std::to_string(kFirstYear) +
                         " (thiết kế 8 chỉ số nội dung), không phải '" + std::string(text) + "'");
        continue;
      }
      row.year = *year;
    }
    if (!row.unit.empty() && !seen.emplace(row.unit, row.year).second) {
      problems.Add(row.line, *unit_index, unit_column,
                   "đơn vị '" + row.unit + "' lặp lại" +
                       (row.year != 0 ? " trong năm " + std::to_string(row.year) : ""));
    }
    // The columns the row's year needs, reported once per year: at the header when the file has
    // no year (every row needs the same), else at the first row of the year.
    std::vector<const SubDimension*> missing;
    for (const SubDimension& s : catalogue.subdimensions()) {
      if (!Applies(s, row.year)) continue;
      const bool has_column = std::any_of(score_columns.begin(), score_columns.end(),
                                          [&](const auto& c) { return c.second == &s; });
      if (!has_column) missing.push_back(&s);
    }
    if (!missing.empty() && missing_reported.insert(row.year).second) {
      std::string message = "thiếu cột ";
      if (missing.size() == 1) {
        message += missing[0]->code + " (" + missing[0]->name_vi + ")";
      } else {
        for (size_t i = 0; i < missing.size(); ++i) {
          if (i > 0) message += ", ";
          message += missing[i]->code;
        }
      }
      if (row.year != 0) message += ", nội dung thành phần của năm " + std::to_string(row.year);
      problems.Add(row.year != 0 ? row.line : 1, CsvProblems::kNoColumn, "", std::move(message));
    }
    for (const auto& [index, s] : score_columns) {
      const std::string_view text = Trim(csv_row.fields[index]);
      if (text.empty()) continue;
      if (!Applies(*s, row.year)) {
        problems.Add(row.line, index, s->code,
                     row.year != 0 ? "năm " + std::to_string(row.year) +
                                         " không có nội dung thành phần này; để trống ô"
                                   : "nội dung thành phần này không còn áp dụng; để trống ô");
        continue;
      }
      const std::optional<double> value = ParseDecimal(text);
      if (!value) {
        problems.Add(row.line, index, s->code,
                     Quoted(text) + " không phải là số (dùng dấu chấm thập phân, ví dụ 1.1268)");
        continue;
      }
      const int k = CountApplying(catalogue, s->dimension, row.year);
      const double low = 1.0 / k;
      const double high = 10.0 / k;
      if (*value < low - kRounding || *value > high + kRounding) {
        problems.Add(row.line, index, s->code,
                     "điểm " + std::string(text) + " ngoài khoảng " + Format4(low) + "–" +
                         Format4(high) + " của nội dung thành phần (chỉ số nội dung " +
                         std::to_string(s->dimension) + " có " + std::to_string(k) +
                         " nội dung thành phần)");
        continue;
      }
      row.subdimensions.emplace(s->code, *value);
    }
    DeriveSums(catalogue, row);
    rows.push_back(std::move(row));
  }
  if (!problems.empty()) return std::move(problems).ToError();
  return rows;
}

void DeriveSums(const Catalogue& catalogue, ScoreRow& row) {
  bool all_dimensions = true;
  double aggregate = 0;
  for (int d = 1; d <= kDimensionCount; ++d) {
    double sum = 0;
    bool complete = true;
    for (const SubDimension& s : catalogue.subdimensions()) {
      if (s.dimension != d || !Applies(s, row.year)) continue;
      auto it = row.subdimensions.find(s.code);
      if (it == row.subdimensions.end()) {
        complete = false;
      } else {
        sum += it->second;
      }
    }
    if (complete) {
      row.dimensions[d - 1] = sum;
      aggregate += sum;
    } else {
      all_dimensions = false;
    }
  }
  if (all_dimensions) row.aggregate = aggregate;
}

std::vector<RankedRow> RankByYear(const std::vector<ScoreRow>& rows) {
  std::vector<RankedRow> out(rows.size());
  std::set<int> years;
  for (const ScoreRow& row : rows) years.insert(row.year);
  for (int year : years) {
    std::vector<size_t> members;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].year == year) members.push_back(i);
    }
    auto place = [&](auto score_of, auto assign) {
      std::vector<std::optional<double>> scores;
      scores.reserve(members.size());
      for (size_t i : members) scores.push_back(score_of(rows[i]));
      const std::vector<std::optional<Placement>> placed = Rank(scores);
      for (size_t j = 0; j < members.size(); ++j) assign(out[members[j]], placed[j]);
    };
    place([](const ScoreRow& r) { return r.aggregate; },
          [](RankedRow& r, const std::optional<Placement>& p) { r.aggregate = p; });
    for (size_t d = 0; d < kDimensionCount; ++d) {
      place([d](const ScoreRow& r) { return r.dimensions[d]; },
            [d](RankedRow& r, const std::optional<Placement>& p) { r.dimensions[d] = p; });
    }
  }
  return out;
}

}  // namespace xaso::papi
