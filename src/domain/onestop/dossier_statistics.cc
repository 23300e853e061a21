#include "domain/onestop/dossier_statistics.h"

#include <map>
#include <utility>

#include "domain/onestop/dossier.h"

namespace xaso::onestop {
namespace {

const std::string& KeyOf(const StatisticsCount& c, StatisticsBy by) {
  switch (by) {
    case StatisticsBy::kProcedure: return c.procedure_code;
    case StatisticsBy::kField: return c.field;
    case StatisticsBy::kUnit: return c.unit_code;
    case StatisticsBy::kMonth: return c.month;
  }
  return c.procedure_code;
}

void Add(StatisticsLine& line, const StatisticsCount& c, Date today) {
  line.received += c.n;
  if (c.timeliness == TimelinessCode(Timeliness::kEarly)) line.finished.early += c.n;
  if (c.timeliness == TimelinessCode(Timeliness::kOnTime)) line.finished.on_time += c.n;
  if (c.timeliness == TimelinessCode(Timeliness::kLate)) line.finished.late += c.n;
  if (c.status == DossierStatusCode(DossierStatus::kRefused)) line.refused += c.n;
  if (c.status == DossierStatusCode(DossierStatus::kStopped)) line.stopped += c.n;
  const auto status = DossierStatusFromCode(c.status);
  const bool unfinished = status && !IsClosed(*status) && *status != DossierStatus::kResultReady;
  if (unfinished) {
    if (c.due_on && *c.due_on < today) {
      line.overdue_now += c.n;
    } else {
      line.within_time += c.n;
    }
  }
  if (c.satisfaction == SatisfactionCode(Satisfaction::kVerySatisfied)) {
    line.very_satisfied += c.n;
  }
  if (c.satisfaction == SatisfactionCode(Satisfaction::kSatisfied)) line.satisfied += c.n;
  if (c.satisfaction == SatisfactionCode(Satisfaction::kNotSatisfied)) line.not_satisfied += c.n;
}

}  // namespace

std::optional<double> StatisticsLine::satisfaction_points() const {
  if (rated() == 0) return std::nullopt;
  return static_cast<double>(very_satisfied + satisfied) / static_cast<double>(rated()) *
         kSatisfactionMaxPoints;
}

Statistics SumStatistics(const std::vector<StatisticsCount>& counts, StatisticsBy by, Date today) {
  std::map<std::string, StatisticsLine> lines;
  Statistics out;
  for (const auto& c : counts) {
    StatisticsLine& line = lines[KeyOf(c, by)];
    if (line.key.empty()) {
      line.key = KeyOf(c, by);
      if (by == StatisticsBy::kProcedure) line.name = c.procedure_name;
    }
    Add(line, c, today);
    Add(out.total, c, today);
  }
  out.lines.reserve(lines.size());
  for (auto& [key, line] : lines) out.lines.push_back(std::move(line));
  return out;
}

}  // namespace xaso::onestop
