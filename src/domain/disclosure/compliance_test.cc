#include "domain/disclosure/compliance.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/disclosure/disclosure_testing.h"

namespace xaso::disclosure {
namespace {

using calendar::testing::D;
using testing::DecisionItem;
using testing::MakePosting;
using testing::PeriodItem;

class ComplianceTest : public ::testing::Test {
 protected:
  const calendar::LegalCalendar cal_ = calendar::testing::SeedCalendar();
  const TypeCatalogue& cat_ = DefaultCatalogue();

  const DisclosureType& Type(const Item& item) const {
    const DisclosureType* t = cat_.Find(item.type_code, item.type_effective_from);
    EXPECT_NE(t, nullptr) << item.type_code;
    return *t;
  }
  ItemCompliance Check(const Item& item, std::string_view today) const {
    return CheckItem(item, Type(item), cal_, D(today));
  }
  static bool Has(const ItemCompliance& c, FlagKind k) {
    return std::any_of(c.flags.begin(), c.flags.end(), [k](const Flag& f) { return f.kind == k; });
  }
  static const Flag& Get(const ItemCompliance& c, FlagKind k) {
    static const Flag kNone{};
    for (const Flag& f : c.flags) {
      if (f.kind == k) return f;
    }
    ADD_FAILURE() << "no flag " << FlagCode(k);
    return kNone;
  }
};

// TT 343/2016 Art 17: quarterly execution within 15 days of the quarter's end.
TEST_F(ComplianceTest, BudgetExecutionFifteenDaysAfterTheQuarter) {
  Item item = PeriodItem("budget_execution", "2025-Q1");
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-04-15", "2025-05-14")};
  ItemCompliance c = Check(item, "2025-06-01");
  EXPECT_EQ(c.due, D("2025-04-15"));
  EXPECT_TRUE(c.on_time());
  EXPECT_TRUE(c.ok()) << FlagCode(c.flags.front().kind);

  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-04-16", "2025-05-15")};
  c = Check(item, "2025-06-01");
  EXPECT_FALSE(c.on_time());
  EXPECT_EQ(Get(c, FlagKind::kPublishedLate).days, 1);
  EXPECT_EQ(Get(c, FlagKind::kPublishedLate).required, 15);
}

// 31/03/2023 + 15 days is Saturday 15/04/2023: the deadline moves to Monday 17/04.
TEST_F(ComplianceTest, CalendarDayDeadlineMovesOffAWeekend) {
  Item item = PeriodItem("budget_execution", "2023-Q1");
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2023-04-17", "2023-05-16")};
  ItemCompliance c = Check(item, "2023-06-01");
  EXPECT_EQ(c.due, D("2023-04-17"));
  EXPECT_TRUE(c.on_time());
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2023-04-18", "2023-05-17")};
  EXPECT_TRUE(Has(Check(item, "2023-06-01"), FlagKind::kPublishedLate));
}

// 17/01/2026 + 30 days is Monday 16/02/2026, inside the Tết Bính Ngọ days off (14–22/02): the
// adopted estimate is due on the first working day after them.
TEST_F(ComplianceTest, CalendarDayDeadlineMovesPastTet) {
  const Item item = DecisionItem("budget_estimate", "2026-01-17");
  EXPECT_EQ(DueDate(item, Type(item), cal_), D("2026-02-23"));
}

// Art 12(3): 5 working days, not counting the decision day.
TEST_F(ComplianceTest, FiveWorkingDaysAcrossAWeekend) {
  const Item item = DecisionItem("investment_land", "2025-03-06");  // a Thursday
  EXPECT_EQ(DueDate(item, Type(item), cal_), D("2025-03-13"));
}

// Tết Ất Tỵ: the days off run from Saturday 25/01 to Sunday 02/02/2025.
TEST_F(ComplianceTest, FiveWorkingDaysAcrossTet) {
  const Item item = DecisionItem("consultation", "2025-01-24");
  EXPECT_EQ(DueDate(item, Type(item), cal_), D("2025-02-07"));
}

TEST_F(ComplianceTest, NotYetPublishedOnlyAfterTheDeadline) {
  Item item = DecisionItem("investment_land", "2025-03-06");
  item.status = ItemStatus::kDraft;
  EXPECT_TRUE(Check(item, "2025-03-13").ok());
  const ItemCompliance c = Check(item, "2025-03-14");
  EXPECT_EQ(Get(c, FlagKind::kNotYetPublished).days, 1);
  EXPECT_TRUE(Has(c, FlagKind::kNoNoticeBoard));
  EXPECT_FALSE(c.first_out.has_value());
}

TEST_F(ComplianceTest, PortalAloneIsNoNoticeBoard) {
  Item item = DecisionItem("investment_land", "2025-03-06");
  item.postings = {MakePosting(1, Channel::kPortal, "2025-03-07"),
                   MakePosting(2, Channel::kVillageHouse, "2025-03-07", "2025-04-05")};
  ItemCompliance c = Check(item, "2025-04-10");
  EXPECT_TRUE(c.on_time());
  ASSERT_EQ(c.flags.size(), 1u);
  EXPECT_EQ(c.flags[0].kind, FlagKind::kNoNoticeBoard);
  EXPECT_EQ(c.posted_until, D("2025-04-05"));
}

// LEGAL.md §9: the longer of QĐ 24/2021's 3 working days and Art 13(2)'s 30 days.
TEST_F(ComplianceTest, PoorHouseholdListPostedThirtyDays) {
  Item item = DecisionItem("poor_households", "2025-09-01");
  item.postings = {MakePosting(7, Channel::kNoticeBoard, "2025-09-01", "2025-09-29"),
                   MakePosting(8, Channel::kRadio, "2025-09-01", "2025-09-03")};
  ItemCompliance c = Check(item, "2025-10-15");
  ASSERT_EQ(c.flags.size(), 1u);
  EXPECT_EQ(c.flags[0].kind, FlagKind::kPostingTooShort);
  EXPECT_EQ(c.flags[0].posting_id, 7);
  EXPECT_EQ(c.flags[0].days, 29);
  EXPECT_EQ(c.flags[0].required, 30);

  item.postings[0] = MakePosting(7, Channel::kNoticeBoard, "2025-09-01", "2025-09-30");
  EXPECT_TRUE(Check(item, "2025-10-15").ok());
  // Coming down the day after a 30-day plan is on time.
  item.postings[0] =
      MakePosting(7, Channel::kNoticeBoard, "2025-09-01", "2025-09-30", "2025-10-01");
  EXPECT_TRUE(Check(item, "2025-10-15").ok());
}

TEST_F(ComplianceTest, PoorHouseholdListTakenDownEarly) {
  Item item = DecisionItem("poor_households", "2025-09-01");
  item.postings = {MakePosting(7, Channel::kNoticeBoard, "2025-09-01", "2025-09-30", "2025-09-21"),
                   MakePosting(8, Channel::kRadio, "2025-09-01", "2025-09-03")};
  ItemCompliance c = Check(item, "2025-10-15");
  ASSERT_EQ(c.flags.size(), 1u);
  EXPECT_EQ(c.flags[0].kind, FlagKind::kTakenDownEarly);
  EXPECT_EQ(c.flags[0].days, 20);
  // With no plan at all, the actual days decide.
  item.postings[0] =
      MakePosting(7, Channel::kNoticeBoard, "2025-09-01", std::nullopt, "2025-09-21");
  EXPECT_TRUE(Has(Check(item, "2025-10-15"), FlagKind::kTakenDownEarly));
  // Still up with no end: nothing to flag.
  item.postings[0] = MakePosting(7, Channel::kNoticeBoard, "2025-09-01");
  EXPECT_TRUE(Check(item, "2025-10-15").ok());
}

TEST_F(ComplianceTest, RadioMissingAndTooShort) {
  Item item = DecisionItem("support_beneficiaries", "2025-03-06");  // due 13/03
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-07", "2025-04-05")};
  EXPECT_TRUE(Check(item, "2025-03-13").ok());
  EXPECT_EQ(Get(Check(item, "2025-03-14"), FlagKind::kRadioMissing).required, 3);

  item.postings.push_back(MakePosting(2, Channel::kRadio, "2025-03-08", "2025-03-09"));
  ItemCompliance c = Check(item, "2025-03-20");
  EXPECT_FALSE(Has(c, FlagKind::kRadioMissing));
  EXPECT_EQ(Get(c, FlagKind::kRadioTooShort).days, 2);
  EXPECT_EQ(Get(c, FlagKind::kRadioTooShort).posting_id, 2);

  // One spell of 3 consecutive days meets the rule; a shorter repeat does not spoil it.
  item.postings.push_back(MakePosting(3, Channel::kRadio, "2025-03-10", "2025-03-12"));
  EXPECT_TRUE(Check(item, "2025-03-20").ok());

  // A type without radio never asks for it.
  Item land = DecisionItem("investment_land", "2025-03-06");
  land.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-07", "2025-04-05")};
  EXPECT_TRUE(Check(land, "2025-06-01").ok());
}

TEST_F(ComplianceTest, PermanentTypeIsNeverTooShortButMustStayUp) {
  Item item = DecisionItem("procedures", "2025-03-06");
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-07", "2025-03-10")};
  ItemCompliance c = Check(item, "2025-06-01");
  EXPECT_TRUE(c.ok());
  EXPECT_FALSE(c.posted_until.has_value());

  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-07", std::nullopt, "2025-05-01")};
  EXPECT_EQ(Get(Check(item, "2025-06-01"), FlagKind::kTakenDownEarly).days, 55);

  // Replaced by an updated sheet the same day: "updated on change", not a gap.
  item.postings.push_back(MakePosting(2, Channel::kNoticeBoard, "2025-05-01"));
  EXPECT_TRUE(Check(item, "2025-06-01").ok());
}

TEST_F(ComplianceTest, WithdrawnAndDraftAreCheckedLikePublished) {
  Item item = DecisionItem("investment_land", "2025-03-06");
  item.status = ItemStatus::kWithdrawn;
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-20", "2025-04-18")};
  EXPECT_TRUE(Has(Check(item, "2025-06-01"), FlagKind::kPublishedLate));
}

TEST_F(ComplianceTest, MissingQuarterListedOnlyOnceItsDeadlinePassed) {
  Item q1 = PeriodItem("budget_execution", "2025-Q1");
  q1.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-04-10", "2025-05-09")};
  const std::vector<Item> items = {q1};

  auto missing_execution = [&](std::string_view today) {
    std::vector<std::string> keys;
    for (const MissingPeriod& m : CheckCommune(items, cat_, cal_, 2025, D(today)).missing) {
      if (m.type_code == "budget_execution") keys.push_back(m.period.key);
    }
    return keys;
  };
  EXPECT_TRUE(missing_execution("2025-07-15").empty());  // Q2 due 15/07: not passed yet
  EXPECT_EQ(missing_execution("2025-07-16"), std::vector<std::string>{"2025-Q2"});
  EXPECT_EQ(missing_execution("2026-02-01"),
            (std::vector<std::string>{"2025-Q2", "2025-Q3", "2025-Q4"}));

  const CommuneCompliance c = CheckCommune(items, cat_, cal_, 2025, D("2025-07-16"));
  const auto it = std::find_if(c.by_type.begin(), c.by_type.end(), [](const TypeTally& t) {
    return t.type_code == "budget_execution";
  });
  ASSERT_NE(it, c.by_type.end());
  EXPECT_EQ(it->items, 2);  // Q1 on time, Q2 missing
  EXPECT_EQ(it->on_time, 1);
  EXPECT_EQ(it->late, 1);
  // The quarterly log of Q1 and Q2 is missing too.
  EXPECT_EQ(c.missing.size(), 3u);
  EXPECT_EQ(c.items, 4);
  EXPECT_EQ(c.on_time, 1);
  EXPECT_DOUBLE_EQ(c.OnTimeShare(), 0.25);
}

TEST_F(ComplianceTest, CommuneSkipsWithdrawnOtherYearsAndDraftsStillInTime) {
  Item ok = DecisionItem("investment_land", "2025-03-06");
  ok.id = 1;
  ok.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-03-07", "2025-04-05")};
  Item withdrawn = ok;
  withdrawn.id = 2;
  withdrawn.status = ItemStatus::kWithdrawn;
  Item other_year = DecisionItem("investment_land", "2024-03-06");
  other_year.id = 3;
  Item draft = DecisionItem("investment_land", "2025-12-29");
  draft.id = 4;
  draft.status = ItemStatus::kDraft;
  Item late_draft = DecisionItem("investment_land", "2025-11-03");
  late_draft.id = 5;
  late_draft.status = ItemStatus::kDraft;
  const CommuneCompliance c = CheckCommune({ok, withdrawn, other_year, draft, late_draft}, cat_,
                                           cal_, 2025, D("2025-12-30"));
  ASSERT_EQ(c.checked.size(), 2u);
  EXPECT_EQ(c.checked[0].first, 1);
  EXPECT_EQ(c.checked[1].first, 5);
  EXPECT_FALSE(c.checked[1].second.flags.empty());
  ASSERT_EQ(c.by_type.size(), 3u);  // budget_execution and disclosure_log missing, then land
  EXPECT_EQ(c.by_type.back().type_code, "investment_land");
}

// LEGAL.md §11: a list that names people is public only for its legal posting window.
TEST_F(ComplianceTest, PersonalDataListPublicOnlyInItsWindow) {
  Item item = DecisionItem("poor_households", "2025-09-01");
  item.postings = {MakePosting(1, Channel::kNoticeBoard, "2025-09-02", "2025-10-01"),
                   MakePosting(2, Channel::kPortal, "2025-09-04", "2025-10-01")};
  const DisclosureType& type = Type(item);
  EXPECT_FALSE(IsPublicOn(item, type, D("2025-09-01")));
  EXPECT_TRUE(IsPublicOn(item, type, D("2025-09-02")));
  EXPECT_TRUE(IsPublicOn(item, type, D("2025-10-01")));
  EXPECT_FALSE(IsPublicOn(item, type, D("2025-10-02")));
  item.status = ItemStatus::kDraft;
  EXPECT_FALSE(IsPublicOn(item, type, D("2025-09-10")));

  Item land = DecisionItem("investment_land", "2020-03-06");
  land.postings = {MakePosting(1, Channel::kPortal, "2023-08-01")};
  const DisclosureType* land_type = cat_.Find("investment_land", D("2023-08-01"));
  ASSERT_NE(land_type, nullptr);
  EXPECT_TRUE(IsPublicOn(land, *land_type, D("2030-01-01")));
}

// The public register reads the board's lists from this bound: it must never leave out a list
// that IsPublicOn shows, and should leave out those it does not.
TEST_F(ComplianceTest, EarliestPublicFirstOutNeverHidesAPublicList) {
  std::vector<std::string> personal;
  for (const DisclosureType& t : cat_.versions()) {
    if (t.personal_data) personal.push_back(t.code);
  }
  ASSERT_FALSE(personal.empty());
  const Date today = D("2026-03-10");
  const std::optional<Date> bound = EarliestPublicFirstOut(cat_, personal, today);
  ASSERT_TRUE(bound.has_value());
  EXPECT_EQ(*bound, D("2026-02-09"));  // 30 days, today included
  for (const std::string& code : personal) {
    for (int back = 0; back <= 60; ++back) {
      Item item = DecisionItem(code, "2026-01-05");
      item.postings = {MakePosting(1, Channel::kPortal, today.AddDays(-back).ToIso())};
      EXPECT_EQ(IsPublicOn(item, Type(item), today), *FirstOut(item) >= *bound)
          << code << " " << back;
    }
  }
  // A type public for good (or with one such version) has no bound.
  EXPECT_FALSE(EarliestPublicFirstOut(cat_, {"poor_households", "democracy_regulation"}, today));
  EXPECT_FALSE(EarliestPublicFirstOut(cat_, {"investment_land"}, today));
}

// The staff pages show each flag through the message catalogue (disclosure_staff_view.cc):
// every code needs its entry in both languages, and a permanent type's take-down its own.
TEST(FlagCode, EveryFlagHasItsMessages) {
  for (const char* file : {"templates/i18n/vi.json", "templates/i18n/en.json"}) {
    const std::string json = calendar::testing::ReadSourceFile(file);
    std::vector<std::string> keys = {"disclosure.staff.flag.taken_down_early_permanent"};
    for (int k = 0; k <= static_cast<int>(FlagKind::kRadioTooShort); ++k) {
      keys.push_back("disclosure.staff.flag." + std::string(FlagCode(FlagKind(k))));
    }
    for (const std::string& key : keys) {
      EXPECT_NE(json.find("\"" + key + "\":"), std::string::npos) << file << " lacks " << key;
    }
  }
}

TEST(FlagCode, EveryKindHasItsKey) {
  EXPECT_EQ(FlagCode(FlagKind::kPublishedLate), "published_late");
  EXPECT_EQ(FlagCode(FlagKind::kNotYetPublished), "not_yet_published");
  EXPECT_EQ(FlagCode(FlagKind::kNoNoticeBoard), "no_notice_board");
  EXPECT_EQ(FlagCode(FlagKind::kPostingTooShort), "posting_too_short");
  EXPECT_EQ(FlagCode(FlagKind::kTakenDownEarly), "taken_down_early");
  EXPECT_EQ(FlagCode(FlagKind::kRadioMissing), "radio_missing");
  EXPECT_EQ(FlagCode(FlagKind::kRadioTooShort), "radio_too_short");
}

}  // namespace
}  // namespace xaso::disclosure
