// The configuration of one xaso process. Sources, in order of precedence (later wins):
// the defaults below, the TOML file (--config), XASO_* environment variables, then flags.
// config/xaso.example.toml documents every key.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace xaso::app {

struct Config {
  struct Server {
    std::string listen = "127.0.0.1:8080";  // HOST:PORT
    int threads = 2;  // HTTP worker threads; the database pool has max(2, threads) connections
    int64_t max_body_bytes = 1 << 20;     // larger bodies get 413
    int64_t max_upload_bytes = 10 << 20;  // one file of a form (evidence, photos)
    bool secure_cookies = false;          // true behind TLS
    int64_t session_hours = 8;
    std::string trusted_proxy = "";  // reverse proxy whose X-Forwarded-For is believed
  } server;
  struct Database {
    std::string url = "sqlite:var/xaso.db";  // sqlite:PATH or postgresql://...
  } database;
  struct Portal {
    std::string default_commune = "";  // slug shown at "/"; empty = the first commune
  } portal;
  struct Security {
    int signin_max_failures_per_account = 5;
    int signin_max_failures_per_ip = 20;
    int64_t signin_window_minutes = 15;
    // The key of the pseudonyms that stand for IP addresses in the limits' tables (HMAC-SHA-256),
    // so that no address is stored. Empty: a random key at each start, which is enough for one
    // process; processes behind one database share a key of 16 bytes or more (XASO_IP_KEY).
    std::string ip_key = "";
  } security;
  struct Notify {
    // Seconds between two passes of the notification worker of `xaso serve`; 0 turns the
    // worker off (then run `xaso notify run` from cron).
    int interval_seconds = 300;
  } notify;
  struct Feedback {
    // Public submissions one IP address may make in an hour (the honeypot aside).
    int max_per_ip_per_hour = 10;
    // Requests one Open311 api_key may POST in an hour: a client speaks for many citizens.
    int open311_max_per_key_per_hour = 600;
  } feedback;
  struct Survey {
    // Public answer sheets one IP address may send in an hour: a household shares an address
    // and a village hall may lend one phone, so more than feedback's.
    int max_per_ip_per_hour = 30;
  } survey;
};

// Reads the TOML file at `path` over `config`. kInvalidArgument names the bad key.
Status LoadConfigFile(const std::string& path, Config& config);
// Applies XASO_LISTEN, XASO_DB, XASO_THREADS, XASO_DEFAULT_COMMUNE, XASO_SECURE_COOKIES,
// XASO_NOTIFY_INTERVAL, XASO_FEEDBACK_MAX_PER_IP, XASO_SURVEY_MAX_PER_IP,
// XASO_OPEN311_MAX_PER_KEY and XASO_IP_KEY.
Status ApplyEnvironment(Config& config);
// Checks ranges and formats; kInvalidArgument with one field error per problem.
Status ValidateConfig(const Config& config);
// Splits "HOST:PORT"; kInvalidArgument when malformed.
Result<std::pair<std::string, int>> ParseListen(const std::string& listen);

}  // namespace xaso::app
