// The commune's own PAPI self-assessment on the dashboard (issue 6, item 5; ADR 0012): its
// "papi" surveys scored year by year, set beside the province's published scores.
#pragma once

#include <string>
#include <vector>

#include "domain/papi/score_table.h"
#include "domain/papi/self_assessment.h"
#include "web/router.h"

namespace xaso::web {

// One SelfScores per year that has an open or closed "papi" survey (the newest of the year),
// oldest first. Scores are cached per survey and response count, so a new answer shows at once.
Result<std::vector<papi::SelfScores>> LoadSelfAssessments(Context& ctx, int64_t commune_id,
                                                          const std::string& unit);

// The province's published row to compare a self-assessment of `year` with: that year's, else
// the latest before it; nullptr when there is none. `rows` are oldest first.
const papi::ScoreRow* BenchmarkFor(const std::vector<const papi::ScoreRow*>& rows, int year);

// A score to 4 decimals with the Vietnamese decimal comma ("44,1831"); "—" when blank.
std::string Score4(const std::optional<double>& value);
// The score and its 90% interval: "0,4512 (0,4101–0,4923)".
std::string ScoreWithInterval(const papi::Score& s);

// The self-assessment section of the dashboard: a table per year (respondents, total with its
// interval, the province and its year, the national group) and the chart of both totals.
void SetSelfAssessment(Context& ctx, const std::vector<papi::SelfScores>& selfs,
                       const std::vector<const papi::ScoreRow*>& province_rows, Data& d);

}  // namespace xaso::web
