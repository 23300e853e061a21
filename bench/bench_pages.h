// What the benches share: timing pages through web::Router::Handle in-process (the server's
// time alone, no sockets), with the thread's CPU time beside the wall-clock time, and a signed-in
// leader for the staff pages.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"
#include "web/router.h"

namespace xaso::bench {

using Clock = std::chrono::steady_clock;

inline constexpr int kWarmup = 20;
inline constexpr int kRequests = 200;

double MsSince(Clock::time_point start);
// The CPU time the calling thread has used, in ms.
double ThreadCpuMs();

// p50, p95 and max of the samples.
struct Spread {
  double p50 = 0, p95 = 0, max = 0;
};
Spread SpreadOf(std::vector<double> ms);

// Wall-clock time is the server time; the thread's CPU time is the same request without the
// time other processes took the core from it (the machine's two cores are shared).
struct Timing {
  Spread wall, cpu;
  size_t bytes = 0;
};

// kWarmup requests, then kRequests timed ones; kInternal unless every answer is a 200.
Result<Timing> TimeRequests(web::Router& router, const web::Request& req);

// A GET of `path` with `query`, with the session cookie `session` unless empty.
web::Request Get(const std::string& path, const std::string& session,
                 std::map<std::string, std::string> query = {});

// Runs `fn` with the URL of a PostgreSQL database of its own, created next to the one `url`
// names (`prefix` and the process id) and dropped afterwards, so that runs can follow each
// other on the same server.
Status OnFreshPostgres(const std::string& url, const std::string& prefix,
                       const std::function<Status(const std::string& url)>& fn);

// Runs `fn` ("sqlite", url) on a temporary SQLite file, unless XASO_BENCH_PG_ONLY is set, then,
// when XASO_BENCH_PG_URL is set, ("postgres", url) on a fresh PostgreSQL database
// (OnFreshPostgres). `name` names the temporary folder and database. Stops at the first error.
Status OnEachDatabase(const std::string& name,
                      const std::function<Status(const std::string& label,
                                                 const std::string& url)>& fn);

// Creates a leader of `commune_id` named `username` with an open session whose token is
// `session_token` (no password: the benches never sign in).
Status CreateLeaderSession(storage::Database& db, int64_t commune_id, const std::string& username,
                           const std::string& session_token, int64_t now,
                           const audit::AuditRecord& rec);

// What a bench's main returns: 0, or 1 after printing "<program>: <error>" to stderr.
int ExitCode(const char* program, const Status& status);

}  // namespace xaso::bench
