#include "web/open311/open311_format.h"

#include <map>

#include "web/open311/xml_writer.h"

namespace xaso::web {

using Json = nlohmann::ordered_json;

std::optional<Open311Name> ParseOpen311Name(const std::string& file) {
  const size_t dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  const std::string ext = file.substr(dot + 1);
  Open311Name n{file.substr(0, dot)};
  if (ext == "json") {
    n.format = Open311Format::kJson;
  } else if (ext == "xml") {
    n.format = Open311Format::kXml;
  } else {
    return std::nullopt;
  }
  return n;
}

namespace {

// The element name of one item of an array named `list` (the spec's XML examples).
std::string ItemName(const std::string& list) {
  static const std::map<std::string, std::string> kNames = {
      {"services", "service"}, {"service_requests", "request"},
      {"errors", "error"},     {"endpoints", "endpoint"},
      {"formats", "format"},   {"attributes", "attribute"},
      {"values", "value"},     {"service_definition", "attribute"}};
  auto it = kNames.find(list);
  if (it != kNames.end()) return it->second;
  return list.ends_with("s") ? list.substr(0, list.size() - 1) : list;
}

void WriteXml(XmlWriter& w, const std::string& name, const Json& v) {
  if (v.is_object()) {
    w.Open(name);
    for (const auto& [k, child] : v.items()) WriteXml(w, k, child);
    w.Close(name);
  } else if (v.is_array()) {
    w.Open(name);
    for (const auto& child : v) WriteXml(w, ItemName(name), child);
    w.Close(name);
  } else if (v.is_string()) {
    w.Element(name, v.get<std::string>());
  } else if (v.is_null()) {
    w.Element(name, "");
  } else {
    w.Element(name, v.dump());
  }
}

}  // namespace

Response Open311Body(Open311Format format, int status, const std::string& root, const Json& body) {
  if (format == Open311Format::kJson) return JsonResponse(status, body.dump());
  XmlWriter w;
  WriteXml(w, root, body);
  Response r{status, {}, w.str()};
  return r.With("Content-Type", "text/xml; charset=utf-8");
}

Response Open311Error(Open311Format format, int status, const std::string& description) {
  return Open311Body(format, status, "errors",
                     Json::array({{{"code", status}, {"description", description}}}));
}

Response Open311Error(const std::string& path, int status, const std::string& description) {
  const auto name = ParseOpen311Name(path.substr(path.rfind('/') + 1));
  return Open311Error(name ? name->format : Open311Format::kXml, status, description);
}

}  // namespace xaso::web
