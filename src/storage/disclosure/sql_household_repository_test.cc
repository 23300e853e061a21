// The poor-household review list and its objections on SQLite and PostgreSQL.
#include "storage/disclosure/sql_household_repository.h"

#include <gtest/gtest.h>

#include "storage/storage_fixture.h"

namespace xaso::storage {
namespace {

using disclosure::Household;
using disclosure::HouseholdClass;
using disclosure::HouseholdStatus;
using disclosure::Objection;
using disclosure::ObjectionOutcome;

class HouseholdStorageTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repo_ = std::make_unique<SqlHouseholdRepository>(*db_, clock_);
    ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                     s << "INSERT INTO village (commune_id, name, kind) VALUES (:c, 'Thôn Đông', "
                          "'thon') RETURNING id",
                         soci::use(commune_id_), soci::into(east_);
                     s << "INSERT INTO village (commune_id, name, kind) VALUES (:c, 'Thôn Tây', "
                          "'thon') RETURNING id",
                         soci::use(commune_id_), soci::into(west_);
                     return Ok{};
                   })
                    .has_value());
    item_ = AddItem(commune_id_);
  }

  // A bare item row: the household tables need only its id and commune.
  long long AddItem(long long commune) {
    long long id = 0;
    EXPECT_TRUE(db_->Write([&](soci::session& s) -> Status {
                     s << "INSERT INTO disclosure_item (commune_id, type_code, "
                          "type_effective_from, title, year, ref_on, created_at, created_by) "
                          "VALUES (:c, 'poor_households', '2023-07-01', 'Danh sách hộ nghèo', "
                          "2026, '2026-03-01', 0, 0) RETURNING id",
                         soci::use(commune), soci::into(id);
                     return Ok{};
                   })
                    .has_value());
    return id;
  }

  std::vector<Household> Two() const {
    return {{.head_name = "Trần Thị Bình",
             .village_id = west_,
             .household_class = HouseholdClass::kNearPoor},
            {.head_name = "Nguyễn Văn An",
             .village_id = east_,
             .household_class = HouseholdClass::kPoor}};
  }

  FakeClock clock_{1772323200};  // 01/03/2026
  std::unique_ptr<SqlHouseholdRepository> repo_;
  long long east_ = 0, west_ = 0, item_ = 0;
  const audit::AuditRecord who_{0, 1, "canbo", "", "", "", ""};
};

TEST_P(HouseholdStorageTest, AListIsReplacedWholeAndReadByVillage) {
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  auto list = repo_->List(commune_id_, item_);
  ASSERT_TRUE(list.has_value()) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].head_name, "Nguyễn Văn An");  // Thôn Đông was entered first
  EXPECT_EQ((*list)[0].household_class, HouseholdClass::kPoor);
  EXPECT_EQ((*list)[1].village_id, west_);
  EXPECT_EQ((*list)[1].household_class, HouseholdClass::kNearPoor);
  EXPECT_EQ((*list)[1].status, HouseholdStatus::kListed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE action = 'import_households'"), 2);
}

TEST_P(HouseholdStorageTest, APublishedListIsNotReplaced) {
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  ASSERT_TRUE(db_->Write([&](soci::session& s) -> Status {
                   s << "UPDATE disclosure_item SET status = 'published' WHERE id = :i",
                       soci::use(item_);
                   return Ok{};
                 })
                  .has_value());
  auto again = repo_->ReplaceList(commune_id_, item_, {Two()[0]}, who_);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_->List(commune_id_, item_)->size(), 2U);
}

TEST_P(HouseholdStorageTest, AnotherCommuneSeesNothingAndCannotWrite) {
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  const long long other = AddOtherCommune();
  EXPECT_TRUE(repo_->List(other, item_)->empty());
  EXPECT_EQ(repo_->ReplaceList(other, item_, Two(), who_).error().code, ErrorCode::kNotFound);
  Objection o{.received_on = Date::FromYmd(2026, 3, 2), .text = "x"};
  o.proposed = Two()[0];
  EXPECT_EQ(repo_->AddObjection(other, item_, o, who_).error().code, ErrorCode::kNotFound);
}

TEST_P(HouseholdStorageTest, UpheldObjectionsRemoveAndAddInTheSameTransaction) {
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  const int64_t an = (*repo_->List(commune_id_, item_))[0].id;

  Objection against{.household_id = an,
                    .received_on = Date::FromYmd(2026, 3, 5),
                    .objector = "Lê Văn Dũng",
                    .text = "Hộ đã có thu nhập ổn định."};
  auto id1 = repo_->AddObjection(commune_id_, item_, against, who_);
  ASSERT_TRUE(id1.has_value()) << id1.error().message;
  Objection missing{.received_on = Date::FromYmd(2026, 3, 3), .text = "Bỏ sót hộ bà Hoa."};
  missing.proposed = Household{
      .head_name = "Đỗ Thị Hoa", .village_id = east_, .household_class = HouseholdClass::kPoor};
  auto id2 = repo_->AddObjection(commune_id_, item_, missing, who_);
  ASSERT_TRUE(id2.has_value()) << id2.error().message;

  // A household of another item, or none, is not found; the posted list is frozen.
  Objection stray{.household_id = 999999, .received_on = Date::FromYmd(2026, 3, 5), .text = "x"};
  EXPECT_EQ(repo_->AddObjection(commune_id_, item_, stray, who_).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(repo_->ReplaceList(commune_id_, item_, Two(), who_).error().code,
            ErrorCode::kFailedPrecondition);

  auto objections = repo_->Objections(commune_id_, item_);
  ASSERT_TRUE(objections.has_value()) << objections.error().message;
  ASSERT_EQ(objections->size(), 2u);
  EXPECT_EQ((*objections)[0].id, *id2);  // received first
  ASSERT_TRUE((*objections)[0].proposed.has_value());
  EXPECT_EQ((*objections)[0].proposed->head_name, "Đỗ Thị Hoa");
  EXPECT_EQ((*objections)[1].household_id, an);
  EXPECT_EQ((*objections)[1].objector, "Lê Văn Dũng");
  EXPECT_FALSE((*objections)[1].outcome.has_value());

  const Date on = Date::FromYmd(2026, 3, 8);
  ASSERT_TRUE(
      repo_
          ->Settle(commune_id_, item_, *id1, on, ObjectionOutcome::kUpheld, "Phúc tra: đúng.", who_)
          .has_value());
  ASSERT_TRUE(
      repo_->Settle(commune_id_, item_, *id2, on, ObjectionOutcome::kUpheld, "Bổ sung.", who_)
          .has_value());
  EXPECT_EQ(repo_->Settle(commune_id_, item_, *id2, on, ObjectionOutcome::kRejected, "x", who_)
                .error()
                .code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo_->Settle(commune_id_, item_, 999999, on, ObjectionOutcome::kRejected, "x", who_)
                .error()
                .code,
            ErrorCode::kNotFound);

  auto list = repo_->List(commune_id_, item_);
  ASSERT_EQ(list->size(), 3u);
  std::vector<Household> final_list = disclosure::FinalList(*list);
  ASSERT_EQ(final_list.size(), 2u);
  EXPECT_EQ(final_list[0].head_name, "Đỗ Thị Hoa");
  EXPECT_EQ(final_list[0].status, HouseholdStatus::kAddedAfterObjection);
  EXPECT_EQ(final_list[1].head_name, "Trần Thị Bình");

  objections = repo_->Objections(commune_id_, item_);
  EXPECT_EQ((*objections)[1].settled_on, on);
  EXPECT_EQ((*objections)[1].outcome, ObjectionOutcome::kUpheld);
  EXPECT_EQ((*objections)[1].answer, "Phúc tra: đúng.");
  // The objector's name is in no audit summary.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE '%Dũng%'"), 0);
}

TEST_P(HouseholdStorageTest, ARejectedObjectionChangesNothing) {
  ASSERT_TRUE(repo_->ReplaceList(commune_id_, item_, Two(), who_).has_value());
  const int64_t an = (*repo_->List(commune_id_, item_))[0].id;
  Objection o{.household_id = an, .received_on = Date::FromYmd(2026, 3, 5), .text = "Sai."};
  auto id = repo_->AddObjection(commune_id_, item_, o, who_);
  ASSERT_TRUE(id.has_value());
  ASSERT_TRUE(repo_
                  ->Settle(commune_id_, item_, *id, Date::FromYmd(2026, 3, 6),
                           ObjectionOutcome::kRejected, "Không có căn cứ.", who_)
                  .has_value());
  EXPECT_EQ(disclosure::FinalList(*repo_->List(commune_id_, item_)).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdStorageTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace xaso::storage
