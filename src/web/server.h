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
};

// Serves until SIGINT or SIGTERM. Errors: kUnavailable when the address cannot be bound.
// Precondition: SIGINT and SIGTERM are blocked in the calling thread (so that sigwait
// receives them); `ServeUntilSignal` does that itself before starting worker threads.
Status ServeUntilSignal(const ServerOptions& options, Router& router);

}  // namespace xaso::web
