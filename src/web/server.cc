#include "web/server.h"

#include <atomic>
#include <csignal>

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include "core/text.h"
#include "platform/crypto.h"
#include "web/form.h"

namespace xaso::web {
namespace {

std::atomic<uint64_t> g_request_counter{0};

// The client's address: the socket peer, or the last hop that the trusted proxy appended.
std::string ClientIp(const std::string& peer, const std::string& forwarded_for,
                     const std::string& trusted_proxy) {
  if (trusted_proxy.empty() || peer != trusted_proxy || forwarded_for.empty()) return peer;
  const size_t comma = forwarded_for.rfind(',');
  std::string last(
      Trim(comma == std::string::npos ? forwarded_for : forwarded_for.substr(comma + 1)));
  return last.empty() || last.size() > 64 ? peer : last;
}

Request Translate(const restinio::request_handle_t& req, const std::string& trusted_proxy) {
  Request r;
  r.method = std::string(req->header().method().c_str());
  const std::string raw_path(req->header().path());
  r.path = PercentDecode(raw_path, false).value_or("\xFF");  // invalid UTF-8 → 400 later
  const std::string raw_query(req->header().query());
  if (auto q = ParseForm(raw_query)) {
    r.query = std::move(*q);
  } else {
    r.path = "\xFF";
  }
  for (const auto& f : req->header()) {
    std::string name(f.name());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  r.cookies = ParseCookies(r.Header("cookie"));
  r.body = req->body();
  r.ip = ClientIp(req->remote_endpoint().address().to_string(), r.Header("x-forwarded-for"),
                  trusted_proxy);
  // A random prefix per process keeps ids unique across processes and restarts.
  static const std::string kPrefix = platform::RandomToken(6);
  char id[32];
  std::snprintf(id, sizeof id, "-%llx", static_cast<unsigned long long>(++g_request_counter));
  r.request_id = kPrefix + id;
  return r;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Status";
  }
}

}  // namespace

Status ServeUntilSignal(const ServerOptions& options, Router& router) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto handler = [&router, &options](const restinio::request_handle_t& req) {
    Response res = router.Handle(Translate(req, options.trusted_proxy));
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)},
        ReasonPhrase(res.status)});
    for (auto& [name, value] : res.headers) {
      // Defence in depth: a header value never carries a line break (header injection).
      if (value.find_first_of("\r\n") != std::string::npos) continue;
      builder.append_header(name, value);
    }
    builder.set_body(std::move(res.body));
    return builder.done();
  };
  try {
    auto server = restinio::run_async(
        restinio::own_io_context(),
        restinio::server_settings_t<>{}
            .address(options.host)
            .port(static_cast<std::uint16_t>(options.port))
            // RESTinio closes a connection whose body exceeds this hard cap; bodies between
            // the configured limit and the cap get a proper 413 from the router.
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(8 * 1024)
                                          .max_field_name_size(1024)
                                          .max_field_value_size(16 * 1024)
                                          .max_field_count(100)
                                          .max_body_size(options.max_body_bytes * 4 + 4096))
            .read_next_http_message_timelimit(std::chrono::seconds(30))
            .handle_request_timeout(std::chrono::seconds(30))
            .request_handler(handler),
        options.threads);
    spdlog::info("xaso listening on http://{}:{}", options.host, options.port);
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {} received, stopping", sig);
    server->stop();
    server->wait();
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kUnavailable, std::string("cannot serve: ") + e.what());
  }
  return Ok{};
}

}  // namespace xaso::web
