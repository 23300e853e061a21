// survey::SurveyRepository over SQL (migrations/0016_survey.sql).
#pragma once

#include "core/clock.h"
#include "domain/survey/survey_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlSurveyRepository final : public survey::SurveyRepository {
 public:
  // `clock` dates the audit entries and updated_at (the port's calls carry no time).
  SqlSurveyRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // xaso::survey::SurveyRepository
  Result<survey::Survey> Create(survey::Survey s, const audit::AuditRecord& rec) override;
  Result<survey::Survey> Get(int64_t commune_id, int64_t id) override;
  Result<std::vector<survey::SurveySummary>> List(
      int64_t commune_id, std::optional<survey::SurveyStatus> status) override;
  Result<survey::Survey> Update(const survey::Survey& s, const audit::AuditRecord& rec) override;
  Result<survey::Survey> SetStatus(int64_t commune_id, int64_t id, int64_t version,
                                   survey::SurveyStatus to, const audit::AuditRecord& rec) override;
  Status Delete(int64_t commune_id, int64_t id, const audit::AuditRecord& rec) override;
  Result<int64_t> AddResponse(int64_t commune_id, const survey::Response& r,
                              const std::string& code, const audit::AuditRecord& rec) override;
  Result<int64_t> ImportResponses(int64_t commune_id, int64_t survey_id,
                                  std::span<const survey::Response> responses,
                                  const audit::AuditRecord& rec) override;
  Result<std::vector<survey::Response>> Responses(int64_t commune_id, int64_t survey_id) override;
  Status AddCodes(int64_t commune_id, int64_t survey_id, std::span<const std::string> codes,
                  const audit::AuditRecord& rec) override;
  Result<std::vector<std::string>> UnusedCodes(int64_t commune_id, int64_t survey_id) override;
  Result<survey::CodeCount> CountCodes(int64_t commune_id, int64_t survey_id) override;

 private:
  // kNotFound unless the commune has survey `id`.
  Status CheckExists(int64_t commune_id, int64_t id);
  Status UseCode(int64_t commune_id, int64_t survey_id, const std::string& code);

  Database& db_;
  const Clock& clock_;
};

}  // namespace xaso::storage
