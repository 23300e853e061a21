// `xaso check-config`: validates a configuration file (with the environment over it) and exits,
// like Envoy's `--mode validate`. CI runs it on config/xaso.example.toml.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/config.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class CheckConfigCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "check-config"; }
  const char* help() const override { return "validate configuration and exit"; }

  void Configure(CLI::App& app) override {
    app.add_option("--config", flags_.config_file, "TOML configuration file")->required();
  }

  // Opens nothing. The summary names a SQLite URL in full but hides a PostgreSQL one, which may
  // carry a password.
  int Run() override {
    auto config = BuildConfig(flags_);
    if (!config) return Fail(config.error());
    const std::string& url = config->database.url;
    std::printf("configuration OK: listen %s, database %s\n", config->server.listen.c_str(),
                url.rfind("sqlite:", 0) == 0 ? url.c_str() : "postgresql");
    return 0;
  }

 private:
  Flags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeCheckConfigCommand() { return std::make_unique<CheckConfigCommand>(); }

}  // namespace xaso::cli
