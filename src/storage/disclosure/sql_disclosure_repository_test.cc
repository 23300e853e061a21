// The disclosure register's storage on SQLite and PostgreSQL.
#include "storage/disclosure/sql_disclosure_repository.h"

#include <gtest/gtest.h>

#include "core/embedded.h"
#include "platform/crypto.h"
#include "storage/migrator.h"
#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using disclosure::Attachment;
using disclosure::Channel;
using disclosure::Item;
using disclosure::ItemQuery;
using disclosure::ItemStatus;
using disclosure::Posting;
using disclosure::YearCount;

constexpr int64_t kNow = 1790000000;  // 21/09/2026

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

class DisclosureStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repo_ = std::make_unique<SqlDisclosureRepository>(*db_, clock_);
    rec_.actor_id = 7;
    rec_.actor = "canbo";
  }

  Item Sample(const std::string& title = "Công khai dự toán ngân sách năm 2026") {
    Item it;
    it.commune_id = commune_id_;
    it.type_code = "budget_estimate";
    it.type_effective_from = D(2023, 7, 1);
    it.title = title;
    it.summary = "Dự toán thu, chi ngân sách xã đã được HĐND xã thông qua.";
    it.year = 2026;
    it.decision_number = "15/QĐ-UBND";
    it.decision_on = D(2026, 1, 10);
    return it;
  }

  int64_t MakeItem(const Item& it) {
    auto id = repo_->Create(it, rec_);
    EXPECT_TRUE(id.has_value()) << id.error().message;
    return id.has_value() ? *id : 0;
  }

  static Attachment File(const std::string& name, const std::string& bytes) {
    Attachment a;
    a.filename = name;
    a.content_type = "application/pdf";
    a.bytes = bytes;
    return a;
  }

  static Posting Board(Date from, std::optional<Date> until) {
    Posting p;
    p.channel = Channel::kNoticeBoard;
    p.started_on = from;
    p.until = until;
    p.note = "Bảng tin trụ sở UBND xã";
    return p;
  }

  long long ContentVersion() {
    return Count("SELECT content_version FROM commune WHERE id = " + std::to_string(commune_id_));
  }
  long long AuditEntries() { return Count("SELECT COUNT(*) FROM audit_entry"); }

  FakeClock clock_{kNow};
  audit::AuditRecord rec_;
  std::unique_ptr<SqlDisclosureRepository> repo_;
};

TEST_P(DisclosureStorageTest, CreatesADraftAndReadsItBack) {
  Item it = Sample();
  it.period_key = "";
  const int64_t id = MakeItem(it);
  auto got = repo_->Get(commune_id_, id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(got->type_code, "budget_estimate");
  EXPECT_EQ(got->type_effective_from, D(2023, 7, 1));
  EXPECT_EQ(got->title, it.title);
  EXPECT_EQ(got->summary, it.summary);
  EXPECT_EQ(got->decision_number, "15/QĐ-UBND");
  EXPECT_EQ(got->decision_on, D(2026, 1, 10));
  EXPECT_EQ(got->unit_id, 0);
  EXPECT_EQ(got->status, ItemStatus::kDraft);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->created_at, kNow);
  EXPECT_EQ(got->created_by, 7);
  EXPECT_TRUE(got->attachments.empty());
  EXPECT_TRUE(got->postings.empty());
  EXPECT_EQ(AuditEntries(), 1);
}

TEST_P(DisclosureStorageTest, UpdateNeedsTheCurrentVersion) {
  const int64_t id = MakeItem(Sample());
  auto item = repo_->Get(commune_id_, id);
  ASSERT_TRUE(item.has_value());
  Item changed = *item;
  changed.title = "Dự toán ngân sách xã năm 2026 (điều chỉnh)";
  changed.decision_on = D(2026, 2, 1);
  changed.type_effective_from = D(2025, 1, 1);
  const long long before = ContentVersion();
  auto v = repo_->Update(changed, rec_);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_EQ(*v, 2);
  EXPECT_GT(ContentVersion(), before);
  auto got = repo_->Get(commune_id_, id);
  EXPECT_EQ(got->title, changed.title);
  EXPECT_EQ(got->decision_on, D(2026, 2, 1));
  EXPECT_EQ(got->type_effective_from, D(2025, 1, 1));
  EXPECT_EQ(got->version, 2);

  changed.title = "Bản cũ";  // still at version 1
  auto stale = repo_->Update(changed, rec_);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  EXPECT_EQ(repo_->Get(commune_id_, id)->title, "Dự toán ngân sách xã năm 2026 (điều chỉnh)");
}

TEST_P(DisclosureStorageTest, AttachmentsAreStoredOnceAndKeptOncePublished) {
  const int64_t id = MakeItem(Sample());
  auto a = repo_->AddAttachment(commune_id_, id, 1, File("du-toan.pdf", "%PDF-1.4 du toan"), rec_);
  ASSERT_TRUE(a.has_value()) << a.error().message;
  EXPECT_EQ(a->n, 1);
  EXPECT_EQ(a->sha256, platform::Sha256Hex("%PDF-1.4 du toan"));
  EXPECT_EQ(a->size, 16);
  EXPECT_TRUE(a->bytes.empty());
  auto b = repo_->AddAttachment(commune_id_, id, 2, File("ban-sao.pdf", "%PDF-1.4 du toan"), rec_);
  ASSERT_TRUE(b.has_value()) << b.error().message;
  EXPECT_EQ(b->n, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM file_blob"), 1);  // the same bytes once
  EXPECT_EQ(repo_->List(ItemQuery{.commune_id = commune_id_})->at(0).attachments, 2);

  auto stale = repo_->AddAttachment(commune_id_, id, 1, File("x.pdf", "%PDF other"), rec_);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM file_blob"), 1);  // the refused file left nothing

  auto file = repo_->GetAttachment(commune_id_, id, 2);
  ASSERT_TRUE(file.has_value()) << file.error().message;
  EXPECT_EQ(file->bytes, "%PDF-1.4 du toan");
  EXPECT_EQ(file->filename, "ban-sao.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");

  ASSERT_TRUE(repo_->RemoveAttachment(commune_id_, id, 3, 2, rec_).has_value());
  EXPECT_EQ(repo_->List(ItemQuery{.commune_id = commune_id_})->at(0).attachments, 1);
  EXPECT_EQ(repo_->GetAttachment(commune_id_, id, 2).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->RemoveAttachment(commune_id_, id, 4, 9, rec_).error().code,
            ErrorCode::kNotFound);

  auto v = repo_->Publish(commune_id_, id, 4, kNow,
                          Posting{.channel = Channel::kPortal, .started_on = D(2026, 9, 21)}, rec_);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  auto refused = repo_->RemoveAttachment(commune_id_, id, *v, 1, rec_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(repo_->GetAttachment(commune_id_, id, 1).has_value());
  EXPECT_EQ(repo_->Get(commune_id_, id)->attachments.size(), 1U);
}

TEST_P(DisclosureStorageTest, PublishAddsThePortalPostingAndWithdrawTakesItDown) {
  const int64_t id = MakeItem(Sample());
  const long long before = ContentVersion();
  Posting portal;
  portal.channel = Channel::kPortal;
  portal.started_on = D(2026, 9, 21);
  auto v = repo_->Publish(commune_id_, id, 1, kNow + 5, portal, rec_);
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_GT(ContentVersion(), before);
  auto got = repo_->Get(commune_id_, id);
  EXPECT_EQ(got->status, ItemStatus::kPublished);
  EXPECT_EQ(got->published_at, kNow + 5);
  ASSERT_EQ(got->postings.size(), 1U);
  EXPECT_EQ(got->postings[0].channel, Channel::kPortal);
  EXPECT_EQ(got->postings[0].started_on, D(2026, 9, 21));
  EXPECT_FALSE(got->postings[0].until.has_value());
  EXPECT_EQ(got->postings[0].recorded_by, 7);

  auto again = repo_->Publish(commune_id_, id, *v, kNow, portal, rec_);
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);

  auto stale = repo_->Withdraw(commune_id_, id, 1, D(2026, 10, 1), "Sai số liệu", rec_);
  EXPECT_EQ(stale.error().code, ErrorCode::kAborted);
  auto w = repo_->Withdraw(commune_id_, id, *v, D(2026, 10, 1), "Sai số liệu", rec_);
  ASSERT_TRUE(w.has_value()) << w.error().message;
  got = repo_->Get(commune_id_, id);
  EXPECT_EQ(got->status, ItemStatus::kWithdrawn);
  EXPECT_EQ(got->withdrawn_reason, "Sai số liệu");
  EXPECT_EQ(got->postings[0].taken_down_on, D(2026, 10, 1));
  EXPECT_EQ(repo_->Withdraw(commune_id_, id, *w, D(2026, 10, 2), "x", rec_).error().code,
            ErrorCode::kFailedPrecondition);
  auto attach = repo_->AddAttachment(commune_id_, id, *w, File("a.pdf", "%PDF a"), rec_);
  EXPECT_EQ(attach.error().code, ErrorCode::kFailedPrecondition);
}

TEST_P(DisclosureStorageTest, PostingWithProofAndTakeDown) {
  const int64_t id = MakeItem(Sample());
  long long village = 0;
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "INSERT INTO village (commune_id, name, kind) VALUES (:c, 'Thôn Đông', "
                        "'thon')",
                       soci::use(commune_id_);
                   s << "SELECT id FROM village WHERE name = 'Thôn Đông'", soci::into(village);
                   return Ok{};
                 })
                  .has_value());
  Attachment photo;
  photo.content_type = "image/jpeg";
  photo.bytes = std::string("\xFF\xD8\xFF\xE0 bang tin", 13);
  auto pid = repo_->AddPosting(commune_id_, id, Board(D(2026, 3, 1), D(2026, 3, 30)), photo, rec_);
  ASSERT_TRUE(pid.has_value()) << pid.error().message;
  Posting house = Board(D(2026, 3, 2), std::nullopt);
  house.channel = Channel::kVillageHouse;
  house.village_id = village;
  auto pid2 = repo_->AddPosting(commune_id_, id, house, std::nullopt, rec_);
  ASSERT_TRUE(pid2.has_value()) << pid2.error().message;

  auto got = repo_->Get(commune_id_, id);
  ASSERT_EQ(got->postings.size(), 2U);
  EXPECT_EQ(got->postings[0].id, *pid);
  EXPECT_EQ(got->postings[0].until, D(2026, 3, 30));
  EXPECT_EQ(got->postings[0].note, "Bảng tin trụ sở UBND xã");
  EXPECT_EQ(got->postings[0].proof_sha256, platform::Sha256Hex(photo.bytes));
  EXPECT_EQ(got->postings[0].proof_content_type, "image/jpeg");
  EXPECT_EQ(got->postings[0].recorded_at, kNow);
  EXPECT_EQ(got->postings[1].village_id, village);
  EXPECT_TRUE(got->postings[1].proof_sha256.empty());

  auto proof = repo_->GetProof(commune_id_, id, *pid);
  ASSERT_TRUE(proof.has_value()) << proof.error().message;
  EXPECT_EQ(proof->bytes, photo.bytes);
  EXPECT_EQ(proof->content_type, "image/jpeg");
  EXPECT_EQ(repo_->GetProof(commune_id_, id, *pid2).error().code, ErrorCode::kNotFound);

  EXPECT_EQ(repo_->TakeDown(commune_id_, id, *pid, D(2026, 2, 1), rec_).error().code,
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE(repo_->TakeDown(commune_id_, id, *pid, D(2026, 3, 31), rec_).has_value());
  EXPECT_EQ(repo_->Get(commune_id_, id)->postings[0].taken_down_on, D(2026, 3, 31));
  EXPECT_EQ(repo_->TakeDown(commune_id_, id, *pid, D(2026, 4, 1), rec_).error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_->TakeDown(commune_id_, id, *pid + 100, D(2026, 4, 1), rec_).error().code,
            ErrorCode::kNotFound);
}

TEST_P(DisclosureStorageTest, AFailedPostingLeavesNothingBehind) {
  const int64_t id = MakeItem(Sample());
  const long long audits = AuditEntries(), version = ContentVersion();
  Posting house = Board(D(2026, 3, 2), std::nullopt);
  house.channel = Channel::kVillageHouse;
  house.village_id = 999999;  // no such village: refused before anything is written
  Attachment photo;
  photo.content_type = "image/png";
  photo.bytes = "\x89PNG proof";
  auto refused = repo_->AddPosting(commune_id_, id, house, photo, rec_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().fields.at(0).field, "village_id");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM file_blob"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disclosure_posting"), 0);
  EXPECT_EQ(AuditEntries(), audits);
  EXPECT_EQ(ContentVersion(), version);
}

TEST_P(DisclosureStorageTest, AnotherCommunesItemIsNotFound) {
  const int64_t id = MakeItem(Sample());
  ASSERT_TRUE(repo_->AddAttachment(commune_id_, id, 1, File("a.pdf", "%PDF a"), rec_).has_value());
  const long long other = AddOtherCommune();
  EXPECT_EQ(repo_->Get(other, id).error().code, ErrorCode::kNotFound);
  Item moved = Sample();
  moved.id = id;
  moved.commune_id = other;
  moved.version = 2;
  EXPECT_EQ(repo_->Update(moved, rec_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->AddAttachment(other, id, 2, File("b.pdf", "%PDF b"), rec_).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(repo_->RemoveAttachment(other, id, 2, 1, rec_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->GetAttachment(other, id, 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->Publish(other, id, 2, kNow, Posting{}, rec_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo_->AddPosting(other, id, Board(D(2026, 1, 1), std::nullopt), std::nullopt, rec_)
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(repo_->ItemsOfYear(other, 2026)->empty());
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = other}), 0);
}

TEST_P(DisclosureStorageTest, CreatePublishedWritesAllOrNothingOncePerPeriod) {
  Item log = Sample("Danh mục thông tin đã công khai Quý I/2026");
  log.type_code = "disclosure_log";
  log.decision_number = "";
  log.decision_on.reset();
  log.period_key = "2026-Q1";
  const long long version = ContentVersion();
  auto id = repo_->CreatePublished(log, File("danh-muc.csv", "item_id\r\n"), kNow,
                                   Posting{.started_on = D(2026, 4, 2)}, rec_);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  auto got = repo_->Get(commune_id_, *id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(got->status, ItemStatus::kPublished);
  EXPECT_EQ(got->published_at, kNow);
  ASSERT_EQ(got->attachments.size(), 1U);
  EXPECT_EQ(got->attachments[0].n, 1);
  EXPECT_EQ(repo_->GetAttachment(commune_id_, *id, 1)->bytes, "item_id\r\n");
  ASSERT_EQ(got->postings.size(), 1U);
  EXPECT_EQ(got->postings[0].channel, Channel::kPortal);
  EXPECT_EQ(got->postings[0].started_on, D(2026, 4, 2));
  EXPECT_GT(ContentVersion(), version);

  // The same quarter again: refused inside the transaction, nothing written.
  const long long items = Count("SELECT COUNT(*) FROM disclosure_item"),
                  blobs = Count("SELECT COUNT(*) FROM file_blob"), audits = AuditEntries();
  auto again = repo_->CreatePublished(log, File("khac.csv", "other bytes"), kNow,
                                      Posting{.started_on = D(2026, 4, 3)}, rec_);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disclosure_item"), items);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM file_blob"), blobs);
  EXPECT_EQ(AuditEntries(), audits);

  // Another quarter, or a withdrawn one, is not in the way.
  log.period_key = "2026-Q2";
  auto q2 = repo_->CreatePublished(log, File("q2.csv", "q2"), kNow,
                                   Posting{.started_on = D(2026, 7, 2)}, rec_);
  ASSERT_TRUE(q2.has_value()) << q2.error().message;
  ASSERT_TRUE(repo_->Withdraw(commune_id_, *q2, 1, D(2026, 7, 3), "Sai", rec_).has_value());
  EXPECT_TRUE(repo_
                  ->CreatePublished(log, File("q2.csv", "q2 v2"), kNow,
                                    Posting{.started_on = D(2026, 7, 3)}, rec_)
                  .has_value());
}

TEST_P(DisclosureStorageTest, AnotherCommunesVillageOrUnitIsRefused) {
  const long long other = AddOtherCommune();
  long long their_village = 0, their_unit = 0, our_unit = 0;
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "INSERT INTO village (commune_id, name, kind) VALUES (:c, 'Thôn Khác', "
                        "'thon') RETURNING id",
                       soci::use(other), soci::into(their_village);
                   s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'vp', "
                        "'Văn phòng') RETURNING id",
                       soci::use(other), soci::into(their_unit);
                   s << "INSERT INTO unit (commune_id, code, name_vi) VALUES (:c, 'vp', "
                        "'Văn phòng') RETURNING id",
                       soci::use(commune_id_), soci::into(our_unit);
                   return Ok{};
                 })
                  .has_value());
  const int64_t id = MakeItem(Sample());
  Posting house = Board(D(2026, 3, 2), std::nullopt);
  house.channel = Channel::kVillageHouse;
  house.village_id = their_village;
  auto refused = repo_->AddPosting(commune_id_, id, house, std::nullopt, rec_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().fields.at(0).field, "village_id");
  EXPECT_TRUE(repo_->Get(commune_id_, id)->postings.empty());

  Item theirs = Sample();
  theirs.unit_id = their_unit;
  auto create = repo_->Create(theirs, rec_);
  ASSERT_FALSE(create.has_value());
  EXPECT_EQ(create.error().fields.at(0).field, "unit_id");
  Item edit = *repo_->Get(commune_id_, id);
  edit.unit_id = their_unit;
  auto update = repo_->Update(edit, rec_);
  ASSERT_FALSE(update.has_value());
  EXPECT_EQ(update.error().code, ErrorCode::kInvalidArgument);
  edit.unit_id = our_unit;
  ASSERT_TRUE(repo_->Update(edit, rec_).has_value());
  EXPECT_EQ(repo_->Get(commune_id_, id)->unit_id, our_unit);
}

TEST_P(DisclosureStorageTest, ListFiltersSearchesAndPages) {
  Item estimate = Sample();
  const int64_t a = MakeItem(estimate);
  Item q1 = Sample("Tình hình thực hiện dự toán ngân sách quý I/2026");
  q1.type_code = "budget_execution";
  q1.decision_number = "";
  q1.decision_on.reset();
  q1.period_key = "2026-Q1";
  const int64_t b = MakeItem(q1);
  Item land = Sample("Kế hoạch sử dụng đất năm 2025");
  land.type_code = "land_use_plan";
  land.year = 2025;
  land.summary = "Bản đồ quy hoạch";
  land.decision_number = "7/QĐ-UBND";
  land.decision_on = D(2025, 6, 1);
  const int64_t c = MakeItem(land);
  ASSERT_TRUE(
      repo_->AddPosting(commune_id_, b, Board(D(2026, 4, 3), D(2026, 5, 2)), std::nullopt, rec_)
          .has_value());
  ASSERT_TRUE(
      repo_->AddPosting(commune_id_, b, Board(D(2026, 4, 2), D(2026, 5, 2)), std::nullopt, rec_)
          .has_value());
  ASSERT_TRUE(repo_->Publish(commune_id_, c, 1, kNow, Posting{.started_on = D(2026, 9, 21)}, rec_)
                  .has_value());

  // Newest decision or period first: 31/03/2026 (Q1), 10/01/2026, 01/06/2025.
  auto all = repo_->List(ItemQuery{.commune_id = commune_id_});
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[0].id, b);
  EXPECT_EQ((*all)[1].id, a);
  EXPECT_EQ((*all)[2].id, c);
  EXPECT_EQ((*all)[0].first_out, D(2026, 4, 2));
  EXPECT_EQ((*all)[0].period_key, "2026-Q1");
  EXPECT_FALSE((*all)[1].first_out.has_value());
  EXPECT_EQ((*all)[2].status, ItemStatus::kPublished);

  auto by_year = repo_->List(ItemQuery{.commune_id = commune_id_, .year = 2025});
  ASSERT_EQ(by_year->size(), 1U);
  EXPECT_EQ((*by_year)[0].id, c);
  auto by_type = repo_->List(ItemQuery{.commune_id = commune_id_, .type_code = "budget_execution"});
  ASSERT_EQ(by_type->size(), 1U);
  EXPECT_EQ((*by_type)[0].id, b);
  auto drafts = repo_->List(ItemQuery{.commune_id = commune_id_, .status = ItemStatus::kDraft});
  EXPECT_EQ(drafts->size(), 2U);
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .status = ItemStatus::kDraft}), 2);

  // Without diacritics or case, every word somewhere in title, summary or decision number.
  auto budget = repo_->List(ItemQuery{.commune_id = commune_id_, .folded_words = "ngan sach"});
  EXPECT_EQ(budget->size(), 2U);
  auto q = repo_->List(ItemQuery{.commune_id = commune_id_, .folded_words = "ngan sach quy"});
  ASSERT_EQ(q->size(), 1U);
  EXPECT_EQ((*q)[0].id, b);
  auto by_number = repo_->List(ItemQuery{.commune_id = commune_id_, .folded_words = "7/qd-ubnd"});
  ASSERT_EQ(by_number->size(), 1U);
  EXPECT_EQ((*by_number)[0].id, c);
  EXPECT_TRUE(repo_->List(ItemQuery{.commune_id = commune_id_, .folded_words = "100%"})->empty());
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .folded_words = "ngan sach"}), 2);

  auto page2 = repo_->List(ItemQuery{.commune_id = commune_id_, .limit = 2, .offset = 2});
  ASSERT_EQ(page2->size(), 1U);
  EXPECT_EQ((*page2)[0].id, c);

  auto years = repo_->Years(commune_id_, ItemStatus::kDraft, {});
  EXPECT_EQ(*years, (std::vector<YearCount>{{2026, 2}}));
  EXPECT_EQ(*repo_->Years(commune_id_, ItemStatus::kPublished, {}),
            (std::vector<YearCount>{{2025, 1}}));
}

TEST_P(DisclosureStorageTest, ExcludedTypesAreLeftOutOfListCountAndYears) {
  const int64_t a = MakeItem(Sample());
  Item land = Sample("Kế hoạch sử dụng đất năm 2025");
  land.type_code = "land_use_plan";
  land.year = 2025;
  const int64_t c = MakeItem(land);
  ASSERT_TRUE(repo_->Publish(commune_id_, a, 1, kNow, Posting{.started_on = D(2026, 1, 12)}, rec_)
                  .has_value());
  ASSERT_TRUE(repo_->Publish(commune_id_, c, 1, kNow, Posting{.started_on = D(2026, 1, 12)}, rec_)
                  .has_value());

  const std::vector<std::string> hide = {"land_use_plan", "military_service"};
  auto rest = repo_->List(ItemQuery{.commune_id = commune_id_, .exclude_types = hide});
  ASSERT_TRUE(rest.has_value()) << rest.error().message;
  ASSERT_EQ(rest->size(), 1U);
  EXPECT_EQ((*rest)[0].id, a);
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .exclude_types = hide}), 1);
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_}), 2);
  // A search that only the hidden item matches finds nothing, not even in the count.
  EXPECT_EQ(*repo_->Count(ItemQuery{
                .commune_id = commune_id_, .folded_words = "su dung dat", .exclude_types = hide}),
            0);
  EXPECT_EQ(*repo_->Years(commune_id_, ItemStatus::kPublished, hide),
            (std::vector<YearCount>{{2026, 1}}));
  EXPECT_EQ(*repo_->Years(commune_id_, ItemStatus::kPublished, {}),
            (std::vector<YearCount>{{2026, 1}, {2025, 1}}));

  // A quote in a code is a value, not SQL.
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .exclude_types = {"x' OR 1=1 --"}}),
            2);
  const std::vector<std::string> too_many(disclosure::kMaxQueryTypes + 1, "x");
  EXPECT_FALSE(
      repo_->Count(ItemQuery{.commune_id = commune_id_, .exclude_types = too_many}).has_value());
}

// The board's personal-data lists are read in one query: several types at once, and only the
// items first out between two days (the longest window of those types up to today).
TEST_P(DisclosureStorageTest, ListNarrowsToSeveralTypesAndToTheDayFirstOut) {
  Item poor = Sample("Danh sách hộ nghèo năm 2026");
  poor.type_code = "poor_households";
  const int64_t early = MakeItem(poor);
  const int64_t late = MakeItem(poor);
  Item army = Sample("Danh sách gọi nhập ngũ");
  army.type_code = "military_service";
  const int64_t called = MakeItem(army);
  MakeItem(poor);  // never out
  const int64_t other = MakeItem(Sample());
  for (auto [id, day] : {std::pair{early, D(2026, 2, 1)}, std::pair{late, D(2026, 3, 10)},
                         std::pair{called, D(2026, 3, 1)}, std::pair{other, D(2026, 3, 5)}}) {
    ASSERT_TRUE(
        repo_->Publish(commune_id_, id, 1, kNow, Posting{.started_on = day}, rec_).has_value());
  }
  // A board posting that starts before the portal's moves the day first out back.
  ASSERT_TRUE(
      repo_->AddPosting(commune_id_, late, Board(D(2026, 3, 8), D(2026, 4, 6)), std::nullopt, rec_)
          .has_value());

  const ItemQuery q{.commune_id = commune_id_,
                    .only_types = {"military_service", "poor_households"},
                    .out_from = D(2026, 2, 15),
                    .out_until = D(2026, 3, 8)};
  auto lines = repo_->List(q);
  ASSERT_TRUE(lines.has_value()) << lines.error().message;
  std::vector<int64_t> ids;
  for (const auto& l : *lines) ids.push_back(l.id);
  // Same decision day, so the newest id first; not early, the one never out nor other.
  EXPECT_EQ(ids, (std::vector<int64_t>{called, late}));
  EXPECT_EQ(lines->at(1).first_out, D(2026, 3, 8));
  EXPECT_EQ(*repo_->Count(q), 2);
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .only_types = {"poor_households"}}),
            3);
  EXPECT_EQ(*repo_->Count(ItemQuery{.commune_id = commune_id_, .out_until = D(2026, 2, 1)}), 1);

  const std::vector<std::string> too_many(disclosure::kMaxQueryTypes + 1, "x");
  auto refused = repo_->List(ItemQuery{.commune_id = commune_id_, .only_types = too_many});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

// Migration 0021 fills first_out and files for the items stored before it: its UPDATE, run again
// over rows whose kept columns were lost, restores what the postings and files say.
TEST_P(DisclosureStorageTest, MigrationBackfillsFirstOutAndFiles) {
  const int64_t posted = MakeItem(Sample());
  ASSERT_TRUE(
      repo_->AddAttachment(commune_id_, posted, 1, File("a.pdf", "%PDF-1.4 a"), rec_).has_value());
  ASSERT_TRUE(
      repo_->AddAttachment(commune_id_, posted, 2, File("b.pdf", "%PDF-1.4 b"), rec_).has_value());
  ASSERT_TRUE(
      repo_->Publish(commune_id_, posted, 3, kNow, Posting{.started_on = D(2026, 9, 21)}, rec_)
          .has_value());
  ASSERT_TRUE(repo_
                  ->AddPosting(commune_id_, posted, Board(D(2026, 9, 19), D(2026, 10, 18)),
                               std::nullopt, rec_)
                  .has_value());
  const int64_t bare = MakeItem(Sample());
  std::string backfill;
  for (const EmbeddedFile& f : EmbeddedMigrations()) {
    if (!f.path.starts_with("0021_")) continue;
    for (const std::string& st : SplitStatements(f.data, db_->dialect())) {
      if (st.find("UPDATE disclosure_item") != std::string::npos) backfill = st;
    }
  }
  ASSERT_FALSE(backfill.empty());
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "UPDATE disclosure_item SET first_out = NULL, files = 0";
                   s << backfill;
                   return Ok{};
                 })
                  .has_value());
  auto lines = repo_->List(ItemQuery{.commune_id = commune_id_});
  ASSERT_TRUE(lines.has_value()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2U);
  EXPECT_EQ(lines->at(0).id, bare);
  EXPECT_FALSE(lines->at(0).first_out.has_value());
  EXPECT_EQ(lines->at(0).attachments, 0);
  EXPECT_EQ(lines->at(1).first_out, D(2026, 9, 19));
  EXPECT_EQ(lines->at(1).attachments, 2);
}

TEST_P(DisclosureStorageTest, ItemsOfYearCarryTheirFilesAndPostings) {
  const int64_t a = MakeItem(Sample());
  const int64_t b = MakeItem(Sample("Quyết toán ngân sách"));
  Item other_year = Sample();
  other_year.year = 2025;
  const int64_t c = MakeItem(other_year);
  ASSERT_TRUE(repo_->AddAttachment(commune_id_, b, 1, File("qt.pdf", "%PDF qt"), rec_).has_value());
  ASSERT_TRUE(
      repo_->AddPosting(commune_id_, a, Board(D(2026, 2, 1), D(2026, 3, 2)), std::nullopt, rec_)
          .has_value());
  ASSERT_TRUE(
      repo_->AddPosting(commune_id_, c, Board(D(2025, 2, 1), std::nullopt), std::nullopt, rec_)
          .has_value());
  auto items = repo_->ItemsOfYear(commune_id_, 2026);
  ASSERT_TRUE(items.has_value()) << items.error().message;
  ASSERT_EQ(items->size(), 2U);
  EXPECT_EQ((*items)[0].id, a);
  EXPECT_EQ((*items)[0].postings.size(), 1U);
  EXPECT_TRUE((*items)[0].attachments.empty());
  EXPECT_EQ((*items)[1].id, b);
  EXPECT_TRUE((*items)[1].postings.empty());
  ASSERT_EQ((*items)[1].attachments.size(), 1U);
  EXPECT_EQ((*items)[1].attachments[0].filename, "qt.pdf");
  EXPECT_TRUE((*items)[1].attachments[0].bytes.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DisclosureStorageTest,
                         ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
