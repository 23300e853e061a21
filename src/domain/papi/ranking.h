// Ranks and quartile groups of PAPI scores across a set of units (the communes of a province, or
// the provinces), by the rule of PAPI.md §3.3 (ADR 0011). Pure: any score works, the aggregate,
// a dimension or a sub-dimension.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace xaso::papi {

// The four groups PAPI reports, best first.
enum class QuartileGroup { kHigh, kHighAverage, kLowAverage, kLow };

// "high", "high_average", "low_average", "low": for CSV, JSON and code.
std::string_view GroupCode(QuartileGroup group);
// The Vietnamese name PAPI uses: "nhóm đạt điểm cao nhất", "nhóm đạt điểm trung bình cao",
// "nhóm đạt điểm trung bình thấp", "nhóm đạt điểm thấp nhất".
std::string_view GroupNameVi(QuartileGroup group);

// The p-th percentile (0 <= p <= 100) of `values` by numpy's default "linear" method: sorted
// ascending, position h = (n - 1) · p / 100, value v[⌊h⌋] + (h − ⌊h⌋) · (v[⌊h⌋+1] − v[⌊h⌋]).
// A whole h gives v[h] exactly, so a unit's own score can equal a boundary. Precondition:
// `values` is not empty and p is in [0, 100] (a bug otherwise; aborts).
double Percentile(std::span<const double> values, double p);

struct Quartiles {
  int n = 0;  // the units with a score
  double p25 = 0;
  double p50 = 0;
  double p75 = 0;
};

// P25, P50 and P75 of the scores that are present; nullopt when none is.
std::optional<Quartiles> QuartilesOf(std::span<const std::optional<double>> scores);

// PAPI.md §3.3: High x > P75; High-average P50 < x <= P75; Low-average P25 < x <= P50;
// Low x <= P25. A score equal to a boundary falls in the lower group, so the median unit of an
// odd count is Low-average, a single unit (or units that all score the same) is Low.
QuartileGroup GroupOf(double score, const Quartiles& quartiles);

// Where one unit stands in its set.
struct Placement {
  int rank = 0;    // 1 = the best score
  int ranked = 0;  // how many units have a score (the "of" in "11/61")
  QuartileGroup group = QuartileGroup::kLow;
};

// Scores closer than this count as equal when ranking: the same published values summed in a
// different order must tie, and real PAPI scores are published to 4 decimals.
inline constexpr double kTieTolerance = 1e-9;

// One entry per score, in the same order: nullopt for a blank score (the unit is not ranked and
// does not count in the percentiles), otherwise its rank among the units with a score and its
// quartile group. Ties share the best of their ranks and the next rank skips ("1, 2, 2, 4",
// standard competition ranking, as the press lists provinces).
std::vector<std::optional<Placement>> Rank(std::span<const std::optional<double>> scores);

}  // namespace xaso::papi
