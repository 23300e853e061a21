// Open311 GeoReport v2's two formats (OPEN311.md): every answer is built once as JSON and
// written as JSON or, element for element, as XML; errors use the spec's body in either.
// Included by web/ only (nlohmann stays in web/).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "web/http.h"

namespace xaso::web {

enum class Open311Format { kJson, kXml };

// "requests.json" → ("requests", kJson); nullopt when the extension is neither json nor xml.
struct Open311Name {
  std::string stem;
  Open311Format format = Open311Format::kJson;
};
std::optional<Open311Name> ParseOpen311Name(const std::string& file);

// `body` as JSON, or as XML under <root>: an array's items become elements named after the
// array (services → service, service_requests → request, ...), an object's members become
// child elements, null an empty element.
Response Open311Body(Open311Format format, int status, const std::string& root,
                     const nlohmann::ordered_json& body);

// The spec's error body with one error, in the format the path's extension asks for (XML, the
// mandatory format, when it names none we know).
Response Open311Error(const std::string& path, int status, const std::string& description);
Response Open311Error(Open311Format format, int status, const std::string& description);

}  // namespace xaso::web
