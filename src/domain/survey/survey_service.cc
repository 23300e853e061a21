// SurveyService's answer sheets, imports and one-time codes. Create and Save, which need the
// presets, are in survey_service_create.cc; ScorePapi is in survey_service_papi.cc.
#include "domain/survey/survey_service.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.h"
#include "domain/survey/response_csv.h"

namespace xaso::survey {
namespace {

// People copy codes from a slip: spaces around and lower case are forgiven.
std::string NormalizeCode(std::string_view typed) {
  std::string code(Trim(typed));
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return code;
}

}  // namespace

SurveyService::SurveyService(SurveyRepository& repo, const papi::IndicatorCatalogue& indicators,
                             const Clock& clock, RandomSource random)
    : repo_(repo), indicators_(indicators), clock_(clock), random_(std::move(random)) {}

Result<int64_t> SurveyService::Answer(const Survey& s, const Answers& raw, Channel channel,
                                      const std::string& code, const audit::AuditRecord& rec) {
  if (channel == Channel::kImport) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Phiếu từ tệp CSV phải nhập bằng chức năng nhập tệp.");
  }
  if (s.status != SurveyStatus::kOpen) {
    return MakeError(ErrorCode::kFailedPrecondition, "Khảo sát này không nhận trả lời.");
  }
  // The one place that decides whether a sheet needs a code: a clerk entering an interview met
  // the respondent, so none is asked of it (one typed from a slip is still checked and used).
  std::string typed;
  if (s.needs_code && !Trim(code).empty()) {
    typed = NormalizeCode(code);
    if (typed.size() != kCodeLength || !IsPlainCode(typed)) {
      const std::string message = "Mã phiếu không hợp lệ: mã gồm " + std::to_string(kCodeLength) +
                                  " chữ và số in trên phiếu.";
      return Error{ErrorCode::kInvalidArgument, message, {{"code", message}}};
    }
  } else if (s.needs_code && channel == Channel::kWeb) {
    const std::string message = "Nhập mã phiếu in trên phiếu được phát.";
    return Error{ErrorCode::kInvalidArgument, message, {{"code", message}}};
  }
  XASO_ASSIGN_OR_RETURN(Answers answers, CheckAnswers(s, raw));
  Response r;
  r.survey_id = s.id;
  r.channel = channel;
  r.submitted_at = clock_.NowUnix();
  if (channel == Channel::kWeb) {
    // A public sheet keeps only its day (00:00 in Vietnam): to the second, its time would match
    // the per-IP rate-limit row written with it, which stays an hour or more.
    r.submitted_at = Clock::DayVn(r.submitted_at).days() * 86400 - 7 * 3600;
  }
  r.answers = std::move(answers);
  return repo_.AddResponse(s.commune_id, r, typed, rec);
}

Result<int64_t> SurveyService::Import(const Survey& s, std::string_view csv,
                                      const audit::AuditRecord& rec) {
  if (s.status == SurveyStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Khảo sát còn là bản nháp, chưa nhập được phiếu.");
  }
  XASO_ASSIGN_OR_RETURN(std::vector<Response> responses,
                        ParseResponsesCsv(s, csv, clock_.NowUnix()));
  return repo_.ImportResponses(s.commune_id, s.id, responses, rec);
}

Result<std::vector<std::string>> SurveyService::MintCodes(const Survey& s, int n,
                                                          const audit::AuditRecord& rec) {
  if (n < 1 || n > kMaxCodesPerBatch) {
    const std::string message =
        "Số mã phiếu phải từ 1 đến " + std::to_string(kMaxCodesPerBatch) + ".";
    return Error{ErrorCode::kInvalidArgument, message, {{"n", message}}};
  }
  if (!s.needs_code) {
    return MakeError(ErrorCode::kFailedPrecondition, "Khảo sát này không dùng mã phiếu.");
  }
  std::vector<std::string> codes;
  std::set<std::string> seen;
  // 31^8 codes make a repeat rare; the bound only stops a broken random source looping forever.
  for (int tries = 0; static_cast<int>(codes.size()) < n; ++tries) {
    if (tries > 2 * n + 100) {
      return MakeError(ErrorCode::kInternal, "random source repeats itself");
    }
    std::string code = PlainCode(random_(kCodeLength), kCodeLength);
    if (seen.insert(code).second) codes.push_back(std::move(code));
  }
  XASO_RETURN_IF_ERROR(repo_.AddCodes(s.commune_id, s.id, codes, rec));
  return codes;
}

}  // namespace xaso::survey
