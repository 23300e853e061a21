// The URL surface: every route with the permission it needs, and the dispatcher that applies
// the cross-cutting rules once (body limits, UTF-8, session, authorisation, CSRF, security
// headers, error pages) before a handler runs.
//
// URL scheme (docs/architecture.md): public pages of a commune live under /xa/{slug}/; "/"
// shows the installation's default commune; staff pages (/bang-dieu-khien, ...) belong to
// the signed-in account's commune; the JSON API is /api/v1/...; Open311 is /open311/v2/...
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/calendar/calendar_service.h"
#include "domain/disclosure/budget.h"
#include "domain/disclosure/disclosure_service.h"
#include "domain/disclosure/households.h"
#include "domain/feedback/feedback_service.h"
#include "domain/feedback/open311_key_repository.h"
#include "domain/identity/account_service.h"
#include "domain/identity/authorization.h"
#include "domain/notify/notify.h"
#include "domain/onestop/dossier_service.h"
#include "domain/onestop/procedure_repository.h"
#include "domain/oversight/oversight_service.h"
#include "domain/papi/benchmark_repository.h"
#include "domain/plan/plan_service.h"
#include "domain/portal/portal.h"
#include "domain/rules/rule_book.h"
#include "domain/survey/survey_service.h"
#include "web/http.h"
#include "web/multipart.h"
#include "web/render.h"

namespace xaso::web {

// Everything a handler may use, wired by app/.
struct Services {
  identity::IdentityRepository* identity = nullptr;
  identity::AccountService* accounts = nullptr;
  portal::PortalRepository* portal = nullptr;
  audit::AuditReader* audit = nullptr;
  calendar::CalendarService* calendar = nullptr;
  rules::RuleRepository* rules = nullptr;
  plan::PlanRepository* plans = nullptr;
  plan::PlanService* plan_service = nullptr;
  notify::NoticeBox* notices = nullptr;  // each account's in-app notices
  oversight::OversightService* oversight = nullptr;
  feedback::FeedbackRepository* feedback_repo = nullptr;
  feedback::FeedbackService* feedback = nullptr;
  feedback::Open311KeyRepository* open311_keys = nullptr;
  onestop::ProcedureRepository* procedures = nullptr;
  onestop::DossierRepository* dossier_repo = nullptr;
  onestop::DossierService* dossiers = nullptr;
  survey::SurveyRepository* survey_repo = nullptr;
  survey::SurveyService* surveys = nullptr;
  papi::BenchmarkRepository* papi_benchmark = nullptr;  // imported provincial scores
  disclosure::DisclosureRepository* disclosure_repo = nullptr;
  disclosure::DisclosureService* disclosures = nullptr;
  disclosure::BudgetRepository* budgets = nullptr;
  disclosure::HouseholdRepository* households = nullptr;  // poor-household review lists
  const Clock* clock = nullptr;
  std::string default_commune;  // slug shown at "/"
  bool secure_cookies = false;  // set the Secure flag (behind TLS)
  size_t max_body_bytes = 1 << 20;
  size_t max_upload_bytes = 10 << 20;  // one evidence file
  int64_t session_seconds = 8 * 3600;
  int feedback_max_per_ip_per_hour = 10;   // public feedback submissions per IP address
  int open311_max_per_key_per_hour = 600;  // Open311 POSTs per api_key
  int survey_max_per_ip_per_hour = 30;     // public survey answer sheets per IP address
  std::string ip_key;                      // the key of IpPseudonym
};

struct Context {
  const Request& req;
  Services& svc;
  std::map<std::string, std::string> params;  // {name} segments of the route
  std::optional<identity::Account> account;
  std::string session_hash;
  identity::Role role = identity::Role::kAnonymous;
  Lang lang = Lang::kVi;
  std::string csrf;  // the token forms must echo
  std::vector<std::string> set_cookies;
  std::map<std::string, std::string> form;         // parsed body of a form POST
  std::multimap<std::string, UploadedFile> files;  // the files of a multipart form
};

// The pseudonym that stands for the client's IP address wherever a limit counts addresses
// (HMAC-SHA-256 under Services::ip_key): no address is stored.
std::string IpPseudonym(const Context& ctx);

// kPage: HTML forms with the _csrf field; kApi: JSON with the X-CSRF-Token header; kOpen311:
// GeoReport v2 (web/open311/), whose POSTs come from other systems with an api_key rather than
// from a browser session, so they carry no CSRF token, and whose errors use the spec's body.
enum class RouteKind { kPage, kApi, kOpen311 };

struct Route {
  std::string method;
  std::string pattern;  // "/xa/{slug}/van-ban/{id}"
  identity::Permission permission;
  RouteKind kind;
  std::function<Response(Context&)> handler;
};

class Router {
 public:
  explicit Router(Services& services);
  Response Handle(const Request& req);
  const std::vector<Route>& routes() const { return routes_; }
  // Lets a unit test exercise the dispatcher with a route of its own (e.g. one that throws).
  void AddRouteForTest(Route route) { routes_.push_back(std::move(route)); }

 private:
  std::vector<Route> routes_;
  Services& svc_;
};

// Shared by handlers.
// Who is acting, for the audit entry of a change made by the signed-in account.
audit::AuditRecord ActorOf(const Context& ctx);
// The CSRF token to put in a form; sets the cookie when the browser has none yet.
const std::string& EnsureCsrf(Context& ctx);
// A fresh token at sign-in, so that a token planted before sign-in is worthless after it.
void RenewCsrf(Context& ctx);
Data PageData(Context& ctx, const std::string& title);
Response RenderPage(Context& ctx, int status, const std::string& tmpl, Data data,
                    const std::string& title);
Response ErrorPage(Context& ctx, int status);
// A form's errors for its template: {{error}} and one {{error_<field>}} per field.
Data ErrorData(const Error& error);
Response ErrorJson(int status, const Error& error);
// The HTTP status for an error code (STYLE.md, "Errors"); `form` selects 422 for invalid input.
int HttpStatusFor(ErrorCode code, bool form);
std::string SessionCookie(const Services& svc, const std::string& token, int64_t max_age);

// Route registration, one function per area (web/pages/*.cc, web/api/*.cc).
void AddPortalRoutes(std::vector<Route>& routes);
void AddAuthRoutes(std::vector<Route>& routes);
void AddDashboardRoutes(std::vector<Route>& routes);
void AddApiRoutes(std::vector<Route>& routes);
void AddAdminRoutes(std::vector<Route>& routes);
void AddRulesRoutes(std::vector<Route>& routes);
void AddAnnouncementRoutes(std::vector<Route>& routes);
void AddPlanRoutes(std::vector<Route>& routes);
void AddTaskRoutes(std::vector<Route>& routes);
void AddTaskFormRoutes(std::vector<Route>& routes);
void AddPlanFormRoutes(std::vector<Route>& routes);
void AddAccountabilityRoutes(std::vector<Route>& routes);
void AddPapiRoutes(std::vector<Route>& routes);
void AddPlanApiRoutes(std::vector<Route>& routes);
void AddNoticeRoutes(std::vector<Route>& routes);
void AddInspectionRoutes(std::vector<Route>& routes);
void AddSupervisionRoutes(std::vector<Route>& routes);
void AddOversightApiRoutes(std::vector<Route>& routes);
void AddOpen311Routes(std::vector<Route>& routes);
void AddFeedbackRoutes(std::vector<Route>& routes);
void AddFeedbackStaffRoutes(std::vector<Route>& routes);
void AddFeedbackCategoryRoutes(std::vector<Route>& routes);
void AddFaqRoutes(std::vector<Route>& routes);
void AddProcedureRoutes(std::vector<Route>& routes);
void AddDossierStaffRoutes(std::vector<Route>& routes);
void AddProcedureApiRoutes(std::vector<Route>& routes);
void AddDossierPublicRoutes(std::vector<Route>& routes);
void AddDossierStatsRoutes(std::vector<Route>& routes);
void AddDossierDataRoutes(std::vector<Route>& routes);
void AddDossierApiRoutes(std::vector<Route>& routes);
void AddSurveyAnswerRoutes(std::vector<Route>& routes);
void AddDisclosurePublicRoutes(std::vector<Route>& routes);
void AddDisclosureStaffRoutes(std::vector<Route>& routes);
void AddDisclosureBudgetRoutes(std::vector<Route>& routes);
void AddDisclosureHouseholdRoutes(std::vector<Route>& routes);

// Drops this process's cached public pages after a write made here, so that the writer sees
// the change at once (other processes notice it through content_version within a second).
void InvalidatePublicPages();

}  // namespace xaso::web
