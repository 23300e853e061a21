// Ready-made questionnaires (PRODUCT.md parts 10–11), as data files compiled in
// (data/surveys/*.csv, format in data/surveys/README.md): the commune-level PAPI questionnaire,
// each question mapped to an indicator of papi::IndicatorCatalogue, and the satisfaction
// questionnaires of plan item 1.6 (health station, primary school, infrastructure, security).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/papi/indicator_catalogue.h"
#include "domain/survey/survey.h"

namespace xaso::survey {

// The preset whose surveys SurveyService::ScorePapi scores.
inline constexpr std::string_view kPapiPreset = "papi";

struct Preset {
  std::string key;  // "papi", "health_station", "primary_school", "infrastructure", "security"
  std::string title_vi;
  std::string title_en;
  std::string description_vi;
  std::vector<Section> sections;
  std::vector<Question> questions;
};

// Reads a questionnaire file: kInvalidArgument naming the line and the column of each problem
// (unknown type, an option without a label, a malformed score, …), then ValidateSurvey's.
Result<Preset> ParsePresetCsv(std::string_view key, std::string_view csv);

// Every preset shipped, in menu order. Parsed once; a broken shipped file aborts at start
// (a test reads every one).
const std::vector<Preset>& Presets();
// nullptr when there is no preset `key`.
const Preset* FindPreset(std::string_view key);

// A new draft survey of `commune_id` from `p` for `year`.
Survey SurveyFromPreset(const Preset& p, int64_t commune_id, int year);

// kInvalidArgument, field "q.<key>", for a question whose indicator is not in `indicators`,
// or whose answers cannot land inside the indicator's bounds (an option score or a
// scale/number bound outside [lower, upper]), or cannot give it a value at all (a single-choice
// question without a scored option, a multiple-choice or text question: see
// RespondentsFromResponses).
Status CheckIndicators(const Survey& s, const papi::IndicatorCatalogue& indicators);

}  // namespace xaso::survey
