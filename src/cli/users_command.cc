// `xaso users add|list|reset-password|grant-role`: account administration from the shell,
// through the same identity services that the admin pages use.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/identity/identity.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class UsersCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "users"; }
  const char* help() const override { return "manage accounts"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);

    add_ = app.add_subcommand("add",
                              "add an account (password read from XASO_PASSWORD or --password)");
    add_->add_option("username", username_)->required();
    add_->add_option("--name", name_, "full name")->required();
    add_->add_option("--role", role_, "citizen|clerk|officer|leader|supervisor|level_above|admin")
        ->required();
    add_->add_option("--commune", commune_, "commune slug (default: the first)");
    add_->add_option("--password", password_, "password (prefer XASO_PASSWORD)");
    AddCommonFlags(*add_, flags_);

    list_ = app.add_subcommand("list", "list the accounts of a commune");
    list_->add_option("--commune", commune_, "commune slug");
    AddCommonFlags(*list_, flags_);

    reset_password_ = app.add_subcommand("reset-password", "set a new password");
    reset_password_->add_option("username", username_)->required();
    reset_password_->add_option("--password", password_, "new password (prefer XASO_PASSWORD)");
    AddCommonFlags(*reset_password_, flags_);

    grant_role_ = app.add_subcommand("grant-role", "change an account's role");
    grant_role_->add_option("username", username_)->required();
    grant_role_->add_option("role", role_)->required();
    AddCommonFlags(*grant_role_, flags_);
  }

  int Run() override {
    if (add_->parsed()) return RunAdd();
    if (list_->parsed()) return RunList();
    if (reset_password_->parsed()) return RunResetPassword();
    // require_subcommand(1) leaves grant-role as the only possibility.
    XASO_CHECK(grant_role_->parsed());
    return RunGrantRole();
  }

 private:
  // --password wins; otherwise XASO_PASSWORD, which keeps the password out of `ps` and the
  // shell history. An empty password is left for the account service to reject.
  void TakePasswordFromEnvironment() {
    const char* from_environment = std::getenv("XASO_PASSWORD");
    if (password_.empty() && from_environment != nullptr) password_ = from_environment;
  }

  int RunAdd() {
    TakePasswordFromEnvironment();
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto id = (*system)->AddUser(commune_, username_, name_, role_, password_);
    if (!id) return Fail(id.error());
    std::printf("account %s created (id %lld)\n", username_.c_str(), static_cast<long long>(*id));
    return 0;
  }

  // Prints USERNAME<TAB>ROLE<TAB>NAME<TAB>active|disabled per account.
  int RunList() {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto accounts = (*system)->ListUsers(commune_);
    if (!accounts) return Fail(accounts.error());
    for (const identity::Account& a : *accounts) {
      std::printf("%s\t%s\t%s\t%s\n", a.username.c_str(),
                  std::string(identity::RoleCode(a.role)).c_str(), a.display_name.c_str(),
                  a.active ? "active" : "disabled");
    }
    return 0;
  }

  // Resetting a password also ends every session of the account.
  int RunResetPassword() {
    TakePasswordFromEnvironment();
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    Status reset = (*system)->ResetPassword(username_, password_);
    if (!reset) return Fail(reset.error());
    std::printf("password of %s reset; its sessions ended\n", username_.c_str());
    return 0;
  }

  int RunGrantRole() {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    Status granted = (*system)->GrantRole(username_, role_);
    if (!granted) return Fail(granted.error());
    std::printf("%s is now %s\n", username_.c_str(), role_.c_str());
    return 0;
  }

  // The nested subcommands, owned by the CLI11 app passed to Configure().
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* reset_password_ = nullptr;
  CLI::App* grant_role_ = nullptr;

  // Bound to the options; only the chosen subcommand's are set.
  Flags flags_;
  std::string commune_;
  std::string username_;
  std::string name_;
  std::string role_;
  std::string password_;
};

}  // namespace

std::unique_ptr<Command> MakeUsersCommand() { return std::make_unique<UsersCommand>(); }

}  // namespace xaso::cli
