// The System's survey operations for the CLI (`xaso surveys`): a way to set a survey up and read
// its responses without the staff pages, for scripts and the integration tests.
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

Result<System::NewSurvey> System::CreateSurvey(const std::string& commune_slug,
                                               const std::string& preset,
                                               std::string_view questions_csv,
                                               const std::string& title, int year, bool needs_code,
                                               bool open, int codes) {
  const web::Services svc = WebServices();
  XASO_ASSIGN_OR_RETURN(auto commune, Commune(*svc.identity, commune_slug));
  const audit::AuditRecord rec{commune.id, 0, "cli", "", "", "", ""};
  NewSurvey out;
  if (questions_csv.empty()) {
    XASO_ASSIGN_OR_RETURN(out.survey, svc.surveys->Create(commune.id, preset, title, year, rec));
  } else {
    XASO_ASSIGN_OR_RETURN(auto parsed, survey::ParsePresetCsv("custom", questions_csv));
    XASO_ASSIGN_OR_RETURN(
        out.survey,
        svc.surveys->Create(commune.id, "", title.empty() ? parsed.title_vi : title, year, rec));
    out.survey.sections = parsed.sections;
    out.survey.questions = parsed.questions;
    if (!parsed.description_vi.empty()) out.survey.description = parsed.description_vi;
  }
  if (needs_code || !questions_csv.empty()) {
    out.survey.needs_code = needs_code;
    XASO_ASSIGN_OR_RETURN(out.survey, svc.surveys->Save(out.survey, rec));
  }
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
