// The storage port of surveys. Scoped by commune: another commune's survey is kNotFound. Every
// change writes its audit entry in the same transaction; responses carry no account and no code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/survey/survey.h"

namespace xaso::survey {

// A line of the survey list: the survey without its questions, and how many answered.
struct SurveySummary {
  int64_t id = 0;
  std::string title;
  std::string preset;
  int year = 0;
  SurveyStatus status = SurveyStatus::kDraft;
  bool needs_code = false;
  int64_t responses = 0;
  int64_t created_at = 0;
};

// How many one-time codes a survey has, and how many were used.
struct CodeCount {
  int64_t issued = 0;
  int64_t used = 0;
};

class SurveyRepository {
 public:
  virtual ~SurveyRepository() = default;

  // Stores a new survey (already validated) as a draft with version 1; returns it with its id.
  virtual Result<Survey> Create(Survey s, const audit::AuditRecord& rec) = 0;
  virtual Result<Survey> Get(int64_t commune_id, int64_t id) = 0;
  // Newest first. `status`: only those; none = all.
  virtual Result<std::vector<SurveySummary>> List(int64_t commune_id,
                                                  std::optional<SurveyStatus> status) = 0;
  // Replaces title, description, year, needs_code, sections and questions (already validated)
  // when the stored version is s.version and the survey is a draft: kAborted when stale,
  // kFailedPrecondition when not a draft. Returns the survey with its new version.
  virtual Result<Survey> Update(const Survey& s, const audit::AuditRecord& rec) = 0;
  // Moves the status at `version` (kAborted when stale). kFailedPrecondition for a move other
  // than draft → open, open → closed, closed → open.
  virtual Result<Survey> SetStatus(int64_t commune_id, int64_t id, int64_t version, SurveyStatus to,
                                   const audit::AuditRecord& rec) = 0;
  // Deletes a draft with no responses; kFailedPrecondition otherwise.
  virtual Status Delete(int64_t commune_id, int64_t id, const audit::AuditRecord& rec) = 0;

  // Stores one response (answers already checked) when the survey is open
  // (kFailedPrecondition otherwise). A non-empty `code` is used up first: it must be one of the
  // survey's codes not yet used (kInvalidArgument, field "code", otherwise). Whether a sheet needs
  // a code is SurveyService::Answer's decision; an empty `code` uses none. The code is used up
  // in its own write, before the sheet's, so the two cannot be matched; when the second fails the
  // code stays used. The response keeps no trace of the code. Returns the response's id.
  virtual Result<int64_t> AddResponse(int64_t commune_id, const Response& r,
                                      const std::string& code, const audit::AuditRecord& rec) = 0;
  // Stores every response (already checked) in one transaction, or none; the survey must be
  // open or closed (an import of paper forms after the survey closed). Returns how many.
  virtual Result<int64_t> ImportResponses(int64_t commune_id, int64_t survey_id,
                                          std::span<const Response> responses,
                                          const audit::AuditRecord& rec) = 0;
  // Oldest first.
  virtual Result<std::vector<Response>> Responses(int64_t commune_id, int64_t survey_id) = 0;

  // Adds `codes` (already minted, unique) to the survey's one-time codes.
  virtual Status AddCodes(int64_t commune_id, int64_t survey_id, std::span<const std::string> codes,
                          const audit::AuditRecord& rec) = 0;
  // The codes not yet used, in the order issued, to print.
  virtual Result<std::vector<std::string>> UnusedCodes(int64_t commune_id, int64_t survey_id) = 0;
  virtual Result<CodeCount> CountCodes(int64_t commune_id, int64_t survey_id) = 0;
};

}  // namespace xaso::survey
