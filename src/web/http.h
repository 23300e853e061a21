// The web layer's own request and response values. RESTinio is confined to server.cc, so
// handlers, the router and their tests never see it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace xaso::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string ip;
  bool tls = false;
  std::string request_id;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string Cookie(const std::string& name) const {
    auto it = cookies.find(name);
    return it == cookies.end() ? std::string() : it->second;
  }
  std::string Query(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

Response HtmlResponse(int status, std::string body);
Response JsonResponse(int status, std::string body);
Response TextResponse(int status, std::string body);
Response RedirectResponse(const std::string& location);  // 303 See Other

}  // namespace xaso::web
