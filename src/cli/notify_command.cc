// `xaso notify run [--today YYYY-MM-DD]`: one pass of the notification worker (deadline notices
// into the outbox, then delivery), for cron when the server's worker is off and for tests.
#include <cstdio>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/date.h"
#include "core/result.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class NotifyCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "notify"; }
  const char* help() const override { return "notifications: the outbox and its delivery"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    run_ = app.add_subcommand("run", "scan deadlines, enqueue notices, deliver what is pending");
    AddCommonFlags(*run_, flags_);
    run_->add_option("--today", today_, "the day to scan for, YYYY-MM-DD (default: today)");
  }

  // Prints "notify: N enqueued, M delivered, K failed" and returns 0, or Fail()'s code.
  int Run() override {
    XASO_CHECK(run_->parsed());
    std::optional<Date> today;
    if (!today_.empty()) {
      today = Date::ParseIso(today_);
      if (!today) return Fail(MakeError(ErrorCode::kInvalidArgument, "--today must be YYYY-MM-DD"));
    }
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto report = (*system)->RunNotifications(today);
    if (!report) return Fail(report.error());
    std::printf("notify: %d enqueued, %d delivered, %d failed\n", report->enqueued,
                report->delivered, report->failed);
    return 0;
  }

 private:
  // Owned by the CLI11 app passed to Configure().
  CLI::App* run_ = nullptr;
  Flags flags_;
  std::string today_;
};

}  // namespace

std::unique_ptr<Command> MakeNotifyCommand() { return std::make_unique<NotifyCommand>(); }

}  // namespace xaso::cli
