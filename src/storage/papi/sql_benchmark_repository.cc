#include "storage/papi/sql_benchmark_repository.h"

#include <set>
#include <string>
#include <utility>

#include <soci/soci.h>

#include "domain/papi/catalogue.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/row_util.h"

namespace xaso::storage {

using papi::ScoreRow;

Status SqlBenchmarkRepository::Import(const std::vector<ScoreRow>& rows,
                                      const audit::AuditRecord& who, int64_t now) {
  std::set<std::pair<std::string, int>> units;
  for (const ScoreRow& row : rows) {
    if (row.unit.empty() || row.year < 2018) {
      return MakeError(ErrorCode::kInvalidArgument, "a benchmark row needs a province and a year");
    }
    units.emplace(row.unit, row.year);
  }
  return db_.Write([&](soci::session& s) -> Status {
    for (const auto& [province, year] : units) {
      int y = year;
      s << "DELETE FROM papi_benchmark WHERE commune_id = 0 AND province = :p AND year = :y",
          soci::use(province), soci::use(y);
    }
    long long at = now;
    std::string province;
    std::string code;
    int year = 0;
    double score = 0;
    soci::statement insert =
        (s.prepare << "INSERT INTO papi_benchmark (commune_id, province, year, code, score, "
                      "imported_at) VALUES (0, :p, :y, :c, :s, :t)",
         soci::use(province), soci::use(year), soci::use(code), soci::use(score), soci::use(at));
    for (const ScoreRow& row : rows) {
      province = row.unit;
      year = row.year;
      for (const auto& [c, value] : row.subdimensions) {
        code = c;
        score = value;
        insert.execute(true);
      }
    }
    std::string summary;
    for (const auto& [p, y] : units) {
      summary += (summary.empty() ? "" : ", ") + p + " " + std::to_string(y);
    }
    audit::AuditRecord a = who;
    a.commune_id = 0;
    a.entity = "papi_benchmark";
    a.entity_id = std::to_string(rows.size());
    a.action = "import";
    a.summary = summary;
    AppendAudit(s, a, now);
    return Ok{};
  });
}

Result<std::vector<ScoreRow>> SqlBenchmarkRepository::List() {
  std::vector<ScoreRow> out;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT province, year, code, score FROM papi_benchmark "
                      "WHERE commune_id = 0 ORDER BY province, year, code");
    for (const soci::row& r : rows) {
      const std::string province = RowText(r, 0);
      const int year = static_cast<int>(RowInt(r, 1));
      if (out.empty() || out.back().unit != province || out.back().year != year) {
        out.push_back(ScoreRow{.unit = province, .year = year});
      }
      // SQLite may hand a whole-number REAL back as an integer.
      const double score = r.get_properties(3).get_data_type() == soci::dt_double
                               ? r.get<double>(3)
                               : static_cast<double>(RowInt(r, 3));
      out.back().subdimensions.emplace(RowText(r, 2), score);
    }
    return Ok{};
  }));
  for (ScoreRow& row : out) papi::DeriveSums(papi::Catalogue::Default(), row);
  return out;
}

}  // namespace xaso::storage
