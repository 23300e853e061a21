#include "domain/portal/portal.h"

#include "core/text.h"

namespace xaso::portal {

Status ValidateAnnouncement(const Announcement& a) {
  Error err{ErrorCode::kInvalidArgument, "Thông báo chưa hợp lệ.", {}};
  const auto check = [&](const std::string& field, const std::string& v, size_t max,
                         const char* name) {
    if (!IsValidUtf8(v)) {
      err.fields.push_back({field, std::string(name) + " chứa ký tự không hợp lệ."});
    } else if (Trim(v).empty()) {
      err.fields.push_back({field, std::string("Cần nhập ") + name + "."});
    } else if (Utf8Length(v) > max) {
      err.fields.push_back(
          {field, std::string(name) + " quá dài (tối đa " + std::to_string(max) + " ký tự)."});
    }
  };
  check("title", a.title, 300, "tiêu đề");
  check("body", a.body, 20000, "nội dung");
  if (!err.fields.empty()) return err;
  return Ok{};
}

}  // namespace xaso::portal
