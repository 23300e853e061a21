#include "domain/disclosure/households.h"

#include <set>

#include <gtest/gtest.h>

#include "domain/disclosure/fake_household_repository.h"

namespace xaso::disclosure {
namespace {

std::vector<identity::Village> Villages() {
  return {{.id = 1, .commune_id = 7, .name = "Thôn Đông", .kind = "thon"},
          {.id = 2, .commune_id = 7, .name = "Thôn Tây", .kind = "thon"}};
}

DisclosureType PoorHouseholds() {
  DisclosureType t;
  t.code = "poor_households";
  t.law_item = 7;
  t.name_vi = "Danh sách hộ nghèo, hộ cận nghèo";
  t.effective_from = Date::FromYmd(2023, 1, 1);
  t.posting_days = 30;
  t.personal_data = true;
  t.structure = Structure::kHouseholdList;
  return t;
}

Posting PostedOn(Date d) {
  Posting p;
  p.channel = Channel::kNoticeBoard;
  p.started_on = d;
  return p;
}

TEST(HouseholdClassTest, ParsesCodesAndVietnameseWords) {
  EXPECT_EQ(ParseHouseholdClass("ngheo"), HouseholdClass::kPoor);
  EXPECT_EQ(ParseHouseholdClass("Hộ cận nghèo"), HouseholdClass::kNearPoor);
  EXPECT_EQ(ParseHouseholdClass(" can-ngheo "), HouseholdClass::kNearPoor);
  EXPECT_EQ(ParseHouseholdClass("THOÁT NGHÈO"), HouseholdClass::kLeavingPoverty);
  EXPECT_FALSE(ParseHouseholdClass("giàu"));
  EXPECT_FALSE(ParseHouseholdClass(""));
  for (HouseholdClass c :
       {HouseholdClass::kPoor, HouseholdClass::kNearPoor, HouseholdClass::kLeavingPoverty}) {
    EXPECT_EQ(ParseHouseholdClass(HouseholdClassCode(c)), c);
    EXPECT_EQ(ParseHouseholdClass(HouseholdClassLabelVi(c)), c);
  }
}

TEST(HouseholdCsvTest, ReadsAGoodFileMatchingVillagesWithoutDiacritics) {
  HouseholdImport r = ParseHouseholdCsv(
      "head_name,village,classification\n"
      "Nguyễn Văn An,Thôn Đông,ngheo\n"
      "Trần Thị Bình,thon tay,Hộ cận nghèo\n",
      Villages());
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message_vi;
  ASSERT_EQ(r.households.size(), 2u);
  EXPECT_EQ(r.households[0].head_name, "Nguyễn Văn An");
  EXPECT_EQ(r.households[0].village_id, 1);
  EXPECT_EQ(r.households[1].village_id, 2);
  EXPECT_EQ(r.households[1].household_class, HouseholdClass::kNearPoor);
  EXPECT_EQ(r.households[1].status, HouseholdStatus::kListed);
}

TEST(HouseholdCsvTest, ReportsEveryBadLineWithItsNumber) {
  HouseholdImport r = ParseHouseholdCsv(
      "head_name,village,classification\n"
      "Nguyễn Văn An,Thôn Đông,ngheo\n"
      ",Thôn Đông,ngheo\n"
      "Lê Văn Cường,Thôn Bắc,ngheo\n"
      "Phạm Thị Dung,Thôn Tây,giau\n"
      "nguyen van an,Thôn Đông,can_ngheo\n",
      Villages());
  EXPECT_EQ(r.households.size(), 1u);
  ASSERT_EQ(r.problems.size(), 4u);
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_NE(r.problems[0].message_vi.find("thiếu tên chủ hộ"), std::string::npos);
  EXPECT_EQ(r.problems[1].line, 4);
  EXPECT_NE(r.problems[1].message_vi.find("Thôn Bắc"), std::string::npos);
  EXPECT_EQ(r.problems[2].line, 5);
  EXPECT_NE(r.problems[2].message_vi.find("giau"), std::string::npos);
  EXPECT_EQ(r.problems[3].line, 6);
  EXPECT_NE(r.problems[3].message_vi.find("dòng 2"), std::string::npos);
}

TEST(HouseholdCsvTest, RefusesAnyColumnBeyondTheThreeTheLawAllows) {
  HouseholdImport r = ParseHouseholdCsv(
      "head_name,village,classification,cccd\nNguyễn Văn An,Thôn Đông,ngheo,001203004005\n",
      Villages());
  EXPECT_TRUE(r.households.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1);
  EXPECT_NE(r.problems[0].message_vi.find("định danh"), std::string::npos);
}

TEST(HouseholdCsvTest, RefusesAMissingColumnAndAnEmptyFile) {
  EXPECT_EQ(ParseHouseholdCsv("head_name,village\nA,Thôn Đông\n", Villages()).problems.size(), 1u);
  HouseholdImport empty = ParseHouseholdCsv("head_name,village,classification\n", Villages());
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_TRUE(empty.households.empty());
}

TEST(ObjectionWindowTest, IsThePostingWindowFromTheEarliestPosting) {
  Item item;
  item.postings = {PostedOn(Date::FromYmd(2026, 3, 5)), PostedOn(Date::FromYmd(2026, 3, 1))};
  auto w = WindowOf(item, PoorHouseholds());
  ASSERT_TRUE(w);
  EXPECT_EQ(w->first, Date::FromYmd(2026, 3, 1));
  EXPECT_EQ(w->last, Date::FromYmd(2026, 3, 30));  // 30 days inclusive

  Objection o;
  o.received_on = Date::FromYmd(2026, 3, 30);
  EXPECT_FALSE(IsLate(o, w));
  o.received_on = Date::FromYmd(2026, 3, 31);
  EXPECT_TRUE(IsLate(o, w));
  o.received_on = Date::FromYmd(2026, 2, 28);
  EXPECT_TRUE(IsLate(o, w));
  EXPECT_TRUE(IsLate(o, std::nullopt));  // nothing posted yet

  EXPECT_FALSE(WindowOf(Item{}, PoorHouseholds()));
  DisclosureType permanent = PoorHouseholds();
  permanent.permanent = true;
  EXPECT_FALSE(WindowOf(item, permanent));
}

TEST(FinalListTest, DropsRemovedAndKeepsAdded) {
  std::vector<Household> list = {
      {.id = 1, .head_name = "A", .status = HouseholdStatus::kListed},
      {.id = 2, .head_name = "B", .status = HouseholdStatus::kRemovedAfterObjection},
      {.id = 3, .head_name = "C", .status = HouseholdStatus::kAddedAfterObjection}};
  std::vector<Household> final_list = FinalList(list);
  ASSERT_EQ(final_list.size(), 2u);
  EXPECT_EQ(final_list[0].id, 1);
  EXPECT_EQ(final_list[1].id, 3);

  EXPECT_FALSE(AllSettled({}));
  Objection open;
  Objection settled;
  settled.outcome = ObjectionOutcome::kRejected;
  EXPECT_FALSE(AllSettled({settled, open}));
  EXPECT_TRUE(AllSettled({settled}));
}

class HouseholdReviewTest : public ::testing::Test {
 protected:
  HouseholdReviewTest()
      : catalogue_({PoorHouseholds()}),
        clock_(Clock::AtVn(Date::FromYmd(2026, 3, 10), 9 * 3600)),
        review_(repo_, catalogue_, clock_) {
    item_.id = 5;
    item_.commune_id = 7;
    item_.type_code = "poor_households";
    item_.type_effective_from = Date::FromYmd(2023, 1, 1);
    item_.status = ItemStatus::kPublished;
    item_.postings = {PostedOn(Date::FromYmd(2026, 3, 1))};
    officer_.id = 3;
    officer_.commune_id = 7;
    officer_.role = identity::Role::kOfficer;
  }

  // Imports into the item as a draft, then publishes it (the fixture's item is published).
  void ImportTwo() {
    Item draft = item_;
    draft.status = ItemStatus::kDraft;
    auto stored = review_.Import(officer_, draft,
                                 "head_name,village,classification\n"
                                 "Nguyễn Văn An,Thôn Đông,ngheo\n"
                                 "Trần Thị Bình,Thôn Tây,can_ngheo\n",
                                 Villages(), {});
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(*stored, 2);
  }

  testing::FakeHouseholdRepository repo_;
  TypeCatalogue catalogue_;
  FakeClock clock_;
  HouseholdReview review_;
  Item item_;
  identity::Account officer_;
};

TEST_F(HouseholdReviewTest, APublishedListIsNotReimported) {
  ImportTwo();
  auto again = review_.Import(officer_, item_,
                              "head_name,village,classification\nLê Văn C,Thôn Đông,ngheo\n",
                              Villages(), {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(review_.Load(item_)->households.size(), 2u);
}

TEST_F(HouseholdReviewTest, ImportWithAProblemStoresNothing) {
  ImportTwo();
  Item draft = item_;
  draft.status = ItemStatus::kDraft;
  auto bad = review_.Import(officer_, draft,
                            "head_name,village,classification\nLê Văn C,Thôn Đông,ngheo\n"
                            "X,Thôn Nam,ngheo\n",
                            Villages(), {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "line 3");
  EXPECT_EQ(review_.Load(item_)->households.size(), 2u);
}

TEST_F(HouseholdReviewTest, OnlyManagersOfTheCommuneWriteAndOnlyOnAHouseholdType) {
  identity::Account staff = officer_;
  staff.role = identity::Role::kClerk;
  auto denied = review_.Import(
      staff, item_, "head_name,village,classification\nA,Thôn Đông,ngheo\n", Villages(), {});
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  identity::Account other = officer_;
  other.commune_id = 8;
  EXPECT_EQ(review_.Import(other, item_, "", Villages(), {}).error().code,
            ErrorCode::kPermissionDenied);
  Item budget = item_;
  budget.type_code = "budget_execution";
  EXPECT_EQ(review_.Import(officer_, budget, "", Villages(), {}).error().code,
            ErrorCode::kFailedPrecondition);
}

TEST_F(HouseholdReviewTest, UpheldObjectionsChangeTheFinalListAndFreezeThePostedOne) {
  ImportTwo();
  auto view = review_.Load(item_);
  ASSERT_TRUE(view);
  const int64_t an = view->households[0].id;

  Objection against;
  against.household_id = an;
  against.received_on = Date::FromYmd(2026, 3, 9);
  against.objector = "Lê Văn Dũng";
  against.text = "Hộ ông An đã có thu nhập ổn định.";
  auto id1 = review_.Object(officer_, item_, against, Villages(), {});
  ASSERT_TRUE(id1) << id1.error().message;

  Objection missing;
  missing.received_on = Date::FromYmd(2026, 3, 10);
  missing.text = "Hộ bà Hoa bị bỏ sót.";
  missing.proposed = Household{
      .head_name = "Đỗ Thị Hoa", .village_id = 2, .household_class = HouseholdClass::kNearPoor};
  auto id2 = review_.Object(officer_, item_, missing, Villages(), {});
  ASSERT_TRUE(id2) << id2.error().message;

  // The posted list is now the record the objections refer to (even were the item a draft).
  Item draft = item_;
  draft.status = ItemStatus::kDraft;
  EXPECT_EQ(review_
                .Import(officer_, draft, "head_name,village,classification\nA,Thôn Đông,ngheo\n",
                        Villages(), {})
                .error()
                .code,
            ErrorCode::kFailedPrecondition);

  EXPECT_FALSE(review_.Load(item_)->settled);
  ASSERT_TRUE(review_.Settle(officer_, item_, *id1, ObjectionOutcome::kUpheld,
                             "Đã phúc tra: hộ đủ điều kiện thoát nghèo.", {}));
  ASSERT_TRUE(review_.Settle(officer_, item_, *id2, ObjectionOutcome::kUpheld, "Bổ sung.", {}));
  EXPECT_EQ(
      review_.Settle(officer_, item_, *id2, ObjectionOutcome::kRejected, "Lại.", {}).error().code,
      ErrorCode::kFailedPrecondition);

  view = review_.Load(item_);
  EXPECT_TRUE(view->settled);
  ASSERT_EQ(view->final_list.size(), 2u);
  EXPECT_EQ(view->final_list[0].head_name, "Trần Thị Bình");
  EXPECT_EQ(view->final_list[1].head_name, "Đỗ Thị Hoa");
  EXPECT_EQ(view->final_list[1].status, HouseholdStatus::kAddedAfterObjection);
  EXPECT_EQ(view->objections[0].settled_on, Date::FromYmd(2026, 3, 10));
}

TEST_F(HouseholdReviewTest, ObjectionChecks) {
  ImportTwo();
  Objection o;
  o.received_on = Date::FromYmd(2026, 3, 11);  // tomorrow
  auto bad = review_.Object(officer_, item_, o, Villages(), {});
  ASSERT_FALSE(bad);
  std::set<std::string> fields;
  for (const auto& f : bad.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"received_on", "text", "head_name", "village_id"}));

  o.received_on = Date::FromYmd(2026, 3, 1);
  o.text = "Sai.";
  o.household_id = 999;
  EXPECT_EQ(review_.Object(officer_, item_, o, Villages(), {}).error().code, ErrorCode::kNotFound);

  EXPECT_EQ(review_.Settle(officer_, item_, 1, ObjectionOutcome::kRejected, "  ", {})
                .error()
                .fields.at(0)
                .field,
            "answer");
}

TEST_F(HouseholdReviewTest, ALateObjectionIsAcceptedAndFlagged) {
  ImportTwo();
  clock_.Set(Clock::AtVn(Date::FromYmd(2026, 4, 5), 0));
  Objection o;
  o.received_on = Date::FromYmd(2026, 4, 2);
  o.text = "Gửi muộn.";
  o.proposed = Household{.head_name = "Vũ Văn Em", .village_id = 1};
  ASSERT_TRUE(review_.Object(officer_, item_, o, Villages(), {}));
  auto view = review_.Load(item_);
  ASSERT_EQ(view->objections.size(), 1u);
  EXPECT_TRUE(IsLate(view->objections[0], view->window));
}

}  // namespace
}  // namespace xaso::disclosure
