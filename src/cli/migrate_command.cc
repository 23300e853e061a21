// `xaso migrate`: applies the pending schema migrations and names each one it applied.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class MigrateCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "migrate"; }
  const char* help() const override { return "create or update the database schema"; }

  void Configure(CLI::App& app) override { AddCommonFlags(app, flags_); }

  int Run() override {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto applied = (*system)->Migrate();
    if (!applied) return Fail(applied.error());
    for (const std::string& migration : *applied) std::printf("applied %s\n", migration.c_str());
    std::printf("schema up to date\n");
    return 0;
  }

 private:
  Flags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeMigrateCommand() { return std::make_unique<MigrateCommand>(); }

}  // namespace xaso::cli
