// Surveys (khảo sát, PRODUCT.md parts 10–11): a questionnaire in sections, its questions with
// skip conditions, and the rules an answer sheet must meet. Pure domain code. The PAPI and
// satisfaction presets (presets.h) are questionnaires of this shape read from data files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::survey {

// single: one option; multiple: one or more options; scale: a whole number min..max (a Likert
// scale); number: any number min..max; text: free text up to kMaxTextChars.
enum class QuestionType { kSingle, kMultiple, kScale, kNumber, kText };
std::string_view QuestionTypeCode(QuestionType t);  // "single", "multiple", "scale", ...
std::optional<QuestionType> QuestionTypeFromCode(std::string_view code);

inline constexpr size_t kMaxTextChars = 2000;
inline constexpr size_t kMaxQuestions = 400;
inline constexpr size_t kMaxOptions = 30;

struct Option {
  std::string value;  // stored and exported: [a-z0-9_]{1,40}, unique in the question
  std::string label_vi;
  std::string label_en;
  // The PAPI indicator's value for this answer (presets.h): 1 for "yes", 0 for "no"; none when
  // the answer says nothing for the indicator ("không biết"), so the respondent counts as not
  // having answered it.
  std::optional<double> score;
};

// Show the question only when the earlier question `question` was answered with one of
// `any_of` (for a multiple-choice question: any of them ticked). Empty `question`: always.
struct Condition {
  std::string question;
  std::vector<std::string> any_of;
};

struct Section {
  std::string key;  // [a-z0-9_]{1,40}, unique in the survey
  std::string title_vi;
  std::string title_en;
};

struct Question {
  std::string key;      // [a-z0-9_.]{1,40}, unique in the survey; the CSV column name
  std::string section;  // a Section::key of the survey
  QuestionType type = QuestionType::kSingle;
  std::string text_vi;
  std::string text_en;
  std::string help_vi;  // shown under the question; may be empty
  bool required = false;
  std::vector<Option> options;  // single and multiple: 2..kMaxOptions
  // scale and number: the bounds, inclusive (scale: whole numbers, 2..11 steps).
  double min = 0;
  double max = 0;
  std::string min_label;  // scale: what the ends mean ("Rất không hài lòng"); may be empty
  std::string max_label;
  Condition show_if;
  // The PAPI indicator (papi::IndicatorCatalogue code, "5.4.c") this question measures; empty
  // when none. For scale and number questions the answer itself is the indicator's value.
  std::string indicator;
};

// draft: being built, not answerable, the only state in which questions change; open:
// answerable; closed: results only. draft → open → closed, and closed → open to reopen.
enum class SurveyStatus { kDraft, kOpen, kClosed };
std::string_view SurveyStatusCode(SurveyStatus s);
std::optional<SurveyStatus> SurveyStatusFromCode(std::string_view code);

struct Survey {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string title;        // 1..200 characters
  std::string description;  // shown above the questions; may be empty
  // The preset it was made from ("papi", "health_station", …, presets.h); empty for one built
  // from scratch. A "papi" survey's responses are scored on the PAPI dashboard for `year`.
  std::string preset;
  int year = 0;  // the year the survey measures, 2000..2100
  SurveyStatus status = SurveyStatus::kDraft;
  // One answer per person: answering needs one of the survey's one-time codes (mã phiếu).
  bool needs_code = false;
  std::vector<Section> sections;
  std::vector<Question> questions;  // in the order asked; sections in order of first question
  int64_t version = 0;              // optimistic concurrency, as the other repositories
  int64_t created_at = 0;
};

// kInvalidArgument with one field error per problem, each field named "q.<key>" (or "title",
// "year", "sections"): a malformed or repeated key, a question in an unknown section, a choice
// question with fewer than 2 or more than kMaxOptions options or a repeated option value, a
// scale that is not 2..11 whole steps, number bounds with min > max, a condition on an unknown
// or later question or on an option that question does not have, a condition on a text or
// number question, an indicator on a text question, more than kMaxQuestions questions.
// Whether `indicator` names a known indicator is checked by presets.h, not here.
Status ValidateSurvey(const Survey& s);

// What one respondent answered: question key → the values (one for single, scale, number and
// text; one or more for multiple). A question not answered is absent.
using Answers = std::map<std::string, std::vector<std::string>>;

// Whether `q` is asked, given the answers so far (its condition's question answered with one
// of the listed values). Pass answers as CheckAnswers returns them, which lack the answers to
// hidden questions: with raw answers, a question whose condition's question is itself hidden
// could show.
bool IsShown(const Question& q, const Answers& answers);

// The answer sheet as stored: answers to questions not shown are dropped, blank values are
// dropped, numbers are written in plain fixed notation ("3", "2.5"). kInvalidArgument with one
// field error per question, field "q.<key>", message in Vietnamese: a required question shown
// but not answered, a value that is not an option, two values for a single-choice question, a
// scale value that is not a whole number in bounds, a number out of bounds or not a number,
// text over kMaxTextChars or not valid UTF-8, an answer to a question the survey does not have.
Result<Answers> CheckAnswers(const Survey& s, const Answers& raw);

// How a response came in: answered on the public page, entered by a clerk from a paper or
// face-to-face interview (phỏng vấn), or imported from a CSV file.
enum class Channel { kWeb, kInterview, kImport };
std::string_view ChannelCode(Channel c);  // "web", "interview", "import"
std::optional<Channel> ChannelFromCode(std::string_view code);

// One respondent's answer sheet. Never linked to an account or to the one-time code used:
// surveys are anonymous.
struct Response {
  int64_t id = 0;
  int64_t survey_id = 0;
  Channel channel = Channel::kWeb;
  int64_t submitted_at = 0;  // unix seconds
  double weight = 1;         // the respondent's sampling weight (PAPI.md §3), > 0
  Answers answers;           // as CheckAnswers returns them
};

}  // namespace xaso::survey
