#include "app/system.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "domain/identity/account_service.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"
#include "platform/crypto.h"
#include "platform/image_metadata.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/database.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/migrator.h"
#include "storage/notify/sql_outbox.h"
#include "storage/plan/sql_plan_repository.h"
#include "storage/portal/sql_portal_repository.h"
#include "web/router.h"
#include "web/server.h"
#include "app/periodic_worker.h"
#include "app/system_impl.h"

namespace xaso::app {

System::System(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
System::~System() = default;

Result<std::unique_ptr<System>> System::Open(const Config& config) {
  if (!platform::InitCrypto()) return MakeError(ErrorCode::kInternal, "libsodium init failed");
  auto impl = std::make_unique<Impl>();
  impl->config = config;
  impl->ip_key =
      config.security.ip_key.empty() ? platform::RandomBytes(32) : config.security.ip_key;
  XASO_ASSIGN_OR_RETURN(
      impl->db, storage::Database::Open(config.database.url,
                                        static_cast<size_t>(std::max(2, config.server.threads))));
  impl->identity = std::make_unique<storage::SqlIdentityRepository>(*impl->db);
  impl->portal = std::make_unique<storage::SqlPortalRepository>(*impl->db);
  impl->audit = std::make_unique<storage::SqlAuditLog>(*impl->db);
  impl->calendar = std::make_unique<storage::SqlCalendarRepository>(*impl->db);
  impl->stored_rules = std::make_unique<storage::SqlRuleRepository>(*impl->db);
  impl->rules = std::make_unique<rules::CachedRuleRepository>(*impl->stored_rules);
  impl->calendar_service =
      std::make_unique<calendar::CalendarService>(*impl->calendar, impl->clock);
  identity::SigninLimits limits{config.security.signin_max_failures_per_account,
                                config.security.signin_max_failures_per_ip,
                                config.security.signin_window_minutes * 60};
  impl->accounts = std::make_unique<identity::AccountService>(*impl->identity, impl->hasher,
                                                              impl->clock, limits);
  impl->plans = std::make_unique<storage::SqlPlanRepository>(*impl->db);
  impl->plan_service = std::make_unique<plan::PlanService>(
      *impl->plans, *impl->identity, *impl->calendar_service, impl->clock,
      [](int dimension, const std::vector<std::string>& codes, int year) {
        return papi::Catalogue::Default().ValidateCodes(dimension, codes, year);
      });
  impl->feedback_repo = std::make_unique<storage::SqlFeedbackRepository>(*impl->db);
  impl->feedback = std::make_unique<feedback::FeedbackService>(
      *impl->feedback_repo, *impl->rules, *impl->calendar_service, impl->clock,
      [](size_t n) { return platform::RandomBytes(n); },
      feedback::PhotoIntake{static_cast<size_t>(config.server.max_upload_bytes),
                            platform::StripImageMetadata});
  impl->feedback_deadlines = std::make_unique<storage::SqlFeedbackDeadlines>(*impl->db);
  impl->open311_keys = std::make_unique<storage::SqlOpen311KeyRepository>(*impl->db);
  impl->procedures = std::make_unique<storage::SqlProcedureRepository>(*impl->db);
  impl->dossier_repo = std::make_unique<storage::SqlDossierRepository>(*impl->db);
  impl->dossiers = std::make_unique<onestop::DossierService>(
      *impl->dossier_repo, *impl->procedures, *impl->rules, *impl->calendar_service, impl->clock,
      [](size_t n) { return platform::RandomBytes(n); });
  impl->dossier_deadlines = std::make_unique<storage::SqlDossierDeadlines>(*impl->db);
  impl->survey_repo = std::make_unique<storage::SqlSurveyRepository>(*impl->db, impl->clock);
  impl->surveys = std::make_unique<survey::SurveyService>(
      *impl->survey_repo, papi::IndicatorCatalogue::Default(), impl->clock,
      [](size_t n) { return platform::RandomBytes(n); });
  impl->papi_benchmark = std::make_unique<storage::SqlBenchmarkRepository>(*impl->db);
  impl->disclosure_repo =
      std::make_unique<storage::SqlDisclosureRepository>(*impl->db, impl->clock);
  impl->disclosures = std::make_unique<disclosure::DisclosureService>(
      *impl->disclosure_repo, disclosure::DefaultCatalogue(), *impl->calendar_service, impl->clock);
  impl->households = std::make_unique<storage::SqlHouseholdRepository>(*impl->db, impl->clock);
  impl->budgets = std::make_unique<storage::SqlBudgetRepository>(*impl->db, impl->clock);
  impl->oversight_repo = std::make_unique<storage::SqlOversightRepository>(*impl->db);
  impl->oversight = std::make_unique<oversight::OversightService>(
      *impl->oversight_repo, *impl->identity, *impl->calendar_service, *impl->rules, impl->clock);
  impl->outbox = std::make_unique<storage::SqlOutbox>(*impl->db);
  impl->notices = std::make_unique<storage::SqlNoticeNotifier>(*impl->db, impl->clock);
  impl->notifications = std::make_unique<notify::NotificationService>(
      *impl->plans, *impl->calendar_service, *impl->outbox,
      std::vector<notify::Notifier*>{impl->notices.get()}, impl->clock, impl->oversight_repo.get(),
      impl->feedback_deadlines.get(), impl->dossier_deadlines.get());
  return std::unique_ptr<System>(new System(std::move(impl)));
}

std::vector<RouteInfo> ListRoutes() {
  web::Services none;
  web::Router router(none);
  std::vector<RouteInfo> out;
  for (const auto& r : router.routes()) {
    out.push_back({r.method, r.pattern, std::string(identity::PermissionCode(r.permission))});
  }
  return out;
}

Result<std::vector<std::string>> System::Migrate() {
  XASO_ASSIGN_OR_RETURN(auto report, storage::Migrate(*impl_->db));
  return report.applied;
}

Result<calendar::LegalCalendar> System::LoadCalendar(int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(auto rules, impl_->calendar->LoadHolidayRules());
  XASO_ASSIGN_OR_RETURN(auto overrides, impl_->calendar->LoadOverrides(commune_id));
  return calendar::LegalCalendar(std::move(rules), std::move(overrides));
}

web::Services System::WebServices() {
  web::Services services;
  services.identity = impl_->identity.get();
  services.accounts = impl_->accounts.get();
  services.portal = impl_->portal.get();
  services.audit = impl_->audit.get();
  services.calendar = impl_->calendar_service.get();
  services.rules = impl_->rules.get();
  services.notices = impl_->notices.get();
  services.oversight = impl_->oversight.get();
  services.feedback_repo = impl_->feedback_repo.get();
  services.feedback = impl_->feedback.get();
  services.open311_keys = impl_->open311_keys.get();
  services.procedures = impl_->procedures.get();
  services.dossier_repo = impl_->dossier_repo.get();
  services.dossiers = impl_->dossiers.get();
  services.survey_repo = impl_->survey_repo.get();
  services.surveys = impl_->surveys.get();
  services.papi_benchmark = impl_->papi_benchmark.get();
  services.disclosure_repo = impl_->disclosure_repo.get();
  services.disclosures = impl_->disclosures.get();
  services.households = impl_->households.get();
  services.budgets = impl_->budgets.get();
  services.clock = &impl_->clock;
  services.plans = impl_->plans.get();
  services.plan_service = impl_->plan_service.get();
  services.default_commune = impl_->config.portal.default_commune;
  services.secure_cookies = impl_->config.server.secure_cookies;
  services.max_body_bytes = static_cast<size_t>(impl_->config.server.max_body_bytes);
  services.max_upload_bytes = static_cast<size_t>(impl_->config.server.max_upload_bytes);
  services.session_seconds = impl_->config.server.session_hours * 3600;
  services.feedback_max_per_ip_per_hour = impl_->config.feedback.max_per_ip_per_hour;
  services.open311_max_per_key_per_hour = impl_->config.feedback.open311_max_per_key_per_hour;
  services.survey_max_per_ip_per_hour = impl_->config.survey.max_per_ip_per_hour;
  services.ip_key = impl_->ip_key;
  return services;
}

Status System::Serve() {
  XASO_ASSIGN_OR_RETURN(auto listen, ParseListen(impl_->config.server.listen));
  web::Services services = WebServices();
  web::Router router(services);
  web::ServerOptions options;
  options.host = listen.first;
  options.port = listen.second;
  options.threads = static_cast<size_t>(impl_->config.server.threads);
  options.max_body_bytes =
      std::max(services.max_body_bytes, services.max_upload_bytes + (64 << 10));
  options.trusted_proxy = impl_->config.server.trusted_proxy;
  std::optional<PeriodicWorker> notifier;
  if (impl_->config.notify.interval_seconds > 0) {
    notifier.emplace(std::chrono::seconds(impl_->config.notify.interval_seconds), [this] {
      auto report = RunNotifications();
      if (!report) {
        spdlog::error("notifications: {}", report.error().message);
      } else if (report->enqueued || report->delivered || report->failed) {
        spdlog::info("notifications: {} enqueued, {} delivered, {} failed", report->enqueued,
                     report->delivered, report->failed);
      }
    });
  }
  return web::ServeUntilSignal(options, router);  // the worker stops when `notifier` goes
}

Result<notify::RunReport> System::RunNotifications(std::optional<Date> today) {
  return impl_->notifications->RunOnce(today.value_or(impl_->clock.TodayVn()));
}

namespace {
Result<identity::Commune> CommuneBySlug(identity::IdentityRepository& repo,
                                        const std::string& slug) {
  if (!slug.empty()) return repo.GetCommuneBySlug(slug);
  XASO_ASSIGN_OR_RETURN(auto all, repo.ListCommunes());
  if (all.empty()) return MakeError(ErrorCode::kNotFound, "no commune in the database");
  return all.front();
}
audit::AuditRecord Cli(int64_t commune_id) { return {commune_id, 0, "cli", "", "", "", ""}; }
}  // namespace

Result<int64_t> System::AddUser(const std::string& commune_slug, const std::string& username,
                                const std::string& display_name, const std::string& role,
                                const std::string& password) {
  XASO_ASSIGN_OR_RETURN(auto commune, CommuneBySlug(*impl_->identity, commune_slug));
  auto r = identity::RoleFromCode(role);
  if (!r || *r == identity::Role::kAnonymous) {
    return MakeError(ErrorCode::kInvalidArgument, "unknown role " + role);
  }
  identity::Account a;
  a.commune_id = commune.id;
  a.username = username;
  a.display_name = display_name;
  a.role = *r;
  return impl_->accounts->CreateAccount(a, password, Cli(commune.id));
}

// A new commune can take feedback at once: it gets the default categories, unrouted (its units
// are added later; unrouted items go to the leaders) and editable by its leaders.
Result<int64_t> System::AddCommune(const identity::Commune& commune) {
  XASO_RETURN_IF_ERROR(identity::ValidateCommune(commune));
  XASO_ASSIGN_OR_RETURN(int64_t id,
                        impl_->identity->CreateCommune(commune, {}, {}, impl_->clock.NowUnix(),
                                                       {0, 0, "cli", "", "", "", ""}));
  XASO_RETURN_IF_ERROR(SeedFeedbackCategories(id, {}, Cli(id)));
  return id;
}

// One transaction a category; the categories already there (by code) are kept, so that a run
// cut short can be repeated.
Status System::SeedFeedbackCategories(int64_t commune_id, const std::vector<identity::Unit>& units,
                                      const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(auto existing, impl_->feedback_repo->ListCategories(commune_id));
  for (const auto& d : feedback::DefaultCategories()) {
    const bool there = std::any_of(existing.begin(), existing.end(),
                                   [&](const feedback::Category& c) { return c.code == d.code; });
    if (there) continue;
    feedback::Category c;
    c.commune_id = commune_id;
    c.code = std::string(d.code);
    c.name_vi = std::string(d.name_vi);
    c.name_en = std::string(d.name_en);
    c.group_code = std::string(d.group_code);
    for (const auto& u : units) {
      if (u.code == d.unit_code) c.unit_id = u.id;
    }
    XASO_RETURN_IF_ERROR(impl_->feedback_repo->CreateCategory(c, rec, impl_->clock.NowUnix()));
  }
  return Ok{};
}

Result<std::string> System::CreateOpen311Key(const std::string& name,
                                             const std::string& commune_slug) {
  if (name.empty() || name.size() > 200) {
    return MakeError(ErrorCode::kInvalidArgument, "a key needs a name of at most 200 bytes");
  }
  XASO_ASSIGN_OR_RETURN(auto commune, CommuneBySlug(*impl_->identity, commune_slug));
  std::string key = platform::RandomToken();
  XASO_RETURN_IF_ERROR(impl_->open311_keys->CreateKey(commune.id, name, platform::Sha256Hex(key),
                                                      Cli(commune.id), impl_->clock.NowUnix()));
  return key;
}

Result<std::vector<feedback::Open311Key>> System::ListOpen311Keys(const std::string& commune_slug) {
  XASO_ASSIGN_OR_RETURN(auto commune, CommuneBySlug(*impl_->identity, commune_slug));
  return impl_->open311_keys->ListKeys(commune.id);
}

Status System::RevokeOpen311Key(int64_t id, const std::string& commune_slug) {
  XASO_ASSIGN_OR_RETURN(auto commune, CommuneBySlug(*impl_->identity, commune_slug));
  return impl_->open311_keys->RevokeKey(commune.id, id, Cli(commune.id), impl_->clock.NowUnix());
}

Status System::RebuildFeedbackStatistics() { return impl_->feedback_repo->RebuildStatistics(); }

Result<std::vector<identity::Commune>> System::ListCommunes() {
  return impl_->identity->ListCommunes();
}

Result<std::vector<identity::Account>> System::ListUsers(const std::string& commune_slug) {
  XASO_ASSIGN_OR_RETURN(auto commune, CommuneBySlug(*impl_->identity, commune_slug));
  return impl_->identity->ListAccounts(commune.id);
}

Status System::ResetPassword(const std::string& username, const std::string& password) {
  XASO_ASSIGN_OR_RETURN(auto acc, impl_->identity->FindAccountByUsername(username));
  if (!acc) return MakeError(ErrorCode::kNotFound, "no account " + username);
  return impl_->accounts->ResetPassword(acc->id, password, Cli(acc->commune_id));
}

Status System::GrantRole(const std::string& username, const std::string& role) {
  XASO_ASSIGN_OR_RETURN(auto acc, impl_->identity->FindAccountByUsername(username));
  if (!acc) return MakeError(ErrorCode::kNotFound, "no account " + username);
  auto r = identity::RoleFromCode(role);
  if (!r) return MakeError(ErrorCode::kInvalidArgument, "unknown role " + role);
  return impl_->accounts->GrantRole(acc->id, *r, Cli(acc->commune_id));
}

namespace {
Result<int64_t> CommuneIdOrNational(identity::IdentityRepository& repo, const std::string& slug) {
  if (slug.empty()) return int64_t{0};
  XASO_ASSIGN_OR_RETURN(auto c, repo.GetCommuneBySlug(slug));
  return c.id;
}
}  // namespace

Result<std::vector<calendar::CalendarOverride>> System::ListOverrides(const std::string& slug) {
  XASO_ASSIGN_OR_RETURN(int64_t id, CommuneIdOrNational(*impl_->identity, slug));
  return impl_->calendar_service->Overrides(id);
}

Status System::SaveOverride(const std::string& slug, const calendar::CalendarOverride& day) {
  XASO_ASSIGN_OR_RETURN(int64_t id, CommuneIdOrNational(*impl_->identity, slug));
  return impl_->calendar_service->SaveOverride(id, day, Cli(id));
}

Status System::DeleteOverride(const std::string& slug, Date day) {
  XASO_ASSIGN_OR_RETURN(int64_t id, CommuneIdOrNational(*impl_->identity, slug));
  return impl_->calendar_service->DeleteOverride(id, day, Cli(id));
}

Status System::ImportPapiBenchmark(const std::vector<papi::ScoreRow>& rows) {
  return impl_->papi_benchmark->Import(rows, Cli(0), impl_->clock.NowUnix());
}

Result<std::vector<rules::LegalRule>> System::ListRules() { return impl_->rules->LoadRules(); }

Status System::AddRuleVersion(const std::string& slug, rules::LegalRule rule) {
  XASO_ASSIGN_OR_RETURN(rule.commune_id, CommuneIdOrNational(*impl_->identity, slug));
  XASO_ASSIGN_OR_RETURN(auto existing, impl_->rules->LoadRules());
  XASO_RETURN_IF_ERROR(rules::ValidateNewVersion(rule, existing));
  return impl_->rules->AddVersion(rule, Cli(rule.commune_id));
}

Result<std::optional<audit::VerifyFailure>> System::VerifyAudit() {
  return impl_->audit->VerifyAll();
}

}  // namespace xaso::app
