// plan_bench: the plan's performance targets (issue 3, docs/performance.md). It loads 100
// communes with 100 plan tasks each into a temporary SQLite database (and a PostgreSQL one when
// XASO_BENCH_PG_URL is set), then times the plan board and the public accountability page
// through web::Router::Handle in-process (server time, no sockets), and plan::Evaluate over
// 100,000 tasks in memory. It prints the figures and asserts nothing about time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/clock.h"
#include "core/date.h"
#include "domain/plan/deadline.h"
#include "domain/plan/plan.h"
#include "storage/database.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/plan/sql_plan_repository.h"
#include "web/router.h"
#include "app/system.h"
#include "bench_pages.h"

namespace xaso::bench {
namespace {

constexpr int kCommunes = 100;
constexpr int kTasksPerCommune = 100;
constexpr int kUnitsPerCommune = 8;
constexpr int kMeasuredCommune = kCommunes / 2;  // the commune whose pages are timed
constexpr int kMemoryTasks = 100'000;
constexpr int kEvaluateRuns = 11;

std::string Slug(int commune) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "bench-%03d", commune);
  return buf;
}

// "prefix" followed by n, built by appending (GCC 12 warns falsely on "literal" + std::string).
std::string Numbered(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

std::string SessionToken(int commune) { return "plan-bench-session-" + Slug(commune); }

// Task `j` of a plan of `year` whose commune has `units`: the eight dimensions in turn, one or
// two sub-dimensions, one or two coordinating units, a third of the tasks in each status, and
// six in ten one-off (deadlines spread over the year) against quarterly, half-yearly, yearly
// and ongoing ones.
plan::Task MakeTask(int j, int year, const std::vector<int64_t>& units) {
  plan::Task t;
  t.plan_year = year;
  t.dimension = 1 + j % 8;
  t.section = "II." + std::to_string(1 + j % 4) + "." + std::to_string(1 + j % 9);
  t.title = "Nhiệm vụ " + std::to_string(j + 1) + ": công khai, minh bạch và giải trình";
  t.description = "Tổ chức thực hiện, báo cáo kết quả và lưu hồ sơ minh chứng.";
  const std::string dim = std::to_string(t.dimension);
  t.subdimensions = {dim + ".1"};
  if (j % 2) t.subdimensions.push_back(dim + ".2");
  const size_t n = units.size();
  t.lead_unit_id = units[static_cast<size_t>(j) % n];
  t.coordinating_unit_ids = {units[static_cast<size_t>(j + 1) % n]};
  if (j % 3 == 0) t.coordinating_unit_ids.push_back(units[static_cast<size_t>(j + 2) % n]);
  t.starts_on = Date::FromYmd(year, 1, 1).AddDays(j % 90);
  switch (j % 10) {
    case 0: t.recurrence = plan::Recurrence::kQuarterly; break;
    case 1: t.recurrence = plan::Recurrence::kHalfYearly; break;
    case 2: t.recurrence = plan::Recurrence::kYearly; break;
    case 3: t.recurrence = plan::Recurrence::kOngoing; break;
    default: t.due_on = t.starts_on.AddDays(30 + (j * 37) % 300); break;
  }
  switch (j % 3) {
    case 0: break;
    case 1:
      t.status = plan::TaskStatus::kInProgress;
      t.progress = 10 + (j * 7) % 80;
      break;
    default:
      t.status = plan::TaskStatus::kDone;
      t.progress = 100;
      t.done_on = t.starts_on.AddDays(20);
      if (t.recurrence != plan::Recurrence::kNone) t.last_done_on = t.done_on;
      break;
  }
  return t;
}

// One commune through the repositories: its units, a leader with a session (SessionToken), a
// plan of `year` and its tasks, each with its history event and audit entry as the app writes
// them.
Status LoadCommune(storage::Database& db, int commune, int year, int64_t now) {
  storage::SqlIdentityRepository identity(db);
  storage::SqlPlanRepository plans(db);
  const audit::AuditRecord rec{0, 0, "plan_bench", "", "", "", ""};
  std::vector<identity::Unit> unit_seeds;
  unit_seeds.reserve(kUnitsPerCommune);
  for (int u = 1; u <= kUnitsPerCommune; ++u) {
    unit_seeds.push_back({0, 0, Numbered("u", u), Numbered("Bộ phận ", u), ""});
  }
  identity::Commune c;
  c.slug = Slug(commune);
  c.name = Numbered("Xã ", commune);
  c.province = "Hà Nội";
  c.level_above = "UBND thành phố";
  XASO_ASSIGN_OR_RETURN(const int64_t commune_id,
                        identity.CreateCommune(c, {}, unit_seeds, now, rec));
  XASO_ASSIGN_OR_RETURN(auto units, identity.ListUnits(commune_id));
  std::vector<int64_t> unit_ids;
  unit_ids.reserve(units.size());
  for (const auto& u : units) unit_ids.push_back(u.id);

  XASO_RETURN_IF_ERROR(
      CreateLeaderSession(db, commune_id, "lead-" + c.slug, SessionToken(commune), now, rec));

  plan::Plan p;
  p.commune_id = commune_id;
  p.year = year;
  p.number = "1/KH-UBND";
  p.issued_on = Date::FromYmd(year, 1, 15);
  p.title = Numbered("Kế hoạch nâng cao chỉ số PAPI năm ", year);
  XASO_ASSIGN_OR_RETURN(const int64_t plan_id, plans.CreatePlan(p, rec, now));
  for (int j = 0; j < kTasksPerCommune; ++j) {
    plan::Task t = MakeTask(j, year, unit_ids);
    t.commune_id = commune_id;
    t.plan_id = plan_id;
    XASO_RETURN_IF_ERROR(plans.CreateTask(t, rec, now));
  }
  return Ok{};
}

// Loads the data set into `url`, times the pages and prints one row per page.
Status BenchPages(const std::string& label, const std::string& url, int year) {
  app::Config config;
  config.database.url = url;
  config.notify.interval_seconds = 0;
  XASO_ASSIGN_OR_RETURN(auto system, app::System::Open(config));
  XASO_RETURN_IF_ERROR(system->Migrate());
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  const int64_t now = SystemClock().NowUnix();
  const auto load_start = Clock::now();
  for (int c = 1; c <= kCommunes; ++c) XASO_RETURN_IF_ERROR(LoadCommune(*db, c, year, now));
  std::printf("%-8s loaded %d communes x %d tasks in %.1f s\n", label.c_str(), kCommunes,
              kTasksPerCommune, MsSince(load_start) / 1000);

  web::Services services = system->WebServices();
  web::Router router(services);
  const std::string slug = Slug(kMeasuredCommune);
  const struct {
    const char* what;
    web::Request req;
  } pages[] = {
      {"board (leader)", Get("/quan-ly/ke-hoach", SessionToken(kMeasuredCommune))},
      {"accountability", Get("/xa/" + slug + "/giai-trinh", "")},
      {"accountability dim 2", Get("/xa/" + slug + "/giai-trinh/2", "")},
  };
  for (const auto& page : pages) {
    XASO_ASSIGN_OR_RETURN(const Timing t, TimeRequests(router, page.req));
    std::printf("%-8s %-21s %-27s %6.2f %6.2f %6.2f  %6.2f %6.2f %7zu\n", label.c_str(), page.what,
                page.req.path.c_str(), t.wall.p50, t.wall.p95, t.wall.max, t.cpu.p50, t.cpu.p95,
                t.bytes);
  }
  return Ok{};
}

// plan::Evaluate over kMemoryTasks tasks (a thousand communes' worth of MakeTask) with the
// national calendar as the migration seeds it, kEvaluateRuns times after one warm-up run.
Status BenchEvaluate(app::System& system, int year) {
  XASO_ASSIGN_OR_RETURN(const calendar::LegalCalendar cal, system.LoadCalendar(0));
  const std::vector<int64_t> units = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<plan::Task> tasks;
  tasks.reserve(kMemoryTasks);
  for (int j = 0; j < kMemoryTasks; ++j) tasks.push_back(MakeTask(j % 1000, year, units));
  const Date today = SystemClock().TodayVn();
  std::vector<double> ms;
  int overdue = 0;
  for (int run = 0; run <= kEvaluateRuns; ++run) {
    const auto start = Clock::now();
    overdue = 0;
    for (const plan::Task& t : tasks) overdue += plan::Evaluate(t, today, cal).overdue ? 1 : 0;
    if (run > 0) ms.push_back(MsSince(start));
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "memory   overdue: plan::Evaluate over %d tasks, %d runs: min %.2f, median %.2f, "
      "max %.2f ms (%d overdue)\n",
      kMemoryTasks, kEvaluateRuns, ms.front(), ms[ms.size() / 2], ms.back(), overdue);
  return Ok{};
}

Status Run() {
  const int year = SystemClock().TodayVn().year();
  // The error_code overloads do not throw: a directory that cannot be made shows as a database
  // that cannot be opened.
  std::error_code ec;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path(ec) / Numbered("xaso-plan-bench-", ::getpid());
  std::filesystem::create_directories(dir, ec);
  const std::string sqlite_url = "sqlite:" + (dir / "bench.db").string();
  std::printf(
      "plan_bench: %d communes x %d tasks, %d warm-up then %d requests per page via "
      "web::Router::Handle; times in ms\n",
      kCommunes, kTasksPerCommune, kWarmup, kRequests);
  std::printf("%-8s %-21s %-27s %6s %6s %6s  %6s %6s %7s\n", "db", "page", "path", "p50", "p95",
              "max", "cpu50", "cpu95", "bytes");
  Status status = BenchPages("sqlite", sqlite_url, year);
  if (status) {
    if (const char* pg = std::getenv("XASO_BENCH_PG_URL"); pg != nullptr && *pg != '\0') {
      status = BenchPages("postgres", pg, year);
    }
  }
  if (status) {
    app::Config config;
    config.database.url = sqlite_url;
    auto system = app::System::Open(config);
    status = system ? BenchEvaluate(**system, year) : Status(system.error());
  }
  std::filesystem::remove_all(dir, ec);
  return status;
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("plan_bench", xaso::bench::Run());
}
