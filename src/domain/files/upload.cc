#include "domain/files/upload.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace xaso::files {
namespace {

struct Kind {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;  // the first bytes every such file starts with
};

// ZIP-based office formats share the ZIP signature; the old binary ones the OLE2 signature.
constexpr std::string_view kZip = "PK\x03\x04";
constexpr std::string_view kOle = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr Kind kKinds[] = {
    {"pdf", "application/pdf", "%PDF-"},
    {"jpg", "image/jpeg", "\xFF\xD8\xFF"},
    {"jpeg", "image/jpeg", "\xFF\xD8\xFF"},
    {"png", "image/png", "\x89PNG\r\n\x1A\n"},
    {"webp", "image/webp", "RIFF"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", kZip},
    {"odt", "application/vnd.oasis.opendocument.text", kZip},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet", kZip},
    {"doc", "application/msword", kOle},
    {"xls", "application/vnd.ms-excel", kOle},
};

Error Invalid(std::string message) {
  Error e{ErrorCode::kInvalidArgument, message, {}};
  e.fields.push_back({"file", std::move(message)});
  return e;
}

}  // namespace

std::string FileExtension(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

Result<std::string> CheckUpload(std::string_view filename, std::string_view bytes,
                                size_t max_bytes) {
  if (bytes.empty()) return Invalid("Tệp rỗng.");
  if (bytes.size() > max_bytes) {
    return Invalid("Tệp quá lớn (tối đa " + std::to_string(max_bytes / (1024 * 1024)) + " MB).");
  }
  const std::string ext = FileExtension(filename);
  for (const Kind& k : kKinds) {
    if (k.extension != ext) continue;
    if (!bytes.starts_with(k.magic) || (k.extension == "webp" && bytes.substr(8, 4) != "WEBP")) {
      return Invalid("Nội dung tệp không đúng với loại ." + ext + ".");
    }
    return std::string(k.content_type);
  }
  return Invalid(
      "Chỉ nhận tệp PDF, ảnh (JPG, PNG, WebP) và văn bản văn phòng "
      "(DOC, DOCX, XLS, XLSX, ODT, ODS, PPTX).");
}

std::string SafeFilename(std::string_view filename) {
  const size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  std::string out;
  for (unsigned char c : filename) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == ';') continue;
    out.push_back(static_cast<char>(c));
  }
  if (!IsValidUtf8(out)) out.clear();
  while (Utf8Length(out) > 120) {
    // Drop whole code points from the end of the stem, keeping the extension.
    const size_t dot = out.rfind('.');
    size_t cut = (dot == std::string::npos || dot == 0) ? out.size() : dot;
    size_t start = cut - 1;
    while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
    out.erase(start, cut - start);
  }
  if (Trim(out).empty() || out == "." || out == "..") return "tep";
  return out;
}

}  // namespace xaso::files
