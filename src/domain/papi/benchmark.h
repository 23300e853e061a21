// The benchmark: published provincial PAPI scores (ScoreTableKind::kProvincial tables) and the
// national reference of the aggregate (count, median, mean, P25, P75 of the provinces) per year,
// as data. The shipped files, data/papi/benchmark_*.csv and national_reference.csv, are
// compiled in (EmbeddedPapiCatalogue(), format and sources in data/papi/README.md).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/ranking.h"
#include "domain/papi/score_table.h"

namespace xaso::papi {

// One year of the national distribution of the provinces' aggregate scores.
struct NationalReference {
  int year = 0;
  int n = 0;  // provinces with an aggregate
  double median = 0;
  double mean = 0;
  double p25 = 0;
  double p75 = 0;

  // The boundaries GroupOf() takes, so a commune or province can be placed nationally.
  Quartiles quartiles() const { return {.n = n, .p25 = p25, .p50 = median, .p75 = p75}; }
};

// Parses the `year,n,median,mean,p25,p75` CSV, whole or not at all: every column is required
// and no other is allowed; the year is four digits and unique, n a positive whole number, the
// scores decimal numbers in the aggregate's range [8, 80] with p25 <= median <= p75.
// kInvalidArgument otherwise, with field errors naming the line and the column, in Vietnamese.
Result<std::vector<NationalReference>> ParseNationalReference(std::string_view csv);

// The compiled-in data, parsed on first use; thread-safe. A parse failure is a bug in the
// shipped files and aborts (benchmark_test.cc parses them).
const std::vector<ScoreRow>& ShippedProvinceScores();
const std::vector<NationalReference>& ShippedNationalReference();

// nullptr when absent. The pointers live as long as the vectors.
const ScoreRow* FindScores(const std::vector<ScoreRow>& rows, std::string_view unit, int year);
const NationalReference* FindReference(const std::vector<NationalReference>& references, int year);

}  // namespace xaso::papi
