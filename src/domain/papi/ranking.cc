#include "domain/papi/ranking.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/result.h"

namespace xaso::papi {

std::string_view GroupCode(QuartileGroup group) {
  switch (group) {
    case QuartileGroup::kHigh: return "high";
    case QuartileGroup::kHighAverage: return "high_average";
    case QuartileGroup::kLowAverage: return "low_average";
    case QuartileGroup::kLow: return "low";
  }
  return "low";
}

std::string_view GroupNameVi(QuartileGroup group) {
  switch (group) {
    case QuartileGroup::kHigh: return "nhóm đạt điểm cao nhất";
    case QuartileGroup::kHighAverage: return "nhóm đạt điểm trung bình cao";
    case QuartileGroup::kLowAverage: return "nhóm đạt điểm trung bình thấp";
    case QuartileGroup::kLow: return "nhóm đạt điểm thấp nhất";
  }
  return "nhóm đạt điểm thấp nhất";
}

double Percentile(std::span<const double> values, double p) {
  XASO_CHECK(!values.empty() && p >= 0 && p <= 100);
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = static_cast<double>(sorted.size() - 1) * p / 100.0;
  const double below = std::floor(h);
  const auto i = static_cast<size_t>(below);
  const double fraction = h - below;
  if (fraction == 0 || i + 1 >= sorted.size()) return sorted[i];
  return sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
}

std::optional<Quartiles> QuartilesOf(std::span<const std::optional<double>> scores) {
  std::vector<double> present;
  for (const std::optional<double>& s : scores) {
    if (s) present.push_back(*s);
  }
  if (present.empty()) return std::nullopt;
  return Quartiles{.n = static_cast<int>(present.size()),
                   .p25 = Percentile(present, 25),
                   .p50 = Percentile(present, 50),
                   .p75 = Percentile(present, 75)};
}

QuartileGroup GroupOf(double score, const Quartiles& quartiles) {
  if (score > quartiles.p75) return QuartileGroup::kHigh;
  if (score > quartiles.p50) return QuartileGroup::kHighAverage;
  if (score > quartiles.p25) return QuartileGroup::kLowAverage;
  return QuartileGroup::kLow;
}

std::vector<std::optional<Placement>> Rank(std::span<const std::optional<double>> scores) {
  std::vector<std::optional<Placement>> out(scores.size());
  const std::optional<Quartiles> quartiles = QuartilesOf(scores);
  if (!quartiles) return out;
  std::vector<size_t> order;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (scores[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return *scores[a] > *scores[b]; });
  int rank = 0;
  for (size_t position = 0; position < order.size(); ++position) {
    const double score = *scores[order[position]];
    if (position == 0 || *scores[order[position - 1]] - score > kTieTolerance) {
      rank = static_cast<int>(position) + 1;
    }
    out[order[position]] =
        Placement{.rank = rank, .ranked = quartiles->n, .group = GroupOf(score, *quartiles)};
  }
  return out;
}

}  // namespace xaso::papi
