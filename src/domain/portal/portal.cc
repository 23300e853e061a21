#include "domain/portal/portal.h"

#include "core/field_check.h"

namespace xaso::portal {

Status ValidateAnnouncement(const Announcement& a) {
  Error err{ErrorCode::kInvalidArgument, "Thông báo chưa hợp lệ.", {}};
  CheckText(err, "title", a.title, 300, "tiêu đề");
  CheckText(err, "body", a.body, 20000, "nội dung");
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::portal
