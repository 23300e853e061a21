#include "domain/survey/fake_survey_repository.h"

#include <algorithm>

namespace xaso::survey::testing {

Result<FakeSurveyRepository::Stored*> FakeSurveyRepository::Find(int64_t commune_id, int64_t id) {
  auto it = surveys_.find(id);
  if (it == surveys_.end() || it->second.survey.commune_id != commune_id) {
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy khảo sát.");
  }
  return &it->second;
}

Result<Survey> FakeSurveyRepository::Create(Survey s, const audit::AuditRecord& rec) {
  s.id = static_cast<int64_t>(surveys_.size()) + 1;
  s.status = SurveyStatus::kDraft;
  s.version = 1;
  surveys_[s.id].survey = s;
  audit.push_back(rec);
  return s;
}

Result<Survey> FakeSurveyRepository::Get(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, id));
  return st->survey;
}

Result<std::vector<SurveySummary>> FakeSurveyRepository::List(int64_t commune_id,
                                                              std::optional<SurveyStatus> status) {
  std::vector<SurveySummary> out;
  for (auto it = surveys_.rbegin(); it != surveys_.rend(); ++it) {
    const Survey& s = it->second.survey;
    if (s.commune_id != commune_id || (status && s.status != *status)) continue;
    out.push_back({s.id, s.title, s.preset, s.year, s.status, s.needs_code,
                   static_cast<int64_t>(it->second.responses.size()), s.created_at});
  }
  return out;
}

Result<Survey> FakeSurveyRepository::Update(const Survey& s, const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(s.commune_id, s.id));
  if (st->survey.version != s.version) return MakeError(ErrorCode::kAborted, "stale");
  if (st->survey.status != SurveyStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition, "not a draft");
  }
  const SurveyStatus status = st->survey.status;
  st->survey = s;
  st->survey.status = status;
  st->survey.version = s.version + 1;
  audit.push_back(rec);
  return st->survey;
}

Result<Survey> FakeSurveyRepository::SetStatus(int64_t commune_id, int64_t id, int64_t version,
                                               SurveyStatus to, const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, id));
  if (st->survey.version != version) return MakeError(ErrorCode::kAborted, "stale");
  const SurveyStatus from = st->survey.status;
  const bool allowed = (from == SurveyStatus::kDraft && to == SurveyStatus::kOpen) ||
                       (from == SurveyStatus::kOpen && to == SurveyStatus::kClosed) ||
                       (from == SurveyStatus::kClosed && to == SurveyStatus::kOpen);
  if (!allowed) return MakeError(ErrorCode::kFailedPrecondition, "move not allowed");
  st->survey.status = to;
  ++st->survey.version;
  audit.push_back(rec);
  return st->survey;
}

Status FakeSurveyRepository::Delete(int64_t commune_id, int64_t id, const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, id));
  if (st->survey.status != SurveyStatus::kDraft || !st->responses.empty()) {
    return MakeError(ErrorCode::kFailedPrecondition, "not an empty draft");
  }
  surveys_.erase(id);
  audit.push_back(rec);
  return Ok{};
}

Result<int64_t> FakeSurveyRepository::AddResponse(int64_t commune_id, const Response& r,
                                                  const std::string& code,
                                                  const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, r.survey_id));
  if (st->survey.status != SurveyStatus::kOpen) {
    return MakeError(ErrorCode::kFailedPrecondition, "not open");
  }
  if (!code.empty()) {
    auto it = std::find_if(st->codes.begin(), st->codes.end(),
                           [&code](const Code& c) { return c.code == code && !c.used; });
    if (it == st->codes.end()) {
      return Error{
          ErrorCode::kInvalidArgument, "bad code", {{"code", "Mã phiếu không dùng được."}}};
    }
    it->used = true;
  }
  Response stored = r;
  stored.id = next_response_id_++;
  st->responses.push_back(stored);
  audit.push_back(rec);
  return stored.id;
}

Result<int64_t> FakeSurveyRepository::ImportResponses(int64_t commune_id, int64_t survey_id,
                                                      std::span<const Response> responses,
                                                      const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, survey_id));
  if (st->survey.status == SurveyStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition, "draft");
  }
  for (Response r : responses) {
    r.id = next_response_id_++;
    st->responses.push_back(std::move(r));
  }
  audit.push_back(rec);
  return static_cast<int64_t>(responses.size());
}

Result<std::vector<Response>> FakeSurveyRepository::Responses(int64_t commune_id,
                                                              int64_t survey_id) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, survey_id));
  return st->responses;
}

Status FakeSurveyRepository::AddCodes(int64_t commune_id, int64_t survey_id,
                                      std::span<const std::string> codes,
                                      const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, survey_id));
  for (const std::string& c : codes) st->codes.push_back({c, false});
  audit.push_back(rec);
  return Ok{};
}

Result<std::vector<std::string>> FakeSurveyRepository::UnusedCodes(int64_t commune_id,
                                                                   int64_t survey_id) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, survey_id));
  std::vector<std::string> out;
  for (const Code& c : st->codes) {
    if (!c.used) out.push_back(c.code);
  }
  return out;
}

Result<CodeCount> FakeSurveyRepository::CountCodes(int64_t commune_id, int64_t survey_id) {
  XASO_ASSIGN_OR_RETURN(Stored * st, Find(commune_id, survey_id));
  CodeCount n;
  n.issued = static_cast<int64_t>(st->codes.size());
  n.used = std::count_if(st->codes.begin(), st->codes.end(), [](const Code& c) { return c.used; });
  return n;
}

}  // namespace xaso::survey::testing
