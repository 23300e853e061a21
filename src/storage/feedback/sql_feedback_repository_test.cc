// Feedback storage and its intake service on SQLite and PostgreSQL, with the real rule book and
// legal calendar of the migrated database.
#include "storage/feedback/sql_feedback_repository.h"

#include <mutex>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "domain/feedback/feedback_service.h"
#include "platform/image_metadata.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/feedback/feedback_stats_delta.h"
#include "storage/feedback/sql_feedback_deadlines.h"
#include "storage/feedback/sql_open311_key_repository.h"
#include "storage/query.h"
#include "storage/row_util.h"
#include "storage/rules/sql_rule_repository.h"
#include "storage/storage_fixture.h"
#include "testing/fixture_file.h"

namespace xaso::storage {
namespace {

using feedback::ItemStatus;

// 10:00 in Vietnam on Monday 05/02/2024, three days before Tết.
constexpr int64_t kMonday = 1707102000;

class FeedbackStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db_->Write([this](soci::session& s) -> Status {
                     s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'dc_xd', "
                          "'Địa chính')",
                         soci::use(commune_id_);
                     s << "SELECT id FROM unit WHERE code = 'dc_xd'", soci::into(unit_);
                     return Ok{};
                   })
                    .has_value());
    repo_ = std::make_unique<SqlFeedbackRepository>(*db_);
    rules_ = std::make_unique<SqlRuleRepository>(*db_);
    calendar_repo_ = std::make_unique<SqlCalendarRepository>(*db_);
    calendars_ = std::make_unique<calendar::CalendarService>(*calendar_repo_, clock_);
    feedback::Category c;
    c.commune_id = commune_id_;
    c.code = "ha_tang";
    c.name_vi = "Cơ sở hạ tầng";
    c.unit_id = unit_;
    category_ = repo_->CreateCategory(c, Rec(), 1).value();
  }

  audit::AuditRecord Rec() const { return {commune_id_, 0, "anonymous", "", "", "", ""}; }

  feedback::Submission Sub() const {
    feedback::Submission s;
    s.commune_id = commune_id_;
    s.category_id = category_;
    s.description = "Đèn chiếu sáng đường trục thôn 3 hỏng.";
    s.citizen_name = "Ngô Thị Thu";
    s.citizen_phone = "0221 3000 000";
    s.lat = 20.69;
    s.lon = 106.05;
    return s;
  }

  feedback::FeedbackService Service(RandomSource random) {
    return feedback::FeedbackService(*repo_, *rules_, *calendars_, clock_, std::move(random),
                                     {1 << 20, platform::StripImageMetadata});
  }

  feedback::Photo GpsPhoto() const {
    return {"IMG_0001.JPG", "", xaso::testing::ReadFixture("gps.jpg")};
  }

  long long CountRows(const std::string& table) {
    long long n = 0;
    EXPECT_TRUE(db_->Read([&](soci::session& s) -> Status {
                     s << "SELECT COUNT(*) FROM " + table, soci::into(n);
                     return Ok{};
                   })
                    .has_value());
    return n;
  }

  long long Count() {
    long long n = 0;
    EXPECT_TRUE(db_->Read([&](soci::session& s) -> Status {
                     s << "SELECT COUNT(*) FROM feedback", soci::into(n);
                     return Ok{};
                   })
                    .has_value());
    return n;
  }

  std::unique_ptr<SqlFeedbackRepository> repo_;
  FakeClock clock_{kMonday};
  // Made in SetUp, once the fixture has opened the database.
  std::unique_ptr<SqlRuleRepository> rules_;
  std::unique_ptr<SqlCalendarRepository> calendar_repo_;
  std::unique_ptr<calendar::CalendarService> calendars_;
  long long unit_ = 0;
  int64_t category_ = 0;
  int draws_ = 0;
};

TEST_P(FeedbackStorageTest, SubmissionIsStoredWholeWithItsAnswerDateAcrossTet) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  auto f = service.Submit(Sub(), 0, Rec());
  ASSERT_TRUE(f.has_value()) << f.error().message;
  EXPECT_TRUE(feedback::IsTrackingCode(f->tracking_code));
  EXPECT_EQ(f->due_on, Date::FromYmd(2024, 2, 26));  // 10 working days, Tết not counted
  EXPECT_EQ(f->answer_days, 10);
  EXPECT_EQ(f->rule_effective_from, Date::FromYmd(2014, 7, 1));
  EXPECT_EQ(f->status, ItemStatus::kAssigned);  // routed to the category's unit
  auto back = repo_->GetByCode(f->tracking_code);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->submission.citizen_name, "Ngô Thị Thu");
  EXPECT_DOUBLE_EQ(*back->submission.lat, 20.69);
  EXPECT_EQ(back->unit_id, unit_);
  // The audit entry names the code, never the citizen.
  SqlAuditLog audit(*db_);
  auto entries = audit.Recent(commune_id_, 1).value();
  EXPECT_EQ(entries.front().record.summary, f->tracking_code);
}

TEST_P(FeedbackStorageTest, BadInputAndAnUnknownCategoryStoreNothing) {
  auto service = Service([](size_t n) { return std::string(n, 'x'); });
  auto sub = Sub();
  sub.description = std::string(4001, 'a');
  EXPECT_EQ(service.Submit(sub, 0, Rec()).error().fields.at(0).field, "description");
  sub = Sub();
  sub.category_id = category_ + 100;
  EXPECT_EQ(service.Submit(sub, 0, Rec()).error().fields.at(0).field, "category");
  EXPECT_EQ(Count(), 0);
}

TEST_P(FeedbackStorageTest, PhotosAreStoredScrubbedWithTheItemAndReadBackByCommune) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  auto sub = Sub();
  const feedback::Photo original = GpsPhoto();
  ASSERT_NE(original.bytes.find("XasoTestCam"), std::string::npos);
  sub.photos = {original, {"anh.png", "", xaso::testing::ReadFixture("tiny.png")}};
  auto f = service.Submit(sub, 0, Rec());
  ASSERT_TRUE(f.has_value()) << f.error().message;
  auto list = repo_->ListPhotos(commune_id_, f->id);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].n, 1);
  EXPECT_EQ((*list)[0].content_type, "image/jpeg");
  EXPECT_EQ((*list)[1].content_type, "image/png");
  auto photo = repo_->GetPhoto(commune_id_, f->id, 1);
  ASSERT_TRUE(photo.has_value()) << photo.error().message;
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_TRUE(photo->bytes.starts_with("\xFF\xD8\xFF"));
  EXPECT_LT(photo->bytes.size(), original.bytes.size());
  EXPECT_EQ(static_cast<int64_t>(photo->bytes.size()), (*list)[0].size);
  for (const char* leak : {"XasoTestCam", "PhoneModel", "GPSLatitude", "ThonBa", "Nguyen"}) {
    EXPECT_EQ(photo->bytes.find(leak), std::string::npos) << leak;
  }
  // Scoped by commune and by number.
  EXPECT_EQ(repo_->GetPhoto(commune_id_ + 1, f->id, 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->GetPhoto(commune_id_, f->id, 3).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(repo_->ListPhotos(commune_id_ + 1, f->id)->empty());
  // Nothing of the original is kept: the only blobs are the two scrubbed files.
  EXPECT_EQ(CountRows("file_blob"), 2);
}

TEST_P(FeedbackStorageTest, ABadPhotoRefusesTheWholeSubmission) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const std::string jpeg = GpsPhoto().bytes;
  const std::vector<std::vector<feedback::Photo>> refused = {
      {GpsPhoto(), {"bao-cao.pdf", "", "%PDF-1.7 a document"}},    // not an image
      {GpsPhoto(), {"anh.jpg", "", "Xin chao, toi la van ban."}},  // text named .jpg
      {{"hong.jpg", "", jpeg.substr(0, jpeg.size() / 3)}},         // damaged JPEG
      {GpsPhoto(), GpsPhoto(), GpsPhoto(), GpsPhoto()},            // one too many
      {{"lon.jpg", "", jpeg + std::string(1 << 20, '\0')}},        // over the size limit
  };
  for (const auto& photos : refused) {
    auto sub = Sub();
    sub.photos = photos;
    auto r = service.Submit(sub, 0, Rec());
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "photo");
  }
  EXPECT_EQ(Count(), 0);
  EXPECT_EQ(CountRows("feedback_photo"), 0);
  EXPECT_EQ(CountRows("file_blob"), 0);
  auto sub = Sub();
  sub.photos = {GpsPhoto(), GpsPhoto(), GpsPhoto()};  // the limit itself is accepted
  ASSERT_TRUE(service.Submit(sub, 0, Rec()).has_value());
  EXPECT_EQ(CountRows("feedback_photo"), 3);
  EXPECT_EQ(CountRows("file_blob"), 1);  // the same scrubbed bytes are kept once
}

TEST_P(FeedbackStorageTest, ATakenTrackingCodeIsDrawnAgain) {
  auto same = Service([](size_t n) { return std::string(n, 'q'); });
  ASSERT_TRUE(same.Submit(Sub(), 0, Rec()).has_value());
  auto again = same.Submit(Sub(), 0, Rec());  // every draw collides
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Count(), 1);
  int calls = 0;
  auto second_draw = Service([&](size_t n) { return std::string(n, ++calls == 1 ? 'q' : 'r'); });
  EXPECT_TRUE(second_draw.Submit(Sub(), 0, Rec()).has_value());
  EXPECT_EQ(Count(), 2);
}

TEST_P(FeedbackStorageTest, AnswerWithVersionsThenOneRating) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto f = service.Submit(Sub(), 0, Rec()).value();
  feedback::Move close{f.id, 1, ItemStatus::kClosed, std::nullopt, ""};
  EXPECT_EQ(repo_->Apply(commune_id_, close, Rec(), 2).error().code,
            ErrorCode::kFailedPrecondition);
  feedback::Move answer{f.id, 1, ItemStatus::kAnswered, std::nullopt, "Đã thay bóng đèn."};
  EXPECT_EQ(repo_->Apply(commune_id_, answer, Rec(), 3).value(), 2);
  EXPECT_EQ(repo_->Apply(commune_id_, answer, Rec(), 4).error().code, ErrorCode::kAborted);
  EXPECT_FALSE(repo_->Apply(commune_id_ + 1, answer, Rec(), 4).has_value());
  auto stored = repo_->Get(commune_id_, f.id).value();
  EXPECT_EQ(stored.status, ItemStatus::kAnswered);
  EXPECT_EQ(stored.answer, "Đã thay bóng đèn.");
  EXPECT_TRUE(repo_->Rate(f.tracking_code, feedback::Rating::kSatisfied, 5).has_value());
  EXPECT_FALSE(repo_->Rate(f.tracking_code, feedback::Rating::kUnsatisfied, 6).has_value());
  EXPECT_EQ(repo_->GetByCode(f.tracking_code).value().rating, feedback::Rating::kSatisfied);
}

TEST_P(FeedbackStorageTest, PublicListIsNewestFirstByKeyset) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  std::vector<int64_t> ids;
  ids.reserve(5);
  for (int i = 0; i < 5; ++i) ids.push_back(service.Submit(Sub(), 0, Rec()).value().id);
  auto first = repo_->ListPublic(commune_id_, 0, 2).value();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, ids[4]);
  auto next = repo_->ListPublic(commune_id_, first.back().id, 10).value();
  ASSERT_EQ(next.size(), 3u);
  EXPECT_EQ(next[0].id, ids[2]);
  EXPECT_TRUE(repo_->ListPublic(commune_id_ + 1, 0, 10).value().empty());
}

TEST_P(FeedbackStorageTest, OpenItemsDueByADayAreTheNoticeCandidates) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto open = service.Submit(Sub(), 0, Rec()).value();      // due 26/02/2024
  const auto answered = service.Submit(Sub(), 0, Rec()).value();  // due 26/02/2024 too
  ASSERT_TRUE(repo_
                  ->Apply(commune_id_,
                          {answered.id, 1, ItemStatus::kAnswered, std::nullopt, "Xong."}, Rec(), 2)
                  .has_value());
  SqlFeedbackDeadlines deadlines(*db_);
  EXPECT_TRUE(deadlines.OpenDueBy(Date::FromYmd(2024, 2, 25)).value().empty());
  auto due = deadlines.OpenDueBy(Date::FromYmd(2024, 2, 26)).value();
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, open.id);
  EXPECT_EQ(due[0].unit_id, unit_);
  EXPECT_TRUE(due[0].submission.citizen_phone.empty());  // not read for a notice
}

TEST_P(FeedbackStorageTest, FindFiltersByTimeCategoryAndStatusNewestFirst) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto a = service.Submit(Sub(), 0, Rec()).value();
  clock_.Advance(3600);
  const auto b = service.Submit(Sub(), 0, Rec()).value();
  feedback::Move answer{a.id, 1, ItemStatus::kAnswered, std::nullopt, "Đã sửa."};
  ASSERT_TRUE(repo_->Apply(commune_id_, answer, Rec(), kMonday + 7200).has_value());
  feedback::ItemFilter f;
  f.commune_id = commune_id_;
  f.from_at = kMonday;
  f.to_at = kMonday + 3601;
  auto all = repo_->Find(f).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b.id);
  f.to_at = kMonday + 3600;  // the end is excluded
  EXPECT_EQ(repo_->Find(f).value().size(), 1u);
  f.to_at = kMonday + 3601;
  f.statuses = {ItemStatus::kAnswered, ItemStatus::kClosed};
  auto answered = repo_->Find(f).value();
  ASSERT_EQ(answered.size(), 1u);
  EXPECT_EQ(answered[0].id, a.id);
  f.statuses.clear();
  f.category_ids = {category_ + 100};
  EXPECT_TRUE(repo_->Find(f).value().empty());
  f.category_ids = {category_};
  f.limit = 1;
  EXPECT_EQ(repo_->Find(f).value().size(), 1u);
  f.commune_id = commune_id_ + 1;
  EXPECT_TRUE(repo_->Find(f).value().empty());
}

TEST_P(FeedbackStorageTest, HiddenItemsAreNotFound) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto a = service.Submit(Sub(), 0, Rec()).value();
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   long long id = a.id;
                   s << "UPDATE feedback SET hidden = 1 WHERE id = :i", soci::use(id);
                   return Ok{};
                 })
                  .has_value());
  feedback::ItemFilter f;
  f.commune_id = commune_id_;
  f.from_at = 0;
  f.to_at = kMonday + 1;
  EXPECT_TRUE(repo_->Find(f).value().empty());
}

TEST_P(FeedbackStorageTest, Open311KeysAreFoundByHashUntilRevoked) {
  SqlOpen311KeyRepository keys(*db_);
  const int64_t id = keys.CreateKey(commune_id_, "Tổng đài", "abc123", Rec(), 1).value();
  auto found = keys.FindKey("abc123").value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->commune_id, commune_id_);
  EXPECT_EQ(found->name, "Tổng đài");
  EXPECT_FALSE(keys.FindKey("other").value().has_value());
  // Another commune cannot revoke it.
  EXPECT_EQ(keys.RevokeKey(commune_id_ + 1000, id, Rec(), 2).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(keys.RevokeKey(commune_id_, id, Rec(), 2).has_value());
  EXPECT_FALSE(keys.FindKey("abc123").value().has_value());
  EXPECT_EQ(keys.RevokeKey(commune_id_, id, Rec(), 3).error().code, ErrorCode::kFailedPrecondition);
  const auto listed = keys.ListKeys(commune_id_).value();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].revoked_at, std::optional<int64_t>(2));
}

// Pages of the register, read one after another from their cursors, give every item once, in
// the register's order: open first, then by answer date, then by id.
TEST_P(FeedbackStorageTest, TheRegisterPagesByCursorWithoutGapsOrRepeats) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  std::vector<int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    clock_.Set(kMonday + i * 86400 * (i % 3));  // answer dates repeat and interleave
    ids.push_back(service.Submit(Sub(), 0, Rec()).value().id);
  }
  feedback::Move answer{ids[0], 1, ItemStatus::kAnswered, std::nullopt, "Đã sửa."};
  ASSERT_TRUE(repo_->Apply(commune_id_, answer, Rec(), kMonday).has_value());
  const auto all = repo_->ListRegister(commune_id_, {}, 100).value();
  ASSERT_EQ(all.size(), 7U);
  EXPECT_EQ(all.back().id, ids[0]);  // the answered item comes last
  std::vector<int64_t> paged;
  feedback::RegisterFilter f;
  for (int page = 0; page < 10; ++page) {
    const auto items = repo_->ListRegister(commune_id_, f, 2).value();
    if (items.empty()) break;
    for (const auto& item : items) paged.push_back(item.id);
    f.after = feedback::RegisterCursor::After(items.back());
  }
  std::vector<int64_t> expected;
  expected.reserve(all.size());
  for (const auto& item : all) expected.push_back(item.id);
  EXPECT_EQ(paged, expected);
}

TEST_P(FeedbackStorageTest, ADuplicateIsMergedOnceIntoAVisibleItemAndLeavesThePublicList) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto first = service.Submit(Sub(), 0, Rec()).value();
  const auto dup = service.Submit(Sub(), 0, Rec()).value();
  const auto hidden = service.Submit(Sub(), 0, Rec()).value();
  ASSERT_TRUE(repo_->Hide(commune_id_, hidden.id, 1, "Xúc phạm", Rec(), kMonday).has_value());
  // Not into itself, an unknown code, or a hidden item; not with a stale version.
  for (const auto& into : {dup.tracking_code, std::string("PA-ZZZZZZZZ"), hidden.tracking_code}) {
    const auto e = repo_->Merge(commune_id_, dup.id, 1, into, Rec(), kMonday).error();
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument) << into;
    ASSERT_EQ(e.fields.size(), 1U);
    EXPECT_EQ(e.fields[0].field, "into");
  }
  EXPECT_EQ(repo_->Merge(commune_id_, dup.id, 7, first.tracking_code, Rec(), kMonday).error().code,
            ErrorCode::kAborted);
  EXPECT_EQ(
      repo_->Merge(commune_id_ + 1000, dup.id, 1, first.tracking_code, Rec(), kMonday).error().code,
      ErrorCode::kNotFound);
  const int64_t counted = repo_->LoadStatistics(commune_id_, {}).value().total;
  EXPECT_EQ(repo_->Merge(commune_id_, dup.id, 1, first.tracking_code, Rec(), kMonday).value(), 2);
  // A merged duplicate is no longer counted, and the kept counts still equal a rebuild.
  EXPECT_EQ(repo_->LoadStatistics(commune_id_, {}).value().total, counted - 1);
  ASSERT_TRUE(repo_->RebuildStatistics().has_value());
  EXPECT_EQ(repo_->LoadStatistics(commune_id_, {}).value().total, counted - 1);
  const auto merged = repo_->Get(commune_id_, dup.id).value();
  EXPECT_EQ(merged.status, ItemStatus::kClosed);
  EXPECT_EQ(merged.merged_into, std::optional<int64_t>(first.id));
  EXPECT_EQ(repo_->History(commune_id_, dup.id).value().back().body,
            "Trùng với " + first.tracking_code);
  // Merged once; nothing merges into a merged item; a merged item cannot be rated.
  EXPECT_EQ(repo_->Merge(commune_id_, dup.id, 2, first.tracking_code, Rec(), kMonday).error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_->Merge(commune_id_, first.id, 1, dup.tracking_code, Rec(), kMonday).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_FALSE(repo_->Rate(dup.tracking_code, feedback::Rating::kSatisfied, kMonday).has_value());
  const auto listed = repo_->ListPublic(commune_id_, 0, 10).value();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].id, first.id);
}

// The questions and answers hold answered questions only, and are searched without diacritics
// or case in the title, the description and the answer; "%" is a character, not a wildcard.
TEST_P(FeedbackStorageTest, AnsweredQuestionsAreSearchedWithoutDiacritics) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  auto ask = [&](const std::string& title, const std::string& answer, feedback::Kind kind) {
    auto s = Sub();
    s.kind = kind;
    s.title = title;
    s.description = "Xin hỏi xã.";
    const auto f = service.Submit(s, 0, Rec()).value();
    if (!answer.empty()) {
      feedback::Move m{f.id, 1, ItemStatus::kAnswered, std::nullopt, answer};
      EXPECT_TRUE(repo_->Apply(commune_id_, m, Rec(), kMonday).has_value());
    }
    return f.id;
  };
  const auto budget =
      ask("Công khai ngân sách ở đâu?", "Tại nhà văn hóa các thôn.", feedback::Kind::kQuestion);
  const auto land = ask("Thủ tục cấp sổ đỏ", "Nộp tại bộ phận một cửa; phí 100% theo bảng.",
                        feedback::Kind::kQuestion);
  ask("Công khai chưa trả lời", "", feedback::Kind::kQuestion);
  ask("Công khai là phản ánh", "Đã xử lý.", feedback::Kind::kFeedback);
  auto ids = [&](const std::string& q) {
    const auto found = repo_->ListFaq(commune_id_, feedback::SearchTerms(q), 0, 50).value();
    std::vector<int64_t> out;
    out.reserve(found.size());
    for (const auto& f : found) out.push_back(f.id);
    return out;
  };
  EXPECT_EQ(ids(""), (std::vector<int64_t>{land, budget}));
  EXPECT_EQ(ids("cong khai"), std::vector<int64_t>{budget});
  EXPECT_EQ(ids("NHA VAN HOA"), std::vector<int64_t>{budget});  // found in the answer
  EXPECT_EQ(ids("sổ đỏ một cửa"), std::vector<int64_t>{land});
  EXPECT_EQ(ids("100%"), std::vector<int64_t>{land});
  EXPECT_EQ(ids("%"), std::vector<int64_t>{land});  // only this one holds a "%"
  EXPECT_TRUE(ids("_").empty());
  EXPECT_TRUE(ids("cong khai so do").empty());
  EXPECT_EQ(repo_->ListFaq(commune_id_, {}, land, 50).value().size(), 1U);
}

TEST_P(FeedbackStorageTest, HiddenItemsLeaveThePublicListButStayInTheRegister) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto a = service.Submit(Sub(), 0, Rec()).value();
  const auto b = service.Submit(Sub(), 0, Rec()).value();
  EXPECT_EQ(repo_->Hide(commune_id_, a.id, 2, "Lời lẽ xúc phạm", Rec(), 5).error().code,
            ErrorCode::kAborted);
  EXPECT_EQ(repo_->Hide(commune_id_ + 1, a.id, 1, "x", Rec(), 5).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(repo_->Hide(commune_id_, a.id, 1, "Lời lẽ xúc phạm", Rec(), 5).value(), 2);
  auto shown = repo_->ListPublic(commune_id_, 0, 10).value();
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].id, b.id);
  auto stored = repo_->Get(commune_id_, a.id).value();
  EXPECT_TRUE(stored.hidden);
  EXPECT_EQ(stored.hidden_reason, "Lời lẽ xúc phạm");
  SqlAuditLog audit(*db_);
  EXPECT_EQ(audit.Recent(commune_id_, 1).value().front().record.summary, "Lời lẽ xúc phạm");
  // The register keeps hidden items and puts answered ones after the open ones.
  feedback::Move answer{b.id, 1, ItemStatus::kAnswered, std::nullopt, "Đã xử lý."};
  ASSERT_TRUE(repo_->Apply(commune_id_, answer, Rec(), 6).has_value());
  auto all = repo_->ListRegister(commune_id_, {}, 10).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, a.id);
  feedback::RegisterFilter answered{ItemStatus::kAnswered, std::nullopt};
  auto only = repo_->ListRegister(commune_id_, answered, 10).value();
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].id, b.id);
  feedback::RegisterFilter other{std::nullopt, category_ + 1};
  EXPECT_TRUE(repo_->ListRegister(commune_id_, other, 10).value().empty());
  auto history = repo_->History(commune_id_, b.id).value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].status, ItemStatus::kAnswered);
  EXPECT_EQ(history[1].body, "Đã xử lý.");
  EXPECT_FALSE(repo_->History(commune_id_ + 1, b.id).has_value());
}

TEST_P(FeedbackStorageTest, SubmissionsPerAddressAreCountedForAnHour) {
  ASSERT_TRUE(repo_->RecordSubmission(commune_id_, "h1", 1000).has_value());
  ASSERT_TRUE(repo_->RecordSubmission(commune_id_, "h1", 2000).has_value());
  ASSERT_TRUE(repo_->RecordSubmission(commune_id_, "h2", 2000).has_value());
  EXPECT_EQ(repo_->CountSubmissions("h1", 0).value(), 2);
  EXPECT_EQ(repo_->CountSubmissions("h1", 1500).value(), 1);
  EXPECT_EQ(repo_->CountSubmissions("h3", 0).value(), 0);
  // A record an hour later forgets the older ones.
  ASSERT_TRUE(repo_->RecordSubmission(commune_id_, "h2", 5000).has_value());
  EXPECT_EQ(repo_->CountSubmissions("h1", 0).value(), 1);
  EXPECT_EQ(repo_->CountSubmissions("h2", 0).value(), 2);
}

// The kept counts, one line per non-zero row of both tables, in key order.
std::vector<std::string> StatRows(Database& db) {
  auto line = [](const soci::row& r) {
    std::string out;
    for (size_t i = 0; i < r.size(); ++i) {
      const bool text = r.get_properties(i).get_data_type() == soci::dt_string;
      out += (text ? RowText(r, i) : std::to_string(RowInt(r, i))) + "|";
    }
    return out;
  };
  auto counts =
      QueryAll<std::string>(db,
                            "SELECT commune_id, month, category_id, unit_id, status, rating, n "
                            "FROM feedback_stat WHERE n <> 0 ORDER BY commune_id, month, "
                            "category_id, unit_id, status, rating",
                            line)
          .value();
  auto times = QueryAll<std::string>(
                   db,
                   "SELECT commune_id, month, category_id, unit_id, working_days, on_time, n "
                   "FROM feedback_answer_stat WHERE n <> 0 ORDER BY commune_id, month, "
                   "category_id, unit_id, working_days, on_time",
                   line)
                   .value();
  counts.push_back("--");
  counts.insert(counts.end(), times.begin(), times.end());
  return counts;
}

TEST_P(FeedbackStorageTest, AReopenedItemIsRatedAgainAndTheEarlierRatingStaysAudited) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto f = service.Submit(Sub(), 0, Rec()).value();
  clock_.Advance(2 * 86400);  // Wednesday 07/02: 2 working days
  feedback::Move answer{0, 1, ItemStatus::kAnswered, std::nullopt, "Đã báo điện lực."};
  ASSERT_EQ(service.Apply(f, answer, Rec()).value(), 2);
  ASSERT_TRUE(repo_->Rate(f.tracking_code, feedback::Rating::kUnsatisfied, 5).has_value());
  EXPECT_EQ(repo_->Rate(f.tracking_code, feedback::Rating::kSatisfied, 6).error().code,
            ErrorCode::kFailedPrecondition);
  auto st = repo_->LoadStatistics(commune_id_, {}).value();
  EXPECT_EQ(st.unsatisfied, 1);
  EXPECT_EQ(st.answered, 1);
  EXPECT_EQ(*st.median_days, 2);

  feedback::Move reopen{0, 2, ItemStatus::kInProgress, std::nullopt, ""};
  ASSERT_EQ(service.Apply(f, reopen, Rec()).value(), 3);
  auto stored = repo_->GetByCode(f.tracking_code).value();
  EXPECT_EQ(stored.rating, feedback::Rating::kNone);
  EXPECT_EQ(stored.answer, "Đã báo điện lực.");  // kept until the next answer
  EXPECT_FALSE(repo_->Rate(f.tracking_code, feedback::Rating::kSatisfied, 7).has_value());
  SqlAuditLog audit(*db_);
  EXPECT_EQ(audit.Recent(commune_id_, 1).value().front().record.summary,
            "answered → in_progress; previous rating: unsatisfied");
  st = repo_->LoadStatistics(commune_id_, {}).value();
  EXPECT_EQ(st.unsatisfied, 0);
  EXPECT_EQ(st.answered, 0);
  EXPECT_EQ(st.by_status.at(ItemStatus::kInProgress), 1);

  clock_.Advance(14 * 86400);  // Wednesday 21/02 (7 working days), before the due 26/02
  feedback::Move again{0, 3, ItemStatus::kAnswered, std::nullopt, "Đèn đã được thay."};
  ASSERT_TRUE(service.Apply(f, again, Rec()).has_value());
  ASSERT_TRUE(repo_->Rate(f.tracking_code, feedback::Rating::kSatisfied, 8).has_value());
  st = repo_->LoadStatistics(commune_id_, {}).value();
  EXPECT_EQ(st.total, 1);
  EXPECT_EQ(st.satisfied, 1);
  EXPECT_EQ(st.unsatisfied, 0);
  EXPECT_EQ(st.answered, 1);
  EXPECT_EQ(*st.median_days, 7);
  EXPECT_EQ(st.on_time, 1);
}

TEST_P(FeedbackStorageTest, StatisticsCountByStatusMonthAndAnswerTime) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  const auto a = service.Submit(Sub(), 0, Rec()).value();
  const auto b = service.Submit(Sub(), 0, Rec()).value();
  service.Submit(Sub(), 0, Rec()).value();
  clock_.Advance(29 * 86400);  // Tuesday 05/03/2024
  const auto march = service.Submit(Sub(), 0, Rec()).value();
  // a answered today, 16 working days after receipt: late. b answered the day march came in.
  ASSERT_TRUE(
      service.Apply(a, {0, 1, ItemStatus::kAnswered, std::nullopt, "Muộn."}, Rec()).has_value());
  ASSERT_TRUE(service.Apply(march, {0, 1, ItemStatus::kAnswered, std::nullopt, "Ngay."}, Rec())
                  .has_value());
  ASSERT_TRUE(
      service.Apply(b, {0, 1, ItemStatus::kForwarded, std::nullopt, "Huyện."}, Rec()).has_value());
  ASSERT_TRUE(repo_->Hide(commune_id_, b.id, 2, "Trùng lặp", Rec(), 9).has_value());
  auto st = repo_->LoadStatistics(commune_id_, {}).value();
  EXPECT_EQ(st.total, 4);  // the hidden item is still a submission
  EXPECT_EQ(st.by_month.at("2024-02"), 3);
  EXPECT_EQ(st.by_month.at("2024-03"), 1);
  EXPECT_EQ(st.by_status.at(ItemStatus::kAnswered), 2);
  EXPECT_EQ(st.by_status.at(ItemStatus::kForwarded), 1);
  EXPECT_EQ(st.by_status.at(ItemStatus::kAssigned), 1);
  EXPECT_EQ(st.by_category.at(category_), 4);
  EXPECT_EQ(st.by_unit.at(unit_), 4);
  EXPECT_EQ(st.answered, 2);
  EXPECT_EQ(st.on_time, 1);
  EXPECT_EQ(*st.median_days, 8);  // 0 and 16
  EXPECT_EQ(*st.p90_days, 16);
  EXPECT_FALSE(st.SatisfiedShare().has_value());
  auto feb = repo_->LoadStatistics(commune_id_, {"2024-02", "2024-02"}).value();
  EXPECT_EQ(feb.total, 3);
  EXPECT_EQ(feb.answered, 1);
  EXPECT_EQ(repo_->LoadStatistics(commune_id_, {"2024-04", ""}).value().total, 0);
  EXPECT_EQ(repo_->LoadStatistics(commune_id_ + 1, {}).value().total, 0);
}

// The honest test of the incremental counts: after a random run of every kind of change, they
// equal the counts recomputed from the items.
TEST_P(FeedbackStorageTest, IncrementalCountsEqualARebuildAfterRandomChanges) {
  feedback::Category plain;
  plain.commune_id = commune_id_;
  plain.code = "khac";
  plain.name_vi = "Khác";
  const int64_t unrouted = repo_->CreateCategory(plain, Rec(), 1).value();
  std::mt19937 rng(20240205);
  // Tracking codes from the same generator: a code per draw of 8 bytes, never a run of clashes.
  auto service = Service([&rng](size_t n) {
    std::string bytes(n, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng());
    return bytes;
  });
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<int64_t> ids;
  const ItemStatus moves[] = {ItemStatus::kAssigned, ItemStatus::kInProgress, ItemStatus::kAnswered,
                              ItemStatus::kClosed, ItemStatus::kForwarded};
  for (int step = 0; step < 150; ++step) {
    clock_.Advance(pick(3) * 86400 + 3600);
    const int op = ids.empty() ? 0 : pick(10);
    if (op <= 2) {
      auto sub = Sub();
      if (pick(2) == 0) sub.category_id = unrouted;
      ids.push_back(service.Submit(sub, 0, Rec()).value().id);
      continue;
    }
    const auto f = repo_->Get(commune_id_, ids[pick(static_cast<int>(ids.size()))]).value();
    if (op <= 6) {
      feedback::Move m{0, f.version, moves[pick(5)], std::nullopt, "Trả lời."};
      if (m.to == ItemStatus::kAssigned) m.unit_id = unit_;
      (void)service.Apply(f, m, Rec());  // refused moves change nothing
    } else if (op == 7) {
      (void)repo_->Rate(f.tracking_code,
                        pick(2) ? feedback::Rating::kSatisfied : feedback::Rating::kUnsatisfied,
                        clock_.NowUnix());
    } else if (op == 8) {
      (void)repo_->Hide(commune_id_, f.id, f.version, "Lặp lại", Rec(), clock_.NowUnix());
    } else if (!f.merged_into && f.id != ids.front()) {
      // A merge as its own method will do it: the duplicate stops being counted.
      ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                       long long id = f.id, into = ids.front();
                       const auto before = ReadCountedItem(s, id);
                       s << "UPDATE feedback SET merged_into = :m WHERE id = :i", soci::use(into),
                           soci::use(id);
                       ApplyStatsDelta(s, before, ReadCountedItem(s, id));
                       return Ok{};
                     })
                      .has_value());
    }
  }
  const auto kept = StatRows(*db_);
  const auto kept_stats = repo_->LoadStatistics(commune_id_, {}).value();
  ASSERT_GT(kept_stats.answered, 0);
  ASSERT_GT(kept_stats.satisfied + kept_stats.unsatisfied, 0);
  ASSERT_LT(kept_stats.total, static_cast<int64_t>(ids.size()));  // some were merged
  ASSERT_TRUE(repo_->RebuildStatistics().has_value());
  EXPECT_EQ(kept, StatRows(*db_));
  const auto rebuilt = repo_->LoadStatistics(commune_id_, {}).value();
  EXPECT_EQ(kept_stats.by_status, rebuilt.by_status);
  EXPECT_EQ(kept_stats.median_days, rebuilt.median_days);
}

// Two writers at once on the same items (the pool has two connections): on PostgreSQL a change
// must read what the item counted for only once it holds the row, or a concurrent change slips
// in between and the counts drift.
TEST_P(FeedbackStorageTest, ConcurrentChangesKeepTheCountsEqualToARebuild) {
  std::mutex draw;
  std::mt19937 codes(7);
  auto service = Service([&](size_t n) {
    std::lock_guard lock(draw);
    std::string bytes(n, '\0');
    for (auto& b : bytes) b = static_cast<char>(codes());
    return bytes;
  });
  std::vector<feedback::Feedback> items;
  for (int i = 0; i < 4; ++i) {
    const auto f = service.Submit(Sub(), 0, Rec()).value();
    ASSERT_TRUE(service.Apply(f, {0, 1, ItemStatus::kAnswered, std::nullopt, "Đã xử lý."}, Rec())
                    .has_value());
    items.push_back(f);
  }
  std::vector<std::thread> writers;
  writers.reserve(2);
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([&, t] {
      std::mt19937 rng(static_cast<unsigned>(t + 1));
      const ItemStatus moves[] = {ItemStatus::kInProgress, ItemStatus::kAnswered,
                                  ItemStatus::kClosed};
      for (int i = 0; i < 120; ++i) {
        const auto& item = items[rng() % items.size()];
        auto f = repo_->Get(commune_id_, item.id);
        if (!f) continue;
        if (rng() % 3 == 0) {
          (void)repo_->Rate(
              f->tracking_code,
              rng() % 2 ? feedback::Rating::kSatisfied : feedback::Rating::kUnsatisfied, kMonday);
        } else {
          (void)service.Apply(*f, {0, f->version, moves[rng() % 3], std::nullopt, "Lần nữa."},
                              Rec());
        }
      }
    });
  }
  for (auto& w : writers) w.join();
  const auto kept = StatRows(*db_);
  ASSERT_TRUE(repo_->RebuildStatistics().has_value());
  EXPECT_EQ(kept, StatRows(*db_));
}

long long ContentVersion(Database& db, long long commune_id) {
  long long v = 0;
  EXPECT_TRUE(db.Read([&](soci::session& s) -> Status {
                  s << "SELECT content_version FROM commune WHERE id = :c", soci::use(commune_id),
                      soci::into(v);
                  return Ok{};
                }).has_value());
  return v;
}

TEST_P(FeedbackStorageTest, UpdateCategoryKeepsTheCodeAuditsWhatChangedAndBumpsTheVersion) {
  auto all = repo_->ListCategories(commune_id_).value();
  ASSERT_EQ(all.size(), 1u);
  feedback::Category c = all.front();
  const long long before = ContentVersion(*db_, commune_id_);
  c.code = "doi_ma";  // ignored: Open311 clients hold the code
  c.name_vi = "Hạ tầng giao thông";
  c.answer_days = 7;
  c.unit_id.reset();
  c.active = false;
  ASSERT_TRUE(repo_->UpdateCategory(c, Rec(), 2).has_value());
  auto back = repo_->ListCategories(commune_id_).value().front();
  EXPECT_EQ(back.code, "ha_tang");
  EXPECT_EQ(back.name_vi, "Hạ tầng giao thông");
  EXPECT_EQ(back.answer_days, 7);
  EXPECT_FALSE(back.unit_id.has_value());
  EXPECT_FALSE(back.active);
  EXPECT_GT(ContentVersion(*db_, commune_id_), before);
  SqlAuditLog audit(*db_);
  const auto entry = audit.Recent(commune_id_, 1).value().front().record;
  EXPECT_EQ(entry.entity, "feedback_category");
  EXPECT_EQ(entry.action, "update");
  EXPECT_NE(entry.summary.find("answer_days: — → 7"), std::string::npos) << entry.summary;
  EXPECT_NE(entry.summary.find("name_vi: Cơ sở hạ tầng → Hạ tầng giao thông"), std::string::npos);
  EXPECT_NE(entry.summary.find("active: 1 → 0"), std::string::npos);
  EXPECT_EQ(entry.summary.find("name_en"), std::string::npos);  // unchanged fields not named
}

TEST_P(FeedbackStorageTest, AnotherCommunesCategoryOrUnitIsRefused) {
  long long other = 0, other_unit = 0;
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "INSERT INTO commune (slug, name, province, level_above, created_at) "
                        "VALUES ('khac', 'Xã Khác', 'Hưng Yên', 'UBND tỉnh', 0) RETURNING id",
                       soci::into(other);
                   s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'vp', "
                        "'Văn phòng') RETURNING id",
                       soci::use(other), soci::into(other_unit);
                   return Ok{};
                 })
                  .has_value());
  feedback::Category c = repo_->ListCategories(commune_id_).value().front();
  feedback::Category foreign = c;
  foreign.commune_id = other;
  EXPECT_EQ(repo_->UpdateCategory(foreign, Rec(), 2).error().code, ErrorCode::kNotFound);
  c.unit_id = other_unit;
  auto refused = repo_->UpdateCategory(c, Rec(), 2);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().fields.at(0).field, "unit_id");
  feedback::Category added;
  added.commune_id = commune_id_;
  added.code = "moi_truong";
  added.name_vi = "Môi trường";
  added.unit_id = other_unit;
  EXPECT_EQ(repo_->CreateCategory(added, Rec(), 2).error().fields.at(0).field, "unit_id");
  EXPECT_EQ(repo_->ListCategories(commune_id_).value().front().unit_id, unit_);
  EXPECT_EQ(repo_->ListCategories(commune_id_).value().size(), 1u);
}

TEST_P(FeedbackStorageTest, ADuplicateCodeIsAFieldErrorOnTheCode) {
  feedback::Category c;
  c.commune_id = commune_id_;
  c.code = "ha_tang";
  c.name_vi = "Trùng mã";
  auto dup = repo_->CreateCategory(c, Rec(), 2);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().fields.at(0).field, "code");
  EXPECT_EQ(repo_->ListCategories(commune_id_).value().size(), 1u);
}

TEST_P(FeedbackStorageTest, ACategoryChangeReachesSubmissionsOnceTheServiceForgets) {
  auto service = Service([this](size_t n) { return std::string(n, static_cast<char>(++draws_)); });
  ASSERT_TRUE(service.Submit(Sub(), 0, Rec()).has_value());  // the categories are now kept
  feedback::Category c = repo_->ListCategories(commune_id_).value().front();
  c.answer_days = 5;
  ASSERT_TRUE(repo_->UpdateCategory(c, Rec(), 2).has_value());
  service.ForgetCategories();
  auto five = service.Submit(Sub(), 0, Rec());
  ASSERT_TRUE(five.has_value());
  EXPECT_EQ(five->answer_days, 5);
  EXPECT_EQ(five->due_on, Date::FromYmd(2024, 2, 19));  // Mon 05/02 + 5 working days, Tết off
  c.active = false;
  ASSERT_TRUE(repo_->UpdateCategory(c, Rec(), 3).has_value());
  service.ForgetCategories();
  EXPECT_EQ(service.Submit(Sub(), 0, Rec()).error().fields.at(0).field, "category");
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedbackStorageTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace xaso::storage
