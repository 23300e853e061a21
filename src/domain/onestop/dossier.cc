#include "domain/onestop/dossier.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
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
constexpr std::pair<DossierChannel, std::string_view> kChannels[] = {
    {DossierChannel::kDesk, "desk"},
    {DossierChannel::kOnline, "online"},
    {DossierChannel::kPost, "post"},
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

std::string_view DossierChannelCode(DossierChannel c) { return ToCode(kChannels, c); }
std::optional<DossierChannel> DossierChannelFromCode(std::string_view c) {
  return FromCode(kChannels, c);
}

std::optional<Timeliness> TimelinessOf(const Dossier& d, int64_t now) {
  if (d.finished_at) return ClassifyFinished(d.due_on, *d.finished_at);
  switch (d.status) {
    case DossierStatus::kReceived:
    case DossierStatus::kAssigned:
    case DossierStatus::kProcessing: return ClassifyUnfinished(d.due_on, now);
    default: return std::nullopt;
  }
}

bool IsDossierCode(std::string_view code) {
  if (code.size() < 5 || code.size() > 60) return false;
  return std::all_of(code.begin(), code.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '.' || ch == '-' || ch == '_';
  });
}

std::string MintDossierCode(std::string_view agency_code, Date day, int64_t sequence) {
  char stamp[16];
  std::snprintf(stamp, sizeof stamp, "%02d%02d%02d", day.year() % 100, day.month(), day.day());
  std::string seq = std::to_string(sequence);
  if (seq.size() < 4) seq.insert(0, 4 - seq.size(), '0');
  return std::string(agency_code) + "-" + stamp + "-" + seq;
}

std::string Initials(std::string_view name) {
  std::string out;
  bool at_word_start = true;
  for (size_t i = 0; i < name.size();) {
    const auto ch = static_cast<unsigned char>(name[i]);
    const size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    const bool space = ch == ' ' || ch == '\t';
    if (space) {
      at_word_start = true;
    } else if (at_word_start) {
      // The first code point of the word, whole: "Đ" is two bytes.
      out.append(name.substr(i, std::min(len, name.size() - i)));
      out += '.';
      at_word_start = false;
    }
    i += len;
  }
  return out;
}

Status ValidateIntake(const Applicant& a, const std::vector<std::string>& documents,
                      DossierChannel channel) {
  Error err{ErrorCode::kInvalidArgument, "Hồ sơ tiếp nhận chưa hợp lệ.", {}};
  CheckText(err, "applicant_name", a.name, 200, "họ tên người nộp");
  CheckText(err, "applicant_phone", a.phone, 20, "số điện thoại", /*required=*/false);
  CheckText(err, "applicant_address", a.address, 500, "địa chỉ", /*required=*/false);
  if (documents.empty() && channel != DossierChannel::kOnline) {
    err.fields.push_back({"documents", "Ghi ít nhất một giấy tờ đã nhận."});
  } else if (documents.size() > 50) {
    err.fields.push_back({"documents", "Tối đa 50 giấy tờ."});
  } else {
    const size_t before = err.fields.size();
    for (const auto& d : documents) {
      CheckText(err, "documents", d, 500, "tên giấy tờ");
      if (err.fields.size() > before) break;  // one message for the list is enough
    }
  }
  return FieldErrorsOrOk(std::move(err));
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
