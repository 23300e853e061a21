// `xaso demo`: loads the Nhật Tân demo commune and prints its accounts with their passwords.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class DemoCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "demo"; }
  const char* help() const override {
    return "load the Nhật Tân demo data into a migrated database";
  }

  void Configure(CLI::App& app) override { AddCommonFlags(app, flags_); }

  // Fails with exit code 1 (kAlreadyExists) when the demo data is already loaded.
  int Run() override {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto accounts = (*system)->LoadDemo();
    if (!accounts) return Fail(accounts.error());
    std::printf("Demo accounts (DEMO ONLY, never use these passwords in production):\n");
    for (const app::DemoAccount& a : *accounts) {
      std::printf("  %-12s %-20s %-12s %s\n", a.username.c_str(), a.password.c_str(),
                  a.role.c_str(), a.name.c_str());
    }
    return 0;
  }

 private:
  Flags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace xaso::cli
