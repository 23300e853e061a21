// Checks of free-text form fields that every domain repeats: valid UTF-8, present when
// required, not longer than a limit. Each failure becomes one FieldError in Vietnamese.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso {

// Appends a field error to `err` when `value` is not valid UTF-8, is blank while `required`,
// or has more than `max_chars` characters. `name` is the field's Vietnamese name in lower case
// ("tiêu đề").
void CheckText(Error& err, std::string_view field, std::string_view value, size_t max_chars,
               std::string_view name, bool required = true);

// Ok when `err` has no field errors; otherwise `err` itself.
inline Status FieldErrorsOrOk(Error err) {
  if (err.fields.empty()) return Ok{};
  return err;
}

}  // namespace xaso
