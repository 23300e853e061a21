#include "domain/disclosure/disclosure_type.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"
#include "domain/disclosure/disclosure_repository.h"

namespace xaso::disclosure {
namespace {

constexpr std::string_view kHeader =
    "code,law_item,name_vi,name_en,effective_from,legal_basis,confidence,posting_days,permanent,"
    "radio_days,publish_within,publish_unit,recurrence,personal_data,structure\n";

std::string Csv(std::string_view rows) { return std::string(kHeader) + std::string(rows); }

constexpr std::string_view kExecution2017 =
    "budget_execution,2,Thực hiện,Execution,2017-01-01,TT 343,V,30,no,0,15,calendar_days,"
    "quarterly,no,budget\n";
constexpr std::string_view kExecution2026 =
    "budget_execution,2,Thực hiện,Execution,2026-03-25,TT 26,M,30,no,0,20,calendar_days,"
    "quarterly,no,budget\n";

TEST(ParseTypes, ReadsEveryColumn) {
  auto parsed = ParseTypes(
      Csv("poor_households,7,Hộ nghèo,Poor households,2023-07-01,Luật,I,30,no,3,5,working_days,"
          "none,yes,households\n"));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 1u);
  const DisclosureType& t = parsed->front();
  EXPECT_EQ(t.code, "poor_households");
  EXPECT_EQ(t.law_item, 7);
  EXPECT_EQ(t.name_vi, "Hộ nghèo");
  EXPECT_EQ(t.effective_from, Date::FromYmd(2023, 7, 1));
  EXPECT_EQ(t.confidence, "I");
  EXPECT_EQ(t.posting_days, 30);
  EXPECT_FALSE(t.permanent);
  EXPECT_EQ(t.radio_days, 3);
  EXPECT_EQ(t.publish_within, 5);
  EXPECT_EQ(t.publish_unit, DeadlineUnit::kWorkingDays);
  EXPECT_EQ(t.recurrence, Recurrence::kNone);
  EXPECT_TRUE(t.personal_data);
  EXPECT_EQ(t.structure, Structure::kHouseholdList);
}

// Each bad cell is reported with its line (the header is line 1) and column.
TEST(ParseTypes, NamesLineAndColumnOfTheProblem) {
  struct Case {
    std::string rows;
    std::string expected;
  };
  const Case cases[] = {
      {std::string(kExecution2017) + "x,1,A,A,2023-07-01,L,V,30,no,0,5,hours,none,no,none\n",
       "dòng 3, cột publish_unit"},
      {"x,1,A,A,2023-07-01,L,V,30,no,0,5,working_days,monthly,no,none\n", "dòng 2, cột recurrence"},
      {"x,1,A,A,2023-07-01,L,V,30,no,0,5,working_days,none,no,table\n", "dòng 2, cột structure"},
      {"x,1,A,A,01/07/2023,L,V,30,no,0,5,working_days,none,no,none\n",
       "dòng 2, cột effective_from"},
      {std::string(kExecution2017) + std::string(kExecution2017), "dòng 3, cột effective_from"},
      {"x,1,A,A,2023-07-01,L,V,0,no,0,5,working_days,none,no,none\n", "dòng 2, cột posting_days"},
      {"x,1,A,A,2023-07-01,L,V,30,no,0,15,working_days,quarterly,no,none\n",
       "dòng 2, cột publish_unit"},
      {"x,15,A,A,2023-07-01,L,V,30,no,0,5,working_days,none,no,none\n", "dòng 2, cột law_item"},
      {"X-1,1,A,A,2023-07-01,L,V,30,no,0,5,working_days,none,no,none\n", "dòng 2, cột code"},
      {"x,1,A,A,2023-07-01,L,Q,30,no,0,5,working_days,none,no,none\n", "dòng 2, cột confidence"},
      {"x,1,A,A,2023-07-01,L,V,30,maybe,0,5,working_days,none,no,none\n", "dòng 2, cột permanent"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseTypes(Csv(c.rows));
    ASSERT_FALSE(parsed.has_value()) << c.rows;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(parsed.error().message.find(c.expected), std::string::npos)
        << parsed.error().message << " / expected " << c.expected;
  }
}

TEST(ParseTypes, MissingColumnIsNamed) {
  auto parsed = ParseTypes("code,law_item\nx,1\n");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_NE(parsed.error().message.find("structure"), std::string::npos) << parsed.error().message;
}

TEST(ParseTypes, PermanentTypeNeedsNoPostingDays) {
  auto parsed = ParseTypes(
      Csv("procedures,13,TTHC,Procedures,2023-07-01,L,V,0,yes,0,5,working_days,none,no,none\n"));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_TRUE(parsed->front().permanent);
  EXPECT_EQ(parsed->front().posting_days, 0);
}

TEST(TypeCatalogue, FindPicksTheVersionInForce) {
  auto parsed = ParseTypes(Csv(std::string(kExecution2026) + std::string(kExecution2017)));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  const TypeCatalogue cat(std::move(parsed).value());
  EXPECT_EQ(cat.Find("budget_execution", Date::FromYmd(2016, 12, 31)), nullptr);
  EXPECT_EQ(cat.Find("budget_execution", Date::FromYmd(2017, 1, 1))->publish_within, 15);
  EXPECT_EQ(cat.Find("budget_execution", Date::FromYmd(2026, 3, 24))->publish_within, 15);
  EXPECT_EQ(cat.Find("budget_execution", Date::FromYmd(2026, 3, 25))->publish_within, 20);
  EXPECT_EQ(cat.Find("nothing", Date::FromYmd(2026, 3, 25)), nullptr);
  const auto in_force = cat.InForce(Date::FromYmd(2026, 6, 1));
  ASSERT_EQ(in_force.size(), 1u);
  EXPECT_EQ(in_force[0]->publish_within, 20);
}

TEST(DefaultCatalogue, ParsesAndCoversEveryLawItem) {
  const TypeCatalogue& cat = DefaultCatalogue();
  std::set<int> items;
  for (const DisclosureType* t : cat.InForce(Date::FromYmd(2025, 1, 1))) items.insert(t->law_item);
  for (int i = 1; i <= 14; ++i) EXPECT_TRUE(items.count(i)) << "law item " << i;
  EXPECT_TRUE(items.count(0)) << "the quarterly log";

  const DisclosureType* poor = cat.Find("poor_households", Date::FromYmd(2025, 9, 1));
  ASSERT_NE(poor, nullptr);
  EXPECT_EQ(poor->posting_days, 30);
  EXPECT_EQ(poor->radio_days, 3);
  EXPECT_TRUE(poor->personal_data);
  EXPECT_EQ(poor->structure, Structure::kHouseholdList);

  const DisclosureType* old_exec = cat.Find("budget_execution", Date::FromYmd(2025, 3, 31));
  const DisclosureType* new_exec = cat.Find("budget_execution", Date::FromYmd(2026, 6, 30));
  ASSERT_NE(old_exec, nullptr);
  ASSERT_NE(new_exec, nullptr);
  EXPECT_EQ(old_exec->confidence, "V");
  EXPECT_EQ(new_exec->confidence, "M");
  EXPECT_EQ(new_exec->publish_within, 15);
  EXPECT_EQ(new_exec->recurrence, Recurrence::kQuarterly);
  EXPECT_TRUE(cat.Find("procedures", Date::FromYmd(2025, 1, 1))->permanent);
  EXPECT_TRUE(cat.Find("democracy_regulation", Date::FromYmd(2025, 1, 1))->permanent);
}

// The rule book states the Art 12–13 defaults to the public (migration 0003); the Art 11 types
// that follow no sector rule must agree with it.
// The public register names every personal-data type in one query (ItemQuery::exclude_types,
// only_types), which the storage caps.
TEST(DefaultCatalogue, PersonalDataTypesFitInOneQuery) {
  std::set<std::string> personal;
  for (const DisclosureType& t : DefaultCatalogue().versions()) {
    if (t.personal_data) personal.insert(t.code);
  }
  EXPECT_GE(personal.size(), 4U);  // poor households, support, disaster support, military service
  EXPECT_LE(personal.size(), kMaxQueryTypes);
}

TEST(DefaultCatalogue, AgreesWithTheRuleBookDefaults) {
  const std::string rules = calendar::testing::ReadSourceFile("migrations/0003_rules.sql");
  ASSERT_NE(rules.find("'disclosure.publish_after_decision', '5', 'working_days'"),
            std::string::npos);
  ASSERT_NE(rules.find("'disclosure.posting_min', '30', 'days'"), std::string::npos);
  ASSERT_NE(rules.find("'disclosure.radio_min', '3', 'days'"), std::string::npos);
  for (const DisclosureType* t : DefaultCatalogue().InForce(Date::FromYmd(2025, 1, 1))) {
    if (t->legal_basis.rfind("Luật THDCCS", 0) != 0) continue;  // a sector rule leads
    if (t->recurrence != Recurrence::kNone) continue;
    EXPECT_EQ(t->publish_within, 5) << t->code;
    EXPECT_EQ(t->publish_unit, DeadlineUnit::kWorkingDays) << t->code;
    if (!t->permanent) {
      EXPECT_EQ(t->posting_days, 30) << t->code;
    }
    const bool radio_item = t->law_item >= 7 && t->law_item <= 12;
    EXPECT_EQ(t->radio_days, radio_item ? 3 : 0) << t->code;
  }
}

TEST(Codes, RoundTrip) {
  for (auto r : {Recurrence::kNone, Recurrence::kQuarterly, Recurrence::kYearly}) {
    EXPECT_EQ(ParseRecurrence(RecurrenceCode(r)), r);
  }
  for (auto s : {Structure::kNone, Structure::kBudget, Structure::kHouseholdList}) {
    EXPECT_EQ(ParseStructure(StructureCode(s)), s);
  }
  EXPECT_FALSE(ParseRecurrence("monthly").has_value());
}

}  // namespace
}  // namespace xaso::disclosure
