#include "core/field_check.h"

#include "core/text.h"

namespace xaso {

void CheckText(Error& err, std::string_view field, std::string_view value, size_t max_chars,
               std::string_view name, bool required) {
  const std::string f(field), n(name);
  if (!IsValidUtf8(value)) {
    err.fields.push_back({f, "Ô " + n + " chứa ký tự không hợp lệ."});
  } else if (Trim(value).empty()) {
    if (required) err.fields.push_back({f, "Cần nhập " + n + "."});
  } else if (Utf8Length(value) > max_chars) {
    err.fields.push_back(
        {f, "Ô " + n + " quá dài (tối đa " + std::to_string(max_chars) + " ký tự)."});
  }
}

}  // namespace xaso
