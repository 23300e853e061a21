// `xaso papi benchmark import FILE [--db URL]`: stores published provincial PAPI scores (a score
// table with `province` and `year` columns, format in data/papi/README.md) beside the shipped
// data/papi/benchmark_*.csv, so a new wave reaches the dashboard without a rebuild. Each
// (province, year) in the file replaces the stored one; a file with any error stores nothing.
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/papi/score_table.h"
#include "cli/common.h"
#include "cli/papi_subcommands.h"

namespace xaso::cli {
namespace {

struct BenchmarkOptions {
  Flags flags;
  std::string file;
};

int RunImport(const BenchmarkOptions& options) {
  auto rows = ReadScoreTable(options.file, papi::ScoreTableKind::kProvincial);
  if (!rows) {
    Fail(rows.error());
    return 1;  // the file is wrong, not the command line
  }
  auto system = OpenSystem(options.flags);
  if (!system) return Fail(system.error());
  if (Status s = (*system)->ImportPapiBenchmark(*rows); !s) return Fail(s.error());
  std::set<std::pair<std::string, int>> units;
  for (const papi::ScoreRow& row : *rows) units.emplace(row.unit, row.year);
  std::string out = "imported " + std::to_string(rows->size()) + " rows:";
  const char* separator = " ";
  for (const auto& [province, year] : units) {
    out += separator + province + " " + std::to_string(year);
    separator = ", ";
  }
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace

PapiSubcommand AddPapiBenchmarkCommand(CLI::App& papi) {
  auto options = std::make_shared<BenchmarkOptions>();
  CLI::App* benchmark =
      papi.add_subcommand("benchmark", "published provincial scores beside the shipped ones");
  benchmark->require_subcommand(1);
  CLI::App* import = benchmark->add_subcommand(
      "import", "store a CSV of province, year and sub-dimension columns (replaces those years)");
  import->add_option("FILE", options->file, "the published scores (CSV)")->required();
  AddCommonFlags(*import, options->flags);
  return {benchmark, [options] { return RunImport(*options); }};
}

}  // namespace xaso::cli
