// The PAPI scoring engine (PAPI.md §3.2), pure: indicator values → [0, 1] with each indicator's
// theoretical bounds (negative indicators reversed) → sub-dimension S = (1 + 9·m) / K_d, m the
// mean of its indicators → dimension D = ΣS (1–10) → total = ΣD (8–80). It scores published or
// computed indicator means (one value per unit and indicator) or respondent rows, whose
// weighted means it takes first. Cells with fewer than kMinAnswers answers are left blank, as
// the official files do, and a blank spreads upwards: a sub-dimension with a blank indicator, a
// dimension with a blank sub-dimension and a total with a blank dimension are blank too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"

namespace xaso::papi {

// The official files leave a cell blank when fewer than 15 respondents answered ("không đủ
// n ≥ 15", PAPI.md §2).
inline constexpr int kMinAnswers = 15;
// The official "95% CI" is ±1.645·SE, numerically a 90% normal interval (PAPI.md §3.1).
inline constexpr double kIntervalZ = 1.645;
// Bootstrap replicates when the caller does not choose (docs/decisions/0010-papi-scoring.md).
inline constexpr int kDefaultReplicates = 200;
// A respondent's value for a question they did not answer.
inline constexpr double kNotAnswered = std::numeric_limits<double>::quiet_NaN();

// A score, blank (nullopt) when suppressed, with its bootstrap standard error when one ran.
struct Score {
  std::optional<double> value;
  std::optional<double> se;

  // value ∓ kIntervalZ·se: the 90% interval; nullopt without a value or an SE.
  std::optional<double> low() const;
  std::optional<double> high() const;
};

// What is scored in one survey year: the sub-dimensions that apply then, their indicators and
// K_d, laid out as flat arrays. Keeps pointers to both catalogues, which must outlive it.
class ScoringModel {
 public:
  ScoringModel(const IndicatorCatalogue& indicators, const Catalogue& catalogue, int year);

  int year() const { return year_; }
  const IndicatorCatalogue& indicators() const { return *indicators_; }
  // The sub-dimensions that apply in year(), in catalogue order.
  const std::vector<const SubDimension*>& subdimensions() const { return subdimensions_; }
  // The dimensions that exist in year(), by number.
  const std::vector<const Dimension*>& dimensions() const { return dimensions_; }

  // Sub-dimension, dimension and total scores from one mean per indicator (on the indicator's
  // own scale, NaN = blank). The outputs are resized to subdimensions().size(),
  // dimensions().size() and 1; NaN marks a blank. Allocation-free once the outputs are sized.
  void Evaluate(std::span<const double> means, std::vector<double>& subdimension_scores,
                std::vector<double>& dimension_scores, double& total) const;

 private:
  const IndicatorCatalogue* indicators_;
  int year_;
  std::vector<const SubDimension*> subdimensions_;
  std::vector<const Dimension*> dimensions_;
  // Per sub-dimension: its indicators' positions in the catalogue, K_d and its dimension's
  // position in dimensions_.
  std::vector<std::vector<size_t>> members_;
  std::vector<double> k_;
  std::vector<size_t> dimension_of_;
};

// The scores of one unit (a commune, a village, a province).
struct UnitScore {
  std::string unit;
  // Per catalogue indicator: the (weighted) mean on its own scale, blank when suppressed or
  // absent, and how many answered (for aggregates the n given, -1 when none was).
  std::vector<std::optional<double>> indicator_means;
  std::vector<int> answers;
  std::vector<Score> subdimensions;  // per model.subdimensions()
  std::vector<Score> dimensions;     // per model.dimensions()
  Score total;
};

// One published or computed indicator value of a unit, and the source line for errors.
struct AggregateValue {
  std::string unit;
  std::string indicator;
  double value = 0;
  std::optional<int> answers;  // n; below kMinAnswers the cell is blank
  int line = 0;
};

// Scores aggregate values, units in order of first appearance. An indicator a unit lacks is
// blank. kInvalidArgument naming the line and the column for an unknown indicator ("cột
// indicator"), a value outside the indicator's bounds ("cột value"; values are never clamped),
// a negative n ("cột n") or a unit and indicator given twice.
Result<std::vector<UnitScore>> ScoreAggregates(const ScoringModel& model,
                                               std::span<const AggregateValue> values);

// Respondent rows laid out flat for speed: values are row-major, one column per entry of
// `columns` (indicator codes), kNotAnswered where a respondent did not answer.
struct RespondentTable {
  std::vector<std::string> columns;
  std::vector<std::string> units;  // distinct units
  std::vector<uint32_t> unit_of;   // per row, a position in units
  std::vector<double> weights;     // per row; empty = every weight is 1
  std::vector<double> values;      // rows() × columns.size()
  std::vector<int> lines;          // per row, the source line for errors; empty = row number

  size_t rows() const { return unit_of.size(); }
};

struct BootstrapOptions {
  int replicates = 0;  // 0 = no standard errors
  uint64_t seed = 1;
};

// Per unit (in the order of table.units), the weighted mean of each indicator over the
// respondents who answered it, then the formula of ScoringModel::Evaluate. With
// options.replicates > 0, the standard error of every score is the standard deviation of its
// value over that many bootstrap replicates: each replicate draws the unit's respondents with
// replacement (as many as it has), keeping their weights, from a generator seeded with
// options.seed and the unit's position, so the same input and seed give the same SEs.
// Suppression applies to the point estimates; a replicate in which an indicator drew no answer
// adds nothing to the scores that need it. kInvalidArgument naming the line and the column for
// an unknown or repeated indicator column (line 1), a value outside its bounds or a weight
// that is not a positive number.
Result<std::vector<UnitScore>> ScoreRespondents(const ScoringModel& model,
                                                const RespondentTable& table,
                                                const BootstrapOptions& options = {});

}  // namespace xaso::papi
