// `xaso audit verify`: walks every commune's hash chain and reports the first broken link.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class AuditCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "audit"; }
  const char* help() const override { return "the hash-chained audit log"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    verify_ = app.add_subcommand("verify", "walk every chain; exit 1 at the first bad entry");
    AddCommonFlags(*verify_, flags_);
  }

  int Run() override {
    // require_subcommand(1) leaves verify as the only possibility.
    XASO_CHECK(verify_->parsed());
    return RunVerify();
  }

 private:
  // Prints "audit chain intact" and returns 0, or prints "audit chain BROKEN: commune N, entry
  // M: REASON" on stdout and returns 1. Operators and the integration tests match both lines.
  int RunVerify() {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto failure = (*system)->VerifyAudit();
    if (!failure) return Fail(failure.error());
    if (*failure) {
      const audit::VerifyFailure& f = **failure;
      std::printf("audit chain BROKEN: commune %lld, entry %lld: %s\n",
                  static_cast<long long>(f.commune_id), static_cast<long long>(f.seq),
                  f.reason.c_str());
      return 1;
    }
    std::printf("audit chain intact\n");
    return 0;
  }

  // Owned by the CLI11 app passed to Configure().
  CLI::App* verify_ = nullptr;
  Flags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace xaso::cli
