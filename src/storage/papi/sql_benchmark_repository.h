// papi::BenchmarkRepository over SQL (table papi_benchmark of migrations/0017_papi_benchmark.sql).
#pragma once

#include "domain/papi/benchmark_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlBenchmarkRepository final : public papi::BenchmarkRepository {
 public:
  explicit SqlBenchmarkRepository(Database& db) : db_(db) {}

  // xaso::papi::BenchmarkRepository
  Status Import(const std::vector<papi::ScoreRow>& rows, const audit::AuditRecord& who,
                int64_t now) override;
  Result<std::vector<papi::ScoreRow>> List() override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
