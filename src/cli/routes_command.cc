// `xaso routes`: prints the route table, so that a reviewer (and access.test.mjs) sees every URL
// with the permission it needs.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/system.h"
#include "cli/command.h"

namespace xaso::cli {
namespace {

class RoutesCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "routes"; }
  const char* help() const override { return "print METHOD<TAB>PATTERN<TAB>PERMISSION per route"; }

  void Configure(CLI::App& /*app*/) override {}

  // Needs no configuration or database.
  int Run() override {
    for (const app::RouteInfo& r : app::ListRoutes()) {
      std::printf("%s\t%s\t%s\n", r.method.c_str(), r.pattern.c_str(), r.permission.c_str());
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> MakeRoutesCommand() { return std::make_unique<RoutesCommand>(); }

}  // namespace xaso::cli
