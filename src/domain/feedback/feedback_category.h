// The checks of a feedback category (lĩnh vực phản ánh) a commune adds or edits (issue 4).
#pragma once

#include "core/result.h"
#include "domain/feedback/feedback.h"

namespace xaso::feedback {

// Answer days a category may set in place of the rule book's feedback.answer_max.
inline constexpr int kMinCategoryAnswerDays = 1;
inline constexpr int kMaxCategoryAnswerDays = 60;

// kInvalidArgument with one Vietnamese field error per problem: a code (the Open311
// service_code) that is not 2..40 of [a-z0-9_], a missing or over-long Vietnamese name, an
// over-long English name or description, a group code outside [a-z0-9_]{0,40}, answer days
// outside 1..60 working days.
Status ValidateCategory(const Category& c);

}  // namespace xaso::feedback
