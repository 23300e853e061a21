// The subcommands of `xaso papi`, one file each (papi_<name>_command.cc), added to the `papi`
// parent by papi_command.cc.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/papi/score_table.h"

namespace xaso::cli {

// One subcommand of `papi`: the CLI11 subcommand and what runs it once the command line chose it
// (it returns the exit code, as Command::Run does). The state the options bind to lives inside
// `run`, so the struct must outlive the parse.
struct PapiSubcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// The score table in the file at `path` (papi::ParseScoreTable over the default catalogue), the
// path prefixed to a parse error's message.
Result<std::vector<papi::ScoreRow>> ReadScoreTable(const std::string& path,
                                                   papi::ScoreTableKind kind);

// `papi rank --input FILE [--format csv|json]`.
PapiSubcommand AddPapiRankCommand(CLI::App& papi);

// `papi benchmark import FILE [--db URL]`.
PapiSubcommand AddPapiBenchmarkCommand(CLI::App& papi);

}  // namespace xaso::cli
