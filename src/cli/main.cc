// xaso: the digital commune. One binary, one subcommand per task (see `xaso --help`).
// Subcommands are parsed with CLI11 and call app::System, never storage or web directly.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/config.h"
#include "app/system.h"
#include "core/date.h"

namespace xaso::cli {
namespace {

constexpr const char* kVersion = "0.1.0";

int Fail(const Error& e) {
  std::fprintf(stderr, "xaso: %s\n", e.message.c_str());
  for (const auto& f : e.fields) std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

struct Flags {
  std::string config_file;
  std::string db;
  std::string listen;
  int threads = 0;
};

Result<app::Config> BuildConfig(const Flags& f) {
  app::Config c;
  if (!f.config_file.empty()) XASO_RETURN_IF_ERROR(app::LoadConfigFile(f.config_file, c));
  XASO_RETURN_IF_ERROR(app::ApplyEnvironment(c));
  if (!f.db.empty()) c.database.url = f.db;
  if (!f.listen.empty()) c.server.listen = f.listen;
  if (f.threads > 0) c.server.threads = f.threads;
  XASO_RETURN_IF_ERROR(app::ValidateConfig(c));
  return c;
}

Result<std::unique_ptr<app::System>> OpenSystem(const Flags& f) {
  XASO_ASSIGN_OR_RETURN(app::Config c, BuildConfig(f));
  return app::System::Open(c);
}

int Run(int argc, char** argv) {
  CLI::App cli{"xaso: the digital commune (Xã số)"};
  cli.require_subcommand(1);
  Flags flags;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--config", flags.config_file, "TOML configuration file");
    sub->add_option("--db", flags.db, "database URL: sqlite:PATH or postgresql://...");
  };
  int rc = 0;

  auto* serve = cli.add_subcommand("serve", "serve the portal over HTTP");
  add_common(serve);
  serve->add_option("--listen", flags.listen, "HOST:PORT");
  serve->add_option("--threads", flags.threads, "worker threads");
  serve->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto st = (*sys)->Serve();
    if (!st) rc = Fail(st.error());
  });

  auto* migrate = cli.add_subcommand("migrate", "create or update the database schema");
  add_common(migrate);
  migrate->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto applied = (*sys)->Migrate();
    if (!applied) { rc = Fail(applied.error()); return; }
    for (const auto& name : *applied) std::printf("applied %s\n", name.c_str());
    std::printf("schema up to date\n");
  });

  auto* demo = cli.add_subcommand("demo", "load the Nhật Tân demo data into a migrated database");
  add_common(demo);
  demo->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto accounts = (*sys)->LoadDemo();
    if (!accounts) { rc = Fail(accounts.error()); return; }
    std::printf("Demo accounts (DEMO ONLY, never use these passwords in production):\n");
    for (const auto& a : *accounts) {
      std::printf("  %-12s %-20s %-12s %s\n", a.username.c_str(), a.password.c_str(),
                  a.role.c_str(), a.name.c_str());
    }
  });

  auto* users = cli.add_subcommand("users", "manage accounts");
  users->require_subcommand(1);
  std::string commune, username, name, role, password;
  auto* add = users->add_subcommand("add", "add an account (password read from XASO_PASSWORD or --password)");
  add->add_option("username", username)->required();
  add->add_option("--name", name, "full name")->required();
  add->add_option("--role", role, "citizen|clerk|officer|leader|supervisor|level_above|admin")->required();
  add->add_option("--commune", commune, "commune slug (default: the first)");
  add->add_option("--password", password, "password (prefer XASO_PASSWORD)");
  add_common(add);
  add->callback([&] {
    if (password.empty() && std::getenv("XASO_PASSWORD")) password = std::getenv("XASO_PASSWORD");
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto id = (*sys)->AddUser(commune, username, name, role, password);
    if (!id) { rc = Fail(id.error()); return; }
    std::printf("account %s created (id %lld)\n", username.c_str(), static_cast<long long>(*id));
  });
  auto* list = users->add_subcommand("list", "list the accounts of a commune");
  list->add_option("--commune", commune, "commune slug");
  add_common(list);
  list->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto accounts = (*sys)->ListUsers(commune);
    if (!accounts) { rc = Fail(accounts.error()); return; }
    for (const auto& a : *accounts) {
      std::printf("%s\t%s\t%s\t%s\n", a.username.c_str(),
                  std::string(identity::RoleCode(a.role)).c_str(), a.display_name.c_str(),
                  a.active ? "active" : "disabled");
    }
  });
  auto* reset = users->add_subcommand("reset-password", "set a new password");
  reset->add_option("username", username)->required();
  reset->add_option("--password", password, "new password (prefer XASO_PASSWORD)");
  add_common(reset);
  reset->callback([&] {
    if (password.empty() && std::getenv("XASO_PASSWORD")) password = std::getenv("XASO_PASSWORD");
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto st = (*sys)->ResetPassword(username, password);
    if (!st) { rc = Fail(st.error()); return; }
    std::printf("password of %s reset; its sessions ended\n", username.c_str());
  });
  auto* grant = users->add_subcommand("grant-role", "change an account's role");
  grant->add_option("username", username)->required();
  grant->add_option("role", role)->required();
  add_common(grant);
  grant->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto st = (*sys)->GrantRole(username, role);
    if (!st) { rc = Fail(st.error()); return; }
    std::printf("%s is now %s\n", username.c_str(), role.c_str());
  });

  auto* audit = cli.add_subcommand("audit", "the hash-chained audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "walk every chain; exit 1 at the first bad entry");
  add_common(verify);
  verify->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto f = (*sys)->VerifyAudit();
    if (!f) { rc = Fail(f.error()); return; }
    if (*f) {
      std::printf("audit chain BROKEN: commune %lld, entry %lld: %s\n",
                  static_cast<long long>((*f)->commune_id), static_cast<long long>((*f)->seq),
                  (*f)->reason.c_str());
      rc = 1;
      return;
    }
    std::printf("audit chain intact\n");
  });

  auto* cal = cli.add_subcommand("calendar", "Vietnam's legal working-day calendar");
  cal->require_subcommand(1);
  int year = 0;
  auto* holidays = cal->add_subcommand("holidays", "print YYYY-MM-DD<TAB>name per public holiday");
  holidays->add_option("year", year)->required()->check(CLI::Range(1900, 2200));
  std::string from;
  int days = 0;
  auto* addwd = cal->add_subcommand("add-working-days", "print the date N working days after a date");
  addwd->add_option("date", from)->required();
  addwd->add_option("n", days)->required()->check(CLI::Range(0, 3650));
  for (auto* sub : {holidays, addwd}) {
    sub->add_option("--db", flags.db, "database URL (default: the built-in rules, in memory)");
  }
  auto load_calendar = [&]() -> Result<calendar::LegalCalendar> {
    Flags f = flags;
    // Without --db the rules come from the migrations compiled into the binary.
    if (f.db.empty()) f.db = "sqlite::memory:";
    XASO_ASSIGN_OR_RETURN(auto sys, OpenSystem(f));
    XASO_RETURN_IF_ERROR(sys->Migrate());
    return sys->LoadCalendar(0);
  };
  holidays->callback([&] {
    auto c = load_calendar();
    if (!c) { rc = Fail(c.error()); return; }
    for (const auto& h : c->HolidaysIn(year)) {
      std::printf("%s\t%s\n", h.date.ToIso().c_str(), h.name_vi.c_str());
    }
  });
  addwd->callback([&] {
    auto d = Date::ParseIso(from);
    if (!d) { rc = Fail(MakeError(ErrorCode::kInvalidArgument, "date must be YYYY-MM-DD")); return; }
    auto c = load_calendar();
    if (!c) { rc = Fail(c.error()); return; }
    std::printf("%s\n", c->AddWorkingDays(*d, days).ToIso().c_str());
  });

  // xaso calendar override add|remove|list
  auto* ov = cal->add_subcommand("override", "announced days off and make-up working days");
  ov->require_subcommand(1);
  std::string ov_date, ov_kind = "day_off", ov_name, ov_basis, ov_commune;
  auto* ov_add = ov->add_subcommand("add", "add or replace the override of a day");
  ov_add->add_option("date", ov_date, "YYYY-MM-DD")->required();
  ov_add->add_option("--kind", ov_kind, "day_off or working_day")
      ->check(CLI::IsMember({"day_off", "working_day"}));
  ov_add->add_option("--name", ov_name, "reason, in Vietnamese")->required();
  ov_add->add_option("--basis", ov_basis, "the announcement, e.g. Văn bản 8662/VPCP-KGVX");
  auto* ov_rm = ov->add_subcommand("remove", "remove the override of a day");
  ov_rm->add_option("date", ov_date, "YYYY-MM-DD")->required();
  auto* ov_ls = ov->add_subcommand("list", "print DATE<TAB>KIND<TAB>NAME<TAB>BASIS");
  for (auto* sub : {ov_add, ov_rm, ov_ls}) {
    add_common(sub);
    sub->add_option("--commune", ov_commune, "commune slug (default: the national list)");
  }
  ov_add->callback([&] {
    auto d = Date::ParseIso(ov_date);
    if (!d) { rc = Fail(MakeError(ErrorCode::kInvalidArgument, "date must be YYYY-MM-DD")); return; }
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    calendar::CalendarOverride o{*d, ov_kind == "day_off" ? calendar::CalendarOverride::Kind::kDayOff
                                                          : calendar::CalendarOverride::Kind::kWorkingDay,
                                 ov_name, ov_basis};
    auto st = (*sys)->SaveOverride(ov_commune, o);
    if (!st) { rc = Fail(st.error()); return; }
    std::printf("%s is now a %s\n", d->ToIso().c_str(), ov_kind.c_str());
  });
  ov_rm->callback([&] {
    auto d = Date::ParseIso(ov_date);
    if (!d) { rc = Fail(MakeError(ErrorCode::kInvalidArgument, "date must be YYYY-MM-DD")); return; }
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto st = (*sys)->DeleteOverride(ov_commune, *d);
    if (!st) { rc = Fail(st.error()); return; }
    std::printf("override of %s removed\n", d->ToIso().c_str());
  });
  ov_ls->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto overrides = (*sys)->ListOverrides(ov_commune);
    if (!overrides) { rc = Fail(overrides.error()); return; }
    for (const auto& o : *overrides) {
      std::printf("%s\t%s\t%s\t%s\n", o.date.ToIso().c_str(), calendar::OverrideKindName(o.kind),
                  o.name_vi.c_str(), o.legal_basis.c_str());
    }
  });

  // xaso rules list|add
  auto* rules_cmd = cli.add_subcommand("rules", "the rule book: every legal number, dated");
  rules_cmd->require_subcommand(1);
  auto* rules_ls = rules_cmd->add_subcommand("list", "print KEY<TAB>COMMUNE<TAB>FROM<TAB>VALUE<TAB>UNIT<TAB>BASIS");
  rules::LegalRule new_rule;
  std::string rule_unit = "working_days", rule_from, rule_commune;
  auto* rules_add = rules_cmd->add_subcommand("add", "add a new dated version of a rule");
  rules_add->add_option("key", new_rule.key)->required();
  rules_add->add_option("value", new_rule.value)->required();
  rules_add->add_option("--unit", rule_unit, "working_days|calendar_days|days|share|count|text");
  rules_add->add_option("--from", rule_from, "YYYY-MM-DD, the day it takes effect")->required();
  rules_add->add_option("--basis", new_rule.legal_basis, "legal basis")->required();
  rules_add->add_option("--confidence", new_rule.confidence, "V, S, M or I")->required();
  rules_add->add_option("--commune", rule_commune, "commune slug (default: national)");
  add_common(rules_ls);
  add_common(rules_add);
  rules_ls->callback([&] {
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto all = (*sys)->ListRules();
    if (!all) { rc = Fail(all.error()); return; }
    for (const auto& r : *all) {
      std::printf("%s\t%lld\t%s\t%s\t%s\t%s\n", r.key.c_str(), static_cast<long long>(r.commune_id),
                  r.effective_from.ToIso().c_str(), r.value.c_str(), rules::RuleUnitCode(r.unit),
                  r.legal_basis.c_str());
    }
  });
  rules_add->callback([&] {
    auto unit = rules::ParseRuleUnit(rule_unit);
    auto starts = Date::ParseIso(rule_from);
    if (!unit || !starts) {
      rc = Fail(MakeError(ErrorCode::kInvalidArgument, "bad --unit or --from (YYYY-MM-DD)"));
      return;
    }
    new_rule.unit = *unit;
    new_rule.effective_from = *starts;
    auto sys = OpenSystem(flags);
    if (!sys) { rc = Fail(sys.error()); return; }
    auto st = (*sys)->AddRuleVersion(rule_commune, new_rule);
    if (!st) { rc = Fail(st.error()); return; }
    std::printf("rule %s = %s from %s\n", new_rule.key.c_str(), new_rule.value.c_str(),
                starts->ToIso().c_str());
  });

  auto* check = cli.add_subcommand("check-config", "validate configuration and exit");
  check->add_option("--config", flags.config_file, "TOML configuration file")->required();
  check->callback([&] {
    auto c = BuildConfig(flags);
    if (!c) { rc = Fail(c.error()); return; }
    std::printf("configuration OK: listen %s, database %s\n", c->server.listen.c_str(),
                c->database.url.rfind("sqlite:", 0) == 0 ? c->database.url.c_str() : "postgresql");
  });

  cli.add_subcommand("routes", "print METHOD<TAB>PATTERN<TAB>PERMISSION per route")->callback([&] {
    for (const auto& r : app::ListRoutes()) {
      std::printf("%s\t%s\t%s\n", r.method.c_str(), r.pattern.c_str(), r.permission.c_str());
    }
  });

  cli.add_subcommand("version", "print the version")->callback([&] {
    std::printf("xaso %s\n", kVersion);
  });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  return rc;
}

}  // namespace
}  // namespace xaso::cli

int main(int argc, char** argv) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
  return xaso::cli::Run(argc, argv);
}
