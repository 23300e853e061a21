#include "domain/onestop/dossier.h"

#include <string>

#include "core/clock.h"
#include "core/code_table.h"
#include "core/field_check.h"

namespace xaso::onestop {
namespace {

constexpr std::pair<DossierStatus, std::string_view> kStatuses[] = {
    {DossierStatus::kReceived, "received"},
    {DossierStatus::kAssigned, "assigned"},
    {DossierStatus::kProcessing, "processing"},
    {DossierStatus::kSupplementRequested, "supplement_requested"},
    {DossierStatus::kResultReady, "result_ready"},
    {DossierStatus::kReturned, "returned"},
    {DossierStatus::kRefused, "refused"},
    {DossierStatus::kStopped, "stopped"},
};
constexpr std::pair<Satisfaction, std::string_view> kSatisfactions[] = {
    {Satisfaction::kVerySatisfied, "very_satisfied"},
    {Satisfaction::kSatisfied, "satisfied"},
    {Satisfaction::kNotSatisfied, "not_satisfied"},
};

}  // namespace

std::string_view DossierStatusCode(DossierStatus s) { return ToCode(kStatuses, s); }
std::optional<DossierStatus> DossierStatusFromCode(std::string_view c) {
  return FromCode(kStatuses, c);
}
std::string_view SatisfactionCode(Satisfaction s) { return ToCode(kSatisfactions, s); }
std::optional<Satisfaction> SatisfactionFromCode(std::string_view c) {
  return FromCode(kSatisfactions, c);
}

bool IsClosed(DossierStatus s) {
  return s == DossierStatus::kReturned || s == DossierStatus::kRefused ||
         s == DossierStatus::kStopped;
}

bool CanMove(DossierStatus from, DossierStatus to) {
  using S = DossierStatus;
  switch (to) {
    case S::kReceived: return false;
    case S::kAssigned: return from == S::kReceived;
    case S::kProcessing: return from == S::kAssigned || from == S::kSupplementRequested;
    case S::kSupplementRequested:
    case S::kResultReady: return from == S::kProcessing;
    case S::kReturned: return from == S::kResultReady;
    // Form 03 at the desk (not acceptable) or after examination (not eligible, not competent).
    case S::kRefused: return from == S::kReceived || from == S::kProcessing;
    // Form 05: the applicant may withdraw until the result is ready; after that it is returned.
    case S::kStopped: return !IsClosed(from) && from != S::kResultReady;
  }
  return false;
}

Status ValidateExtension(const Extension& ext, DossierStatus status, Date due_on,
                         int extensions_so_far, const ExtensionRule& rule) {
  if (IsClosed(status) || status == DossierStatus::kResultReady) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Hồ sơ đã có kết quả hoặc đã kết thúc, không cần gia hạn.");
  }
  const Date last_day = due_on.AddDays(-rule.notice_days);
  if (Clock::DayVn(ext.issued_at) > last_day) {
    std::string msg = "Hồ sơ hẹn trả ngày " + due_on.ToVi() + ": văn bản xin lỗi và gia hạn ";
    msg += rule.notice_days == 0 ? "phải ban hành trước khi quá hạn."
                                 : "phải ban hành chậm nhất " + std::to_string(rule.notice_days) +
                                       " ngày trước ngày hẹn trả.";
    return MakeError(ErrorCode::kFailedPrecondition, std::move(msg));
  }
  if (rule.max_extensions > 0 && extensions_so_far >= rule.max_extensions) {
    return MakeError(ErrorCode::kFailedPrecondition, "Hồ sơ đã được gia hạn " +
                                                         std::to_string(extensions_so_far) +
                                                         " lần, không được gia hạn thêm.");
  }
  Error err{ErrorCode::kInvalidArgument, "Văn bản xin lỗi và gia hạn chưa hợp lệ.", {}};
  if (ext.new_due_on <= due_on) {
    err.fields.push_back(
        {"new_due_on", "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại (" + due_on.ToVi() + ")."});
  }
  CheckText(err, "reason", ext.reason, 2000, "lý do gia hạn");
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::onestop
