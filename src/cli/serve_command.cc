// `xaso serve`: serves the portal over HTTP until SIGINT or SIGTERM.
#include <CLI/CLI.hpp>

#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class ServeCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "serve"; }
  const char* help() const override { return "serve the portal over HTTP"; }

  void Configure(CLI::App& app) override {
    AddCommonFlags(app, flags_);
    app.add_option("--listen", flags_.listen, "HOST:PORT");
    app.add_option("--threads", flags_.threads, "worker threads");
  }

  // Returns only when the server stops: 0 after a signal, Fail()'s code if it cannot start.
  int Run() override {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    Status served = (*system)->Serve();
    return served ? 0 : Fail(served.error());
  }

 private:
  Flags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace xaso::cli
