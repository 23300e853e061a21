// disclosure_pages_bench: the public disclosure register's pages (issue 7, "public list pages: under
// 5 ms server time"; docs/performance.md). On a temporary SQLite database, and on PostgreSQL
// when XASO_BENCH_PG_URL is set, it stores kItems published items of every type without
// personal data over five years in one commune, and kPersonalLists personal-data lists over the
// last ten months, through the repository (each with a notice-board posting and a file), then
// times through web::Router::Handle in-process: the list's first page, a later page, the
// list filtered by type and year, a search without diacritics, an item page, the Atom feed and
// the JSON export of one year. It prints the figures and asserts nothing about time.
#include <cstdio>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "app/system.h"
#include "core/clock.h"
#include "storage/identity/sql_identity_repository.h"

#include "bench_pages.h"

namespace xaso::bench {
namespace {

constexpr int kItems = 2000;
constexpr int kPersonalLists = 100;
constexpr const char* kSlug = "bench-disclosure";

void PrintTiming(const std::string& label, const char* what, const web::Request& req,
                 const Timing& t) {
  std::string path = req.path;
  for (const auto& [k, v] : req.query) {
    path += path.find('?') == std::string::npos ? '?' : '&';
    path.append(k).append("=").append(v);
  }
  std::printf("%-8s %-20s %-52s %6.2f %6.2f %6.2f  %6.2f %6.2f %7zu\n", label.c_str(), what,
              path.c_str(), t.wall.p50, t.wall.p95, t.wall.max, t.cpu.p50, t.cpu.p95, t.bytes);
}

// Item i: a type of `types` in turn, decided on `decided`, published and posted on the notice
// board two days later, with one small PDF.
Result<int64_t> StoreItem(disclosure::DisclosureRepository& repo,
                          const std::vector<const disclosure::DisclosureType*>& types,
                          int64_t commune_id, int i, Date decided, const audit::AuditRecord& rec) {
  const disclosure::DisclosureType& t = *types[static_cast<size_t>(i) % types.size()];
  disclosure::Item item;
  item.commune_id = commune_id;
  item.type_code = t.code;
  item.type_effective_from = t.effective_from;
  item.title = (i % 3 == 0 ? "Công khai ngân sách xã, đợt " : "Kế hoạch phát triển thôn, số ") +
               std::to_string(i);
  item.summary = "Ủy ban nhân dân xã công khai nội dung số " + std::to_string(i) + ".";
  item.year = decided.year();
  if (t.recurrence == disclosure::Recurrence::kQuarterly) {
    item.period_key = std::to_string(decided.year()) + "-Q" + std::to_string((decided.month() + 2) / 3);
  } else if (t.recurrence == disclosure::Recurrence::kYearly) {
    item.period_key = std::to_string(decided.year());
  }
  item.decision_number = std::to_string(i) + "/QĐ-UBND";
  item.decision_on = decided;
  XASO_ASSIGN_OR_RETURN(const int64_t id, repo.Create(item, rec));
  disclosure::Attachment file;
  file.filename = "quyet-dinh-" + std::to_string(i) + ".pdf";
  file.content_type = "application/pdf";
  file.bytes = "%PDF-1.4\n% " + std::to_string(i) + "\n%%EOF\n";
  XASO_RETURN_IF_ERROR(repo.AddAttachment(commune_id, id, 1, file, rec));
  disclosure::Posting portal;
  portal.channel = disclosure::Channel::kPortal;
  portal.started_on = decided.AddDays(2);
  const int64_t at = xaso::Clock::AtVn(portal.started_on, 9 * 3600);
  XASO_ASSIGN_OR_RETURN(auto stored, repo.Get(commune_id, id));
  XASO_RETURN_IF_ERROR(repo.Publish(commune_id, id, stored.version, at, portal, rec));
  disclosure::Posting board;
  board.channel = disclosure::Channel::kNoticeBoard;
  board.started_on = portal.started_on;
  board.until = portal.started_on.AddDays(t.posting_days > 0 ? t.posting_days - 1 : 60);
  XASO_RETURN_IF_ERROR(repo.AddPosting(commune_id, id, board, std::nullopt, rec));
  return id;
}

Status BenchDatabase(const std::string& label, const std::string& url) {
  app::Config config;
  config.database.url = url;
  config.notify.interval_seconds = 0;
  XASO_ASSIGN_OR_RETURN(auto system, app::System::Open(config));
  XASO_RETURN_IF_ERROR(system->Migrate());
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 1));
  const int64_t now = SystemClock().NowUnix();
  const audit::AuditRecord rec{0, 0, "disclosure_pages_bench", "", "", "", ""};
  storage::SqlIdentityRepository identity(*db);
  identity::Commune c;
  c.slug = kSlug;
  c.name = "Xã Thử Tải Công Khai";
  c.province = "Hà Nội";
  c.level_above = "UBND thành phố";
  XASO_ASSIGN_OR_RETURN(const int64_t commune_id, identity.CreateCommune(c, {}, {}, now, rec));

  web::Services services = system->WebServices();
  const auto types = services.disclosures->catalogue().InForce(SystemClock().TodayVn());
  std::vector<const disclosure::DisclosureType*> plain, personal;
  for (const auto* t : types) {
    // The quarterly list is made by the service from the others, one a quarter.
    if (t->law_item > 0) (t->personal_data ? personal : plain).push_back(t);
  }
  const audit::AuditRecord commune_rec{commune_id, 0, "disclosure_pages_bench", "", "", "", ""};
  const auto start = Clock::now();
  int64_t last_id = 0;
  for (int i = 0; i < kItems; ++i) {
    const Date decided = Date::FromYmd(2022, 1, 3).AddDays((i * 7L) % (5 * 365));
    XASO_ASSIGN_OR_RETURN(last_id, StoreItem(*services.disclosure_repo, plain, commune_id, i,
                                             decided, commune_rec));
  }
  // Personal-data lists, one every third day back from today: the ten or so of the last 30
  // days are on the board (the list's first page shows them apart), the rest are hidden.
  const Date today = SystemClock().TodayVn();
  for (int i = 0; i < kPersonalLists; ++i) {
    XASO_RETURN_IF_ERROR(StoreItem(*services.disclosure_repo, personal, commune_id, i,
                                   today.AddDays(-3 * i - 2), commune_rec));
  }
  // Planner statistics, as autovacuum keeps them on a live PostgreSQL server (without them it
  // sorts the whole register for a page of 20). Nothing analyses a SQLite database: not here
  // either.
  if (db->dialect() == storage::Dialect::kPostgres) {
    XASO_RETURN_IF_ERROR(db->Write([](soci::session& s) -> Status {
      s << "ANALYZE";
      return Ok{};
    }));
  }
  std::printf("%-8s stored %d published items and %d personal-data lists in %.1f s\n",
              label.c_str(), kItems, kPersonalLists, MsSince(start) / 1000);

  web::Router router(services);
  const std::string list = std::string("/xa/") + kSlug + "/cong-khai";
  const struct {
    const char* what;
    web::Request req;
  } pages[] = {
      {"list, first page", Get(list, "")},
      {"list, page 50", Get(list, "", {{"trang", "50"}})},
      {"list, type and year", Get(list, "", {{"loai", plain.front()->code}, {"nam", "2024"}})},
      {"list, search", Get(list, "", {{"q", "ngan sach"}})},
      {"item", Get(list + "/" + std::to_string(last_id), "")},
      {"atom feed", Get(list + "/moi.atom", "")},
      {"json, one year", Get(list + "/du-lieu.json", "", {{"nam", "2025"}})},
  };
  for (const auto& page : pages) {
    XASO_ASSIGN_OR_RETURN(const Timing t, TimeRequests(router, page.req));
    PrintTiming(label, page.what, page.req, t);
  }
  return Ok{};
}

Status Run() {
  std::printf(
      "disclosure_pages_bench: %d published items in one commune; %d warm-up then %d requests per page "
      "via web::Router::Handle; times in ms\n",
      kItems, kWarmup, kRequests);
  std::printf("%-8s %-20s %-52s %6s %6s %6s  %6s %6s %7s\n", "db", "page", "path", "p50", "p95",
              "max", "cpu50", "cpu95", "bytes");
  return OnEachDatabase("disclosure_pages_bench", BenchDatabase);
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("disclosure_pages_bench", xaso::bench::Run());
}
