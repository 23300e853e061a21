// `xaso open311 key create NAME --commune SLUG`: a new api_key for a system that sends
// feedback through Open311 (POST /open311/v2/requests). The key is printed once and stored
// only as its hash, so it cannot be shown again: a lost key is replaced by a new one.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

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
  }

  int Run() override {
    XASO_CHECK(create_->parsed());  // the only subcommand
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    auto key = (*sys)->CreateOpen311Key(name_, commune_);
    if (!key) return Fail(key.error());
    std::printf("%s\n", key->c_str());
    return 0;
  }

 private:
  Flags flags_;
  std::string name_;
  std::string commune_;
  CLI::App* create_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeOpen311Command() { return std::make_unique<Open311Command>(); }

}  // namespace xaso::cli
