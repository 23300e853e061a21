// feedback_bench: feedback's performance targets (issue 4, docs/performance.md). On a temporary
// SQLite database, and on PostgreSQL when XASO_BENCH_PG_URL is set, it times
//  (a) submissions through FeedbackService::Submit, each committed whole in one transaction with
//      its history event, audit entry and statistics counts;
//  (b) with 1,000,000 items in one commune (loaded by one INSERT ... SELECT over a generated
//      series, then the statistics rebuilt and the tables analysed), the public list's first,
//      middle and last pages and the statistics page through web::Router::Handle in-process.
// It prints the figures and asserts nothing about time.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "core/clock.h"
#include "storage/feedback/sql_feedback_repository.h"
#include "storage/identity/sql_identity_repository.h"
#include "app/system.h"

#include "bench_pages.h"

namespace xaso::bench {
namespace {

constexpr int kSubmissions = 4000;
constexpr long long kItems = 1'000'000;
constexpr int kPoolSize = 4;  // server threads and database connections
constexpr int kUnits = 8;     // one category routed to each
constexpr const char* kSlug = "bench-feedback";
constexpr const char* kSession = "feedback-bench-session";

// `CASE n % size WHEN 0 THEN ids[0] ... END`: spreads the series over the ids.
std::string Spread(const std::vector<int64_t>& ids) {
  std::string sql = "CASE n % " + std::to_string(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    sql += " WHEN " + std::to_string(i) + " THEN " + std::to_string(ids[i]);
  }
  return sql + " END";
}

// kItems items received over three years from 01/01/2023 (one every 94 s), newest with the
// highest id as the app stores them: a tenth open, two fifths answered, a quarter closed, one
// in twenty forwarded; answered and closed items with an answer time of 0–14 working days (on
// time up to 10) and a third of them rated each way; one in fifty hidden.
Status BulkLoad(storage::Database& db, int64_t commune_id, const std::vector<int64_t>& categories,
                const std::vector<int64_t>& units) {
  const bool sqlite = db.dialect() == storage::Dialect::kSqlite;
  const std::string day = "(n * 94 / 86400)";
  auto date = [&](const std::string& plus) {
    return sqlite ? "date('2023-01-01', '+' || (" + day + plus + ") || ' days')"
                  : "to_char(DATE '2023-01-01' + (" + day + plus + ")::int, 'YYYY-MM-DD')";
  };
  const std::string answered = "(n % 20 >= 6 AND n % 20 < 19)";
  const std::string select =
      "SELECT " + std::to_string(commune_id) + ", 'PB-' || n, " + Spread(categories) +
      ", 'feedback', 'portal', 'Phản ánh số ' || n, "
      "CASE WHEN n % 20 < 2 THEN 'received' WHEN n % 20 < 4 THEN 'assigned' "
      "WHEN n % 20 < 6 THEN 'in_progress' WHEN n % 20 < 14 THEN 'answered' "
      "WHEN n % 20 < 19 THEN 'closed' ELSE 'forwarded' END, " +
      Spread(units) + ", 1672506000 + n * 94, " + date("") +
      ", 'feedback.answer_max', '2014-07-01', 10, " + date(" + 14") + ", CASE WHEN " + answered +
      " THEN 'Đã trả lời.' ELSE '' END, CASE WHEN " + answered +
      " THEN 1672506000 + n * 94 + 259200 END, CASE WHEN " + answered +
      " AND n % 3 = 0 THEN 'satisfied' WHEN " + answered +
      " AND n % 3 = 1 THEN 'unsatisfied' ELSE '' END, CASE WHEN n % 50 = 0 THEN 1 ELSE 0 END, "
      "CASE WHEN " +
      answered + " THEN n % 15 END, CASE WHEN " + answered +
      " THEN CASE WHEN n % 15 <= 10 THEN 1 ELSE 0 END END, 1672506000 + n * 94";
  const std::string columns =
      "INSERT INTO feedback (commune_id, tracking_code, category_id, kind, channel, description, "
      "status, unit_id, received_at, received_on, rule_key, rule_effective_from, answer_days, "
      "due_on, answer, answered_at, rating, hidden, answer_working_days, answered_on_time, "
      "updated_at) ";
  const std::string n = std::to_string(kItems);
  const std::string sql =
      sqlite ? columns +
                   "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq "
                   "WHERE n < " +
                   n + ") " + select + " FROM seq"
             : columns + select + " FROM generate_series(1, " + n + ") AS seq(n)";
  return db.Write([&](soci::session& s) -> Status {
    s << sql;
    return Ok{};
  });
}

void PrintTiming(const std::string& label, const char* what, const web::Request& req,
                 const Timing& t) {
  std::string path = req.path;
  for (const auto& [k, v] : req.query) {
    path += path.find('?') == std::string::npos ? '?' : '&';
    path.append(k).append("=").append(v);
  }
  std::printf("%-8s %-18s %-44s %6.2f %6.2f %6.2f  %6.2f %6.2f %7zu\n", label.c_str(), what,
              path.c_str(), t.wall.p50, t.wall.p95, t.wall.max, t.cpu.p50, t.cpu.p95, t.bytes);
}

void PrintRate(const std::string& label, const char* what, double wall_ms, double cpu_ms) {
  std::printf(
      "%-8s submissions: %d through %s in %.2f s = %.0f a second (CPU in the thread %.3f ms "
      "each)\n",
      label.c_str(), kSubmissions, what, wall_ms / 1000, kSubmissions * 1000.0 / wall_ms,
      cpu_ms / kSubmissions);
}

// A commune of the bench: kUnits units, and a category routed to each.
struct BenchCommune {
  int64_t id = 0;
  std::vector<int64_t> units;
  std::vector<int64_t> categories;
};

Result<BenchCommune> CreateBenchCommune(storage::Database& db, const std::string& slug, int64_t now,
                                        const audit::AuditRecord& rec) {
  storage::SqlIdentityRepository identity(db);
  std::vector<identity::Unit> unit_seeds;
  for (int u = 1; u <= kUnits; ++u) {
    const std::string n = std::to_string(u);
    unit_seeds.push_back({0, 0, std::string("u").append(n), std::string("Bộ phận ").append(n), ""});
  }
  identity::Commune c;
  c.slug = slug;
  c.name = "Xã Thử Tải ";
  c.name += slug;
  c.province = "Hà Nội";
  c.level_above = "UBND thành phố";
  BenchCommune out;
  XASO_ASSIGN_OR_RETURN(out.id, identity.CreateCommune(c, {}, unit_seeds, now, rec));
  XASO_ASSIGN_OR_RETURN(auto unit_list, identity.ListUnits(out.id));
  storage::SqlFeedbackRepository repo(db);
  for (const auto& u : unit_list) {
    feedback::Category cat;
    cat.commune_id = out.id;
    cat.code = std::string("c").append(u.code);
    cat.name_vi = std::string("Lĩnh vực ").append(u.name_vi);
    cat.unit_id = u.id;
    XASO_ASSIGN_OR_RETURN(const int64_t id, repo.CreateCategory(cat, rec, now));
    out.units.push_back(u.id);
    out.categories.push_back(id);
  }
  return out;
}

feedback::Submission SubmissionTo(const BenchCommune& c, int i) {
  feedback::Submission s;
  s.commune_id = c.id;
  s.category_id = c.categories[static_cast<size_t>(i) % c.categories.size()];
  s.description = "Đèn chiếu sáng đường trục thôn hỏng, đề nghị xã sửa chữa.";
  s.citizen_name = "Ngô Thị Thu";
  s.citizen_phone = "0912345678";
  return s;
}

// kSubmissions through `service` on `threads` threads at once (the server's worker threads,
// each with its own connection from the pool), thread t submitting to communes[t].
Status SubmitOnThreads(const std::string& label, feedback::FeedbackService& service,
                       const std::vector<BenchCommune>& communes, const char* what) {
  const int threads = static_cast<int>(communes.size());
  const audit::AuditRecord rec{0, 0, "feedback_bench", "", "", "", ""};
  std::vector<std::thread> workers;
  workers.reserve(communes.size());
  std::vector<Status> results(communes.size(), Ok{});
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      const auto& commune = communes[static_cast<size_t>(t)];
      for (int i = t; i < kSubmissions; i += threads) {
        if (auto r = service.Submit(SubmissionTo(commune, i), 0, rec); !r) {
          results[static_cast<size_t>(t)] = r.error();
          return;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  for (const auto& r : results) XASO_RETURN_IF_ERROR(r);
  const double ms = MsSince(start);
  std::printf(
      "%-8s submissions: %d through FeedbackService::Submit on %d threads, %s, in %.2f s = "
      "%.0f a second\n",
      label.c_str(), kSubmissions, threads, what, ms / 1000, kSubmissions * 1000.0 / ms);
  return Ok{};
}

Status BenchDatabase(const std::string& label, const std::string& url) {
  app::Config config;
  config.database.url = url;
  config.notify.interval_seconds = 0;
  config.server.threads = kPoolSize;
  XASO_ASSIGN_OR_RETURN(auto system, app::System::Open(config));
  XASO_RETURN_IF_ERROR(system->Migrate());
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  const int64_t now = SystemClock().NowUnix();
  const audit::AuditRecord rec{0, 0, "feedback_bench", "", "", "", ""};
  XASO_ASSIGN_OR_RETURN(const BenchCommune main, CreateBenchCommune(*db, kSlug, now, rec));
  const int64_t commune_id = main.id;
  const std::vector<int64_t>& units = main.units;
  const std::vector<int64_t>& categories = main.categories;
  XASO_RETURN_IF_ERROR(CreateLeaderSession(*db, commune_id, "lead-feedback", kSession, now, rec));
  std::vector<BenchCommune> others;
  for (int t = 1; t <= kPoolSize; ++t) {
    XASO_ASSIGN_OR_RETURN(
        auto other,
        CreateBenchCommune(*db, std::string(kSlug) + "-" + std::to_string(t), now, rec));
    others.push_back(std::move(other));
  }
  storage::SqlFeedbackRepository repo(*db);

  web::Services services = system->WebServices();
  feedback::Feedback stored;
  double cpu_start = ThreadCpuMs();
  auto start = Clock::now();
  for (int i = 0; i < kSubmissions; ++i) {
    XASO_ASSIGN_OR_RETURN(stored, services.feedback->Submit(SubmissionTo(main, i), 0, rec));
  }
  PrintRate(label, "FeedbackService::Submit", MsSince(start), ThreadCpuMs() - cpu_start);
  // One commune's writers queue on its audit chain; those of different communes do not.
  XASO_RETURN_IF_ERROR(SubmitOnThreads(label, *services.feedback, {main, main}, "one commune"));
  XASO_RETURN_IF_ERROR(SubmitOnThreads(label, *services.feedback,
                                       std::vector<BenchCommune>(kPoolSize, main), "one commune"));
  XASO_RETURN_IF_ERROR(SubmitOnThreads(label, *services.feedback, others, "a commune each"));
  // The same items stored by the repository alone: the transaction without the service's
  // reads of the categories and the rule book.
  cpu_start = ThreadCpuMs();
  start = Clock::now();
  for (int i = 0; i < kSubmissions; ++i) {
    stored.tracking_code = "PC-" + std::to_string(i);
    XASO_RETURN_IF_ERROR(repo.Create(stored, 0, rec));
  }
  PrintRate(label, "FeedbackRepository::Create", MsSince(start), ThreadCpuMs() - cpu_start);

  if (std::getenv("XASO_BENCH_SUBMISSIONS_ONLY") != nullptr) return Ok{};
  XASO_ASSIGN_OR_RETURN(auto newest, repo.ListPublic(commune_id, 0, 1));
  const int64_t first_bulk_id = newest.front().id + 1;
  start = Clock::now();
  XASO_RETURN_IF_ERROR(BulkLoad(*db, commune_id, categories, units));
  const double load_ms = MsSince(start);
  start = Clock::now();
  XASO_RETURN_IF_ERROR(repo.RebuildStatistics());
  const double rebuild_ms = MsSince(start);
  XASO_RETURN_IF_ERROR(db->Write([](soci::session& session) -> Status {
    session << "ANALYZE";
    return Ok{};
  }));
  long long stat_rows = 0;
  XASO_RETURN_IF_ERROR(db->Read([&](soci::session& session) -> Status {
    session << "SELECT (SELECT COUNT(*) FROM feedback_stat) + "
               "(SELECT COUNT(*) FROM feedback_answer_stat)",
        soci::into(stat_rows);
    return Ok{};
  }));
  std::printf("%-8s loaded %lld items in %.1f s; statistics rebuilt in %.1f s (%lld rows kept)\n",
              label.c_str(), kItems, load_ms / 1000, rebuild_ms / 1000, stat_rows);

  web::Router router(services);
  const std::string list = std::string("/xa/") + kSlug + "/phan-anh";
  const std::string middle = std::to_string(first_bulk_id + kItems / 2);
  const std::string oldest = std::to_string(first_bulk_id + 15);
  const struct {
    const char* what;
    web::Request req;
  } pages[] = {
      {"list, first page", Get(list, "")},
      {"list, middle page", Get(list, "", {{"truoc", middle}})},
      {"list, last page", Get(list, "", {{"truoc", oldest}})},
      {"statistics, all", Get("/quan-ly/phan-anh/thong-ke", kSession)},
      {"statistics, 2024",
       Get("/quan-ly/phan-anh/thong-ke", kSession, {{"tu", "2024-01"}, {"den", "2024-12"}})},
  };
  for (const auto& page : pages) {
    XASO_ASSIGN_OR_RETURN(const Timing t, TimeRequests(router, page.req));
    PrintTiming(label, page.what, page.req, t);
  }
  return Ok{};
}

Status Run() {
  std::printf(
      "feedback_bench: %d submissions, then %lld items in one commune; %d warm-up then %d "
      "requests per page via web::Router::Handle; times in ms\n",
      kSubmissions, kItems, kWarmup, kRequests);
  std::printf("%-8s %-18s %-44s %6s %6s %6s  %6s %6s %7s\n", "db", "page", "path", "p50", "p95",
              "max", "cpu50", "cpu95", "bytes");
  return OnEachDatabase("feedback_bench", BenchDatabase);
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("feedback_bench", xaso::bench::Run());
}
