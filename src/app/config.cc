#include "app/config.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include <toml++/toml.h>

namespace xaso::app {

Status LoadConfigFile(const std::string& path, Config& c) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "config " + path + ": " + std::string(e.description()));
  }
  const std::map<std::string, std::vector<std::string>> known = {
      {"server",
       {"listen", "threads", "max_body_bytes", "max_upload_bytes", "secure_cookies",
        "session_hours", "trusted_proxy"}},
      {"database", {"url"}},
      {"portal", {"default_commune"}},
      {"security",
       {"signin_max_failures_per_account", "signin_max_failures_per_ip", "signin_window_minutes",
        "ip_key"}},
      {"notify", {"interval_seconds"}},
      {"feedback", {"max_per_ip_per_hour", "open311_max_per_key_per_hour"}},
      {"survey", {"max_per_ip_per_hour"}}};
  for (auto&& [section, node] : t) {
    auto k = known.find(std::string(section.str()));
    if (k == known.end() || !node.is_table()) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "config: unknown section [" + std::string(section.str()) + "]");
    }
    for (auto&& [key, v] : *node.as_table()) {
      if (std::find(k->second.begin(), k->second.end(), std::string(key.str())) ==
          k->second.end()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "config: unknown key " + k->first + "." + std::string(key.str()));
      }
    }
  }
  c.server.listen = t["server"]["listen"].value_or(c.server.listen);
  c.server.threads = t["server"]["threads"].value_or(c.server.threads);
  c.server.max_body_bytes = t["server"]["max_body_bytes"].value_or(c.server.max_body_bytes);
  c.server.max_upload_bytes = t["server"]["max_upload_bytes"].value_or(c.server.max_upload_bytes);
  c.server.secure_cookies = t["server"]["secure_cookies"].value_or(c.server.secure_cookies);
  c.server.session_hours = t["server"]["session_hours"].value_or(c.server.session_hours);
  c.server.trusted_proxy = t["server"]["trusted_proxy"].value_or(c.server.trusted_proxy);
  c.database.url = t["database"]["url"].value_or(c.database.url);
  c.portal.default_commune = t["portal"]["default_commune"].value_or(c.portal.default_commune);
  auto& s = c.security;
  s.signin_max_failures_per_account =
      t["security"]["signin_max_failures_per_account"].value_or(s.signin_max_failures_per_account);
  s.signin_max_failures_per_ip =
      t["security"]["signin_max_failures_per_ip"].value_or(s.signin_max_failures_per_ip);
  s.signin_window_minutes =
      t["security"]["signin_window_minutes"].value_or(s.signin_window_minutes);
  s.ip_key = t["security"]["ip_key"].value_or(s.ip_key);
  c.notify.interval_seconds = t["notify"]["interval_seconds"].value_or(c.notify.interval_seconds);
  c.feedback.max_per_ip_per_hour =
      t["feedback"]["max_per_ip_per_hour"].value_or(c.feedback.max_per_ip_per_hour);
  c.feedback.open311_max_per_key_per_hour = t["feedback"]["open311_max_per_key_per_hour"].value_or(
      c.feedback.open311_max_per_key_per_hour);
  c.survey.max_per_ip_per_hour =
      t["survey"]["max_per_ip_per_hour"].value_or(c.survey.max_per_ip_per_hour);
  return Ok{};
}

Status ApplyEnvironment(Config& c) {
  auto env = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v) return std::nullopt;
    return std::string(v);
  };
  if (auto v = env("XASO_LISTEN")) c.server.listen = *v;
  if (auto v = env("XASO_DB")) c.database.url = *v;
  if (auto v = env("XASO_DEFAULT_COMMUNE")) c.portal.default_commune = *v;
  if (auto v = env("XASO_IP_KEY")) c.security.ip_key = *v;
  if (auto v = env("XASO_TRUSTED_PROXY")) c.server.trusted_proxy = *v;
  if (auto v = env("XASO_SECURE_COOKIES")) c.server.secure_cookies = *v == "1" || *v == "true";
  for (auto [name, target] :
       {std::pair<const char*, int*>{"XASO_THREADS", &c.server.threads},
        {"XASO_NOTIFY_INTERVAL", &c.notify.interval_seconds},
        {"XASO_FEEDBACK_MAX_PER_IP", &c.feedback.max_per_ip_per_hour},
        {"XASO_SURVEY_MAX_PER_IP", &c.survey.max_per_ip_per_hour},
        {"XASO_OPEN311_MAX_PER_KEY", &c.feedback.open311_max_per_key_per_hour}}) {
    if (auto v = env(name)) {
      try {
        *target = std::stoi(*v);
      } catch (...) {
        return MakeError(ErrorCode::kInvalidArgument, std::string(name) + " must be a number");
      }
    }
  }
  return Ok{};
}

Result<std::pair<std::string, int>> ParseListen(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "listen must be HOST:PORT");
  }
  int port = 0;
  const std::string p = listen.substr(colon + 1);
  if (p.empty() || p.size() > 5) return MakeError(ErrorCode::kInvalidArgument, "bad port");
  for (char ch : p) {
    if (ch < '0' || ch > '9') return MakeError(ErrorCode::kInvalidArgument, "bad port");
    port = port * 10 + (ch - '0');
  }
  if (port < 1 || port > 65535) return MakeError(ErrorCode::kInvalidArgument, "bad port");
  return std::make_pair(listen.substr(0, colon), port);
}

Status ValidateConfig(const Config& c) {
  Error e{ErrorCode::kInvalidArgument, "invalid configuration", {}};
  if (!ParseListen(c.server.listen)) e.fields.push_back({"server.listen", "must be HOST:PORT"});
  if (c.server.threads < 1 || c.server.threads > 256) {
    e.fields.push_back({"server.threads", "must be 1..256"});
  }
  if (c.server.max_body_bytes < 1024 || c.server.max_body_bytes > (64 << 20)) {
    e.fields.push_back({"server.max_body_bytes", "must be 1 KiB..64 MiB"});
  }
  if (c.server.max_upload_bytes < 1024 || c.server.max_upload_bytes > (256 << 20)) {
    e.fields.push_back({"server.max_upload_bytes", "must be 1 KiB..256 MiB"});
  }
  if (c.server.session_hours < 1 || c.server.session_hours > 24 * 30) {
    e.fields.push_back({"server.session_hours", "must be 1..720"});
  }
  if (c.database.url.rfind("sqlite:", 0) != 0 && c.database.url.rfind("postgresql://", 0) != 0 &&
      c.database.url.rfind("postgres://", 0) != 0) {
    e.fields.push_back({"database.url", "must start with sqlite: or postgresql://"});
  }
  if (c.security.signin_max_failures_per_account < 1 || c.security.signin_max_failures_per_ip < 1 ||
      c.security.signin_window_minutes < 1) {
    e.fields.push_back({"security", "limits must be positive"});
  }
  if (!c.security.ip_key.empty() && c.security.ip_key.size() < 16) {
    e.fields.push_back({"security.ip_key", "must be empty or at least 16 bytes"});
  }
  if (c.notify.interval_seconds != 0 &&
      (c.notify.interval_seconds < 10 || c.notify.interval_seconds > 86400)) {
    e.fields.push_back({"notify.interval_seconds", "must be 0 (off) or 10..86400"});
  }
  if (c.feedback.max_per_ip_per_hour < 1 || c.feedback.max_per_ip_per_hour > 10000) {
    e.fields.push_back({"feedback.max_per_ip_per_hour", "must be 1..10000"});
  }
  if (c.feedback.open311_max_per_key_per_hour < 1 ||
      c.feedback.open311_max_per_key_per_hour > 1000000) {
    e.fields.push_back({"feedback.open311_max_per_key_per_hour", "must be 1..1000000"});
  }
  if (c.survey.max_per_ip_per_hour < 1 || c.survey.max_per_ip_per_hour > 10000) {
    e.fields.push_back({"survey.max_per_ip_per_hour", "must be 1..10000"});
  }
  if (!e.fields.empty()) return e;
  return Ok{};
}

}  // namespace xaso::app
