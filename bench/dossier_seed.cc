#include "dossier_seed.h"

#include <cstdio>

#include <soci/soci.h>

#include "core/clock.h"
#include "domain/onestop/dossier.h"

namespace xaso::bench {
namespace {

constexpr long long kFrom = 1698771600;  // 01/11/2023 00:00 in Vietnam
constexpr long long kTo = 1793466000;    // 01/11/2026 00:00 in Vietnam
constexpr long long kVn = 7 * 3600;
constexpr long long kOpenSince = kTo - 20 * 86400;  // received later: not finished yet

long long ReceivedAt(long long n, long long count) { return kFrom + (n - 1) * (kTo - kFrom) / count; }

std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += c;
  }
  return out + "'";
}

// `CASE p WHEN 0 THEN value(procedures[0]) ... END`.
template <typename F>
std::string ByProcedure(const std::vector<onestop::Procedure>& procedures, F value) {
  std::string sql = "CASE p";
  for (size_t i = 0; i < procedures.size(); ++i) {
    sql += " WHEN " + std::to_string(i) + " THEN " + value(procedures[i]);
  }
  return sql + " END";
}

// The seeded rows' commune ids: one addition when the communes' ids follow each other.
std::string CommuneIdOf(const std::vector<int64_t>& communes) {
  bool consecutive = true;
  for (size_t i = 1; i < communes.size(); ++i) {
    consecutive = consecutive && communes[i] == communes[0] + static_cast<int64_t>(i);
  }
  if (consecutive) return std::to_string(communes[0]) + " + r";
  std::string sql = "CASE r";
  for (size_t i = 0; i < communes.size(); ++i) {
    sql += " WHEN " + std::to_string(i) + " THEN " + std::to_string(communes[i]);
  }
  return sql + " END";
}

}  // namespace

std::string SeedAgencyCode(size_t commune) {
  char code[32];
  std::snprintf(code, sizeof code, "000.00.21.B%03zu", commune + 1);
  return code;
}

SeededDossier SeededDossierOf(long long n, long long count) {
  SeededDossier d;
  d.commune = static_cast<size_t>(n % kSeedCommunes);
  d.received_at = ReceivedAt(n, count);
  d.code = onestop::MintDossierCode(SeedAgencyCode(d.commune), Clock::DayVn(d.received_at),
                                    n / kSeedCommunes);
  return d;
}

Status SeedDossiers(storage::Database& db, const std::vector<int64_t>& communes,
                    const std::vector<onestop::Procedure>& procedures, long long count) {
  const bool sqlite = db.dialect() == storage::Dialect::kSqlite;
  // The day in Vietnam of the unix time `at`, as 'YYYY-MM-DD' or `YYMMDD`.
  auto day = [&](const std::string& at, bool short_form = false) {
    // SQLite's strftime knows no %y before 3.46.
    return sqlite ? std::string(short_form ? "substr(" : "") + "strftime('" +
                        (short_form ? "%Y%m%d" : "%Y-%m-%d") + "', " + at + " + " +
                        std::to_string(kVn) + ", 'unixepoch')" + (short_form ? ", 3)" : "")
                  : "to_char(to_timestamp(" + at + " + " + std::to_string(kVn) +
                        ") AT TIME ZONE 'UTC', '" + (short_form ? "YYMMDD" : "YYYY-MM-DD") + "')";
  };
  const std::string agency = sqlite ? "printf('000.00.21.B%03d', r + 1)"
                                    : "'000.00.21.B' || lpad((r + 1)::text, 3, '0')";
  const std::string sequence =
      sqlite ? "printf('%04d', q)"
             : "CASE WHEN q < 10000 THEN lpad(q::text, 4, '0') ELSE q::text END";
  const std::string due_days = ByProcedure(procedures, [](const onestop::Procedure& p) {
    return std::to_string(p.same_day ? 0 : p.working_days + 2);
  });
  const std::string due_on = day("t + 86400 * (" + due_days + ")");
  const std::string open = "t >= " + std::to_string(kOpenSince);
  const std::string finished = "(NOT " + open + " AND k % 50 > 1)";
  const std::string returned = "(" + finished + " AND k % 20 <> 2)";
  const std::string due_start = "(((t + " + std::to_string(kVn) + ") / 86400 + " + due_days +
                                ") * 86400 - " + std::to_string(kVn) + ")";
  const std::string finished_at = "CASE WHEN " + finished +
                                  " THEN CASE WHEN k % 10 < 6 THEN t + 3600 WHEN k % 10 < 9 THEN " +
                                  due_start + " + 57600 ELSE " + due_start + " + 208800 END END";
  const std::string select =
      "SELECT " + CommuneIdOf(communes) + ", " + agency + " || '-' || " + day("t", true) +
      " || '-' || " + sequence + ", " +
      ByProcedure(procedures, [](const onestop::Procedure& p) { return Quoted(p.code); }) + ", " +
      ByProcedure(procedures, [](const onestop::Procedure& p) { return Quoted(p.name); }) + ", " +
      ByProcedure(procedures, [](const onestop::Procedure& p) { return Quoted(p.field); }) + ", " +
      ByProcedure(procedures, [](const onestop::Procedure& p) { return Quoted(p.unit_code); }) +
      ", " +
      ByProcedure(procedures,
                  [](const onestop::Procedure& p) { return std::string(p.same_day ? "1" : "0"); }) +
      ", " +
      ByProcedure(procedures,
                  [](const onestop::Procedure& p) { return std::to_string(p.working_days); }) +
      ", CASE WHEN k % 4 = 0 THEN 'online' ELSE 'desk' END, 'Nguyễn Văn An', '0912345678', "
      "'Thôn Đông', '[\"Tờ khai\",\"Giấy tờ tùy thân\"]', t, substr(" +
      day("t") + ", 1, 7), " + due_on + ", " + due_on + ", CASE WHEN " + open +
      " THEN CASE k % 4 WHEN 0 THEN 'received' WHEN 1 THEN 'assigned' WHEN 2 THEN 'processing' "
      "ELSE 'supplement_requested' END WHEN k % 50 = 0 THEN 'refused' WHEN k % 50 = 1 THEN "
      "'stopped' WHEN k % 20 = 2 THEN 'result_ready' ELSE 'returned' END, " +
      finished_at + ", CASE WHEN " + finished +
      " THEN CASE WHEN k % 10 < 6 THEN 'early' WHEN k % 10 < 9 THEN 'on_time' ELSE 'late' END "
      "ELSE '' END, CASE WHEN " +
      returned + " THEN " + finished_at + " + 3600 END, CASE WHEN " + returned +
      " THEN CASE (k / 10) % 9 WHEN 0 THEN 'very_satisfied' WHEN 1 THEN 'satisfied' WHEN 2 THEN "
      "'not_satisfied' ELSE '' END ELSE '' END";
  const std::string n = std::to_string(count);
  const std::string numbers =
      "SELECT n, n % " + std::to_string(kSeedCommunes) + " AS r, n / " +
      std::to_string(kSeedCommunes) + " AS q, (n / " + std::to_string(kSeedCommunes) + ") % " +
      std::to_string(procedures.size()) + " AS p, (n / " + std::to_string(kSeedCommunes) + ") / " +
      std::to_string(procedures.size()) + " AS k, " + std::to_string(kFrom) + " + (n - 1) * " +
      std::to_string(kTo - kFrom) + " / " + n + " AS t FROM ";
  const std::string insert =
      "INSERT INTO dossier (commune_id, code, procedure_code, procedure_name, field, unit_code, "
      "same_day, working_days, channel, applicant_name, applicant_phone, applicant_address, "
      "documents, received_at, received_month, due_on, first_due_on, status, finished_at, "
      "timeliness, returned_at, satisfaction) ";
  const std::string sql =
      sqlite ? insert + "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE "
                        "n < " +
                   n + ") " + select + " FROM (" + numbers + "seq) AS b"
             : insert + select + " FROM (" + numbers + "generate_series(1::bigint, " + n +
                   ") AS seq(n)) AS b";
  return db.Write([&](soci::session& s) -> Status {
    s << sql;
    return Ok{};
  });
}

}  // namespace xaso::bench
