// The commune's PAPI self-assessment set against its benchmarks (issue 6, item 5): its own
// survey's scores year against year, the province's published scores, and the sub-dimensions
// that are weak by the rule of docs/decisions/0012-papi-self-assessment.md.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/papi/score_table.h"
#include "domain/papi/scoring.h"

namespace xaso::papi {

// One self-assessment (a survey's responses scored for its year), keyed by code.
struct SelfScores {
  int year = 0;
  int64_t respondents = 0;
  std::map<std::string, Score, std::less<>> subdimensions;  // blank scores included
  std::array<Score, kDimensionCount> dimensions;            // D1..D8; blank when absent in year
  Score total;
};

// `u` scored by `model` (ScoreRespondents), laid out by code.
SelfScores ToSelfScores(const ScoringModel& model, const UnitScore& u, int64_t respondents);

struct WeakSpot {
  std::string code;
  // Below the province's published score of the benchmark year.
  bool below_province = false;
  // ... and the whole 90% interval lies below it: not a sampling accident.
  bool clearly_below = false;
  // Below the commune's previous self-assessment, the two 90% intervals apart (or, without
  // standard errors, the points).
  bool fell = false;
};

// The weak sub-dimensions of `latest`, in its map's order: those below `province` (may be
// null) and those that fell from `previous` (may be null). A blank score is never weak.
std::vector<WeakSpot> FindWeakSpots(const SelfScores& latest, const SelfScores* previous,
                                    const ScoreRow* province);

}  // namespace xaso::papi
