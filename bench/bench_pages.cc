#include "bench_pages.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <soci/soci.h>
#include <time.h>
#include <unistd.h>

#include "platform/crypto.h"
#include "storage/identity/sql_identity_repository.h"

namespace xaso::bench {

Status OnFreshPostgres(const std::string& url, const std::string& prefix,
                       const std::function<Status(const std::string& url)>& fn) {
  XASO_ASSIGN_OR_RETURN(auto admin, storage::Database::Open(url, 1));
  const std::string name = prefix + "_" + std::to_string(::getpid());
  auto run = [&](const std::string& sql) {
    return admin->Read([&](soci::session& s) -> Status {
      s << sql;
      return Ok{};
    });
  };
  XASO_RETURN_IF_ERROR(run("CREATE DATABASE " + name));
  Status status = fn(url.substr(0, url.rfind('/') + 1) + name);
  XASO_RETURN_IF_ERROR(run("DROP DATABASE " + name));
  return status;
}

Status OnEachDatabase(const std::string& name,
                      const std::function<Status(const std::string& label,
                                                 const std::string& url)>& fn) {
  std::error_code ec;
  std::string folder = name;
  folder += '-';
  folder += std::to_string(::getpid());
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec) / folder;
  std::filesystem::create_directories(dir, ec);
  Status status = Ok{};
  if (std::getenv("XASO_BENCH_PG_ONLY") == nullptr) {
    status = fn("sqlite", "sqlite:" + (dir / "bench.db").string());
  }
  std::filesystem::remove_all(dir, ec);
  XASO_RETURN_IF_ERROR(status);
  const char* pg = std::getenv("XASO_BENCH_PG_URL");
  if (pg == nullptr || *pg == '\0') return Ok{};
  return OnFreshPostgres(pg, "xaso_" + name,
                         [&](const std::string& url) { return fn("postgres", url); });
}

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Spread SpreadOf(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back()};
}

Result<Timing> TimeRequests(web::Router& router, const web::Request& req) {
  std::vector<double> wall, cpu;
  Timing out;
  for (int i = 0; i < kWarmup + kRequests; ++i) {
    const double cpu_start = ThreadCpuMs();
    const auto start = Clock::now();
    const web::Response r = router.Handle(req);
    const double elapsed = MsSince(start);
    const double cpu_elapsed = ThreadCpuMs() - cpu_start;
    if (r.status != 200) {
      return MakeError(ErrorCode::kInternal,
                       req.path + " answered " + std::to_string(r.status) + " instead of 200");
    }
    out.bytes = r.body.size();
    if (i >= kWarmup) {
      wall.push_back(elapsed);
      cpu.push_back(cpu_elapsed);
    }
  }
  out.wall = SpreadOf(std::move(wall));
  out.cpu = SpreadOf(std::move(cpu));
  return out;
}

web::Request Get(const std::string& path, const std::string& session,
                 std::map<std::string, std::string> query) {
  web::Request req;
  req.method = "GET";
  req.path = path;
  req.query = std::move(query);
  req.ip = "127.0.0.1";
  req.request_id = "bench";
  if (!session.empty()) req.cookies["xaso_session"] = session;
  return req;
}

Status CreateLeaderSession(storage::Database& db, int64_t commune_id, const std::string& username,
                           const std::string& session_token, int64_t now,
                           const audit::AuditRecord& rec) {
  storage::SqlIdentityRepository identity(db);
  identity::Account leader;
  leader.commune_id = commune_id;
  leader.username = username;
  leader.display_name = "Chủ tịch";
  leader.role = identity::Role::kLeader;
  leader.password_hash = "!";  // never signs in with a password: the session is made here
  XASO_ASSIGN_OR_RETURN(leader.id, identity.CreateAccount(leader, now, rec));
  return identity.CreateSession(platform::Sha256Hex(session_token), leader, now, now + 24 * 3600);
}

int ExitCode(const char* program, const Status& status) {
  if (status) return 0;
  std::fprintf(stderr, "%s: %s\n", program, status.error().message.c_str());
  return 1;
}

}  // namespace xaso::bench
