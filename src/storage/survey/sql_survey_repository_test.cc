// The survey storage on SQLite and PostgreSQL.
#include "storage/survey/sql_survey_repository.h"

#include <gtest/gtest.h>

#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using survey::Answers;
using survey::Channel;
using survey::Question;
using survey::QuestionType;
using survey::Response;
using survey::Survey;
using survey::SurveyStatus;

constexpr int64_t kNow = 1790000000;

Question Make(std::string key, QuestionType type) {
  Question q;
  q.key = std::move(key);
  q.section = "a";
  q.type = type;
  q.text_vi = "Câu hỏi " + q.key;
  q.text_en = "Question " + q.key;
  return q;
}

// One question of each type, a condition and a PAPI indicator.
Survey Sample() {
  Survey s;
  s.title = "Khảo sát mức độ hài lòng";
  s.description = "Phiếu ẩn danh, không ghi tên.";
  s.preset = "health_station";
  s.year = 2026;
  s.created_at = kNow - 100;
  s.sections = {{"a", "Phần A", "Part A"}, {"b", "Phần B", "Part B"}};
  Question single = Make("q1", QuestionType::kSingle);
  single.required = true;
  single.help_vi = "Chọn một";
  single.indicator = "5.4.c";
  single.options = {{"yes", "Có", "Yes", 1.0},
                    {"no", "Không", "No", 0.0},
                    {"dk", "Không biết", "Don't know", std::nullopt}};
  Question multiple = Make("q2", QuestionType::kMultiple);
  multiple.options = {{"tv", "Ti vi", "TV", std::nullopt}, {"radio", "Đài", "Radio", 0.5}};
  multiple.show_if = {"q1", {"yes", "dk"}};
  Question scale = Make("q3", QuestionType::kScale);
  scale.section = "b";
  scale.min = 1;
  scale.max = 5;
  scale.min_label = "Rất không hài lòng";
  scale.max_label = "Rất hài lòng";
  Question number = Make("q4.n", QuestionType::kNumber);
  number.section = "b";
  number.min = 0;
  number.max = 2.5;
  Question text = Make("q5", QuestionType::kText);
  text.section = "b";
  s.questions = {single, multiple, scale, number, text};
  return s;
}

Response Sheet(int64_t survey_id, int i) {
  Response r;
  r.survey_id = survey_id;
  r.channel = i % 2 == 0 ? Channel::kImport : Channel::kInterview;
  r.submitted_at = kNow + i;
  r.weight = 0.25 + (i % 7) * 0.5;
  r.answers = {{"q1", {"yes"}},
               {"q2", {"tv", "radio"}},
               {"q3", {std::to_string(1 + i % 5)}},
               {"q5", {"Ý kiến số " + std::to_string(i) + ":\t\"đường\",\n'cầu' \\"}}};
  return r;
}

// Sheets numbered first, first + 1, … (n of them).
std::vector<Response> Sheets(int64_t survey_id, int first, int n) {
  std::vector<Response> out;
  out.reserve(static_cast<size_t>(n));
  for (int i = first; i < first + n; ++i) out.push_back(Sheet(survey_id, i));
  return out;
}

class SurveyStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repo_ = std::make_unique<SqlSurveyRepository>(*db_, clock_);
  }

  audit::AuditRecord Rec() const { return {commune_id_, 0, "system", "", "", "", ""}; }

  Survey Created(Survey s = Sample()) {
    s.commune_id = commune_id_;
    auto created = repo_->Create(s, Rec());
    if (!created) {
      ADD_FAILURE() << created.error().message;
      return Survey{};
    }
    return *created;
  }

  // A survey moved to open.
  Survey Opened(Survey s = Sample()) {
    const Survey draft = Created(std::move(s));
    auto open = repo_->SetStatus(commune_id_, draft.id, draft.version, SurveyStatus::kOpen, Rec());
    if (!open) {
      ADD_FAILURE() << open.error().message;
      return Survey{};
    }
    return *open;
  }

  // An open survey that needs codes, with the one code `code`.
  Survey OpenedWithCode(const std::string& code) {
    Survey coded = Sample();
    coded.needs_code = true;
    Survey open = Opened(coded);
    EXPECT_TRUE(
        repo_->AddCodes(commune_id_, open.id, std::vector<std::string>{code}, Rec()).has_value());
    return open;
  }

  long long Stored(const std::string& table) { return Count("SELECT COUNT(*) FROM " + table); }

  FakeClock clock_{kNow};
  std::unique_ptr<SqlSurveyRepository> repo_;
};

void ExpectSameQuestion(const Question& got, const Question& want) {
  EXPECT_EQ(got.key, want.key);
  EXPECT_EQ(got.section, want.section);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.text_vi, want.text_vi);
  EXPECT_EQ(got.text_en, want.text_en);
  EXPECT_EQ(got.help_vi, want.help_vi);
  EXPECT_EQ(got.required, want.required);
  EXPECT_EQ(got.min, want.min);
  EXPECT_EQ(got.max, want.max);
  EXPECT_EQ(got.min_label, want.min_label);
  EXPECT_EQ(got.max_label, want.max_label);
  EXPECT_EQ(got.show_if.question, want.show_if.question);
  EXPECT_EQ(got.show_if.any_of, want.show_if.any_of);
  EXPECT_EQ(got.indicator, want.indicator);
  ASSERT_EQ(got.options.size(), want.options.size());
  for (size_t i = 0; i < want.options.size(); ++i) {
    EXPECT_EQ(got.options[i].value, want.options[i].value);
    EXPECT_EQ(got.options[i].label_vi, want.options[i].label_vi);
    EXPECT_EQ(got.options[i].label_en, want.options[i].label_en);
    EXPECT_EQ(got.options[i].score, want.options[i].score);
  }
}

TEST_P(SurveyStorageTest, CreateThenGetKeepsEveryQuestionTypeAndCondition) {
  const Survey want = Sample();
  const Survey created = Created(want);
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.status, SurveyStatus::kDraft);

  const auto got = repo_->Get(commune_id_, created.id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(got->commune_id, commune_id_);
  EXPECT_EQ(got->title, want.title);
  EXPECT_EQ(got->description, want.description);
  EXPECT_EQ(got->preset, want.preset);
  EXPECT_EQ(got->year, 2026);
  EXPECT_EQ(got->status, SurveyStatus::kDraft);
  EXPECT_FALSE(got->needs_code);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->created_at, want.created_at);
  ASSERT_EQ(got->sections.size(), 2U);
  EXPECT_EQ(got->sections[1].key, "b");
  EXPECT_EQ(got->sections[1].title_vi, "Phần B");
  EXPECT_EQ(got->sections[1].title_en, "Part B");
  ASSERT_EQ(got->questions.size(), want.questions.size());
  for (size_t i = 0; i < want.questions.size(); ++i) {
    SCOPED_TRACE(want.questions[i].key);
    ExpectSameQuestion(got->questions[i], want.questions[i]);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'survey' AND action = "
                  "'create' AND entity_id = '" +
                  std::to_string(created.id) + "'"),
            1);
}

TEST_P(SurveyStorageTest, UpdateReplacesTheDraftAndAStaleVersionIsAborted) {
  const Survey draft = Created();
  Survey edit = draft;
  edit.title = "Khảo sát đã sửa";
  edit.needs_code = true;
  edit.questions.pop_back();
  edit.preset = "papi";  // not the builder's to change
  auto updated = repo_->Update(edit, Rec());
  ASSERT_TRUE(updated.has_value()) << updated.error().message;
  EXPECT_EQ(updated->version, 2);

  const auto got = repo_->Get(commune_id_, draft.id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->title, "Khảo sát đã sửa");
  EXPECT_TRUE(got->needs_code);
  EXPECT_EQ(got->questions.size(), 4U);
  EXPECT_EQ(got->preset, "health_station");
  EXPECT_EQ(got->version, 2);

  // `edit` still holds version 1.
  edit.title = "Bản cũ";
  const auto stale = repo_->Update(edit, Rec());
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  const auto stale_move = repo_->SetStatus(commune_id_, draft.id, 1, SurveyStatus::kOpen, Rec());
  ASSERT_FALSE(stale_move.has_value());
  EXPECT_EQ(stale_move.error().code, ErrorCode::kAborted);
  EXPECT_EQ(repo_->Get(commune_id_, draft.id)->title, "Khảo sát đã sửa");
  EXPECT_EQ(repo_->Get(commune_id_, draft.id)->status, SurveyStatus::kDraft);
}

TEST_P(SurveyStorageTest, UpdateIsRefusedOnceOpen) {
  const Survey open = Opened();
  Survey edit = open;
  edit.title = "Sửa khi đang mở";
  const auto refused = repo_->Update(edit, Rec());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_->Get(commune_id_, open.id)->title, Sample().title);
}

TEST_P(SurveyStorageTest, StatusMovesDraftOpenClosedAndReopen) {
  const Survey draft = Created();
  const auto skip = repo_->SetStatus(commune_id_, draft.id, 1, SurveyStatus::kClosed, Rec());
  ASSERT_FALSE(skip.has_value());
  EXPECT_EQ(skip.error().code, ErrorCode::kFailedPrecondition);

  auto open = repo_->SetStatus(commune_id_, draft.id, 1, SurveyStatus::kOpen, Rec());
  ASSERT_TRUE(open.has_value()) << open.error().message;
  EXPECT_EQ(open->status, SurveyStatus::kOpen);
  EXPECT_EQ(open->version, 2);
  auto back = repo_->SetStatus(commune_id_, draft.id, 2, SurveyStatus::kDraft, Rec());
  ASSERT_FALSE(back.has_value());
  EXPECT_EQ(back.error().code, ErrorCode::kFailedPrecondition);
  auto closed = repo_->SetStatus(commune_id_, draft.id, 2, SurveyStatus::kClosed, Rec());
  ASSERT_TRUE(closed.has_value()) << closed.error().message;
  auto reopened = repo_->SetStatus(commune_id_, draft.id, 3, SurveyStatus::kOpen, Rec());
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  EXPECT_EQ(repo_->Get(commune_id_, draft.id)->status, SurveyStatus::kOpen);
  EXPECT_EQ(repo_->Get(commune_id_, draft.id)->version, 4);

  const Survey other_draft = Created();
  auto open_only = repo_->List(commune_id_, SurveyStatus::kOpen);
  ASSERT_TRUE(open_only.has_value());
  ASSERT_EQ(open_only->size(), 1U);
  EXPECT_EQ(open_only->front().id, draft.id);
  auto all = repo_->List(commune_id_, std::nullopt);
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ(all->front().id, other_draft.id);  // newest first
  EXPECT_EQ(all->front().title, Sample().title);
  EXPECT_EQ(all->front().preset, "health_station");
  EXPECT_EQ(all->front().year, 2026);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE entity = 'survey' AND action IN "
                  "('open', 'closed')"),
            3);
}

TEST_P(SurveyStorageTest, ACorruptDefinitionIsAnErrorNotAnEmptySurvey) {
  const Survey open = Opened();
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "UPDATE survey SET definition = '{\"sections\": [' WHERE id = " << open.id;
                   return Ok{};
                 })
                  .has_value());
  auto got = repo_->Get(commune_id_, open.id);
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().code, ErrorCode::kInternal);
  auto listed = repo_->List(commune_id_, std::nullopt);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().title, open.title);
}

TEST_P(SurveyStorageTest, DeleteTakesOnlyADraft) {
  const Survey draft = Created();
  const Survey open = Opened();
  const auto refused = repo_->Delete(commune_id_, open.id, Rec());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(repo_->Delete(commune_id_, draft.id, Rec()).has_value());
  EXPECT_EQ(repo_->Get(commune_id_, draft.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Stored("survey"), 1);
}

TEST_P(SurveyStorageTest, ACodeLetsOneResponseInAndIsRefusedTheSecondTime) {
  Survey coded = Sample();
  coded.needs_code = true;
  const Survey open = Opened(coded);
  const std::vector<std::string> codes = {"K7QX2M9A", "P3RT8WZC", "B4NH6YDE"};
  ASSERT_TRUE(repo_->AddCodes(commune_id_, open.id, codes, Rec()).has_value());

  auto first = repo_->AddResponse(commune_id_, Sheet(open.id, 1), "P3RT8WZC", Rec());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_GT(*first, 0);
  for (const std::string code : {"P3RT8WZC", "ZZZZZZZZ"}) {
    SCOPED_TRACE(code);
    auto again = repo_->AddResponse(commune_id_, Sheet(open.id, 2), code, Rec());
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(again.error().fields.size(), 1U);
    EXPECT_EQ(again.error().fields[0].field, "code");
  }
  EXPECT_EQ(Stored("survey_response"), 1);
  auto listed = repo_->List(commune_id_, std::nullopt);
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->front().responses, 1);

  auto count = repo_->CountCodes(commune_id_, open.id);
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(count->issued, 3);
  EXPECT_EQ(count->used, 1);
  auto unused = repo_->UnusedCodes(commune_id_, open.id);
  ASSERT_TRUE(unused.has_value());
  EXPECT_EQ(*unused, (std::vector<std::string>{"K7QX2M9A", "B4NH6YDE"}));  // in issue order
  // Neither the log nor the answer sheet keeps the code.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE '%P3RT8WZC%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_response WHERE answers LIKE '%P3RT8WZC%'"), 0);
}

// Whether a sheet needs a code is the service's decision: the repository uses up the code it is
// given, and none when given none, whatever the channel.
TEST_P(SurveyStorageTest, AnEmptyCodeUsesNone) {
  const Survey open = OpenedWithCode("K7QX2M9A");
  Response interview = Sheet(open.id, 1);
  ASSERT_EQ(interview.channel, Channel::kInterview);
  auto stored = repo_->AddResponse(commune_id_, interview, "", Rec());
  ASSERT_TRUE(stored.has_value()) << stored.error().message;
  Response web = interview;
  web.channel = Channel::kWeb;
  auto also = repo_->AddResponse(commune_id_, web, "", Rec());
  ASSERT_TRUE(also.has_value()) << also.error().message;
  EXPECT_EQ(Stored("survey_response"), 2);
  EXPECT_EQ(repo_->CountCodes(commune_id_, open.id)->used, 0);
}

// On PostgreSQL every row carries the id of the transaction that wrote it (xmin): the code and
// the sheet it let in are written by two, so that id does not pair them.
TEST_P(SurveyStorageTest, TheCodeIsUsedUpInATransactionOfItsOwn) {
  const Survey open = OpenedWithCode("K7QX2M9A");
  auto stored = repo_->AddResponse(commune_id_, Sheet(open.id, 1), "K7QX2M9A", Rec());
  ASSERT_TRUE(stored.has_value()) << stored.error().message;
  EXPECT_EQ(repo_->CountCodes(commune_id_, open.id)->used, 1);
  if (GetParam() != "postgresql") return;
  std::string code_xmin, response_xmin;
  ASSERT_TRUE(db_->Read([&](soci::session& s) -> Status {
                   s << "SELECT xmin::text FROM survey_code WHERE code = 'K7QX2M9A'",
                       soci::into(code_xmin);
                   s << "SELECT xmin::text FROM survey_response", soci::into(response_xmin);
                   return Ok{};
                 })
                  .has_value());
  ASSERT_FALSE(code_xmin.empty());
  ASSERT_FALSE(response_xmin.empty());
  EXPECT_NE(code_xmin, response_xmin);
}

TEST_P(SurveyStorageTest, ASheetIsTakenOnlyWhileOpen) {
  const Survey draft = Created();
  auto early = repo_->AddResponse(commune_id_, Sheet(draft.id, 1), "", Rec());
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);

  auto open = repo_->SetStatus(commune_id_, draft.id, 1, SurveyStatus::kOpen, Rec());
  ASSERT_TRUE(open.has_value());
  ASSERT_TRUE(repo_->AddResponse(commune_id_, Sheet(draft.id, 1), "", Rec()).has_value());
  ASSERT_TRUE(repo_->SetStatus(commune_id_, draft.id, 2, SurveyStatus::kClosed, Rec()).has_value());
  auto late = repo_->AddResponse(commune_id_, Sheet(draft.id, 2), "", Rec());
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
  // Paper forms may still be imported after the survey closed.
  const std::vector<Response> paper = {Sheet(draft.id, 3)};
  auto imported = repo_->ImportResponses(commune_id_, draft.id, paper, Rec());
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  EXPECT_EQ(Stored("survey_response"), 2);
}

TEST_P(SurveyStorageTest, AFailedImportStoresNothing) {
  const Survey open = Opened();
  std::vector<Response> sheets = Sheets(open.id, 0, 1200);
  // A sheet the database refuses, in the third batch of rows.
  sheets[1100].channel = static_cast<Channel>(99);
  const long long audit_before = Stored("audit_entry");
  auto failed = repo_->ImportResponses(commune_id_, open.id, sheets, Rec());
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(Stored("survey_response"), 0);
  EXPECT_EQ(Stored("audit_entry"), audit_before);
  EXPECT_EQ(repo_->List(commune_id_, std::nullopt)->front().responses, 0);

  const Survey draft = Created();
  auto not_open = repo_->ImportResponses(commune_id_, draft.id, {sheets.data(), 3}, Rec());
  ASSERT_FALSE(not_open.has_value());
  EXPECT_EQ(not_open.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Stored("survey_response"), 0);
}

TEST_P(SurveyStorageTest, ResponsesRoundTripAnswersAndWeightsInOrder) {
  const Survey open = Opened();
  Response web = Sheet(open.id, 0);
  web.channel = Channel::kWeb;
  web.weight = 1;
  web.answers = {{"q1", {"no"}}, {"q4.n", {"2.5"}}};
  auto web_id = repo_->AddResponse(commune_id_, web, "", Rec());
  ASSERT_TRUE(web_id.has_value()) << web_id.error().message;
  // Two full batches of rows and a part.
  const std::vector<Response> sheets = Sheets(open.id, 1, 1203);
  auto imported = repo_->ImportResponses(commune_id_, open.id, sheets, Rec());
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  EXPECT_EQ(*imported, 1203);

  auto got = repo_->Responses(commune_id_, open.id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  ASSERT_EQ(got->size(), 1204U);
  EXPECT_EQ(got->front().id, *web_id);
  EXPECT_EQ(got->front().channel, Channel::kWeb);
  EXPECT_EQ(got->front().answers, web.answers);
  for (size_t i = 1; i < got->size(); ++i) {
    const Response& want = sheets[i - 1];
    const Response& r = (*got)[i];
    ASSERT_EQ(r.survey_id, open.id);
    ASSERT_EQ(r.channel, want.channel) << i;
    ASSERT_EQ(r.submitted_at, want.submitted_at) << i;
    ASSERT_EQ(r.weight, want.weight) << i;
    ASSERT_EQ(r.answers, want.answers) << i;
    ASSERT_GT(r.id, (*got)[i - 1].id);
  }
  EXPECT_EQ(repo_->List(commune_id_, std::nullopt)->front().responses, 1204);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE action = 'import' AND summary = "
                  "'1203 phiếu'"),
            1);
}

TEST_P(SurveyStorageTest, AnotherCommuneGetsNotFound) {
  Survey coded = Sample();
  coded.needs_code = true;
  const Survey open = Opened(coded);
  const std::vector<std::string> codes = {"K7QX2M9A"};
  ASSERT_TRUE(repo_->AddCodes(commune_id_, open.id, codes, Rec()).has_value());
  const long long other = AddOtherCommune();
  const audit::AuditRecord rec{other, 0, "system", "", "", "", ""};
  const std::vector<Response> sheets = {Sheet(open.id, 1)};
  Survey edit = open;
  edit.commune_id = other;

  EXPECT_EQ(repo_->Get(other, open.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->Update(edit, rec).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->SetStatus(other, open.id, open.version, SurveyStatus::kClosed, rec).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(repo_->Delete(other, open.id, rec).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->AddResponse(other, sheets[0], "K7QX2M9A", rec).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(repo_->ImportResponses(other, open.id, sheets, rec).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->Responses(other, open.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->AddCodes(other, open.id, codes, rec).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->UnusedCodes(other, open.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->CountCodes(other, open.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(repo_->List(other, std::nullopt)->empty());
  EXPECT_EQ(Stored("survey_response"), 0);
  EXPECT_EQ(repo_->CountCodes(commune_id_, open.id)->used, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
