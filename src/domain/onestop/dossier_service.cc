#include "domain/onestop/dossier_service.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/field_check.h"
#include "core/text.h"

namespace xaso::onestop {
namespace {

const std::string kSupplementCode(DossierStatusCode(DossierStatus::kSupplementRequested));

// The procedure's time limit as copied onto the dossier at receipt.
Procedure TimeLimitOf(const Dossier& d) {
  Procedure p;
  p.same_day = d.same_day;
  p.working_days = d.working_days;
  return p;
}

// The supplement rounds of the process-control sheet, the open one ending `now`.
std::vector<SupplementRound> RoundsOf(const std::vector<Event>& history, int64_t now) {
  std::vector<SupplementRound> rounds;
  for (const auto& e : history) {
    if (e.kind != "status") continue;
    if (e.to_status == kSupplementCode) rounds.push_back({e.at, 0});
    if (e.from_status == kSupplementCode && !rounds.empty()) rounds.back().supplemented_at = e.at;
  }
  if (!rounds.empty() && rounds.back().supplemented_at == 0) rounds.back().supplemented_at = now;
  return rounds;
}

Status CheckStep(const Step& step) {
  Error err{ErrorCode::kInvalidArgument, "Bước xử lý hồ sơ chưa hợp lệ.", {}};
  if (step.to == DossierStatus::kSupplementRequested) {
    if (step.missing.empty()) {
      err.fields.push_back(
          {"missing", "Ghi đủ mọi giấy tờ còn thiếu trong một lần yêu cầu (mẫu 02)."});
    }
    for (const auto& m : step.missing) CheckText(err, "missing", m, 500, "giấy tờ còn thiếu");
  }
  const bool needs_reason =
      step.to == DossierStatus::kRefused || step.to == DossierStatus::kStopped;
  CheckText(err, "note", step.note, 2000, needs_reason ? "lý do" : "ghi chú", needs_reason);
  if (step.to == DossierStatus::kAssigned && !step.assignee_id) {
    err.fields.push_back({"assignee_id", "Chọn cán bộ xử lý hồ sơ."});
  }
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace

DossierService::DossierService(DossierRepository& dossiers, ProcedureRepository& procedures,
                               rules::RuleRepository& rules, calendar::CalendarService& calendar,
                               const Clock& clock, RandomSource random)
    : dossiers_(dossiers),
      procedures_(procedures),
      rules_(rules),
      calendar_(calendar),
      clock_(clock),
      random_(std::move(random)) {}

Result<SameDayCutoff> DossierService::CutoffOn(Date day, int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(auto all_rules, rules_.LoadRules());
  XASO_ASSIGN_OR_RETURN(auto rule,
                        rules::RuleBook(all_rules).Lookup(kSameDayCutoffRule, day, commune_id));
  return ParseSameDayCutoff(rule.value);
}

Result<Dossier> DossierService::Receive(const Intake& in, const std::string& agency_code,
                                        const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  Error err{ErrorCode::kInvalidArgument, "Hồ sơ tiếp nhận chưa hợp lệ.", {}};
  if (Status ok = ValidateIntake(in.applicant, in.documents, in.channel); !ok) err = ok.error();
  if (!in.code.empty() && !IsDossierCode(in.code)) {
    err.fields.push_back({"code", "Mã hồ sơ chỉ gồm chữ, số, dấu chấm, gạch ngang (5-60 ký tự)."});
  }
  if (in.received_at && *in.received_at > now) {
    err.fields.push_back({"received_at", "Thời điểm tiếp nhận không thể ở tương lai."});
  }
  auto procedure = procedures_.GetByCode(in.commune_id, in.procedure_code);
  if (!procedure) {
    if (procedure.error().code != ErrorCode::kNotFound) return procedure.error();
    err.fields.push_back({"procedure", "Xã không có thủ tục mã “" + in.procedure_code + "”."});
  }
  XASO_RETURN_IF_ERROR(FieldErrorsOrOk(std::move(err)));

  Dossier d;
  d.commune_id = in.commune_id;
  d.code = in.code;
  d.procedure_code = procedure->code;
  d.procedure_name = procedure->name;
  d.field = procedure->field;
  d.unit_code = procedure->unit_code;
  d.same_day = procedure->same_day;
  d.working_days = procedure->working_days;
  d.channel = in.channel;
  d.applicant = in.applicant;
  d.documents = in.documents;
  d.received_at = in.received_at.value_or(now);
  XASO_ASSIGN_OR_RETURN(auto cutoff, CutoffOn(Clock::DayVn(d.received_at), in.commune_id));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(in.commune_id));
  d.due_on = DueAt(d.received_at, *procedure, *cal, cutoff);
  d.first_due_on = d.due_on;
  d.rating_pin = PlainCode(random_(kRatingPinLength), kRatingPinLength);
  const std::string procedure_code = d.procedure_code;
  const int64_t received_at = d.received_at;
  auto stored = dossiers_.Create(std::move(d), agency_code, rec);
  if (!stored && stored.error().code == ErrorCode::kAlreadyExists) {
    // The same portal dossier sent again is "already present"; another dossier under the code
    // (the desk minted it first) must not be taken for it and dropped.
    auto existing = dossiers_.GetByCode(in.commune_id, in.code);
    if (existing &&
        (existing->procedure_code != procedure_code || existing->received_at != received_at)) {
      return Error{ErrorCode::kFailedPrecondition,
                   "Mã hồ sơ đã dùng cho một hồ sơ khác của xã.",
                   {{"code", "Mã “" + in.code + "” đã dùng cho hồ sơ khác; kiểm tra lại."}}};
    }
    return Error{ErrorCode::kAlreadyExists,
                 "Hồ sơ đã có trong sổ.",
                 {{"code", "Xã đã có hồ sơ mã “" + in.code + "”."}}};
  }
  return stored;
}

Result<Date> DossierService::DueBackFromSupplement(const Dossier& current) {
  XASO_ASSIGN_OR_RETURN(auto history, dossiers_.History(current.commune_id, current.id));
  const auto rounds = RoundsOf(history, clock_.NowUnix());
  XASO_ASSIGN_OR_RETURN(auto cutoff,
                        CutoffOn(Clock::DayVn(current.received_at), current.commune_id));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(current.commune_id));
  XASO_ASSIGN_OR_RETURN(Date due, DueAfterSupplements(current.received_at, rounds,
                                                      TimeLimitOf(current), *cal, cutoff));
  // An extension granted before the request still stands.
  return std::max(due, current.due_on);
}

Result<Dossier> DossierService::Move(const Dossier& current, Step step,
                                     const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(CheckStep(step));
  step.due_on.reset();
  if (current.status == DossierStatus::kSupplementRequested &&
      step.to == DossierStatus::kProcessing) {
    XASO_ASSIGN_OR_RETURN(Date due, DueBackFromSupplement(current));
    step.due_on = due;
  }
  return dossiers_.Move(current.commune_id, current.id, step, rec, clock_.NowUnix());
}

Result<Dossier> DossierService::Extend(const Dossier& current, Extension ext,
                                       const audit::AuditRecord& rec) {
  ext.issued_at = clock_.NowUnix();
  XASO_ASSIGN_OR_RETURN(auto all_rules, rules_.LoadRules());
  const rules::RuleBook book(all_rules);
  const Date received_on = Clock::DayVn(current.received_at);
  ExtensionRule rule;
  XASO_ASSIGN_OR_RETURN(rule.notice_days,
                        book.LookupInt(kExtensionNoticeRule, received_on, current.commune_id));
  XASO_ASSIGN_OR_RETURN(rule.max_extensions,
                        book.LookupInt(kExtensionMaxRule, received_on, current.commune_id));
  XASO_RETURN_IF_ERROR(
      ValidateExtension(ext, current.status, current.due_on, current.extensions, rule));
  return dossiers_.Extend(current.commune_id, current.id, current.version, ext, rec);
}

Result<Statistics> DossierService::LoadStatistics(const StatisticsFilter& f) {
  XASO_ASSIGN_OR_RETURN(auto counts, dossiers_.LoadCounts(f));
  return SumStatistics(counts, f.by, clock_.TodayVn());
}

bool DossierService::CanHandle(const identity::Account& who, const Dossier& d) {
  using identity::Role;
  if (who.commune_id != d.commune_id) return false;
  if (who.role == Role::kClerk || who.role == Role::kLeader || who.role == Role::kAdmin) {
    return true;
  }
  return who.role == Role::kOfficer && d.assignee_id == who.id;
}

}  // namespace xaso::onestop
