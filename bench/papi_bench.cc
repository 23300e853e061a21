// papi_bench: the scoring target of issue 6 (docs/performance.md): 1,000,000 respondents ×
// 120 indicators scored in under 1 s on one core, without the bootstrap. It generates the
// respondents in memory from a fixed seed (100 units of 10,000; every tenth answer left blank;
// weights between 0.5 and 2), then times papi::ScoreRespondents alone, best of 5 runs, and one
// commune's bootstrap (1,000 respondents, 200 replicates) for scale. It asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"
#include "domain/papi/scoring.h"

namespace xaso::bench {
namespace {

constexpr size_t kRespondents = 1'000'000;
constexpr size_t kIndicators = 120;
constexpr uint32_t kUnits = 100;
constexpr int kRuns = 5;

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The built-in catalogue's 125 indicators less five of 5.2's, which 2024 does not score: 120
// columns, and every sub-dimension of 2024 has some, so the totals are not blank.
std::vector<const papi::Indicator*> Columns() {
  std::vector<const papi::Indicator*> columns;
  for (const papi::Indicator& ind : papi::IndicatorCatalogue::Default().indicators()) {
    if (ind.subdimension == "5.2" && ind.code != "5.2.a") continue;
    columns.push_back(&ind);
  }
  return columns;
}

// `rows` respondents over Columns(), spread over `units` units. Values are whole steps of each
// indicator's scale.
papi::RespondentTable Generate(size_t rows, uint32_t units, uint64_t seed) {
  const std::vector<const papi::Indicator*> columns = Columns();
  papi::RespondentTable t;
  for (const papi::Indicator* ind : columns) t.columns.push_back(ind->code);
  for (uint32_t u = 0; u < units; ++u) t.units.push_back("unit-" + std::to_string(u));
  std::mt19937_64 rng(seed);
  t.unit_of.reserve(rows);
  t.weights.reserve(rows);
  t.values.reserve(rows * kIndicators);
  for (size_t r = 0; r < rows; ++r) {
    t.unit_of.push_back(static_cast<uint32_t>(r % units));
    t.weights.push_back(0.5 + static_cast<double>(rng() % 1501) / 1000.0);
    for (const papi::Indicator* column : columns) {
      const papi::Indicator& ind = *column;
      const uint64_t draw = rng();
      if (draw % 10 == 0) {
        t.values.push_back(papi::kNotAnswered);
        continue;
      }
      const auto steps = static_cast<uint64_t>(std::min(ind.upper - ind.lower, 1000.0)) + 1;
      t.values.push_back(ind.lower + static_cast<double>((draw >> 8) % steps) *
                                         (ind.upper - ind.lower) / static_cast<double>(steps - 1));
    }
  }
  return t;
}

int Main() {
  const papi::ScoringModel model(papi::IndicatorCatalogue::Default(), papi::Catalogue::Default(),
                                 2024);
  Clock::time_point start = Clock::now();
  const papi::RespondentTable table = Generate(kRespondents, kUnits, 20261127);
  if (table.columns.size() != kIndicators) return 1;
  std::printf("generated %zu respondents x %zu indicators in %.2f s (not timed below)\n",
              table.rows(), table.columns.size(), Seconds(start));
  double best = 1e9;
  double checksum = 0;
  for (int run = 0; run < kRuns; ++run) {
    start = Clock::now();
    auto scored = papi::ScoreRespondents(model, table);
    const double seconds = Seconds(start);
    if (!scored) {
      std::fprintf(stderr, "papi_bench: %s\n", scored.error().message.c_str());
      return 1;
    }
    best = std::min(best, seconds);
    checksum = scored->front().total.value.value_or(-1);
    std::printf("  run %d: %.3f s\n", run + 1, seconds);
  }
  std::printf(
      "score 1,000,000 respondents x 120 indicators, %u units: best %.3f s "
      "(target < 1 s); unit-0 total %.4f\n",
      kUnits, best, checksum);

  const papi::RespondentTable commune = Generate(1000, 1, 7);
  start = Clock::now();
  auto with_se = papi::ScoreRespondents(model, commune, {papi::kDefaultReplicates, 1});
  const double bootstrap = Seconds(start);
  if (!with_se) return 1;
  std::printf(
      "one commune, 1,000 respondents, %d bootstrap replicates: %.3f s; total %.4f "
      "(SE %.4f)\n",
      papi::kDefaultReplicates, bootstrap, with_se->front().total.value.value_or(-1),
      with_se->front().total.se.value_or(-1));
  return 0;
}

}  // namespace
}  // namespace xaso::bench

int main() { return xaso::bench::Main(); }
