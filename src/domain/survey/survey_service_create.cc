// The SurveyService methods that need the presets (presets.cc): a new survey from one, and the
// builder's save, which checks each question's PAPI indicator.
#include "domain/survey/presets.h"
#include "domain/survey/survey_service.h"

namespace xaso::survey {

Result<Survey> SurveyService::Create(int64_t commune_id, std::string_view preset, std::string title,
                                     int year, const audit::AuditRecord& rec) {
  Survey s;
  if (preset.empty()) {
    s.commune_id = commune_id;
    s.year = year;
    s.sections = {{"phan_1", "Phần 1", "Part 1"}};
  } else {
    const Preset* p = FindPreset(preset);
    if (p == nullptr) {
      const std::string message = "Không có mẫu khảo sát này.";
      return Error{ErrorCode::kInvalidArgument, message, {{"preset", message}}};
    }
    s = SurveyFromPreset(*p, commune_id, year);
  }
  if (!title.empty()) s.title = std::move(title);
  s.status = SurveyStatus::kDraft;
  s.created_at = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(ValidateSurvey(s));
  return repo_.Create(std::move(s), rec);
}

Result<Survey> SurveyService::Save(const Survey& s, const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(ValidateSurvey(s));
  XASO_RETURN_IF_ERROR(CheckIndicators(s, indicators_));
  return repo_.Update(s, rec);
}

}  // namespace xaso::survey
