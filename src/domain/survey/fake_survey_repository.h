// Test-only: an in-memory SurveyRepository with the port's rules (commune scope, versions,
// status moves, one use per code) so the service tests see what storage would answer.
#pragma once

#include <map>
#include <vector>

#include "domain/survey/survey_repository.h"

namespace xaso::survey::testing {

class FakeSurveyRepository final : public SurveyRepository {
 public:
  Result<Survey> Create(Survey s, const audit::AuditRecord& rec) override;
  Result<Survey> Get(int64_t commune_id, int64_t id) override;
  Result<std::vector<SurveySummary>> List(int64_t commune_id,
                                          std::optional<SurveyStatus> status) override;
  Result<Survey> Update(const Survey& s, const audit::AuditRecord& rec) override;
  Result<Survey> SetStatus(int64_t commune_id, int64_t id, int64_t version, SurveyStatus to,
                           const audit::AuditRecord& rec) override;
  Status Delete(int64_t commune_id, int64_t id, const audit::AuditRecord& rec) override;
  Result<int64_t> AddResponse(int64_t commune_id, const Response& r, const std::string& code,
                              const audit::AuditRecord& rec) override;
  Result<int64_t> ImportResponses(int64_t commune_id, int64_t survey_id,
                                  std::span<const Response> responses,
                                  const audit::AuditRecord& rec) override;
  Result<std::vector<Response>> Responses(int64_t commune_id, int64_t survey_id) override;
  Status AddCodes(int64_t commune_id, int64_t survey_id, std::span<const std::string> codes,
                  const audit::AuditRecord& rec) override;
  Result<std::vector<std::string>> UnusedCodes(int64_t commune_id, int64_t survey_id) override;
  Result<CodeCount> CountCodes(int64_t commune_id, int64_t survey_id) override;

  std::vector<audit::AuditRecord> audit;  // every change's record, in order

 private:
  struct Code {
    std::string code;
    bool used = false;
  };
  struct Stored {
    Survey survey;
    std::vector<Response> responses;
    std::vector<Code> codes;
  };
  Result<Stored*> Find(int64_t commune_id, int64_t id);

  std::map<int64_t, Stored> surveys_;
  int64_t next_response_id_ = 1;
};

}  // namespace xaso::survey::testing
