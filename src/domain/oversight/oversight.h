// Oversight of the commune's own work: inspections with their findings and re-inspections
// (plan II.4), and the recommendations of the supervising bodies that the commune must answer
// (plan III.3; LEGAL.md §2.6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/legal_calendar.h"

namespace xaso::oversight {

enum class InspectionKind { kPlanned, kUnannounced };
enum class FindingStatus { kOpen, kClosed };
// Ủy ban MTTQ, Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng.
enum class SupervisoryBody { kMttq, kBttnd, kBgsdtcd };
enum class RecommendationStatus { kOpen, kAnswered };

std::string_view KindCode(InspectionKind k);
std::optional<InspectionKind> KindFromCode(std::string_view code);
std::string_view FindingStatusCode(FindingStatus s);
std::optional<FindingStatus> FindingStatusFromCode(std::string_view code);
std::string_view BodyCode(SupervisoryBody b);
std::optional<SupervisoryBody> BodyFromCode(std::string_view code);
std::string_view RecommendationStatusCode(RecommendationStatus s);
std::optional<RecommendationStatus> RecommendationStatusFromCode(std::string_view code);

// A re-inspection of one finding. Remedied closes the finding on `checked_on`; otherwise the
// finding is open again with `new_due_on` as its deadline.
struct Recheck {
  int64_t id = 0;
  int64_t finding_id = 0;
  Date checked_on;
  bool remedied = false;
  std::string note;
  std::optional<Date> new_due_on;  // set exactly when not remedied
  int64_t actor_id = 0;
  int64_t at = 0;
};

struct Finding {
  int64_t id = 0;
  int64_t commune_id = 0;
  int64_t inspection_id = 0;
  std::string description;
  int64_t responsible_unit_id = 0;
  Date remediation_due_on;  // as written; the latest recheck's new deadline once reopened
  FindingStatus status = FindingStatus::kOpen;
  std::string sanction;  // the sanction decided, if any
  std::optional<Date> closed_on;
  int64_t version = 1;
  std::vector<Recheck> rechecks;  // oldest first, when read with the finding
};

struct Inspection {
  int64_t id = 0;
  int64_t commune_id = 0;
  InspectionKind kind = InspectionKind::kPlanned;
  std::optional<int64_t> unit_id;  // the unit inspected, or
  std::string subject;             // what else: "Cơ sở chăn nuôi lợn hộ ông ..."
  std::string topic;
  std::optional<int> dimension;  // the PAPI dimension it serves
  Date scheduled_on;
  std::optional<Date> conducted_on;
  std::string conclusion;
  int64_t created_by = 0;
  int64_t version = 1;
  std::vector<Finding> findings;  // id order, when read with the inspection
};

// A recommendation is answered within a number of days looked up in the rule book on the day
// it was received; the rule version and the due date are stored with it and never recomputed.
struct Recommendation {
  int64_t id = 0;
  int64_t commune_id = 0;
  SupervisoryBody body = SupervisoryBody::kMttq;
  std::string reference;  // the supervising body's document number
  Date received_on;
  std::string title;
  std::string content;
  std::optional<int64_t> assigned_unit_id;
  std::string rule_key;
  Date rule_effective_from;
  Date due_on;
  RecommendationStatus status = RecommendationStatus::kOpen;
  std::string answer;
  std::string answer_reference;
  std::optional<Date> answered_on;
  int64_t recorded_by = 0;
  int64_t version = 1;
};

struct Answer {
  int64_t recommendation_id = 0;
  int64_t version = 0;  // the version the person answering saw
  std::string text;
  std::string reference;
  Date answered_on;
};

// Field checks; each returns kInvalidArgument with Vietnamese field errors. `today` bounds the
// dates that record something done: they may not be in the future.
Status ValidateInspection(const Inspection& i, Date today);
// `inspected_on`: the day of the inspection (conducted, else scheduled).
Status ValidateFinding(const Finding& f, Date inspected_on);
// A recheck of `f` (read with its rechecks) is dated on or after the inspection, the latest
// recheck and the day the finding was closed, so a back-dated recheck never reopens a finding.
Status ValidateRecheck(const Recheck& r, const Finding& f, Date inspected_on, Date today);
Status ValidateRecommendation(const Recommendation& r, Date today);
Status ValidateAnswer(const Answer& a, const Recommendation& r, Date today);

// The day an inspection counts from: conducted, else scheduled.
inline Date InspectedOn(const Inspection& i) { return i.conducted_on.value_or(i.scheduled_on); }

// A remediation deadline on a weekend or day off moves to the next working day (Bộ luật Dân
// sự 2015 Art 148(5)); an open finding is overdue the day after that.
Date EffectiveRemediationDue(const Finding& f, const calendar::LegalCalendar& cal);
bool IsOverdue(const Finding& f, Date today, const calendar::LegalCalendar& cal);

// Open and past its due date, or answered after it.
bool IsLate(const Recommendation& r, Date today);

}  // namespace xaso::oversight
