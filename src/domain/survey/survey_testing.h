// Test-only: a small questionnaire that exercises every question type and condition kind,
// shared by the survey tests.
#pragma once

#include <string>
#include <vector>

#include "domain/survey/survey.h"

namespace xaso::survey::testing {

Option Opt(const std::string& value);
Question Choice(std::string key, QuestionType type, const std::vector<std::string>& values);
Question Bounded(std::string key, QuestionType type, double min, double max);
Question ShownIf(Question q, std::string on, std::vector<std::string> any_of);

// Section "chung"; q1 single co/khong; q2 (if q1 = co) multiple a/b/c; q3 (if q2 ticks b)
// text, required; q4 scale 1..5, required; q5 number 0..100; q6 (if q4 is 1 or 2) text.
Survey Example();

// The fields an error names, in order.
std::vector<std::string> FieldNames(const Error& e);

}  // namespace xaso::survey::testing
