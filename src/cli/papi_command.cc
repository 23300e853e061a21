// `xaso papi <subcommand>`: the PAPI self-assessment tools (issue 6). Each subcommand lives in
// its own papi_<name>_command.cc (papi_subcommands.h).
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "cli/command.h"
#include "cli/papi_subcommands.h"

namespace xaso::cli {
namespace {

class PapiCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "papi"; }
  const char* help() const override { return "PAPI: rank units by their scores"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    subcommands_.push_back(AddPapiRankCommand(app));
  }

  int Run() override {
    for (const PapiSubcommand& s : subcommands_) {
      if (s.app->parsed()) return s.run();
    }
    XASO_CHECK(false);  // require_subcommand(1) made the parse choose one
    return 1;
  }

 private:
  std::vector<PapiSubcommand> subcommands_;
};

}  // namespace

std::unique_ptr<Command> MakePapiCommand() { return std::make_unique<PapiCommand>(); }

}  // namespace xaso::cli
