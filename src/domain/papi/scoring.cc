#include "domain/papi/scoring.h"

#include <cmath>
#include <map>
#include <random>
#include <utility>

#include "core/text.h"
#include "domain/papi/cells.h"

namespace xaso::papi {
namespace {

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

std::optional<double> Present(double value) {
  if (std::isnan(value)) return std::nullopt;
  return value;
}

std::string OutOfBounds(double value, const Indicator& ind) {
  return "giá trị " + FormatNumber(value) + " ngoài khoảng [" + FormatNumber(ind.lower) + ", " +
         FormatNumber(ind.upper) + "] của chỉ tiêu " + ind.code;
}

// Fills the scores of `out` from one mean per catalogue indicator (NaN = blank).
void FillScores(const ScoringModel& model, std::span<const double> means, UnitScore& out) {
  std::vector<double> subs;
  std::vector<double> dims;
  double total = 0;
  model.Evaluate(means, subs, dims, total);
  out.subdimensions.resize(subs.size());
  for (size_t s = 0; s < subs.size(); ++s) out.subdimensions[s].value = Present(subs[s]);
  out.dimensions.resize(dims.size());
  for (size_t d = 0; d < dims.size(); ++d) out.dimensions[d].value = Present(dims[d]);
  out.total.value = Present(total);
}

// Running mean and sum of squared deviations (Welford), for the bootstrap SE.
struct Spread {
  int count = 0;
  double mean = 0;
  double m2 = 0;

  void Add(double x) {
    if (std::isnan(x)) return;
    ++count;
    const double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }
  std::optional<double> StandardDeviation() const {
    if (count < 2) return std::nullopt;
    return std::sqrt(m2 / (count - 1));
  }
};

// The respondent columns resolved against the catalogue, with their bounds side by side so the
// inner loop reads flat arrays.
struct Columns {
  std::vector<size_t> indicator;  // catalogue position per column
  std::vector<double> lower;
  std::vector<double> upper;
};

Result<Columns> ResolveColumns(const IndicatorCatalogue& catalogue,
                               const std::vector<std::string>& codes) {
  Columns columns;
  std::vector<bool> seen(catalogue.size(), false);
  for (const std::string& code : codes) {
    const std::optional<size_t> index = catalogue.IndexOf(code);
    if (!index) return CellError(1, code, "không có chỉ tiêu " + code + " trong danh mục");
    if (seen[*index]) return CellError(1, code, "chỉ tiêu " + code + " có hai cột");
    seen[*index] = true;
    const Indicator& ind = catalogue.indicators()[*index];
    columns.indicator.push_back(*index);
    columns.lower.push_back(ind.lower);
    columns.upper.push_back(ind.upper);
  }
  return columns;
}

// Per unit and column: the weighted sum of answers, the sum of weights and the answer count.
struct Sums {
  std::vector<double> value;
  std::vector<double> weight;
  std::vector<int> count;
};

// The bootstrap SEs of one unit's scores (see ScoreRespondents).
void Bootstrap(const ScoringModel& model, const RespondentTable& table, const Columns& columns,
               const std::vector<uint32_t>& rows, uint64_t seed, uint32_t unit_position,
               int replicates, UnitScore& out) {
  if (rows.empty()) return;
  const size_t width = table.columns.size();
  std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), unit_position};
  std::mt19937_64 rng(seq);
  std::vector<double> sum(width);
  std::vector<double> weight(width);
  std::vector<double> means(model.indicators().size(), kBlank);
  std::vector<double> subs;
  std::vector<double> dims;
  double total = 0;
  std::vector<Spread> sub_spread(model.subdimensions().size());
  std::vector<Spread> dim_spread(model.dimensions().size());
  Spread total_spread;
  for (int rep = 0; rep < replicates; ++rep) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(weight.begin(), weight.end(), 0.0);
    for (size_t draw = 0; draw < rows.size(); ++draw) {
      // The modulo bias is below 2^-40 for any unit this engine can hold.
      const size_t r = rows[rng() % rows.size()];
      const double w = table.weights.empty() ? 1.0 : table.weights[r];
      const double* values = table.values.data() + r * width;
      for (size_t c = 0; c < width; ++c) {
        const bool answered = !std::isnan(values[c]);
        sum[c] += answered ? w * values[c] : 0.0;
        weight[c] += answered ? w : 0.0;
      }
    }
    for (size_t c = 0; c < width; ++c) {
      means[columns.indicator[c]] = weight[c] > 0 ? sum[c] / weight[c] : kBlank;
    }
    model.Evaluate(means, subs, dims, total);
    for (size_t s = 0; s < subs.size(); ++s) sub_spread[s].Add(subs[s]);
    for (size_t d = 0; d < dims.size(); ++d) dim_spread[d].Add(dims[d]);
    total_spread.Add(total);
  }
  auto set = [](Score& score, const Spread& spread) {
    if (score.value) score.se = spread.StandardDeviation();
  };
  for (size_t s = 0; s < sub_spread.size(); ++s) set(out.subdimensions[s], sub_spread[s]);
  for (size_t d = 0; d < dim_spread.size(); ++d) set(out.dimensions[d], dim_spread[d]);
  set(out.total, total_spread);
}

}  // namespace

std::optional<double> Score::low() const {
  if (!value || !se) return std::nullopt;
  return *value - kIntervalZ * *se;
}

std::optional<double> Score::high() const {
  if (!value || !se) return std::nullopt;
  return *value + kIntervalZ * *se;
}

ScoringModel::ScoringModel(const IndicatorCatalogue& indicators, const Catalogue& catalogue,
                           int year)
    : indicators_(&indicators), year_(year) {
  for (const Dimension& d : catalogue.dimensions()) {
    if (d.from_year > year) continue;
    const size_t position = dimensions_.size();
    dimensions_.push_back(&d);
    const std::vector<const SubDimension*> subs = catalogue.SubDimensionsOf(d.number, year);
    for (const SubDimension* s : subs) {
      subdimensions_.push_back(s);
      std::vector<size_t> members;
      for (size_t i = 0; i < indicators.size(); ++i) {
        if (indicators.indicators()[i].subdimension == s->code) members.push_back(i);
      }
      members_.push_back(std::move(members));
      k_.push_back(static_cast<double>(subs.size()));
      dimension_of_.push_back(position);
    }
  }
}

void ScoringModel::Evaluate(std::span<const double> means, std::vector<double>& subdimension_scores,
                            std::vector<double>& dimension_scores, double& total) const {
  XASO_CHECK(means.size() == indicators_->size());
  subdimension_scores.assign(subdimensions_.size(), kBlank);
  // A dimension without sub-dimensions in the year stays blank; NaN spreads through the sums.
  dimension_scores.assign(dimensions_.size(), kBlank);
  for (size_t d : dimension_of_) dimension_scores[d] = 0.0;
  for (size_t s = 0; s < subdimensions_.size(); ++s) {
    const std::vector<size_t>& members = members_[s];
    double sum = members.empty() ? kBlank : 0.0;
    for (size_t i : members) {
      const Indicator& ind = indicators_->indicators()[i];
      const double scaled = (means[i] - ind.lower) / (ind.upper - ind.lower);
      sum += ind.direction == Direction::kNegative ? 1.0 - scaled : scaled;
    }
    const double score = (1.0 + 9.0 * sum / static_cast<double>(members.size())) / k_[s];
    subdimension_scores[s] = score;
    dimension_scores[dimension_of_[s]] += score;
  }
  total = dimensions_.empty() ? kBlank : 0.0;
  for (double d : dimension_scores) total += d;
}

Result<std::vector<UnitScore>> ScoreAggregates(const ScoringModel& model,
                                               std::span<const AggregateValue> values) {
  const IndicatorCatalogue& catalogue = model.indicators();
  const size_t n = catalogue.size();
  std::vector<UnitScore> units;
  std::vector<std::vector<double>> means;
  std::vector<std::vector<int>> lines;
  std::map<std::string, size_t, std::less<>> unit_position;
  for (const AggregateValue& v : values) {
    if (Trim(v.unit).empty()) return CellError(v.line, "unit", "thiếu đơn vị");
    const std::optional<size_t> index = catalogue.IndexOf(v.indicator);
    if (!index) {
      return CellError(v.line, "indicator",
                       "không có chỉ tiêu '" + v.indicator + "' trong danh mục");
    }
    const Indicator& ind = catalogue.indicators()[*index];
    if (!(v.value >= ind.lower && v.value <= ind.upper)) {
      return CellError(v.line, "value", OutOfBounds(v.value, ind));
    }
    if (v.answers && *v.answers < 0) return CellError(v.line, "n", "số người trả lời phải ≥ 0");
    auto [it, added] = unit_position.emplace(v.unit, units.size());
    if (added) {
      UnitScore unit;
      unit.unit = v.unit;
      unit.indicator_means.assign(n, std::nullopt);
      unit.answers.assign(n, -1);
      units.push_back(std::move(unit));
      means.emplace_back(n, kBlank);
      lines.emplace_back(n, -1);  // -1: not given yet
    }
    const size_t u = it->second;
    if (lines[u][*index] != -1) {
      return CellError(v.line, "indicator",
                       "đơn vị " + v.unit + " đã có chỉ tiêu " + ind.code + " ở dòng " +
                           std::to_string(lines[u][*index]));
    }
    lines[u][*index] = v.line;
    units[u].answers[*index] = v.answers.value_or(-1);
    if (!v.answers || *v.answers >= kMinAnswers) {
      means[u][*index] = v.value;
      units[u].indicator_means[*index] = v.value;
    }
  }
  for (size_t u = 0; u < units.size(); ++u) FillScores(model, means[u], units[u]);
  return units;
}

Result<std::vector<UnitScore>> ScoreRespondents(const ScoringModel& model,
                                                const RespondentTable& table,
                                                const BootstrapOptions& options) {
  XASO_ASSIGN_OR_RETURN(Columns columns, ResolveColumns(model.indicators(), table.columns));
  const size_t width = table.columns.size();
  const size_t rows = table.rows();
  const size_t unit_count = table.units.size();
  if (table.values.size() != rows * width ||
      (!table.weights.empty() && table.weights.size() != rows) ||
      (!table.lines.empty() && table.lines.size() != rows)) {
    return MakeError(ErrorCode::kInvalidArgument, "bảng người trả lời không đều hàng");
  }
  auto line_of = [&](size_t r) {
    return table.lines.empty() ? static_cast<int>(r) + 1 : table.lines[r];
  };
  Sums sums{std::vector<double>(unit_count * width), std::vector<double>(unit_count * width),
            std::vector<int>(unit_count * width)};
  const double* lower = columns.lower.data();
  const double* upper = columns.upper.data();
  for (size_t r = 0; r < rows; ++r) {
    const uint32_t u = table.unit_of[r];
    if (u >= unit_count) return CellError(line_of(r), "unit", "đơn vị không có trong bảng");
    const double w = table.weights.empty() ? 1.0 : table.weights[r];
    if (!(w > 0 && std::isfinite(w))) {
      return CellError(line_of(r), "weight", "trọng số phải là số dương");
    }
    const double* values = table.values.data() + r * width;
    double* sum = sums.value.data() + u * width;
    double* weight = sums.weight.data() + u * width;
    int* count = sums.count.data() + u * width;
    // Branch-free so the compiler can vectorise it; a bad value is looked for after the row.
    bool bad = false;
    for (size_t c = 0; c < width; ++c) {
      const double v = values[c];
      const bool answered = !std::isnan(v);
      bad |= answered && !(v >= lower[c] && v <= upper[c]);
      sum[c] += answered ? w * v : 0.0;
      weight[c] += answered ? w : 0.0;
      count[c] += answered ? 1 : 0;
    }
    if (bad) {
      for (size_t c = 0; c < width; ++c) {
        const double v = values[c];
        if (!std::isnan(v) && !(v >= lower[c] && v <= upper[c])) {
          return CellError(line_of(r), table.columns[c],
                           OutOfBounds(v, model.indicators().indicators()[columns.indicator[c]]));
        }
      }
    }
  }

  const size_t n = model.indicators().size();
  std::vector<UnitScore> out(unit_count);
  std::vector<double> means(n);
  for (size_t u = 0; u < unit_count; ++u) {
    UnitScore& unit = out[u];
    unit.unit = table.units[u];
    unit.indicator_means.assign(n, std::nullopt);
    unit.answers.assign(n, 0);
    std::fill(means.begin(), means.end(), kBlank);
    for (size_t c = 0; c < width; ++c) {
      const size_t i = columns.indicator[c];
      const size_t cell = u * width + c;
      unit.answers[i] = sums.count[cell];
      if (sums.count[cell] >= kMinAnswers) {
        means[i] = sums.value[cell] / sums.weight[cell];
        unit.indicator_means[i] = means[i];
      }
    }
    FillScores(model, means, unit);
  }
  if (options.replicates > 0) {
    std::vector<std::vector<uint32_t>> rows_of(unit_count);
    for (size_t r = 0; r < rows; ++r) rows_of[table.unit_of[r]].push_back(static_cast<uint32_t>(r));
    for (size_t u = 0; u < unit_count; ++u) {
      Bootstrap(model, table, columns, rows_of[u], options.seed, static_cast<uint32_t>(u),
                options.replicates, out[u]);
    }
  }
  return out;
}

}  // namespace xaso::papi
