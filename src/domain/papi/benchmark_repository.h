// The storage port of imported provincial PAPI scores (`xaso papi benchmark import`): the
// published files of waves after the build, kept beside the shipped ones (benchmark.h). National
// figures, shared by every commune.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/papi/score_table.h"

namespace xaso::papi {

class BenchmarkRepository {
 public:
  virtual ~BenchmarkRepository() = default;

  // Replaces, in one transaction, every (province, year) present in `rows` (rows of
  // ParseScoreTable, ScoreTableKind::kProvincial) with their sub-dimension scores, recording
  // the import in the national audit chain (commune 0) as `who`. All or nothing.
  virtual Status Import(const std::vector<ScoreRow>& rows, const audit::AuditRecord& who,
                        int64_t now) = 0;

  // Every stored (province, year), ordered by province then year, with the dimensions and the
  // aggregate derived as for the shipped rows (DeriveSums). `line` is 0.
  virtual Result<std::vector<ScoreRow>> List() = 0;
};

}  // namespace xaso::papi
