// disclosure_storage_bench: reading the register back for the compliance check (issue 7,
// docs/performance.md). SqlDisclosureRepository::ItemsOfYear for every commune-year of 100
// communes × 5 years (40 items a commune-year, each with a file and four postings), and a
// searched list page per commune; on a SQLite file, and on PostgreSQL when XASO_BENCH_PG_URL is
// set. The rows are seeded by plain INSERTs in one transaction per commune (the repository's
// audit chain would only slow the seeding). Best and median of 5 runs after a warm-up.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <soci/soci.h>
#include <unistd.h>

#include "bench_pages.h"
#include "storage/database.h"
#include "storage/disclosure/sql_disclosure_repository.h"
#include "storage/migrator.h"

namespace xaso::bench {
namespace {

constexpr int kCommunes = 100;
constexpr int kYears = 5;
constexpr int kFirstYear = 2024;
constexpr int kItemsPerYear = 40;
constexpr int kRuns = 5;

constexpr const char* kTypes[] = {"budget_execution", "investment_land", "support_beneficiaries",
                                  "inspection_results", "fees_charges", "consultation"};

Status Seed(storage::Database& db) {
  for (long long c = 1; c <= kCommunes; ++c) {
    XASO_RETURN_IF_ERROR(db.Write([&](soci::session& s) -> Status {
      const std::string slug = "xa-" + std::to_string(c), name = "Xã " + std::to_string(c);
      s << "INSERT INTO commune (id, slug, name, province, level_above, created_at) VALUES (:i, "
           ":s, :n, 'Hưng Yên', 'UBND tỉnh Hưng Yên', 0)",
          soci::use(c), soci::use(slug), soci::use(name);
      for (int year = kFirstYear; year < kFirstYear + kYears; ++year) {
        for (int n = 0; n < kItemsPerYear; ++n) {
          const std::string type = kTypes[n % 6];
          const std::string title = "Công khai ngân sách và kế hoạch số " + std::to_string(n);
          const std::string folded = "cong khai ngan sach va ke hoach so " + std::to_string(n);
          const Date day = Date::FromYmd(year, 1 + n % 12, 1 + n % 28);
          const std::string on = day.ToIso(), until = day.AddDays(29).ToIso();
          const std::string sha = std::string(64, 'a' + static_cast<char>(n % 6));
          long long id = 0;
          // first_out and files as the repository keeps them (migration 0021): one file, and
          // every posting below starts on `on`.
          s << "INSERT INTO disclosure_item (commune_id, type_code, type_effective_from, title, "
               "year, decision_on, ref_on, status, published_at, search_folded, created_at, "
               "created_by, first_out, files) VALUES (:c, :t, '2023-07-01', :ti, :y, :d, :r, "
               "'published', 1, :f, 1, 1, :o, 1) RETURNING id",
              soci::use(c), soci::use(type), soci::use(title), soci::use(year), soci::use(on),
              soci::use(on), soci::use(folded), soci::use(on), soci::into(id);
          s << "INSERT INTO disclosure_attachment (commune_id, item_id, n, filename, "
               "content_type, sha256, size) VALUES (:c, :i, 1, 'quyet-dinh.pdf', "
               "'application/pdf', :h, 1000)",
              soci::use(c), soci::use(id), soci::use(sha);
          for (const char* channel : {"portal", "notice_board", "radio", "meeting"}) {
            const std::string ch = channel;
            s << "INSERT INTO disclosure_posting (commune_id, item_id, channel, started_on, "
                 "until_on, proof_sha256, recorded_at, recorded_by) VALUES (:c, :i, :ch, :s, :u, "
                 ":h, 1, 1)",
                soci::use(c), soci::use(id), soci::use(ch), soci::use(on), soci::use(until),
                soci::use(sha);
          }
        }
      }
      return Ok{};
    }));
  }
  return Ok{};
}

struct Runs {
  double min = 0, median = 0;
};

template <class Fn>
Result<Runs> Time(Fn fn) {
  std::vector<double> ms;
  for (int run = 0; run <= kRuns; ++run) {
    const auto start = Clock::now();
    XASO_RETURN_IF_ERROR(fn());
    if (run > 0) ms.push_back(MsSince(start));
  }
  std::sort(ms.begin(), ms.end());
  return Runs{ms.front(), ms[ms.size() / 2]};
}

Status Bench(const std::string& label, const std::string& url) {
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  if (auto migrated = storage::Migrate(*db); !migrated) return migrated.error();
  const auto seeded = Clock::now();
  XASO_RETURN_IF_ERROR(Seed(*db));
  std::printf("%s: seeded %d items in %.0f ms\n", label.c_str(),
              kCommunes * kYears * kItemsPerYear, MsSince(seeded));
  FakeClock clock(0);
  storage::SqlDisclosureRepository repo(*db, clock);
  size_t items = 0, postings = 0;
  XASO_ASSIGN_OR_RETURN(Runs of_year, Time([&]() -> Status {
                          items = postings = 0;
                          for (int c = 1; c <= kCommunes; ++c) {
                            for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
                              XASO_ASSIGN_OR_RETURN(auto list, repo.ItemsOfYear(c, y));
                              items += list.size();
                              for (const auto& i : list) postings += i.postings.size();
                            }
                          }
                          return Ok{};
                        }));
  std::printf("%s: ItemsOfYear x %d (%zu items, %zu postings): min %.1f, median %.1f ms\n",
              label.c_str(), kCommunes * kYears, items, postings, of_year.min, of_year.median);
  disclosure::ItemQuery q;
  q.folded_words = "ngan sach 17";
  q.limit = 20;
  XASO_ASSIGN_OR_RETURN(Runs search, Time([&]() -> Status {
                          for (int c = 1; c <= kCommunes; ++c) {
                            q.commune_id = c;
                            XASO_ASSIGN_OR_RETURN(auto page, repo.List(q));
                            if (page.empty()) return MakeError(ErrorCode::kInternal, "no match");
                          }
                          return Ok{};
                        }));
  std::printf("%s: List (search, 20 a page) x %d: min %.1f, median %.1f ms\n", label.c_str(),
              kCommunes, search.min, search.median);
  return Ok{};
}

Status Run() {
  const std::string file = "/tmp/xaso_disclosure_bench_" + std::to_string(::getpid()) + ".db";
  Status sqlite = Bench("sqlite", "sqlite:" + file);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
  XASO_RETURN_IF_ERROR(sqlite);
  if (const char* pg = std::getenv("XASO_BENCH_PG_URL"); pg != nullptr && *pg != '\0') {
    return OnFreshPostgres(pg, "xaso_disclosure_bench",
                           [](const std::string& url) { return Bench("postgresql", url); });
  }
  return Ok{};
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("disclosure_storage_bench", xaso::bench::Run());
}
