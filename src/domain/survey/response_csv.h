// Survey responses as CSV, both ways: the export a commune hands to a statistician and the
// import of paper forms typed in elsewhere. Format (docs/surveys.md): one header line
// `channel,submitted_at,weight,<question keys…>`; `submitted_at` is dd/mm/yyyy hh:mm (Vietnam
// time; a web sheet's reads 00:00, since it keeps only its day) or empty (the import's time);
// `weight` is empty (1) or a positive number; a multiple-choice cell holds option values
// separated by '|'; an empty cell is not answered.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/survey/survey.h"

namespace xaso::survey {

// Writes `responses` of `s`, one line each, with a column per question in survey order.
std::string WriteResponsesCsv(const Survey& s, std::span<const Response> responses);

// Reads a whole file into responses checked by CheckAnswers, with channel kImport when the
// channel cell is empty and submitted_at = `now` when that cell is empty. All or nothing:
// kInvalidArgument with one field error per problem (up to 50), field "dòng N, cột X" (the
// 1-based line and the column's header), message in Vietnamese: a missing or repeated column,
// a column that is not a question of the survey (line 1), an empty file, a row with the wrong
// number of cells, and every problem CheckAnswers finds in a row.
Result<std::vector<Response>> ParseResponsesCsv(const Survey& s, std::string_view csv, int64_t now);

}  // namespace xaso::survey
