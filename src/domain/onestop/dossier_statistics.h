// The one-stop shop's statistics (issue 5, part 5): per procedure, field, unit and month of
// receipt, received, finished early, on time or late, overdue now and satisfaction, and the two
// components of the QĐ 766/QĐ-TTg index they feed. The repository keeps the counts as dossiers
// change (migrations/0013_onestop_dossier.sql); this file only sums them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/onestop/timeliness.h"

namespace xaso::onestop {

// What the statistics group by; an empty value in a StatisticsFilter means any.
enum class StatisticsBy { kProcedure, kField, kUnit, kMonth };

// Which dossiers count: received in the months [from_month, to_month] ("YYYY-MM", inclusive),
// in the communes listed (empty: every commune, the province's view).
struct StatisticsFilter {
  std::vector<int64_t> commune_ids;
  std::string from_month;
  std::string to_month;
  StatisticsBy by = StatisticsBy::kProcedure;
};

// One line of the statistics.
struct StatisticsLine {
  std::string key;   // the procedure code, field, unit code or month
  std::string name;  // the procedure's name; empty for the other groupings
  int64_t received = 0;
  FinishedCounts finished;  // result ready or returned, by timeliness
  int64_t within_time = 0;  // unfinished, due today or later (or waiting for a supplement)
  int64_t overdue_now = 0;  // unfinished, due before today
  int64_t refused = 0;
  int64_t stopped = 0;
  int64_t very_satisfied = 0;
  int64_t satisfied = 0;
  int64_t not_satisfied = 0;

  int64_t rated() const { return very_satisfied + satisfied + not_satisfied; }
  // The 766 index's group 2: (early + on time) ÷ finished × 20; nullopt when none finished.
  std::optional<double> timeliness_points() const { return TimelinessPoints(finished); }
  // The 766 index's group 5, from the applicants' evaluations: (very satisfied + satisfied) ÷
  // rated × 18; nullopt when nobody rated. LEGAL.md §7.2 gives the maximum [S], not the
  // formula: the share of satisfied evaluations is our reading (ADR 0008).
  std::optional<double> satisfaction_points() const;
};

// The maximum of group 5 "Mức độ hài lòng" of the 766 index (LEGAL.md §7.2 [S]).
inline constexpr double kSatisfactionMaxPoints = 18.0;

struct Statistics {
  std::vector<StatisticsLine> lines;  // by key
  StatisticsLine total;
};

// One kept count: dossiers received in `month` of one commune, procedure and unit, in one
// state. `due_on` is set only for unfinished dossiers with a running clock, so that "overdue
// now" is a sum over the counts, not a scan of the dossiers.
struct StatisticsCount {
  std::string month;
  std::string procedure_code;
  std::string procedure_name;
  std::string field;
  std::string unit_code;
  std::string status;        // DossierStatusCode
  std::string timeliness;    // TimelinessCode of a finished dossier; empty otherwise
  std::string satisfaction;  // SatisfactionCode; empty when not rated
  std::optional<Date> due_on;
  int64_t n = 0;
};

// Sums `counts` into lines grouped by `by`, classifying unfinished dossiers against `today`.
Statistics SumStatistics(const std::vector<StatisticsCount>& counts, StatisticsBy by, Date today);

}  // namespace xaso::onestop
