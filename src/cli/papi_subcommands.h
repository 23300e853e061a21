// The subcommands of `xaso papi`, one file each (papi_<name>_command.cc), added to the `papi`
// parent by papi_command.cc.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace xaso::cli {

// One subcommand of `papi`: the CLI11 subcommand and what runs it once the command line chose it
// (it returns the exit code, as Command::Run does). The state the options bind to lives inside
// `run`, so the struct must outlive the parse.
struct PapiSubcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// `papi rank --input FILE [--format csv|json]`.
PapiSubcommand AddPapiRankCommand(CLI::App& papi);

// `papi benchmark import FILE [--db URL]`.
PapiSubcommand AddPapiBenchmarkCommand(CLI::App& papi);

}  // namespace xaso::cli
