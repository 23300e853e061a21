#include "web/multipart.h"

#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include "core/text.h"

namespace xaso::web {

namespace hfp = restinio::http_field_parsers;

Result<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body) {
  const auto bad = [](const char* why) {
    return MakeError(ErrorCode::kInvalidArgument, std::string("Biểu mẫu không hợp lệ: ") + why);
  };
  const auto ctype = hfp::content_type_value_t::try_parse(content_type);
  if (!ctype || !restinio::impl::is_equal_caseless(ctype->media_type.type, "multipart") ||
      !restinio::impl::is_equal_caseless(ctype->media_type.subtype, "form-data")) {
    return bad("kiểu nội dung.");
  }
  const auto boundary = hfp::find_first(ctype->media_type.parameters, "boundary");
  if (!boundary || restinio::multipart_body::check_boundary_value(*boundary)) {
    return bad("ranh giới (boundary).");
  }
  const std::string mark = "--" + std::string(boundary->data(), boundary->size());
  MultipartForm form;
  const auto parts = restinio::multipart_body::split_multipart_body(body, mark);
  if (parts.empty()) return bad("không có trường nào.");
  for (const auto& raw : parts) {
    auto part = restinio::multipart_body::try_parse_part(raw);
    if (!part) return bad("một phần không đọc được.");
    const auto disposition = part->fields.opt_value_of(restinio::http_field::content_disposition);
    if (!disposition) return bad("thiếu Content-Disposition.");
    const auto parsed = hfp::content_disposition_value_t::try_parse(*disposition);
    if (!parsed || parsed->value != "form-data") return bad("Content-Disposition.");
    const auto name = hfp::find_first(parsed->parameters, "name");
    if (!name) return bad("trường không có tên.");
    const std::string key(name->data(), name->size());
    if (!IsValidUtf8(key)) return bad("tên trường không phải UTF-8.");
    const auto filename = hfp::find_first(parsed->parameters, "filename");
    if (filename) {
      // A file input left empty arrives as a part with an empty name and no bytes.
      if (filename->empty() && part->body.empty()) continue;
      form.files.emplace(key, UploadedFile{std::string(filename->data(), filename->size()),
                                           std::string(part->body.data(), part->body.size())});
    } else {
      // Text fields obey the rules of an ordinary form (ParseForm): valid UTF-8 only.
      if (!IsValidUtf8(part->body)) return bad("dữ liệu không phải UTF-8.");
      form.fields.emplace(key, std::string(part->body.data(), part->body.size()));
    }
  }
  return form;
}

}  // namespace xaso::web
