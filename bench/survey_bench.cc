// survey_bench: the import of paper forms (issue 6, docs/performance.md). It builds a CSV of
// XASO_BENCH_RESPONSES (100,000 unless set) answer sheets for a 40-question survey, then times
// survey::ParseResponsesCsv and SurveyRepository::ImportResponses (one transaction) on a SQLite
// file (WAL mode, under XASO_BENCH_DATA or build/bench-data, made afresh each run) and, when
// XASO_BENCH_PG_URL is set, on PostgreSQL in a database of its own, and the read back through
// SurveyRepository::Responses. It prints the figures and asserts nothing about time.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <soci/soci.h>
#include <unistd.h>

#include "core/clock.h"
#include "domain/survey/response_csv.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/survey/sql_survey_repository.h"

#include "bench_pages.h"

namespace xaso::bench {
namespace {

using survey::Question;
using survey::QuestionType;

const audit::AuditRecord kRec{0, 0, "survey_bench", "", "", "", ""};
constexpr int kQuestions = 40;

long long EnvCount(const char* name, long long fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoll(v) : fallback;
}

// 40 questions in the shares of the PAPI questionnaire: mostly single choices and scales, some
// multiple choices, numbers and free text.
survey::Survey BenchSurvey(int64_t commune_id) {
  survey::Survey s;
  s.commune_id = commune_id;
  s.title = "Khảo sát thử tải";
  s.year = 2026;
  s.created_at = SystemClock().NowUnix();
  s.sections = {{"main", "Phần chính", "Main"}};
  for (int i = 0; i < kQuestions; ++i) {
    Question q;
    q.key = "q" + std::to_string(i + 1);
    q.section = "main";
    q.text_vi = "Câu hỏi " + std::to_string(i + 1);
    if (i % 10 < 5) {
      q.type = QuestionType::kSingle;
      q.options = {{"yes", "Có", "", 1.0}, {"no", "Không", "", 0.0}, {"dk", "Không biết", "", {}}};
    } else if (i % 10 < 7) {
      q.type = QuestionType::kScale;
      q.min = 1;
      q.max = 5;
    } else if (i % 10 == 7) {
      q.type = QuestionType::kMultiple;
      q.options = {{"a", "A", "", {}}, {"b", "B", "", {}}, {"c", "C", "", {}}, {"d", "D", "", {}}};
    } else if (i % 10 == 8) {
      q.type = QuestionType::kNumber;
      q.min = 0;
      q.max = 1000;
    } else {
      q.type = QuestionType::kText;
    }
    s.questions.push_back(q);
  }
  return s;
}

std::string BenchCsv(const survey::Survey& s, long long rows) {
  std::mt19937 random(20261127);
  std::string csv = "channel,submitted_at,weight";
  for (const Question& q : s.questions) csv += "," + q.key;
  csv += "\n";
  const char* singles[] = {"yes", "no", "dk"};
  const char* multiples[] = {"a", "b|c", "a|d", "c"};
  for (long long r = 0; r < rows; ++r) {
    char head[64];
    std::snprintf(head, sizeof head, ",%02lld/10/2026 %02lld:%02lld,%s", 1 + r % 28, r % 24, r % 60,
                  r % 3 == 0 ? "1.25" : "");
    csv += head;
    for (const Question& q : s.questions) {
      csv += ",";
      switch (q.type) {
        case QuestionType::kSingle: csv += singles[random() % 3]; break;
        case QuestionType::kScale: csv += std::to_string(1 + random() % 5); break;
        case QuestionType::kMultiple: csv += multiples[random() % 4]; break;
        case QuestionType::kNumber: csv += std::to_string(random() % 1000); break;
        case QuestionType::kText:
          if (random() % 4 == 0) csv += "\"Đường làng ngập nước, cần sửa cống\"";
          break;
      }
    }
    csv += "\n";
  }
  return csv;
}

// The CPU time, in s, the PostgreSQL backend serving `db`'s one connection has used, read from
// /proc when the server runs on this machine; -1 otherwise.
double ServerCpuS(storage::Database& db) {
  if (db.dialect() != storage::Dialect::kPostgres) return -1;
  long long pid = 0;
  if (!db.Read([&](soci::session& s) -> Status {
        s << "SELECT pg_backend_pid()", soci::into(pid);
        return Ok{};
      })) {
    return -1;
  }
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) return -1;
  // After the command's name: state, then fields 4..; utime and stime are fields 14 and 15.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::atoll(field.c_str());
    if (i == 15) stime = std::atoll(field.c_str());
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

Status BenchDatabase(const std::string& label, const std::string& url, const std::string& csv,
                     long long rows) {
  // One connection, so that ServerCpuS reads the backend that did the work.
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  XASO_RETURN_IF_ERROR(storage::Migrate(*db));
  long long commune = 0;
  XASO_RETURN_IF_ERROR(db->Write([&](soci::session& s) -> Status {
    s << "INSERT INTO commune (slug, name, province, level_above, created_at) VALUES "
         "('bench-survey', 'Xã Thử Tải', 'Hà Nội', 'UBND thành phố', 0) RETURNING id",
        soci::into(commune);
    return Ok{};
  }));
  SystemClock clock;
  storage::SqlSurveyRepository repo(*db, clock);
  XASO_ASSIGN_OR_RETURN(auto draft, repo.Create(BenchSurvey(commune), kRec));
  XASO_ASSIGN_OR_RETURN(const auto open, repo.SetStatus(commune, draft.id, draft.version,
                                                        survey::SurveyStatus::kOpen, kRec));

  auto start = Clock::now();
  double cpu = ThreadCpuMs();
  XASO_ASSIGN_OR_RETURN(const auto responses,
                        survey::ParseResponsesCsv(open, csv, clock.NowUnix()));
  const double parse_ms = MsSince(start), parse_cpu = ThreadCpuMs() - cpu;
  const double server_before = ServerCpuS(*db);
  start = Clock::now();
  cpu = ThreadCpuMs();
  XASO_ASSIGN_OR_RETURN(const int64_t stored,
                        repo.ImportResponses(commune, open.id, responses, kRec));
  const double import_ms = MsSince(start), import_cpu = ThreadCpuMs() - cpu;
  const double server_s = server_before < 0 ? -1 : ServerCpuS(*db) - server_before;
  start = Clock::now();
  cpu = ThreadCpuMs();
  XASO_ASSIGN_OR_RETURN(const auto back, repo.Responses(commune, open.id));
  const double read_ms = MsSince(start), read_cpu = ThreadCpuMs() - cpu;
  if (stored != rows || static_cast<long long>(back.size()) != rows) {
    return MakeError(ErrorCode::kInternal,
                     "stored " + std::to_string(stored) + ", read " + std::to_string(back.size()));
  }
  std::printf("%-8s %lld sheets x %d questions, wall-clock s (CPU of this thread s):\n",
              label.c_str(), rows, kQuestions);
  std::printf("%-8s   ParseResponsesCsv      %6.2f (%5.2f)\n", label.c_str(), parse_ms / 1000,
              parse_cpu / 1000);
  std::printf("%-8s   ImportResponses        %6.2f (%5.2f)", label.c_str(), import_ms / 1000,
              import_cpu / 1000);
  if (server_s >= 0) std::printf(", PostgreSQL's backend CPU %.2f s", server_s);
  std::printf("\n");
  std::printf("%-8s   parse + import         %6.2f (%5.2f)\n", label.c_str(),
              (parse_ms + import_ms) / 1000, (parse_cpu + import_cpu) / 1000);
  std::printf("%-8s   Responses (read back)  %6.2f (%5.2f)\n", label.c_str(), read_ms / 1000,
              read_cpu / 1000);
  return Ok{};
}

Status Run() {
  const long long rows = EnvCount("XASO_BENCH_RESPONSES", 100'000);
  const std::string csv = BenchCsv(BenchSurvey(0), rows);
  std::printf("survey_bench: a CSV of %lld answer sheets, %.1f MB\n", rows,
              static_cast<double>(csv.size()) / 1e6);
  const char* data = std::getenv("XASO_BENCH_DATA");
  const std::filesystem::path dir = data != nullptr && *data != '\0' ? data : "build/bench-data";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto file = dir / "survey.db";
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(file.string() + suffix, ec);
  XASO_RETURN_IF_ERROR(BenchDatabase("sqlite", "sqlite:" + file.string(), csv, rows));
  if (const char* pg = std::getenv("XASO_BENCH_PG_URL"); pg != nullptr && *pg != '\0') {
    return OnFreshPostgres(pg, "xaso_survey_bench", [&](const std::string& fresh) {
      return BenchDatabase("postgres", fresh, csv, rows);
    });
  }
  return Ok{};
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("survey_bench", xaso::bench::Run());
}
