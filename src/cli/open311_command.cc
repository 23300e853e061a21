// `xaso open311 key create NAME --commune SLUG`: a new api_key for a system that sends
// feedback through Open311 (POST /open311/v2/requests). The key is printed once and stored
// only as its hash, so it cannot be shown again: a lost key is replaced by a new one.
// `xaso open311 key list --commune SLUG` and `xaso open311 key revoke ID --commune SLUG`.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "core/clock.h"
#include "core/result.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class Open311Command final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "open311"; }
  const char* help() const override { return "manage the api_keys of Open311 clients"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    auto* key = app.add_subcommand("key", "api_keys");
    key->require_subcommand(1);
    create_ = key->add_subcommand("create", "print a new api_key (shown only once)");
    create_->add_option("name", name_, "who the key is for, e.g. \"Tổng đài 1022\"")->required();
    create_->add_option("--commune", commune_, "commune slug")->required();
    AddCommonFlags(*create_, flags_);
    list_ = key->add_subcommand("list", "list the commune's keys: ID, name, created, state");
    list_->add_option("--commune", commune_, "commune slug")->required();
    AddCommonFlags(*list_, flags_);
    revoke_ = key->add_subcommand("revoke", "revoke a key: its client gets 403 from then on");
    revoke_->add_option("id", id_, "the key's ID, from `key list`")->required();
    revoke_->add_option("--commune", commune_, "commune slug")->required();
    AddCommonFlags(*revoke_, flags_);
  }

  int Run() override {
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    if (list_->parsed()) return RunList(**sys);
    if (revoke_->parsed()) {
      Status revoked = (*sys)->RevokeOpen311Key(id_, commune_);
      if (!revoked) return Fail(revoked.error());
      std::printf("api_key %lld revoked\n", static_cast<long long>(id_));
      return 0;
    }
    auto key = (*sys)->CreateOpen311Key(name_, commune_);
    if (!key) return Fail(key.error());
    std::printf("%s\n", key->c_str());
    return 0;
  }

 private:
  // Prints ID<TAB>NAME<TAB>created YYYY-MM-DD<TAB>active|revoked YYYY-MM-DD per key (dates in
  // Vietnam's time).
  int RunList(app::System& sys) {
    auto keys = sys.ListOpen311Keys(commune_);
    if (!keys) return Fail(keys.error());
    auto day = [](int64_t at) { return Clock::DayVn(at).ToIso(); };
    for (const auto& k : *keys) {
      const std::string state = k.revoked_at ? "revoked " + day(*k.revoked_at) : "active";
      std::printf("%lld\t%s\t%s\t%s\n", static_cast<long long>(k.id), k.name.c_str(),
                  day(k.created_at).c_str(), state.c_str());
    }
    return 0;
  }

  Flags flags_;
  std::string name_;
  std::string commune_;
  int64_t id_ = 0;
  CLI::App* create_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* revoke_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeOpen311Command() { return std::make_unique<Open311Command>(); }

}  // namespace xaso::cli
