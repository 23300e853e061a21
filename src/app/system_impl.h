// The members of app::System, shared by its implementation files (system.cc, demo.cc).
#pragma once

#include <memory>

#include "core/clock.h"
#include "domain/calendar/calendar_service.h"
#include "domain/identity/account_service.h"
#include "domain/oversight/oversight_service.h"
#include "platform/crypto.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/database.h"
#include "storage/identity/sql_identity_repository.h"
#include "storage/oversight/sql_oversight_repository.h"
#include "storage/portal/sql_portal_repository.h"
#include "storage/rules/sql_rule_repository.h"
#include "app/system.h"

namespace xaso::app {

struct System::Impl {
  Config config;
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  platform::SodiumPasswordHasher hasher;
  std::unique_ptr<storage::SqlIdentityRepository> identity;
  std::unique_ptr<storage::SqlPortalRepository> portal;
  std::unique_ptr<storage::SqlAuditLog> audit;
  std::unique_ptr<storage::SqlCalendarRepository> calendar;
  std::unique_ptr<storage::SqlRuleRepository> rules;
  std::unique_ptr<calendar::CalendarService> calendar_service;
  std::unique_ptr<identity::AccountService> accounts;
  std::unique_ptr<storage::SqlOversightRepository> oversight_repo;
  std::unique_ptr<oversight::OversightService> oversight;
};

}  // namespace xaso::app
