// `xaso rules list|add`: the rule book, where every legal number is a dated row. A change in the
// law is a new version from its effective date, never an edit of the old one.
#include <cstdio>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/date.h"
#include "core/result.h"
#include "domain/rules/rule_book.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class RulesCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "rules"; }
  const char* help() const override { return "the rule book: every legal number, dated"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);

    list_ =
        app.add_subcommand("list", "print KEY<TAB>COMMUNE<TAB>FROM<TAB>VALUE<TAB>UNIT<TAB>BASIS");
    AddCommonFlags(*list_, flags_);

    add_ = app.add_subcommand("add", "add a new dated version of a rule");
    add_->add_option("key", new_rule_.key)->required();
    add_->add_option("value", new_rule_.value)->required();
    add_->add_option("--unit", unit_, "working_days|calendar_days|days|share|count|text");
    add_->add_option("--from", from_, "YYYY-MM-DD, the day it takes effect")->required();
    add_->add_option("--basis", new_rule_.legal_basis, "legal basis")->required();
    add_->add_option("--confidence", new_rule_.confidence, "V, S, M or I")->required();
    add_->add_option("--commune", commune_, "commune slug (default: national)");
    AddCommonFlags(*add_, flags_);
  }

  int Run() override {
    if (list_->parsed()) return RunList();
    // require_subcommand(1) leaves add as the only possibility.
    XASO_CHECK(add_->parsed());
    return RunAdd();
  }

 private:
  // Prints every version of every rule, national ones with commune 0.
  int RunList() {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto all = (*system)->ListRules();
    if (!all) return Fail(all.error());
    for (const rules::LegalRule& r : *all) {
      std::printf("%s\t%lld\t%s\t%s\t%s\t%s\n", r.key.c_str(), static_cast<long long>(r.commune_id),
                  r.effective_from.ToIso().c_str(), r.value.c_str(), rules::RuleUnitCode(r.unit),
                  r.legal_basis.c_str());
    }
    return 0;
  }

  // --unit and --from are checked before the database is opened.
  int RunAdd() {
    std::optional<rules::RuleUnit> unit = rules::ParseRuleUnit(unit_);
    std::optional<Date> starts = Date::ParseIso(from_);
    if (!unit || !starts) {
      return Fail(MakeError(ErrorCode::kInvalidArgument, "bad --unit or --from (YYYY-MM-DD)"));
    }
    new_rule_.unit = *unit;
    new_rule_.effective_from = *starts;
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    Status added = (*system)->AddRuleVersion(commune_, new_rule_);
    if (!added) return Fail(added.error());
    std::printf("rule %s = %s from %s\n", new_rule_.key.c_str(), new_rule_.value.c_str(),
                starts->ToIso().c_str());
    return 0;
  }

  // The leaf subcommands, owned by the CLI11 app passed to Configure().
  CLI::App* list_ = nullptr;
  CLI::App* add_ = nullptr;

  // Bound to the options; only the chosen subcommand's are set.
  Flags flags_;
  rules::LegalRule new_rule_;  // Key, value, basis and confidence; RunAdd() fills the rest.
  std::string unit_ = "working_days";
  std::string from_;
  std::string commune_;
};

}  // namespace

std::unique_ptr<Command> MakeRulesCommand() { return std::make_unique<RulesCommand>(); }

}  // namespace xaso::cli
