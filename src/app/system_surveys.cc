// The System's survey operations for the CLI (`xaso surveys`): a way to set a survey up and read
// its responses without the staff pages, for scripts and the integration tests.
#include "domain/papi/indicator_catalogue.h"
#include "domain/survey/presets.h"
#include "domain/survey/response_csv.h"
#include "domain/survey/survey_service.h"
#include "web/router.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

Result<identity::Commune> Commune(identity::IdentityRepository& repo, const std::string& slug) {
  if (!slug.empty()) return repo.GetCommuneBySlug(slug);
  XASO_ASSIGN_OR_RETURN(auto all, repo.ListCommunes());
  if (all.empty()) return MakeError(ErrorCode::kNotFound, "no commune in the database");
  return all.front();
}

}  // namespace

// Everything is checked before the first write, so a bad invocation leaves no half-made survey:
// the whole survey (questions, title, year, needs_code) is one Create, and opening it and
// minting its codes cannot then fail on the input.
Result<System::NewSurvey> System::CreateSurvey(const std::string& commune_slug,
                                               const std::string& preset,
                                               std::string_view questions_csv,
                                               const std::string& title, int year, bool needs_code,
                                               bool open, int codes) {
  if (codes < 0 || codes > survey::kMaxCodesPerBatch) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--codes must be from 0 to " + std::to_string(survey::kMaxCodesPerBatch));
  }
  if (codes > 0 && !needs_code) {
    return MakeError(ErrorCode::kInvalidArgument, "--codes needs --needs-code");
  }
  const web::Services svc = WebServices();
  XASO_ASSIGN_OR_RETURN(auto commune, Commune(*svc.identity, commune_slug));
  const audit::AuditRecord rec{commune.id, 0, "cli", "", "", "", ""};
  NewSurvey out;
  survey::Survey& s = out.survey;
  if (!questions_csv.empty()) {
    XASO_ASSIGN_OR_RETURN(auto parsed, survey::ParsePresetCsv("custom", questions_csv));
    s.commune_id = commune.id;
    s.year = year;
    s.title = parsed.title_vi;
    s.description = parsed.description_vi;
    s.sections = std::move(parsed.sections);
    s.questions = std::move(parsed.questions);
  } else if (!preset.empty()) {
    const survey::Preset* p = survey::FindPreset(preset);
    if (p == nullptr) return MakeError(ErrorCode::kInvalidArgument, "no preset " + preset);
    s = survey::SurveyFromPreset(*p, commune.id, year);
  } else {
    s.commune_id = commune.id;
    s.year = year;
    s.sections = {{"phan_1", "Phần 1", "Part 1"}};
  }
  if (!title.empty()) s.title = title;
  s.needs_code = needs_code;
  s.created_at = impl_->clock.NowUnix();
  XASO_RETURN_IF_ERROR(survey::ValidateSurvey(s));
  XASO_RETURN_IF_ERROR(survey::CheckIndicators(s, papi::IndicatorCatalogue::Default()));

  XASO_ASSIGN_OR_RETURN(out.survey, svc.survey_repo->Create(std::move(s), rec));
  if (open) {
    XASO_ASSIGN_OR_RETURN(out.survey,
                          svc.survey_repo->SetStatus(commune.id, out.survey.id, out.survey.version,
                                                     survey::SurveyStatus::kOpen, rec));
  }
  if (codes > 0) {
    XASO_ASSIGN_OR_RETURN(out.codes, svc.surveys->MintCodes(out.survey, codes, rec));
  }
  return out;
}

Result<std::string> System::SurveyResponsesCsv(const std::string& commune_slug, int64_t id) {
  const web::Services svc = WebServices();
  XASO_ASSIGN_OR_RETURN(auto commune, Commune(*svc.identity, commune_slug));
  XASO_ASSIGN_OR_RETURN(auto s, svc.survey_repo->Get(commune.id, id));
  XASO_ASSIGN_OR_RETURN(auto responses, svc.survey_repo->Responses(commune.id, id));
  return survey::WriteResponsesCsv(s, responses);
}

}  // namespace xaso::app
