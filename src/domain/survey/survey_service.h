// What the pages and the CLI do with surveys, over the repository: make one from a preset,
// save the builder's edits, take an answer sheet (public or from an interviewer), import and
// export responses, mint one-time codes, and score a PAPI survey.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/random_source.h"
#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/papi/scoring.h"
#include "domain/survey/survey.h"
#include "domain/survey/survey_repository.h"

namespace xaso::survey {

// A one-time code: kCodeLength characters of core::kPlainAlphabet, printed on a slip.
inline constexpr size_t kCodeLength = 8;
inline constexpr int kMaxCodesPerBatch = 5000;

class SurveyService {
 public:
  // `indicators` must outlive the service.
  SurveyService(SurveyRepository& repo, const papi::IndicatorCatalogue& indicators,
                const Clock& clock, RandomSource random);

  // A new draft of `commune_id`: from preset `preset` (kInvalidArgument, field "preset", when
  // there is none), or blank with one empty section when `preset` is empty. An empty `title`
  // takes the preset's. kInvalidArgument for a bad title or year (ValidateSurvey's fields).
  Result<Survey> Create(int64_t commune_id, std::string_view preset, std::string title, int year,
                        const audit::AuditRecord& rec);

  // The builder's edit of a draft: ValidateSurvey and CheckIndicators, then
  // SurveyRepository::Update (kAborted when stale, kFailedPrecondition when not a draft).
  Result<Survey> Save(const Survey& s, const audit::AuditRecord& rec);

  // One answer sheet for the open survey `s`: CheckAnswers, then AddResponse with `code` (the
  // one-time code the respondent typed; ignored when the survey needs none, and not needed for
  // an interview, kInterview, entered without one), channel kWeb or kInterview, submitted now,
  // weight 1. Returns the response's id.
  Result<int64_t> Answer(const Survey& s, const Answers& raw, Channel channel,
                         const std::string& code, const audit::AuditRecord& rec);

  // ParseResponsesCsv then ImportResponses: all or nothing. Returns how many were stored.
  Result<int64_t> Import(const Survey& s, std::string_view csv, const audit::AuditRecord& rec);

  // Mints `n` (1..kMaxCodesPerBatch; kInvalidArgument, field "n", otherwise) new codes for a
  // survey that needs them (kFailedPrecondition otherwise), stores them and returns them.
  Result<std::vector<std::string>> MintCodes(const Survey& s, int n, const audit::AuditRecord& rec);

  // The PAPI scores of a "papi" survey's responses (kFailedPrecondition for another preset),
  // as one unit named `unit`, for `model` (the survey's year), with bootstrap standard errors
  // (papi::kDefaultReplicates, seeded by the survey's id so a page shows the same interval on
  // every load).
  Result<papi::UnitScore> ScorePapi(const Survey& s, const papi::ScoringModel& model,
                                    const std::string& unit);

 private:
  SurveyRepository& repo_;
  const papi::IndicatorCatalogue& indicators_;
  const Clock& clock_;
  RandomSource random_;
};

}  // namespace xaso::survey
