#include "domain/oversight/oversight_service.h"

#include <algorithm>
#include <optional>
#include <string>

namespace xaso::oversight {

using identity::Role;

namespace {

Error Denied(const char* message) { return MakeError(ErrorCode::kPermissionDenied, message); }

}  // namespace

Result<AnswerDue> ComputeAnswerDue(const rules::RuleBook& book, int64_t commune_id, Date received,
                                   const calendar::LegalCalendar& cal) {
  auto rule = book.Lookup(kAnswerRuleKey, received, commune_id);
  if (!rule && rule.error().code == ErrorCode::kNotFound) {
    // The first version that applies to the commune (its own or the national one), if any.
    std::optional<Date> first;
    for (const auto& x : book.rules()) {
      if (x.key != kAnswerRuleKey || (x.commune_id != 0 && x.commune_id != commune_id)) continue;
      if (!first || x.effective_from < *first) first = x.effective_from;
    }
    std::string message = "Chưa có quy định thời hạn trả lời áp dụng cho ngày nhận này";
    message += first ? " (quy định có hiệu lực từ " + first->ToVi() + ")." : ".";
    return Error{ErrorCode::kInvalidArgument, "Kiến nghị chưa hợp lệ.", {{"received_on", message}}};
  }
  if (!rule) return rule.error();
  XASO_ASSIGN_OR_RETURN(int days, book.LookupInt(kAnswerRuleKey, received, commune_id));
  // The case keeps the calendar rules of the day it was received, like the rule itself.
  const Date due = cal.ForRulesInForceOn(received).CalendarDaysDeadline(received, days);
  return AnswerDue{rule->key, rule->effective_from, due};
}

void SortLateFirst(std::vector<RecommendationView>& views) {
  auto rank = [](const RecommendationView& v) {
    const bool open = v.recommendation.status == RecommendationStatus::kOpen;
    if (v.late) return open ? 0 : 1;
    return open ? 2 : 3;
  };
  std::stable_sort(views.begin(), views.end(), [&](const auto& a, const auto& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.recommendation.due_on != b.recommendation.due_on) {
      return a.recommendation.due_on < b.recommendation.due_on;
    }
    return a.recommendation.id < b.recommendation.id;
  });
}

bool OversightService::CanInspect(const identity::Account& who) {
  return who.role == Role::kLeader || who.role == Role::kAdmin;
}

bool OversightService::CanRecheck(const identity::Account& who, const Finding& f) {
  if (who.commune_id != f.commune_id) return false;
  if (CanInspect(who)) return true;
  return who.role == Role::kOfficer && who.unit_id == f.responsible_unit_id;
}

bool OversightService::CanRecord(const identity::Account& who) {
  return who.role == Role::kSupervisor;
}

bool OversightService::CanAnswer(const identity::Account& who, const Recommendation& r) {
  if (who.commune_id != r.commune_id) return false;
  if (who.role == Role::kLeader) return true;
  return who.role == Role::kOfficer && who.unit_id && who.unit_id == r.assigned_unit_id;
}

Status OversightService::CheckUnit(int64_t commune_id, int64_t unit_id, const char* field) {
  XASO_ASSIGN_OR_RETURN(auto units, identity_.ListUnits(commune_id));
  if (std::any_of(units.begin(), units.end(), [&](const auto& u) { return u.id == unit_id; })) {
    return Ok{};
  }
  return Error{ErrorCode::kInvalidArgument,
               "Dữ liệu chưa hợp lệ.",
               {{field, "Bộ phận này không thuộc xã."}}};
}

Result<int64_t> OversightService::CreateInspection(const identity::Account& who, Inspection i,
                                                   const audit::AuditRecord& rec) {
  if (!CanInspect(who)) return Denied("Chỉ lãnh đạo xã lập kế hoạch kiểm tra.");
  i.commune_id = who.commune_id;
  i.created_by = who.id;
  XASO_RETURN_IF_ERROR(ValidateInspection(i, clock_.TodayVn()));
  if (i.unit_id) XASO_RETURN_IF_ERROR(CheckUnit(i.commune_id, *i.unit_id, "unit"));
  return repo_.CreateInspection(i, rec, clock_.NowUnix());
}

Result<int64_t> OversightService::RecordConduct(const identity::Account& who, int64_t id,
                                                int64_t version, Date conducted_on,
                                                const std::string& conclusion,
                                                const audit::AuditRecord& rec) {
  if (!CanInspect(who)) return Denied("Chỉ lãnh đạo xã ghi kết quả kiểm tra.");
  XASO_ASSIGN_OR_RETURN(Inspection i, repo_.GetInspection(who.commune_id, id));
  i.conducted_on = conducted_on;
  i.conclusion = conclusion;
  XASO_RETURN_IF_ERROR(ValidateInspection(i, clock_.TodayVn()));
  for (const Finding& f : i.findings) {
    if (f.remediation_due_on < conducted_on) {
      return Error{ErrorCode::kInvalidArgument,
                   "Cuộc kiểm tra chưa hợp lệ.",
                   {{"conducted_on", "Đã có phát hiện với hạn khắc phục trước ngày này."}}};
    }
  }
  return repo_.RecordConduct(who.commune_id, id, version, conducted_on, conclusion, rec,
                             clock_.NowUnix());
}

Result<int64_t> OversightService::AddFinding(const identity::Account& who, Finding f,
                                             const audit::AuditRecord& rec) {
  if (!CanInspect(who)) return Denied("Chỉ lãnh đạo xã ghi phát hiện kiểm tra.");
  XASO_ASSIGN_OR_RETURN(Inspection i, repo_.GetInspection(who.commune_id, f.inspection_id));
  f.commune_id = who.commune_id;
  f.status = FindingStatus::kOpen;
  XASO_RETURN_IF_ERROR(ValidateFinding(f, InspectedOn(i)));
  XASO_RETURN_IF_ERROR(CheckUnit(f.commune_id, f.responsible_unit_id, "responsible_unit"));
  return repo_.AddFinding(f, rec, clock_.NowUnix());
}

Result<int64_t> OversightService::RecordRecheck(const identity::Account& who, Recheck r,
                                                int64_t finding_version,
                                                const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Finding f, repo_.GetFinding(who.commune_id, r.finding_id));
  if (!CanRecheck(who, f)) {
    return Denied("Chỉ lãnh đạo xã hoặc bộ phận chịu trách nhiệm ghi kết quả tái kiểm tra.");
  }
  XASO_ASSIGN_OR_RETURN(Inspection i, repo_.GetInspection(who.commune_id, f.inspection_id));
  r.actor_id = who.id;
  XASO_RETURN_IF_ERROR(ValidateRecheck(r, f, InspectedOn(i), clock_.TodayVn()));
  return repo_.RecordRecheck(who.commune_id, r, finding_version, rec, clock_.NowUnix());
}

Result<int64_t> OversightService::CreateRecommendation(const identity::Account& who,
                                                       Recommendation r,
                                                       const audit::AuditRecord& rec) {
  if (!CanRecord(who)) return Denied("Chỉ tài khoản giám sát ghi nhận kiến nghị.");
  r.commune_id = who.commune_id;
  r.recorded_by = who.id;
  r.status = RecommendationStatus::kOpen;
  XASO_RETURN_IF_ERROR(ValidateRecommendation(r, clock_.TodayVn()));
  if (r.assigned_unit_id) {
    XASO_RETURN_IF_ERROR(CheckUnit(r.commune_id, *r.assigned_unit_id, "assigned_unit"));
  }
  XASO_ASSIGN_OR_RETURN(auto all, rules_.LoadRules());
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(r.commune_id));
  XASO_ASSIGN_OR_RETURN(AnswerDue due, ComputeAnswerDue(rules::RuleBook(std::move(all)),
                                                        r.commune_id, r.received_on, *cal));
  r.rule_key = due.rule_key;
  r.rule_effective_from = due.rule_effective_from;
  r.due_on = due.due_on;
  return repo_.CreateRecommendation(r, rec, clock_.NowUnix());
}

Result<int64_t> OversightService::AnswerRecommendation(const identity::Account& who,
                                                       const Answer& a,
                                                       const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Recommendation r,
                        repo_.GetRecommendation(who.commune_id, a.recommendation_id));
  if (!CanAnswer(who, r)) {
    return Denied("Chỉ lãnh đạo xã hoặc bộ phận được giao trả lời kiến nghị này.");
  }
  if (r.status == RecommendationStatus::kAnswered) {
    return MakeError(ErrorCode::kFailedPrecondition, "Kiến nghị này đã được trả lời.");
  }
  XASO_RETURN_IF_ERROR(ValidateAnswer(a, r, clock_.TodayVn()));
  return repo_.AnswerRecommendation(who.commune_id, a, rec, clock_.NowUnix());
}

InspectionView OversightService::Evaluate(Inspection i, const calendar::LegalCalendar& cal,
                                          Date today) const {
  InspectionView v;
  for (Finding& f : i.findings) {
    FindingView fv{std::move(f), {}, false};
    fv.due = EffectiveRemediationDue(fv.finding, cal);
    fv.overdue = IsOverdue(fv.finding, today, cal);
    if (fv.finding.status == FindingStatus::kOpen) ++v.open_findings;
    if (fv.overdue) ++v.overdue_findings;
    v.findings.push_back(std::move(fv));
  }
  i.findings.clear();
  v.inspection = std::move(i);
  return v;
}

Result<InspectionView> OversightService::ViewInspection(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(Inspection i, repo_.GetInspection(commune_id, id));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(commune_id));
  return Evaluate(std::move(i), *cal, clock_.TodayVn());
}

Result<FindingView> OversightService::ViewFinding(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(Finding f, repo_.GetFinding(commune_id, id));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(commune_id));
  const Date due = EffectiveRemediationDue(f, *cal);
  const bool overdue = IsOverdue(f, clock_.TodayVn(), *cal);
  return FindingView{std::move(f), due, overdue};
}

Result<std::vector<InspectionView>> OversightService::ListInspections(
    const InspectionFilter& filter) {
  XASO_ASSIGN_OR_RETURN(auto list, repo_.ListInspections(filter));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(filter.commune_id));
  const Date today = clock_.TodayVn();
  std::vector<InspectionView> out;
  out.reserve(list.size());
  for (Inspection& i : list) out.push_back(Evaluate(std::move(i), *cal, today));
  return out;
}

Result<RecommendationView> OversightService::ViewRecommendation(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(Recommendation r, repo_.GetRecommendation(commune_id, id));
  const bool late = IsLate(r, clock_.TodayVn());
  return RecommendationView{std::move(r), late};
}

Result<std::vector<RecommendationView>> OversightService::ListRecommendations(
    const RecommendationFilter& filter) {
  XASO_ASSIGN_OR_RETURN(auto list, repo_.ListRecommendations(filter));
  const Date today = clock_.TodayVn();
  std::vector<RecommendationView> out;
  out.reserve(list.size());
  for (Recommendation& r : list) {
    const bool late = IsLate(r, today);
    out.push_back({std::move(r), late});
  }
  return out;
}

}  // namespace xaso::oversight
