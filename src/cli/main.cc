// xaso: the digital commune. One binary, one subcommand per task (see `xaso --help`), each in
// its own <name>_command.cc. main parses the command line with CLI11 and runs the chosen
// Command, which calls app::System, never storage or web directly.
#include <algorithm>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "core/result.h"
#include "cli/command.h"

namespace xaso::cli {
namespace {

// A command and the CLI11 subcommand that main made for it.
struct Registered {
  std::unique_ptr<Command> command;
  CLI::App* app = nullptr;
};

// Returns the exit code: CLI11's for a parse error or --help, otherwise the command's.
int Run(int argc, char** argv) {
  CLI::App cli{"xaso: the digital commune (Xã số)"};
  cli.require_subcommand(1);

  std::vector<Registered> registered;
  for (auto make :
       {MakeServeCommand, MakeMigrateCommand, MakeDemoCommand, MakeCommunesCommand,
        MakeUsersCommand, MakeAuditCommand, MakeCalendarCommand, MakeRulesCommand,
        MakeNotifyCommand, MakeOpen311Command, MakeFeedbackStatsCommand, MakeDossiersCommand,
        MakePapiCommand, MakeSurveysCommand, MakeDisclosuresCommand, MakeCheckConfigCommand,
        MakeRoutesCommand, MakeVersionCommand}) {
    std::unique_ptr<Command> command = make();
    CLI::App* app = cli.add_subcommand(command->name(), command->help());
    command->Configure(*app);
    registered.push_back({std::move(command), app});
  }

  // CLI11 reports bad usage, --help included, by exception; this is the one place that catches it.
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  // require_subcommand(1) makes parse() throw unless exactly one subcommand was given.
  auto chosen = std::find_if(registered.begin(), registered.end(),
                             [](const Registered& r) { return r.app->parsed(); });
  XASO_CHECK(chosen != registered.end());
  return chosen->command->Run();
}

}  // namespace
}  // namespace xaso::cli

// An exception that escapes is a bug (an option declared twice, say, which CLI11 reports by
// throwing while the commands are registered), and terminating on it is intended.
int main(int argc, char** argv) {  // NOLINT(bugprone-exception-escape)
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
  return xaso::cli::Run(argc, argv);
}
