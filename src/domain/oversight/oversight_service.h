// The rules of inspections and supervision that need more than one record: who may record
// what, that units are the commune's, the due date of a recommendation from the rule book and
// the legal calendar, and the overdue and late marks of the registers.
#pragma once

#include <vector>

#include "core/clock.h"
#include "domain/calendar/calendar_service.h"
#include "domain/identity/identity.h"
#include "domain/identity/identity_repository.h"
#include "domain/oversight/oversight_repository.h"
#include "domain/rules/rule_book.h"

namespace xaso::oversight {

inline constexpr const char* kAnswerRuleKey = "supervision.answer_max";

// The due date of a recommendation received on `received`: the rule version in force that
// day (the commune's own first), n calendar days on the calendar of that day's rules, moved
// off a weekend or holiday. Errors: kInvalidArgument with a field error on "received_on" when
// no rule is in force that day, kFailedPrecondition when its value is not a number.
struct AnswerDue {
  std::string rule_key;
  Date rule_effective_from;
  Date due_on;
};
Result<AnswerDue> ComputeAnswerDue(const rules::RuleBook& book, int64_t commune_id, Date received,
                                   const calendar::LegalCalendar& cal);

struct FindingView {
  Finding finding;
  Date due;  // moved to a working day
  bool overdue = false;
};

struct InspectionView {
  Inspection inspection;
  std::vector<FindingView> findings;
  int open_findings = 0;
  int overdue_findings = 0;
};

struct RecommendationView {
  Recommendation recommendation;
  bool late = false;
};

// Late first (open ones before those answered late), then by due date, then by id.
void SortLateFirst(std::vector<RecommendationView>& views);

// Stateless apart from its references; thread-safe as far as they are.
class OversightService {
 public:
  OversightService(OversightRepository& repo, identity::IdentityRepository& identity,
                   calendar::CalendarService& calendar, rules::RuleRepository& rules,
                   const Clock& clock)
      : repo_(repo), identity_(identity), calendar_(calendar), rules_(rules), clock_(clock) {}

  // Leaders and administrators plan and record inspections and findings.
  static bool CanInspect(const identity::Account& who);
  // They, and an officer of the unit responsible for the finding, record a re-inspection.
  static bool CanRecheck(const identity::Account& who, const Finding& f);
  // Supervisors record recommendations.
  static bool CanRecord(const identity::Account& who);
  // Leaders, and officers of the assigned unit, answer.
  static bool CanAnswer(const identity::Account& who, const Recommendation& r);

  // Each returns kPermissionDenied, kInvalidArgument (field errors), kNotFound, or kAborted
  // for a stale version; the writes return the new id or version.
  Result<int64_t> CreateInspection(const identity::Account& who, Inspection i,
                                   const audit::AuditRecord& rec);
  Result<int64_t> RecordConduct(const identity::Account& who, int64_t id, int64_t version,
                                Date conducted_on, const std::string& conclusion,
                                const audit::AuditRecord& rec);
  Result<int64_t> AddFinding(const identity::Account& who, Finding f,
                             const audit::AuditRecord& rec);
  Result<int64_t> RecordRecheck(const identity::Account& who, Recheck r, int64_t finding_version,
                                const audit::AuditRecord& rec);
  // Computes the due date from the rule book (kAnswerRuleKey) on the received date.
  Result<int64_t> CreateRecommendation(const identity::Account& who, Recommendation r,
                                       const audit::AuditRecord& rec);
  // kFailedPrecondition when already answered.
  Result<int64_t> AnswerRecommendation(const identity::Account& who, const Answer& a,
                                       const audit::AuditRecord& rec);

  Result<InspectionView> ViewInspection(int64_t commune_id, int64_t id);
  // One finding with its rechecks; kNotFound when not the commune's.
  Result<FindingView> ViewFinding(int64_t commune_id, int64_t id);
  Result<std::vector<InspectionView>> ListInspections(const InspectionFilter& filter);
  Result<RecommendationView> ViewRecommendation(int64_t commune_id, int64_t id);
  // In the filter's id order; the pages sort with SortLateFirst.
  Result<std::vector<RecommendationView>> ListRecommendations(const RecommendationFilter& filter);

 private:
  // kInvalidArgument with an error on `field` unless `unit_id` is one of the commune's units.
  Status CheckUnit(int64_t commune_id, int64_t unit_id, const char* field);
  InspectionView Evaluate(Inspection i, const calendar::LegalCalendar& cal, Date today) const;

  OversightRepository& repo_;
  identity::IdentityRepository& identity_;
  calendar::CalendarService& calendar_;
  rules::RuleRepository& rules_;
  const Clock& clock_;
};

}  // namespace xaso::oversight
