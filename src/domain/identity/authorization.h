// Who may do what: the one place where a permission is granted to a role. Routes name the
// permission they need (web/router.h and the Add*Routes functions); nothing else decides access.
#pragma once

#include <string_view>

#include "domain/identity/identity.h"

namespace xaso::identity {

enum class Permission {
  kReadPublic,            // portal pages, public API
  kSignIn,                // the sign-in form
  kUseAccount,            // sign out, change own password
  kViewDashboard,         // the staff dashboard
  kViewAuditLog,          // read the audit log
  kManageAccounts,        // create accounts, grant roles, reset passwords
  kManageCalendar,        // edit the government's announced days off and swaps
  kPublishAnnouncement,   // write announcements
  kViewPlan,              // the plan board, tasks and their evidence (staff and supervisors)
  kManagePlan,            // create and re-plan tasks
  kReportProgress,        // report a task's progress (the service checks the unit)
  kCommentTask,           // comment on a task
  kReadNotices,           // read and mark read one's own in-app notices
  kViewOversight,         // read the inspection and supervision registers
  kManageInspections,     // plan inspections, record their conclusions and findings
  kRecheckFinding,        // record a re-inspection (an officer: his unit's findings only)
  kRecordRecommendation,  // record a supervising body's recommendation
  kAnswerRecommendation,  // answer one (an officer: when his unit is assigned)
  kViewFeedback,          // the feedback register with citizens' contact details
  kHandleFeedback,        // enter, assign, answer, forward, close (an officer: his unit's items)
  kModerateFeedback,      // hide an item from the public side, with a reason
  kManageFeedbackCategories,  // add, rename, reroute, set the answer days of, deactivate
  kViewDossiers,              // the one-stop register and dossiers, with applicants' details
  kReceiveDossiers,           // receive a dossier at the desk, import a portal's dossiers
  kHandleDossiers,            // take a dossier's steps (an officer: the dossiers assigned to him)
  kViewDossierStatistics,     // the one-stop statistics (no personal data)
  kManageSurveys,             // build surveys, open and close them, mint codes, import
  kEnterSurveyResponses,      // enter a paper or face-to-face interview's answers
  kViewSurveyResults,         // survey results and the export (no respondent is named)
  kViewDisclosures,           // the disclosure register with drafts, and its compliance
  kManageDisclosures,         // create, attach, publish, record postings, withdraw
};

inline constexpr Permission kAllPermissions[] = {Permission::kReadPublic,
                                                 Permission::kSignIn,
                                                 Permission::kUseAccount,
                                                 Permission::kViewDashboard,
                                                 Permission::kViewAuditLog,
                                                 Permission::kManageAccounts,
                                                 Permission::kManageCalendar,
                                                 Permission::kPublishAnnouncement,
                                                 Permission::kViewPlan,
                                                 Permission::kManagePlan,
                                                 Permission::kReportProgress,
                                                 Permission::kCommentTask,
                                                 Permission::kReadNotices,
                                                 Permission::kViewOversight,
                                                 Permission::kManageInspections,
                                                 Permission::kRecheckFinding,
                                                 Permission::kRecordRecommendation,
                                                 Permission::kAnswerRecommendation,
                                                 Permission::kViewFeedback,
                                                 Permission::kHandleFeedback,
                                                 Permission::kModerateFeedback,
                                                 Permission::kManageFeedbackCategories,
                                                 Permission::kViewDossiers,
                                                 Permission::kReceiveDossiers,
                                                 Permission::kHandleDossiers,
                                                 Permission::kViewDossierStatistics,
                                                 Permission::kManageSurveys,
                                                 Permission::kEnterSurveyResponses,
                                                 Permission::kViewSurveyResults,
                                                 Permission::kViewDisclosures,
                                                 Permission::kManageDisclosures};

bool Allows(Role role, Permission permission);
std::string_view PermissionCode(Permission permission);

}  // namespace xaso::identity
