// `xaso calendar holidays|add-working-days|override add|remove|list`: Vietnam's legal
// working-day calendar, the same LegalCalendar that computes deadlines in the portal.
#include <cstdio>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/holiday_rules.h"
#include "domain/calendar/legal_calendar.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

using calendar::CalendarOverride;

class CalendarCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "calendar"; }
  const char* help() const override { return "Vietnam's legal working-day calendar"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);

    holidays_ = app.add_subcommand("holidays", "print YYYY-MM-DD<TAB>name per public holiday");
    holidays_->add_option("year", year_)->required()->check(CLI::Range(1900, 2200));

    add_working_days_ =
        app.add_subcommand("add-working-days", "print the date N working days after a date");
    add_working_days_->add_option("date", date_)->required();
    add_working_days_->add_option("n", days_)->required()->check(CLI::Range(0, 3650));

    // These two only read the calendar, so they need no configuration file.
    for (CLI::App* sub : {holidays_, add_working_days_}) {
      sub->add_option("--db", flags_.db, "database URL (default: the built-in rules, in memory)");
    }

    CLI::App* overrides =
        app.add_subcommand("override", "announced days off and make-up working days");
    overrides->require_subcommand(1);
    override_add_ = overrides->add_subcommand("add", "add or replace the override of a day");
    override_add_->add_option("date", date_, "YYYY-MM-DD")->required();
    override_add_->add_option("--kind", kind_, "day_off or working_day")
        ->check(CLI::IsMember({"day_off", "working_day"}));
    override_add_->add_option("--name", override_name_, "reason, in Vietnamese")->required();
    override_add_->add_option("--basis", basis_, "the announcement, e.g. Văn bản 8662/VPCP-KGVX");
    override_remove_ = overrides->add_subcommand("remove", "remove the override of a day");
    override_remove_->add_option("date", date_, "YYYY-MM-DD")->required();
    override_list_ = overrides->add_subcommand("list", "print DATE<TAB>KIND<TAB>NAME<TAB>BASIS");
    for (CLI::App* sub : {override_add_, override_remove_, override_list_}) {
      AddCommonFlags(*sub, flags_);
      sub->add_option("--commune", commune_, "commune slug (default: the national list)");
    }
  }

  int Run() override {
    if (holidays_->parsed()) return RunHolidays();
    if (add_working_days_->parsed()) return RunAddWorkingDays();
    if (override_add_->parsed()) return RunOverrideAdd();
    if (override_remove_->parsed()) return RunOverrideRemove();
    // require_subcommand(1) on both levels leaves override list as the only possibility.
    XASO_CHECK(override_list_->parsed());
    return RunOverrideList();
  }

 private:
  // The national calendar of the database named by --db. Without --db, the rules come from
  // the migrations compiled into the binary, applied to an in-memory database.
  Result<calendar::LegalCalendar> LoadCalendar() const {
    Flags flags = flags_;
    if (flags.db.empty()) flags.db = "sqlite::memory:";
    XASO_ASSIGN_OR_RETURN(auto system, OpenSystem(flags));
    XASO_RETURN_IF_ERROR(system->Migrate());
    return system->LoadCalendar(0);
  }

  // The positional date, or kInvalidArgument when it is not YYYY-MM-DD.
  Result<Date> ParseDate() const {
    std::optional<Date> day = Date::ParseIso(date_);
    if (!day) return MakeError(ErrorCode::kInvalidArgument, "date must be YYYY-MM-DD");
    return *day;
  }

  int RunHolidays() {
    auto legal_calendar = LoadCalendar();
    if (!legal_calendar) return Fail(legal_calendar.error());
    for (const calendar::Holiday& h : legal_calendar->HolidaysIn(year_)) {
      std::printf("%s\t%s\n", h.date.ToIso().c_str(), h.name_vi.c_str());
    }
    return 0;
  }

  // The date is checked before the calendar is loaded, so a typo fails fast with code 2.
  int RunAddWorkingDays() {
    auto start = ParseDate();
    if (!start) return Fail(start.error());
    auto legal_calendar = LoadCalendar();
    if (!legal_calendar) return Fail(legal_calendar.error());
    std::printf("%s\n", legal_calendar->AddWorkingDays(*start, days_).ToIso().c_str());
    return 0;
  }

  int RunOverrideAdd() {
    auto day = ParseDate();
    if (!day) return Fail(day.error());
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    CalendarOverride announced{
        *day,
        kind_ == "day_off" ? CalendarOverride::Kind::kDayOff : CalendarOverride::Kind::kWorkingDay,
        override_name_, basis_};
    Status saved = (*system)->SaveOverride(commune_, announced);
    if (!saved) return Fail(saved.error());
    std::printf("%s is now a %s\n", day->ToIso().c_str(), kind_.c_str());
    return 0;
  }

  int RunOverrideRemove() {
    auto day = ParseDate();
    if (!day) return Fail(day.error());
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    Status deleted = (*system)->DeleteOverride(commune_, *day);
    if (!deleted) return Fail(deleted.error());
    std::printf("override of %s removed\n", day->ToIso().c_str());
    return 0;
  }

  int RunOverrideList() {
    auto system = OpenSystem(flags_);
    if (!system) return Fail(system.error());
    auto overrides = (*system)->ListOverrides(commune_);
    if (!overrides) return Fail(overrides.error());
    for (const CalendarOverride& o : *overrides) {
      std::printf("%s\t%s\t%s\t%s\n", o.date.ToIso().c_str(), calendar::OverrideKindName(o.kind),
                  o.name_vi.c_str(), o.legal_basis.c_str());
    }
    return 0;
  }

  // The leaf subcommands, owned by the CLI11 app passed to Configure().
  CLI::App* holidays_ = nullptr;
  CLI::App* add_working_days_ = nullptr;
  CLI::App* override_add_ = nullptr;
  CLI::App* override_remove_ = nullptr;
  CLI::App* override_list_ = nullptr;

  // Bound to the options; only the chosen subcommand's are set.
  Flags flags_;
  int year_ = 0;
  std::string date_;  // YYYY-MM-DD, checked by ParseDate().
  int days_ = 0;
  std::string kind_ = "day_off";  // "day_off" or "working_day", checked by CLI11.
  std::string override_name_;
  std::string basis_;
  std::string commune_;
};

}  // namespace

std::unique_ptr<Command> MakeCalendarCommand() { return std::make_unique<CalendarCommand>(); }

}  // namespace xaso::cli
