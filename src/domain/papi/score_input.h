// The two input files of `xaso papi score`, read into the scoring engine's inputs (scoring.h).
// Formats: data/papi/README.md ("Scoring input").
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/papi/scoring.h"

namespace xaso::papi {

// CSV `unit,indicator,value[,n]`, one row per unit and indicator. kInvalidArgument naming the
// line and the column for a missing column, an empty unit, a value or n that is not a number.
// Indicators and bounds are checked by ScoreAggregates.
Result<std::vector<AggregateValue>> ParseAggregateCsv(std::string_view csv);

// CSV with a `unit` column, an optional `weight` column and one column per indicator code; an
// empty cell is a question not answered. kInvalidArgument naming the line and the column for a
// missing unit column, an empty unit, or a value or weight that is not a number. Indicators,
// bounds and weights are checked by ScoreRespondents.
Result<RespondentTable> ParseRespondentCsv(std::string_view csv);

}  // namespace xaso::papi
