#include "domain/onestop/procedure.h"

#include <string>

#include "core/code_table.h"
#include "core/field_check.h"

namespace xaso::onestop {
namespace {

constexpr std::pair<OnlineLevel, std::string_view> kOnlineLevels[] = {
    {OnlineLevel::kFull, "full"}, {OnlineLevel::kPartial, "partial"}, {OnlineLevel::kNone, "none"}};
constexpr std::pair<FeeKind, std::string_view> kFeeKinds[] = {{FeeKind::kFee, "phi"},
                                                              {FeeKind::kCharge, "le_phi"}};

bool IsCodeChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == '-' || c == '_';
}

// One error for the whole list, naming the first bad item (1-based), so that a form shows one
// message next to the list rather than one per line.
void CheckList(Error& err, std::string_view field, const std::vector<std::string>& items,
               std::string_view name) {
  if (items.empty()) {
    err.fields.push_back({std::string(field), "Cần có ít nhất một " + std::string(name) + "."});
    return;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    Error one{ErrorCode::kInvalidArgument, "", {}};
    CheckText(one, field, items[i], 1000, std::string(name) + " thứ " + std::to_string(i + 1));
    if (!one.fields.empty()) {
      err.fields.push_back(std::move(one.fields.front()));
      return;
    }
  }
}

}  // namespace

std::string_view OnlineLevelCode(OnlineLevel l) { return ToCode(kOnlineLevels, l); }
std::optional<OnlineLevel> OnlineLevelFromCode(std::string_view c) {
  return FromCode(kOnlineLevels, c);
}
std::string_view FeeKindCode(FeeKind k) { return ToCode(kFeeKinds, k); }
std::optional<FeeKind> FeeKindFromCode(std::string_view c) { return FromCode(kFeeKinds, c); }

bool IsProcedureCode(std::string_view code) {
  if (code.empty() || code.size() > 30) return false;
  for (char c : code) {
    if (!IsCodeChar(c)) return false;
  }
  return true;
}

Status ValidateProcedure(const Procedure& p) {
  Error err{ErrorCode::kInvalidArgument, "Thủ tục hành chính chưa hợp lệ.", {}};
  if (!IsProcedureCode(p.code)) {
    err.fields.push_back({"code", "Mã thủ tục không hợp lệ (1–30 ký tự: chữ, số, dấu . - _)."});
  }
  CheckText(err, "name", p.name, 300, "tên thủ tục");
  CheckText(err, "field", p.field, 200, "lĩnh vực");
  CheckText(err, "legal_basis", p.legal_basis, 2000, "căn cứ pháp lý");
  CheckText(err, "unit_code", p.unit_code, 50, "bộ phận giải quyết");
  CheckList(err, "steps", p.steps, "bước thực hiện");
  CheckList(err, "documents", p.documents, "thành phần hồ sơ");
  if (p.same_day && p.working_days != 0) {
    err.fields.push_back(
        {"processing_time", "Thủ tục giải quyết trong ngày không có số ngày làm việc."});
  } else if (!p.same_day && (p.working_days < 1 || p.working_days > kMaxWorkingDays)) {
    err.fields.push_back(
        {"processing_time", "Thời hạn giải quyết phải là trong ngày hoặc từ 1 đến " +
                                std::to_string(kMaxWorkingDays) + " ngày làm việc."});
  }
  for (size_t i = 0; i < p.fees.size(); ++i) {
    const Fee& f = p.fees[i];
    const std::string nth = " thứ " + std::to_string(i + 1);
    CheckText(err, "fees", f.name, 200, "tên khoản phí, lệ phí" + nth);
    CheckText(err, "fees", f.per, 50, "đơn vị tính của khoản phí, lệ phí" + nth, false);
    if (f.amount_dong < 0) {
      err.fields.push_back({"fees", "Mức thu của khoản phí, lệ phí" + nth + " không được âm."});
    }
  }
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::onestop
