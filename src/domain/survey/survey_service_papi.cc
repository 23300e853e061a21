// SurveyService::ScorePapi, apart from the service's other use cases (survey_service.cc): the
// bridge from stored responses to the PAPI scoring engine.
#include <cstdint>
#include <utility>
#include <vector>

#include "domain/survey/papi_responses.h"
#include "domain/survey/presets.h"
#include "domain/survey/survey_service.h"

namespace xaso::survey {

Result<papi::UnitScore> SurveyService::ScorePapi(const Survey& s, const papi::ScoringModel& model,
                                                 const std::string& unit) {
  if (s.preset != kPapiPreset) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Chỉ khảo sát theo bộ câu hỏi PAPI mới tính được điểm PAPI.");
  }
  XASO_ASSIGN_OR_RETURN(std::vector<Response> responses, repo_.Responses(s.commune_id, s.id));
  const papi::RespondentTable table = RespondentsFromResponses(s, responses, unit);
  const papi::BootstrapOptions options{papi::kDefaultReplicates, static_cast<uint64_t>(s.id)};
  XASO_ASSIGN_OR_RETURN(std::vector<papi::UnitScore> scores,
                        papi::ScoreRespondents(model, table, options));
  XASO_CHECK(scores.size() == 1);  // RespondentsFromResponses makes exactly one unit.
  return std::move(scores.front());
}

}  // namespace xaso::survey
