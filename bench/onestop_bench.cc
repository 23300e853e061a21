// onestop_bench: the dossiers' performance targets (issue 5, docs/performance.md). On SQLite
// (a file on disk in WAL mode, kept under XASO_BENCH_DATA between runs) and on PostgreSQL when
// XASO_BENCH_PG_URL is set, with XASO_BENCH_DOSSIERS dossiers (10,000,000 unless set) over 100
// communes, it times
//  (a) lookups of random existing codes through DossierRepository::GetByCode;
//  (b) the statistics rebuild (DossierRepository::RebuildStatistics), then
//      DossierService::LoadStatistics for one month of every commune and for twelve months of
//      one commune;
//  (c) intake: XASO_BENCH_INTAKES (5,000) dossiers through DossierService::Receive, each
//      committed with its event, counts and audit entry, on one thread and on two.
// It prints the figures and asserts nothing about time.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "app/system.h"
#include "core/clock.h"
#include "domain/onestop/default_catalogue.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/onestop/sql_dossier_repository.h"
#include "storage/onestop/sql_procedure_repository.h"

#include "bench_pages.h"
#include "dossier_seed.h"

namespace xaso::bench {
namespace {

constexpr int kLookups = 10000;
constexpr int kStatisticsRuns = 200;
constexpr const char* kIntakeSlug = "bench-intake";
const audit::AuditRecord kRec{0, 0, "onestop_bench", "", "", "", ""};

long long EnvCount(const char* name, long long fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoll(v) : fallback;
}

struct Percentiles {
  double p50 = 0, p99 = 0, max = 0;
};
Percentiles PercentilesOf(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back()};
}

void PrintTimes(const std::string& label, const std::string& what, const std::vector<double>& wall,
                const std::vector<double>& cpu) {
  const Percentiles w = PercentilesOf(wall), c = PercentilesOf(cpu);
  std::printf("%-8s %-44s p50 %7.3f  p99 %7.3f  max %7.3f  (CPU p50 %7.3f  p99 %7.3f) ms\n",
              label.c_str(), what.c_str(), w.p50, w.p99, w.max, c.p50, c.p99);
}

identity::Commune BenchCommune(const std::string& slug) {
  identity::Commune c;
  c.slug = slug;
  c.name = "Xã Thử Tải " + slug;
  c.province = "Hà Nội";
  c.level_above = "UBND thành phố";
  return c;
}

std::vector<identity::Unit> UnitsFor(const std::vector<onestop::Procedure>& procedures) {
  std::vector<identity::Unit> units;
  for (const auto& p : procedures) {
    const bool known = std::any_of(units.begin(), units.end(),
                                   [&](const identity::Unit& u) { return u.code == p.unit_code; });
    if (!known) units.push_back({0, 0, p.unit_code, "Bộ phận " + p.unit_code, ""});
  }
  return units;
}

// The seeded communes' ids, creating them (and their dossiers) unless the database already
// holds all `count` dossiers of an earlier run.
Result<std::vector<int64_t>> SeededCommunes(const std::string& label, storage::Database& db,
                                            const std::vector<onestop::Procedure>& procedures,
                                            long long count) {
  storage::SqlIdentityRepository identity(db);
  const int64_t now = SystemClock().NowUnix();
  std::vector<int64_t> ids;
  for (int i = 0; i < kSeedCommunes; ++i) {
    char slug[32];
    std::snprintf(slug, sizeof slug, "bench-%03d", i + 1);
    auto existing = identity.GetCommuneBySlug(slug);
    if (existing) {
      ids.push_back(existing->id);
      continue;
    }
    XASO_ASSIGN_OR_RETURN(const int64_t id, identity.CreateCommune(BenchCommune(slug), {},
                                                                   UnitsFor(procedures), now, kRec));
    ids.push_back(id);
  }
  // The seed is one transaction: when its last dossier is there, all are.
  storage::SqlDossierRepository repo(db);
  const SeededDossier last = SeededDossierOf(count, count);
  if (repo.GetByCode(ids[last.commune], last.code)) {
    std::printf("%-8s reusing the %lld dossiers of an earlier run\n", label.c_str(), count);
    return ids;
  }
  auto start = Clock::now();
  XASO_RETURN_IF_ERROR(SeedDossiers(db, ids, procedures, count));
  const double seed_ms = MsSince(start);
  start = Clock::now();
  XASO_RETURN_IF_ERROR(db.Write([](soci::session& s) -> Status {
    s << "ANALYZE";
    return Ok{};
  }));
  std::printf("%-8s seeded %lld dossiers in %.1f s; ANALYZE %.1f s\n", label.c_str(), count,
              seed_ms / 1000, MsSince(start) / 1000);
  return ids;
}

Status TimeLookups(const std::string& label, onestop::DossierRepository& repo,
                   const std::vector<int64_t>& communes, long long count) {
  std::mt19937_64 random(20261127);
  std::uniform_int_distribution<long long> pick(1, count);
  std::vector<double> wall, cpu;
  for (int i = 0; i < kLookups; ++i) {
    const SeededDossier d = SeededDossierOf(pick(random), count);
    const double cpu_start = ThreadCpuMs();
    const auto start = Clock::now();
    auto found = repo.GetByCode(communes[d.commune], d.code);
    wall.push_back(MsSince(start));
    cpu.push_back(ThreadCpuMs() - cpu_start);
    if (!found) return MakeError(ErrorCode::kInternal, "no dossier " + d.code);
  }
  PrintTimes(label, "lookup GetByCode, " + std::to_string(kLookups) + " random codes", wall, cpu);
  return Ok{};
}

// PostgreSQL's own execution time of the lookup's statement (EXPLAIN ANALYZE), without the
// round trip and the wait for a core that the wall-clock time of a busy machine includes.
Status TimeLookupsOnServer(const std::string& label, storage::Database& db,
                           const std::vector<int64_t>& communes, long long count) {
  std::mt19937_64 random(20261128);
  std::uniform_int_distribution<long long> pick(1, count);
  std::vector<double> ms;
  for (int i = 0; i < kLookups / 10; ++i) {
    const SeededDossier d = SeededDossierOf(pick(random), count);
    long long commune = communes[d.commune];
    XASO_RETURN_IF_ERROR(db.Read([&](soci::session& s) -> Status {
      soci::rowset<std::string> plan =
          (s.prepare << "EXPLAIN (ANALYZE) SELECT * FROM dossier WHERE commune_id = :c AND "
                        "code = :k",
           soci::use(commune), soci::use(d.code));
      for (const std::string& line : plan) {
        if (line.rfind("Execution Time: ", 0) == 0) ms.push_back(std::stod(line.substr(16)));
      }
      return Ok{};
    }));
  }
  if (ms.empty()) return MakeError(ErrorCode::kInternal, "no execution time in the plan");
  const Percentiles p = PercentilesOf(ms);
  std::printf("%-8s %-44s p50 %7.3f  p99 %7.3f  max %7.3f ms\n", label.c_str(),
              "lookup, execution on the server (EXPLAIN)", p.p50, p.p99, p.max);
  return Ok{};
}

Status TimeStatistics(const std::string& label, onestop::DossierService& service,
                      const std::string& what, const onestop::StatisticsFilter& f) {
  std::vector<double> wall, cpu;
  size_t lines = 0;
  int64_t received = 0;
  for (int i = 0; i < kWarmup + kStatisticsRuns; ++i) {
    const double cpu_start = ThreadCpuMs();
    const auto start = Clock::now();
    XASO_ASSIGN_OR_RETURN(auto stats, service.LoadStatistics(f));
    if (i < kWarmup) continue;
    wall.push_back(MsSince(start));
    cpu.push_back(ThreadCpuMs() - cpu_start);
    lines = stats.lines.size();
    received = stats.total.received;
  }
  PrintTimes(label, what, wall, cpu);
  std::printf("%-8s   (%zu lines, %lld dossiers received)\n", label.c_str(), lines,
              static_cast<long long>(received));
  return Ok{};
}

// A commune intake runs into, with the catalogue's procedures; created on the first run.
Result<int64_t> IntakeCommune(storage::Database& db, const std::string& slug,
                              const std::vector<onestop::Procedure>& procedures) {
  storage::SqlIdentityRepository identity(db);
  if (auto c = identity.GetCommuneBySlug(slug); c) return c->id;
  const int64_t now = SystemClock().NowUnix();
  XASO_ASSIGN_OR_RETURN(const int64_t id, identity.CreateCommune(BenchCommune(slug), {},
                                                                 UnitsFor(procedures), now, kRec));
  storage::SqlProcedureRepository catalogue(db);
  for (const auto& p : procedures) XASO_RETURN_IF_ERROR(catalogue.Create(id, p, kRec, now));
  return id;
}

// `intakes` dossiers through Receive on one thread per commune of `communes` (the same commune
// may be given twice), each thread with its pooled connection.
Status TimeIntake(const std::string& label, onestop::DossierService& service,
                  const std::vector<int64_t>& communes,
                  const std::vector<onestop::Procedure>& procedures, long long intakes,
                  const char* what) {
  const int threads = static_cast<int>(communes.size());
  std::vector<std::thread> workers;
  std::vector<Status> results(static_cast<size_t>(threads), Ok{});
  const double cpu_start = ThreadCpuMs();
  const auto start = Clock::now();
  auto work = [&](int t) {
    for (long long i = t; i < intakes; i += threads) {
      onestop::Intake in;
      in.commune_id = communes[static_cast<size_t>(t)];
      in.procedure_code = procedures[static_cast<size_t>(i) % procedures.size()].code;
      in.applicant = {"Nguyễn Thị Hoa", "0912345678", "Thôn Đông"};
      in.documents = {"Tờ khai", "Giấy tờ tùy thân"};
      if (auto r = service.Receive(in, "000.00.21.B999", kRec); !r) {
        results[static_cast<size_t>(t)] = r.error();
        return;
      }
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    for (int t = 0; t < threads; ++t) workers.emplace_back(work, t);
    for (auto& w : workers) w.join();
  }
  const double cpu = ThreadCpuMs() - cpu_start;
  for (const auto& r : results) XASO_RETURN_IF_ERROR(r);
  const double ms = MsSince(start);
  std::printf("%-8s intake: %lld through DossierService::Receive on %d thread%s, %s, in %.2f s "
              "= %.0f a second",
              label.c_str(), intakes, threads, threads == 1 ? "" : "s", what, ms / 1000,
              static_cast<double>(intakes) * 1000.0 / ms);
  if (threads == 1) std::printf(" (CPU in the thread %.3f ms each)", cpu / static_cast<double>(intakes));
  std::printf("\n");
  return Ok{};
}

Status BenchDatabase(const std::string& label, const std::string& url, long long count) {
  app::Config config;
  config.database.url = url;
  config.notify.interval_seconds = 0;
  config.server.threads = 2;
  XASO_ASSIGN_OR_RETURN(auto system, app::System::Open(config));
  XASO_RETURN_IF_ERROR(system->Migrate());
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  XASO_ASSIGN_OR_RETURN(const auto procedures, onestop::DefaultProcedureCatalogue());
  XASO_ASSIGN_OR_RETURN(const auto communes, SeededCommunes(label, *db, procedures, count));
  const web::Services services = system->WebServices();

  XASO_RETURN_IF_ERROR(TimeLookups(label, *services.dossier_repo, communes, count));
  if (db->dialect() == storage::Dialect::kPostgres) {
    XASO_RETURN_IF_ERROR(TimeLookupsOnServer(label, *db, communes, count));
  }

  auto start = Clock::now();
  XASO_RETURN_IF_ERROR(services.dossier_repo->RebuildStatistics());
  const double rebuild_ms = MsSince(start);
  XASO_RETURN_IF_ERROR(db->Write([](soci::session& s) -> Status {
    s << "ANALYZE dossier_stat";
    return Ok{};
  }));
  long long stat_rows = 0;
  XASO_RETURN_IF_ERROR(db->Read([&](soci::session& s) -> Status {
    s << "SELECT COUNT(*) FROM dossier_stat", soci::into(stat_rows);
    return Ok{};
  }));
  std::printf("%-8s statistics rebuilt from %lld dossiers in %.1f s (%lld rows kept)\n",
              label.c_str(), count, rebuild_ms / 1000, stat_rows);
  onestop::StatisticsFilter month;
  month.from_month = month.to_month = "2026-09";
  XASO_RETURN_IF_ERROR(
      TimeStatistics(label, *services.dossiers, "statistics, 09/2026, every commune", month));
  onestop::StatisticsFilter year;
  year.commune_ids = {communes[kSeedCommunes / 2]};
  year.from_month = "2025-10";
  year.to_month = "2026-09";
  year.by = onestop::StatisticsBy::kMonth;
  XASO_RETURN_IF_ERROR(TimeStatistics(label, *services.dossiers,
                                      "statistics, 10/2025-09/2026, one commune", year));

  XASO_ASSIGN_OR_RETURN(const int64_t first, IntakeCommune(*db, kIntakeSlug, procedures));
  XASO_ASSIGN_OR_RETURN(const int64_t second,
                        IntakeCommune(*db, std::string(kIntakeSlug) + "-2", procedures));
  const long long intakes = EnvCount("XASO_BENCH_INTAKES", 5000);
  onestop::DossierService& service = *services.dossiers;
  XASO_RETURN_IF_ERROR(TimeIntake(label, service, {first}, procedures, intakes, "one commune"));
  // Desk codes of one commune take the day's sequence row in turn; other communes do not wait.
  XASO_RETURN_IF_ERROR(
      TimeIntake(label, service, {first, first}, procedures, intakes, "one commune"));
  return TimeIntake(label, service, {first, second}, procedures, intakes, "a commune each");
}

Status Run() {
  const long long count = EnvCount("XASO_BENCH_DOSSIERS", 10'000'000);
  if (count < kSeedCommunes) {
    return MakeError(ErrorCode::kInvalidArgument, "XASO_BENCH_DOSSIERS must be at least 100");
  }
  std::printf("onestop_bench: %lld dossiers over %d communes; times in ms\n", count,
              kSeedCommunes);
  if (std::getenv("XASO_BENCH_PG_ONLY") == nullptr) {
    const char* data = std::getenv("XASO_BENCH_DATA");
    const std::filesystem::path dir = data != nullptr && *data != '\0' ? data : "build/bench-data";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto file = dir / ("onestop-" + std::to_string(count) + ".db");
    XASO_RETURN_IF_ERROR(BenchDatabase("sqlite", "sqlite:" + file.string(), count));
  }
  if (const char* pg = std::getenv("XASO_BENCH_PG_URL"); pg != nullptr && *pg != '\0') {
    return OnFreshPostgres(pg, "xaso_onestop_bench", [&](const std::string& fresh) {
      return BenchDatabase("postgres", fresh, count);
    });
  }
  return Ok{};
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("onestop_bench", xaso::bench::Run());
}
