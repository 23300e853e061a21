// A table of PAPI sub-dimension scores, one row per unit (a province or a commune) and year, as
// published provincial files and `xaso papi rank` input give them (format: data/papi/README.md),
// with the dimension scores and the aggregate derived as sums (PAPI.md §3.1).
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/ranking.h"

namespace xaso::papi {

inline constexpr int kDimensionCount = 8;

struct ScoreRow {
  int line = 0;  // the CSV line, for messages
  std::string unit;
  int year = 0;  // 0 = the file has no year column: the sub-dimensions that still apply
  // The published sub-dimension scores by code; a blank cell has no entry.
  std::map<std::string, double, std::less<>> subdimensions;
  // D1..D8 = Σ S over the sub-dimensions that apply in `year`; blank when one of them is blank.
  std::array<std::optional<double>, kDimensionCount> dimensions;
  std::optional<double> aggregate;  // Σ D, blank when a dimension is blank
};

enum class ScoreTableKind {
  // Published provincial scores: `province` and `year` columns are required.
  kProvincial,
  // Any units: a `unit` column (or, lacking it, `province`) and an optional `year`.
  kUnits,
};

// Parses a whole table or nothing. Every other column must be a sub-dimension code of
// `catalogue`; each row needs a column for every sub-dimension that applies in its year, and a
// cell is a decimal number with a point in [1/K, 10/K] widened by 0.00005 (published scores are
// rounded to 4 decimals), or blank (not published). A sub-dimension that does not apply in the
// row's year (5.2 after 2020) must be blank. Years start at 2018, the design the catalogue
// models; a unit appears once per year. kInvalidArgument otherwise, with one field error per
// problem (at most 20), its field naming the line and the column ("dòng 3, cột 4 (1.2)") and its
// message saying what is wrong, in Vietnamese.
Result<std::vector<ScoreRow>> ParseScoreTable(std::string_view csv, const Catalogue& catalogue,
                                              ScoreTableKind kind);

// Sets `row`'s dimensions and aggregate from its sub-dimensions and year (the sums above), as
// ParseScoreTable does; for rows read back from storage.
void DeriveSums(const Catalogue& catalogue, ScoreRow& row);

// A row's place in its year for the aggregate and each dimension.
struct RankedRow {
  std::optional<Placement> aggregate;
  std::array<std::optional<Placement>, kDimensionCount> dimensions;
};

// One entry per row, in order: each row ranked among the rows of the same year (Rank()).
std::vector<RankedRow> RankByYear(const std::vector<ScoreRow>& rows);

}  // namespace xaso::papi
