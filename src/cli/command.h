// The Command interface that every `xaso` subcommand implements, one file per subcommand
// (STYLE.md, like drogon_ctl), and the factories that main.cc registers.
#pragma once

#include <memory>

#include <CLI/CLI.hpp>

namespace xaso::cli {

// One top-level subcommand of the `xaso` binary. main.cc creates the CLI11 subcommand from
// name() and help(), lets Configure() declare its options, parses the command line, and then
// calls Run() on the one command that was chosen. Configure() binds options to members of the
// command, so the object must outlive the parse. Not thread-safe: the CLI runs on one thread.
class Command {
 public:
  virtual ~Command() = default;

  // The word that selects the command, e.g. "migrate".
  virtual const char* name() const = 0;
  // The one-line description that `xaso --help` shows beside name().
  virtual const char* help() const = 0;
  // Declares the options, positional arguments and nested subcommands on `app`, the CLI11
  // subcommand made from name() and help(). Throws a CLI::Error only for a bug in the
  // declarations themselves, never for user input.
  virtual void Configure(CLI::App& app) = 0;
  // Precondition: the command line parsed and chose this command. Does the work, prints its
  // output and returns the process exit code: 0 on success, otherwise what Fail() returns for
  // the error (2 for bad arguments, 1 for anything else), unless the command documents another.
  virtual int Run() = 0;
};

// The subcommands, in the order in which `xaso --help` lists them. Each is defined in its own
// <name>_command.cc.
std::unique_ptr<Command> MakeServeCommand();
std::unique_ptr<Command> MakeMigrateCommand();
std::unique_ptr<Command> MakeDemoCommand();
std::unique_ptr<Command> MakeCommunesCommand();
std::unique_ptr<Command> MakeUsersCommand();
std::unique_ptr<Command> MakeAuditCommand();
std::unique_ptr<Command> MakeCalendarCommand();
std::unique_ptr<Command> MakeRulesCommand();
std::unique_ptr<Command> MakeNotifyCommand();
std::unique_ptr<Command> MakeCheckConfigCommand();
std::unique_ptr<Command> MakeRoutesCommand();
std::unique_ptr<Command> MakeOpen311Command();
std::unique_ptr<Command> MakeFeedbackStatsCommand();
std::unique_ptr<Command> MakeDossiersCommand();
std::unique_ptr<Command> MakePapiCommand();
std::unique_ptr<Command> MakeSurveysCommand();
std::unique_ptr<Command> MakeDisclosuresCommand();
std::unique_ptr<Command> MakeVersionCommand();

}  // namespace xaso::cli
