#include "domain/papi/benchmark.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/csv.h"
#include "core/embedded.h"
#include "core/text.h"
#include "domain/papi/csv_problems.h"

namespace xaso::papi {
namespace {

constexpr std::string_view kNationalReferenceFile = "national_reference.csv";
constexpr std::string_view kBenchmarkPrefix = "benchmark_";
constexpr std::array<std::string_view, 6> kReferenceColumns = {"year", "n",   "median",
                                                               "mean", "p25", "p75"};
constexpr double kAggregateMin = 8;
constexpr double kAggregateMax = 80;

std::optional<int> ParseCount(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < 1) return std::nullopt;
  return value;
}

}  // namespace

Result<std::vector<NationalReference>> ParseNationalReference(std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kReferenceColumns));
  CsvProblems problems;
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (std::find(kReferenceColumns.begin(), kReferenceColumns.end(), table.header[i]) ==
        kReferenceColumns.end()) {
      problems.Add(1, i, table.header[i],
                   "cột không có trong định dạng year,n,median,mean,p25,p75");
    }
  }
  if (!problems.empty()) return std::move(problems).ToError();
  if (table.rows.empty()) {
    problems.Add(1, CsvProblems::kNoColumn, "", "không có dòng dữ liệu nào");
    return std::move(problems).ToError();
  }
  std::vector<NationalReference> out;
  std::set<int> years;
  for (const CsvRow& row : table.rows) {
    auto field = [&](std::string_view column) { return Trim(table.Field(row, column)); };
    auto at = [&](std::string_view column, std::string message) {
      problems.Add(row.line, *table.ColumnIndex(column), column, std::move(message));
    };
    NationalReference r;
    bool ok = true;
    if (const std::optional<int> year = ParseYear(field("year"))) {
      r.year = *year;
      if (!years.insert(r.year).second) {
        at("year", "năm " + std::to_string(r.year) + " lặp lại");
        ok = false;
      }
    } else {
      at("year", "năm phải là số có 4 chữ số, không phải '" + std::string(field("year")) + "'");
      ok = false;
    }
    if (const std::optional<int> n = ParseCount(field("n"))) {
      r.n = *n;
    } else {
      at("n", "số tỉnh phải là số nguyên dương, không phải '" + std::string(field("n")) + "'");
      ok = false;
    }
    const std::array<std::pair<std::string_view, double*>, 4> scores = {
        {{"median", &r.median}, {"mean", &r.mean}, {"p25", &r.p25}, {"p75", &r.p75}}};
    for (const auto& [column, target] : scores) {
      const std::string_view text = field(column);
      const std::optional<double> value = ParseDecimal(text);
      if (!value) {
        at(column, Quoted(text) + " không phải là số (dùng dấu chấm thập phân, ví dụ 42.2377)");
        ok = false;
      } else if (*value < kAggregateMin || *value > kAggregateMax) {
        at(column, "điểm " + std::string(text) + " ngoài khoảng 8–80 của điểm PAPI tổng hợp");
        ok = false;
      } else {
        *target = *value;
      }
    }
    if (!ok) continue;
    if (r.p25 > r.median) at("p25", "p25 lớn hơn median");
    if (r.median > r.p75) at("p75", "p75 nhỏ hơn median");
    out.push_back(r);
  }
  if (!problems.empty()) return std::move(problems).ToError();
  return out;
}

const std::vector<ScoreRow>& ShippedProvinceScores() {
  static const std::vector<ScoreRow> kRows = [] {
    std::vector<ScoreRow> rows;
    std::set<std::pair<std::string, int>> seen;
    for (const EmbeddedFile& f : EmbeddedPapiCatalogue()) {
      if (!f.path.starts_with(kBenchmarkPrefix)) continue;
      Result<std::vector<ScoreRow>> parsed =
          ParseScoreTable(f.data, Catalogue::Default(), ScoreTableKind::kProvincial);
      XASO_CHECK(parsed.has_value());
      for (ScoreRow& row : *parsed) {
        // A province and year in two shipped files is a bug in the data.
        XASO_CHECK(seen.emplace(row.unit, row.year).second);
        rows.push_back(std::move(row));
      }
    }
    return rows;
  }();
  return kRows;
}

const std::vector<NationalReference>& ShippedNationalReference() {
  static const std::vector<NationalReference> kReferences = [] {
    for (const EmbeddedFile& f : EmbeddedPapiCatalogue()) {
      if (f.path != kNationalReferenceFile) continue;
      Result<std::vector<NationalReference>> parsed = ParseNationalReference(f.data);
      XASO_CHECK(parsed.has_value());
      return std::move(parsed).value();
    }
    XASO_CHECK(false);  // the file is part of the build
    return std::vector<NationalReference>{};
  }();
  return kReferences;
}

const ScoreRow* FindScores(const std::vector<ScoreRow>& rows, std::string_view unit, int year) {
  for (const ScoreRow& row : rows) {
    if (row.unit == unit && row.year == year) return &row;
  }
  return nullptr;
}

const NationalReference* FindReference(const std::vector<NationalReference>& references, int year) {
  for (const NationalReference& r : references) {
    if (r.year == year) return &r;
  }
  return nullptr;
}

}  // namespace xaso::papi
