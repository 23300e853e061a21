// `xaso disclosures types`: the kinds of information the commune must publish (Luật THDCCS Art
// 11), as the compiled-in catalogue (data/disclosure/types.csv) has them in force on a day.
#include <cstdio>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "domain/disclosure/disclosure_type.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

// "5 working days after the decision", "15 calendar days after the quarter".
std::string Deadline(const disclosure::DisclosureType& t) {
  std::string out =
      std::to_string(t.publish_within) + (t.publish_unit == disclosure::DeadlineUnit::kWorkingDays
                                              ? " working days after the "
                                              : " calendar days after the ");
  switch (t.recurrence) {
    case disclosure::Recurrence::kNone: return out + "decision";
    case disclosure::Recurrence::kQuarterly: return out + "quarter";
    case disclosure::Recurrence::kYearly: return out + "year";
  }
  return out;
}

class DisclosuresCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "disclosures"; }
  const char* help() const override { return "the public disclosure register's types"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    types_ = app.add_subcommand(
        "types",
        "print CODE<TAB>LAW_ITEM<TAB>POSTING_DAYS<TAB>RADIO_DAYS<TAB>DEADLINE<TAB>LEGAL_BASIS "
        "per type in force (POSTING_DAYS \"permanent\" for a type posted for good)");
    types_->add_option("--on", on_, "YYYY-MM-DD (default: today in Vietnam)");
  }

  // Needs no configuration or database: the catalogue is compiled in.
  int Run() override {
    XASO_CHECK(types_->parsed());
    std::optional<Date> day = on_.empty() ? SystemClock().TodayVn() : Date::ParseIso(on_);
    if (!day) return Fail(MakeError(ErrorCode::kInvalidArgument, "bad --on (YYYY-MM-DD)"));
    for (const disclosure::DisclosureType* t : disclosure::DefaultCatalogue().InForce(*day)) {
      const std::string posting = t->permanent ? "permanent" : std::to_string(t->posting_days);
      std::printf("%s\t%d\t%s\t%d\t%s\t%s\n", t->code.c_str(), t->law_item, posting.c_str(),
                  t->radio_days, Deadline(*t).c_str(), t->legal_basis.c_str());
    }
    return 0;
  }

 private:
  CLI::App* types_ = nullptr;
  std::string on_;
};

}  // namespace

std::unique_ptr<Command> MakeDisclosuresCommand() { return std::make_unique<DisclosuresCommand>(); }

}  // namespace xaso::cli
