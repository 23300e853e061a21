// `xaso version`: prints "xaso VERSION".
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace xaso::cli {
namespace {

// The release version; kept equal to the VERSION of project() in the top-level CMakeLists.txt.
constexpr const char* kVersion = "0.1.0";

class VersionCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "version"; }
  const char* help() const override { return "print the version"; }

  void Configure(CLI::App& /*app*/) override {}

  int Run() override {
    std::printf("xaso %s\n", kVersion);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> MakeVersionCommand() { return std::make_unique<VersionCommand>(); }

}  // namespace xaso::cli
