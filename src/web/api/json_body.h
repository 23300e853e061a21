// The body of a JSON API request, shared by the API files: application/json only, parsed
// without exceptions. Included by web/api/*.cc only (nlohmann stays out of other headers).
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "web/http.h"

namespace xaso::web {

// kInvalidArgument with a field error "content-type" or "body" (the API answers 400).
inline Result<nlohmann::json> JsonBody(const Request& req) {
  const auto bad = [](const char* field, const char* message) {
    return Error{ErrorCode::kInvalidArgument, "Dữ liệu không hợp lệ.", {{field, message}}};
  };
  if (req.Header("content-type").rfind("application/json", 0) != 0) {
    return bad("content-type", "Gửi application/json.");
  }
  nlohmann::json j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded()) return bad("body", "JSON không hợp lệ.");
  return j;
}

}  // namespace xaso::web
