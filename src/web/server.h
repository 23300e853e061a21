// The HTTP server: RESTinio on a thread pool, translating to and from web::Request/Response.
#pragma once

#include <string>

#include "core/result.h"
#include "web/router.h"

namespace xaso::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  size_t threads = 2;
  size_t max_body_bytes = 1 << 20;
  // The address of a reverse proxy (nginx) whose X-Forwarded-For is believed; empty = none.
  // Sign-in limits per IP then count the citizen's address, not the proxy's.
  std::string trusted_proxy;
};

// Serves until SIGINT or SIGTERM. Errors: kUnavailable when the address cannot be bound.
// Blocks SIGINT and SIGTERM in the calling thread before the worker threads start (they
// inherit the mask) and waits for them with sigwait, so the stop is always orderly.
Status ServeUntilSignal(const ServerOptions& options, Router& router);

}  // namespace xaso::web
