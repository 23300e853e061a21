// The builder's question form as plain fields and back: options typed one per line as
// `value|nhãn` (or `value|nhãn|điểm` to keep a PAPI score), the skip condition as a question
// and the values that open it. Kept apart from the pages so the parsing is unit-tested.
#pragma once

#include <map>
#include <string>

#include "core/result.h"
#include "domain/survey/survey.h"

namespace xaso::web {

using FormFields = std::map<std::string, std::string>;

// The fields of the form for `q`: key, section, type, text_vi, help_vi, required ("1" or ""),
// options, min, max, min_label, max_label, show_if, show_if_values, indicator.
FormFields QuestionFields(const survey::Question& q);

// The question `form` describes. Whatever the form does not carry (English texts, option
// labels in English) is kept from `stored` (an option by its value); `stored` is nullptr for
// a new question. Appends a Vietnamese field error to `err` for an unknown type, an option
// line without a '|' or with a score that is not a number, and a missing or non-numeric bound
// of a scale or number question. Everything else is ValidateSurvey's to judge.
survey::Question QuestionFromFields(const FormFields& form, const survey::Question* stored,
                                    Error& err);

// A bound or a score as people type it back: "5", "2.5", "-1".
std::string PlainNumber(double v);

}  // namespace xaso::web
