// `xaso feedback-stats rebuild`: recomputes the feedback statistics that every change keeps
// (ADR 0007) from the items themselves, after a bulk import or to repair counts that drifted.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class FeedbackStatsCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "feedback-stats"; }
  const char* help() const override { return "the kept feedback statistics"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    rebuild_ = app.add_subcommand("rebuild", "recompute them from the feedback items");
    AddCommonFlags(*rebuild_, flags_);
  }

  int Run() override {
    XASO_CHECK(rebuild_->parsed());  // the only subcommand
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    if (auto done = (*sys)->RebuildFeedbackStatistics(); !done) return Fail(done.error());
    std::printf("feedback statistics rebuilt\n");
    return 0;
  }

 private:
  Flags flags_;
  CLI::App* rebuild_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeFeedbackStatsCommand() {
  return std::make_unique<FeedbackStatsCommand>();
}

}  // namespace xaso::cli
