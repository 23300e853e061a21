// `xaso communes add|list`: the communes an installation serves (a province hosts all of its
// communes in one database; each gets its portal at /xa/<slug>/).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/identity/identity.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class CommunesCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "communes"; }
  const char* help() const override { return "add or list the communes of this installation"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    add_ = app.add_subcommand("add", "add a commune (its portal is /xa/SLUG/)");
    add_->add_option("slug", commune_.slug, "URL segment: a-z, 0-9 and '-'")->required();
    add_->add_option("--name", commune_.name, "e.g. \"Xã Nhật Tân\"")->required();
    add_->add_option("--province", commune_.province, "e.g. \"Tỉnh Hưng Yên\"")->required();
    add_->add_option("--level-above", commune_.level_above,
                     "the body its reports go to, e.g. \"Ủy ban nhân dân tỉnh Hưng Yên\"")
        ->required();
    add_->add_option("--address", commune_.address, "postal address of the People's Committee");
    add_->add_option("--phone", commune_.phone, "public phone number");
    add_->add_option("--email", commune_.email, "public e-mail address");
    add_->add_option("--agency-code", commune_.agency_code,
                     "mã định danh điện tử (QĐ 20/2020/QĐ-TTg), the start of minted dossier codes");
    AddCommonFlags(*add_, flags_);
    list_ = app.add_subcommand("list", "print SLUG<TAB>NAME<TAB>PROVINCE");
    AddCommonFlags(*list_, flags_);
  }

  int Run() override {
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    if (add_->parsed()) {
      auto id = (*sys)->AddCommune(commune_);
      if (!id) return Fail(id.error());
      std::printf("commune %s created (id %lld): /xa/%s/\n", commune_.slug.c_str(),
                  static_cast<long long>(*id), commune_.slug.c_str());
      return 0;
    }
    XASO_CHECK(list_->parsed());  // require_subcommand(1) leaves only list
    auto all = (*sys)->ListCommunes();
    if (!all) return Fail(all.error());
    for (const auto& c : *all) {
      std::printf("%s\t%s\t%s\n", c.slug.c_str(), c.name.c_str(), c.province.c_str());
    }
    return 0;
  }

 private:
  Flags flags_;
  identity::Commune commune_;
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeCommunesCommand() { return std::make_unique<CommunesCommand>(); }

}  // namespace xaso::cli
