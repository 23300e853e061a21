// The members of app::System, shared by its implementation files (system.cc, demo.cc).
#pragma once

#include <memory>

#include "core/clock.h"
#include "domain/calendar/calendar_service.h"
#include "domain/disclosure/disclosure_repository.h"
#include "domain/disclosure/disclosure_service.h"
#include "domain/feedback/feedback_service.h"
#include "domain/identity/account_service.h"
#include "domain/notify/notification_service.h"
#include "domain/onestop/dossier_service.h"
#include "domain/oversight/oversight_service.h"
#include "domain/plan/plan_service.h"
#include "domain/rules/cached_rule_repository.h"
#include "domain/survey/survey_service.h"
#include "platform/crypto.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/database.h"
#include "storage/disclosure/sql_budget_repository.h"
#include "storage/disclosure/sql_disclosure_repository.h"
#include "storage/disclosure/sql_household_repository.h"
#include "storage/feedback/sql_feedback_deadlines.h"
#include "storage/feedback/sql_feedback_repository.h"
#include "storage/feedback/sql_open311_key_repository.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/notify/sql_outbox.h"
#include "storage/onestop/sql_dossier_deadlines.h"
#include "storage/onestop/sql_dossier_repository.h"
#include "storage/onestop/sql_procedure_repository.h"
#include "storage/oversight/sql_oversight_repository.h"
#include "storage/papi/sql_benchmark_repository.h"
#include "storage/plan/sql_plan_repository.h"
#include "storage/portal/sql_portal_repository.h"
#include "storage/rules/sql_rule_repository.h"
#include "storage/survey/sql_survey_repository.h"
#include "app/system.h"

namespace xaso::app {

struct System::Impl {
  Config config;
  std::string ip_key;  // config.security.ip_key, or random for this process
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  platform::SodiumPasswordHasher hasher;
  std::unique_ptr<storage::SqlIdentityRepository> identity;
  std::unique_ptr<storage::SqlPortalRepository> portal;
  std::unique_ptr<storage::SqlAuditLog> audit;
  std::unique_ptr<storage::SqlCalendarRepository> calendar;
  std::unique_ptr<storage::SqlRuleRepository> stored_rules;
  std::unique_ptr<rules::CachedRuleRepository> rules;  // what every part reads the rules through
  std::unique_ptr<calendar::CalendarService> calendar_service;
  std::unique_ptr<identity::AccountService> accounts;
  std::unique_ptr<storage::SqlPlanRepository> plans;
  std::unique_ptr<plan::PlanService> plan_service;
  std::unique_ptr<storage::SqlOutbox> outbox;
  std::unique_ptr<storage::SqlNoticeNotifier> notices;  // the in-app notifier and mailbox
  std::unique_ptr<notify::NotificationService> notifications;
  std::unique_ptr<storage::SqlOversightRepository> oversight_repo;
  std::unique_ptr<oversight::OversightService> oversight;
  std::unique_ptr<storage::SqlFeedbackRepository> feedback_repo;
  std::unique_ptr<feedback::FeedbackService> feedback;
  std::unique_ptr<storage::SqlFeedbackDeadlines> feedback_deadlines;
  std::unique_ptr<storage::SqlOpen311KeyRepository> open311_keys;
  std::unique_ptr<storage::SqlProcedureRepository> procedures;
  std::unique_ptr<storage::SqlDossierRepository> dossier_repo;
  std::unique_ptr<onestop::DossierService> dossiers;
  std::unique_ptr<storage::SqlDossierDeadlines> dossier_deadlines;
  std::unique_ptr<storage::SqlSurveyRepository> survey_repo;
  std::unique_ptr<survey::SurveyService> surveys;
  std::unique_ptr<storage::SqlBenchmarkRepository> papi_benchmark;
  std::unique_ptr<storage::SqlDisclosureRepository> disclosure_repo;
  std::unique_ptr<disclosure::DisclosureService> disclosures;
  std::unique_ptr<storage::SqlHouseholdRepository> households;  // poor-household review lists
  std::unique_ptr<storage::SqlBudgetRepository> budgets;  // the budget tables of disclosure items
};

// Gives the commune's budget estimate and execution items the demo's table
// (demo/disclosure_budget_execution.csv). Call it after the demo's items are created.
Status LoadDemoBudgets(disclosure::DisclosureRepository& items,
                       disclosure::BudgetRepository& budgets, int64_t commune_id);

// The demo file (under demo/, compiled in) whose path ends with `name`; kInternal when there is
// none, so that a renamed file fails the demo loudly instead of loading nothing.
Result<std::string_view> DemoFile(std::string_view name);

// Gives a draft poor-household list the demo's households (demo/disclosure_households.csv);
// nothing for an item of another type.
Status ImportDemoHouseholds(disclosure::HouseholdReview& review, const identity::Account& officer,
                            const disclosure::Item& draft,
                            const std::vector<identity::Village>& villages,
                            const audit::AuditRecord& rec);
// Records two objections to each published poor-household list, one upheld and one open.
// Call it after the demo's items are created.
Status LoadDemoObjections(identity::IdentityRepository& identity,
                          disclosure::DisclosureRepository& items,
                          disclosure::HouseholdRepository& households,
                          const disclosure::TypeCatalogue& catalogue, const Clock& clock,
                          int64_t commune_id);

// Plan 11/KH-UBND's tasks (demo/plan11-tasks.csv) for the demo commune, recorded as plan
// `document_id`'s execution.
Status LoadDemoPlan(identity::IdentityRepository& identity, plan::PlanRepository& plans,
                    int64_t now, int64_t commune_id, int64_t document_id);

}  // namespace xaso::app
