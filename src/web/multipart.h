// multipart/form-data bodies (RFC 7578): the forms that carry a file. Parsed with RESTinio's
// helpers in their own translation unit, so that no handler includes RESTinio.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso::web {

struct UploadedFile {
  std::string filename;  // as sent by the browser; sanitise before use (files::SafeFilename)
  std::string bytes;
};

struct MultipartForm {
  std::map<std::string, std::string> fields;
  // By field name, in the order sent; an input with `multiple` gives one entry per file, and
  // an empty file input is absent.
  std::multimap<std::string, UploadedFile> files;
};

// kInvalidArgument when `content_type` is not multipart/form-data with a valid boundary or a
// part cannot be parsed. A repeated field keeps its first value.
Result<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace xaso::web
