// The composition root: the only place that knows every concrete type. It opens storage,
// wires repositories into domain services and the web router, and offers the CLI one
// operation per subcommand.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/feedback/open311_key_repository.h"
#include "domain/identity/identity.h"
#include "domain/notify/notification_service.h"
#include "domain/onestop/dossier_import.h"
#include "domain/papi/score_table.h"
#include "domain/rules/rule_book.h"
#include "domain/survey/survey.h"
#include "platform/dossier_import.h"
#include "app/config.h"

namespace xaso::web {
struct Services;
}  // namespace xaso::web

namespace xaso::app {

struct RouteInfo {
  std::string method;
  std::string pattern;
  std::string permission;
};

// The URL surface with the permission each route needs (`xaso routes`); the integration test
// checks that its own access table covers every route listed here.
std::vector<RouteInfo> ListRoutes();

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
  std::string name;
};

class System {
 public:
  // Opens the database (kInvalidArgument for a bad URL, kUnavailable when unreachable).
  static Result<std::unique_ptr<System>> Open(const Config& config);
  ~System();

  // Applies pending migrations; returns the names applied.
  Result<std::vector<std::string>> Migrate();
  // Loads Nhật Tân commune with one account per role; kAlreadyExists when already loaded.
  Result<std::vector<DemoAccount>> LoadDemo();
  // Serves HTTP until SIGINT/SIGTERM. Unless notify.interval_seconds is 0, a background
  // thread runs RunNotifications at start and then at that interval, and stops with the server.
  Status Serve();
  // What web::Router needs, wired to this system's storage, services and clock; valid while the
  // System lives. Serve routes over it; bench/plan_bench drives a Router over it in-process.
  web::Services WebServices();

  // `xaso notify run` and the worker: one pass of notify::NotificationService for `today`
  // (default: today in Vietnam).
  Result<notify::RunReport> RunNotifications(std::optional<Date> today = std::nullopt);

  // `xaso communes`: a province hosts several communes in one installation.
  Result<int64_t> AddCommune(const identity::Commune& commune);
  Result<std::vector<identity::Commune>> ListCommunes();

  // `xaso open311 key create`: a new api_key for Open311 clients of the commune (the first
  // when the slug is empty). Returns the key, which is stored only as its hash: the caller
  // shows it once. kNotFound for an unknown commune, kInvalidArgument for an empty name.
  Result<std::string> CreateOpen311Key(const std::string& name, const std::string& commune_slug);
  Result<std::vector<feedback::Open311Key>> ListOpen311Keys(const std::string& commune_slug);
  // kNotFound when the commune has no key `id`; kFailedPrecondition when it is revoked already.
  Status RevokeOpen311Key(int64_t id, const std::string& commune_slug);

  // `xaso feedback-stats rebuild`: recomputes the kept feedback statistics of every commune
  // from the items (after a bulk import or a repair; ADR 0007).
  Status RebuildFeedbackStatistics();

  // `xaso dossiers import`: the portal's export `text` received into the commune (the first
  // when the slug is empty), each row on its own (onestop::ImportDossiers). kInvalidArgument
  // when the file cannot be read at all; kNotFound for an unknown commune.
  Result<onestop::ImportReport> ImportDossiers(const std::string& commune_slug,
                                               std::string_view text,
                                               platform::ImportFormat format);
  // `xaso dossiers rebuild-stats`: recomputes the kept dossier statistics from the dossiers.
  Status RebuildDossierStatistics();
  // `xaso surveys create`: a survey of the commune (the first when the slug is empty) from the
  // preset `preset`, or, when `questions_csv` is not empty, from that questionnaire (the preset
  // file format, survey::ParsePresetCsv); then, as asked, made to need one-time codes, opened,
  // and given `codes` new codes (which needs `needs_code`). Everything is checked before the
  // first write: a bad invocation writes nothing. Returns the survey and the codes.
  struct NewSurvey {
    survey::Survey survey;
    std::vector<std::string> codes;
  };
  Result<NewSurvey> CreateSurvey(const std::string& commune_slug, const std::string& preset,
                                 std::string_view questions_csv, const std::string& title, int year,
                                 bool needs_code, bool open, int codes);
  // `xaso surveys responses`: the survey's responses as CSV (survey::WriteResponsesCsv).
  Result<std::string> SurveyResponsesCsv(const std::string& commune_slug, int64_t id);

  // `xaso users`.
  Result<int64_t> AddUser(const std::string& commune_slug, const std::string& username,
                          const std::string& display_name, const std::string& role,
                          const std::string& password);
  Result<std::vector<identity::Account>> ListUsers(const std::string& commune_slug);
  Status ResetPassword(const std::string& username, const std::string& password);
  Status GrantRole(const std::string& username, const std::string& role);

  // `xaso audit verify`: the first broken link, or nullopt when every chain is intact.
  Result<std::optional<audit::VerifyFailure>> VerifyAudit();

  // `xaso calendar override`: the government's or the commune's announced days. An empty
  // slug means the national list (commune 0).
  Result<std::vector<calendar::CalendarOverride>> ListOverrides(const std::string& commune_slug);
  Status SaveOverride(const std::string& commune_slug, const calendar::CalendarOverride& day);
  Status DeleteOverride(const std::string& commune_slug, Date day);

  // `xaso papi benchmark import`: published provincial scores (rows of papi::ParseScoreTable,
  // kProvincial), each (province, year) replacing the stored one; all or nothing.
  Status ImportPapiBenchmark(const std::vector<papi::ScoreRow>& rows);

  // `xaso rules`: the rule book, and a new dated version of one rule.
  Result<std::vector<rules::LegalRule>> ListRules();
  Status AddRuleVersion(const std::string& commune_slug, rules::LegalRule rule);

  // The legal calendar as the database defines it (national rules + overrides of the
  // commune, 0 = national only).
  Result<calendar::LegalCalendar> LoadCalendar(int64_t commune_id);

 private:
  struct Impl;
  // Inspections and recommendations of the demo commune (demo_oversight.cc).
  Status LoadDemoOversight(int64_t commune_id, const std::vector<identity::Unit>& units);
  Status LoadDemoFeedback(int64_t commune_id, const std::vector<identity::Unit>& units);
  // The embedded procedure catalogue (demo_onestop.cc).
  Status LoadDemoProcedures(int64_t commune_id, const std::vector<identity::Unit>& units);
  Status LoadDemoDossiers(int64_t commune_id);
  // Two years of the PAPI survey and a satisfaction survey, with answers (demo_survey.cc).
  Status LoadDemoSurveys(int64_t commune_id);
  // This year's disclosure register with postings and proofs (demo_disclosure.cc).
  Status LoadDemoDisclosures(int64_t commune_id);
  // The default feedback categories the commune lacks, each routed to the unit of `units` whose
  // code the default names (none when absent).
  Status SeedFeedbackCategories(int64_t commune_id, const std::vector<identity::Unit>& units,
                                const audit::AuditRecord& rec);
  explicit System(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace xaso::app
