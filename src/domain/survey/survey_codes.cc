// The stored codes of the survey enums.
#include "core/code_table.h"
#include "domain/survey/survey.h"

namespace xaso::survey {
namespace {

constexpr std::pair<QuestionType, std::string_view> kQuestionTypes[] = {
    {QuestionType::kSingle, "single"}, {QuestionType::kMultiple, "multiple"},
    {QuestionType::kScale, "scale"},   {QuestionType::kNumber, "number"},
    {QuestionType::kText, "text"},
};
constexpr std::pair<SurveyStatus, std::string_view> kStatuses[] = {
    {SurveyStatus::kDraft, "draft"},
    {SurveyStatus::kOpen, "open"},
    {SurveyStatus::kClosed, "closed"},
};
constexpr std::pair<Channel, std::string_view> kChannels[] = {
    {Channel::kWeb, "web"},
    {Channel::kInterview, "interview"},
    {Channel::kImport, "import"},
};

}  // namespace

std::string_view QuestionTypeCode(QuestionType t) { return ToCode(kQuestionTypes, t); }
std::optional<QuestionType> QuestionTypeFromCode(std::string_view code) {
  return FromCode(kQuestionTypes, code);
}
std::string_view SurveyStatusCode(SurveyStatus s) { return ToCode(kStatuses, s); }
std::optional<SurveyStatus> SurveyStatusFromCode(std::string_view code) {
  return FromCode(kStatuses, code);
}
std::string_view ChannelCode(Channel c) { return ToCode(kChannels, c); }
std::optional<Channel> ChannelFromCode(std::string_view code) { return FromCode(kChannels, code); }

}  // namespace xaso::survey
