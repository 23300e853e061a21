// A PAPI survey's responses as the scoring engine's respondent table (papi/scoring.h): each
// question mapped to an indicator gives that indicator's value per respondent.
#pragma once

#include <span>
#include <string>

#include "core/result.h"
#include "domain/papi/scoring.h"
#include "domain/survey/survey.h"

namespace xaso::survey {

// One row per response, all in unit `unit`, weighted by Response::weight, one column per
// indicator the survey's questions map to. A choice answer gives its option's score (an option
// without one, or a multiple-choice answer, leaves the indicator unanswered); a scale or number
// answer is the value itself. When several questions map to the same indicator the first
// answered one counts. The table is ready for papi::ScoreRespondents.
papi::RespondentTable RespondentsFromResponses(const Survey& s, std::span<const Response> responses,
                                               const std::string& unit);

}  // namespace xaso::survey
