#include "domain/identity/authorization.h"

namespace xaso::identity {

bool Allows(Role role, Permission p) {
  const bool signed_in = role != Role::kAnonymous;
  const bool staff = role == Role::kClerk || role == Role::kOfficer || role == Role::kLeader ||
                     role == Role::kAdmin;
  switch (p) {
    case Permission::kReadPublic:
    case Permission::kSignIn: return true;
    case Permission::kUseAccount: return signed_in;
    case Permission::kViewDashboard:
    case Permission::kReadNotices:
      // Supervisors and the level above read the commune's records too (PRODUCT.md), and
      // every one of these roles may be sent notices (a late answer reaches the supervisor).
      return staff || role == Role::kSupervisor || role == Role::kLevelAbove;
    case Permission::kViewAuditLog:
      return role == Role::kLeader || role == Role::kAdmin || role == Role::kSupervisor;
    case Permission::kManageAccounts:
    case Permission::kManageCalendar: return role == Role::kAdmin;
    case Permission::kPublishAnnouncement:
      return role == Role::kOfficer || role == Role::kLeader || role == Role::kAdmin;
    case Permission::kViewPlan:
      return staff || role == Role::kSupervisor || role == Role::kLevelAbove;
    case Permission::kManagePlan: return role == Role::kLeader || role == Role::kAdmin;
    case Permission::kReportProgress:
    case Permission::kCommentTask:
      // Members of a unit, checked against the task by plan::PlanService::CanEdit.
      return staff || role == Role::kSupervisor;
    case Permission::kViewOversight:
      // The clerk and citizens are not among the readers of the registers (plan II.4, III.3).
      return role == Role::kOfficer || role == Role::kLeader || role == Role::kAdmin ||
             role == Role::kSupervisor || role == Role::kLevelAbove;
    case Permission::kManageInspections: return role == Role::kLeader || role == Role::kAdmin;
    case Permission::kRecheckFinding:
      return role == Role::kOfficer || role == Role::kLeader || role == Role::kAdmin;
    case Permission::kRecordRecommendation: return role == Role::kSupervisor;
    case Permission::kAnswerRecommendation: return role == Role::kOfficer || role == Role::kLeader;
    case Permission::kViewFeedback: return staff || role == Role::kSupervisor;
    case Permission::kHandleFeedback:
      // An officer acts on his unit's items only (feedback::FeedbackService::CanHandle).
      return staff;
    case Permission::kModerateFeedback:
    case Permission::kManageFeedbackCategories:
      return role == Role::kLeader || role == Role::kAdmin;
    case Permission::kViewDossiers: return staff;
    case Permission::kReceiveDossiers:
      return role == Role::kClerk || role == Role::kLeader || role == Role::kAdmin;
    case Permission::kHandleDossiers:
      // An officer acts on the dossiers assigned to him (onestop::DossierService::CanHandle).
      return staff;
    case Permission::kViewDossierStatistics:
    case Permission::kViewSurveyResults:
      return staff || role == Role::kSupervisor || role == Role::kLevelAbove;
    case Permission::kManageSurveys:
      return role == Role::kOfficer || role == Role::kLeader || role == Role::kAdmin;
    case Permission::kEnterSurveyResponses:
      return role == Role::kClerk || role == Role::kOfficer || role == Role::kLeader;
    case Permission::kViewDisclosures:
      // The supervisors check the commune's disclosure (Luật THDCCS Art 14(3)); the level above
      // receives its reports.
      return staff || role == Role::kSupervisor || role == Role::kLevelAbove;
    case Permission::kManageDisclosures:
      return role == Role::kOfficer || role == Role::kLeader || role == Role::kAdmin;
  }
  return false;
}

std::string_view PermissionCode(Permission p) {
  switch (p) {
    case Permission::kReadPublic: return "read_public";
    case Permission::kSignIn: return "sign_in";
    case Permission::kUseAccount: return "use_account";
    case Permission::kViewDashboard: return "view_dashboard";
    case Permission::kViewAuditLog: return "view_audit_log";
    case Permission::kManageAccounts: return "manage_accounts";
    case Permission::kManageCalendar: return "manage_calendar";
    case Permission::kPublishAnnouncement: return "publish_announcement";
    case Permission::kViewPlan: return "view_plan";
    case Permission::kManagePlan: return "manage_plan";
    case Permission::kReportProgress: return "report_progress";
    case Permission::kCommentTask: return "comment_task";
    case Permission::kReadNotices: return "read_notices";
    case Permission::kViewOversight: return "view_oversight";
    case Permission::kManageInspections: return "manage_inspections";
    case Permission::kRecheckFinding: return "recheck_finding";
    case Permission::kRecordRecommendation: return "record_recommendation";
    case Permission::kAnswerRecommendation: return "answer_recommendation";
    case Permission::kViewFeedback: return "view_feedback";
    case Permission::kHandleFeedback: return "handle_feedback";
    case Permission::kModerateFeedback: return "moderate_feedback";
    case Permission::kManageFeedbackCategories: return "manage_feedback_categories";
    case Permission::kViewDossiers: return "view_dossiers";
    case Permission::kReceiveDossiers: return "receive_dossiers";
    case Permission::kHandleDossiers: return "handle_dossiers";
    case Permission::kViewDossierStatistics: return "view_dossier_statistics";
    case Permission::kManageSurveys: return "manage_surveys";
    case Permission::kEnterSurveyResponses: return "enter_survey_responses";
    case Permission::kViewSurveyResults: return "view_survey_results";
    case Permission::kViewDisclosures: return "view_disclosures";
    case Permission::kManageDisclosures: return "manage_disclosures";
  }
  return "";
}

}  // namespace xaso::identity
