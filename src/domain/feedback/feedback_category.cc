#include "domain/feedback/feedback_category.h"

#include <algorithm>
#include <string_view>

#include "core/field_check.h"

namespace xaso::feedback {

namespace {

bool IsCodeText(std::string_view s, size_t min_size, size_t max_size) {
  return s.size() >= min_size && s.size() <= max_size &&
         std::all_of(s.begin(), s.end(), [](char ch) {
           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
         });
}

}  // namespace

Status ValidateCategory(const Category& c) {
  Error err{ErrorCode::kInvalidArgument, "Lĩnh vực phản ánh chưa hợp lệ.", {}};
  if (!IsCodeText(c.code, 2, 40)) {
    err.fields.push_back(
        {"code", "Mã lĩnh vực gồm 2–40 ký tự: chữ thường không dấu, chữ số hoặc dấu gạch dưới."});
  }
  CheckText(err, "name_vi", c.name_vi, 200, "tên tiếng Việt");
  CheckText(err, "name_en", c.name_en, 200, "tên tiếng Anh", false);
  CheckText(err, "description_vi", c.description_vi, 1000, "mô tả", false);
  if (!IsCodeText(c.group_code, 0, 40)) {
    err.fields.push_back({"group_code",
                          "Mã nhóm gồm tối đa 40 ký tự: chữ thường không dấu, chữ số hoặc dấu gạch "
                          "dưới."});
  }
  if (c.answer_days &&
      (*c.answer_days < kMinCategoryAnswerDays || *c.answer_days > kMaxCategoryAnswerDays)) {
    err.fields.push_back({"answer_days",
                          "Thời hạn trả lời từ 1 đến 60 ngày làm việc, hoặc để "
                          "trống để theo quy định."});
  }
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::feedback
