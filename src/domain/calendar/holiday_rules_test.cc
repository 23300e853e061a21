#include "domain/calendar/holiday_rules.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "domain/calendar/calendar_testing.h"

namespace xaso::calendar {
namespace {

using testing::D;

constexpr char kHeader[] =
    "key,kind,month,day,length_days,days_before,effective_from,effective_to,name_vi,name_en,"
    "legal_basis,confidence,compensate_on_rest_day\n";

HolidayRule TetRule2019() {
  return {.key = "tet_nguyen_dan",
          .kind = RuleKind::kTetBlock,
          .month = 1,
          .day = 1,
          .length_days = 5,
          .days_before = 1,
          .effective_from = D("2021-01-01"),
          .name_vi = "Tết Nguyên đán",
          .confidence = Confidence::kInferred};
}

TEST(HolidayRulesTest, ParsesCsvWithQuotesAndComments) {
  const std::string csv = std::string("# national rules\n\n") + kHeader +
                          "quoc_khanh,solar_day,9,2,2,1,2021-01-01,,Quốc khánh,National Day,"
                          "\"Bộ luật Lao động 2019, Điều 112 \"\"đ\"\"\",I,1\n"
                          "gio_to,lunar_day,3,10,1,0,2013-05-01,2020-12-31,Giỗ Tổ,,x,M,0";
  Result<std::vector<HolidayRule>> rules = ParseHolidayRulesCsv(csv);
  ASSERT_TRUE(rules.has_value()) << rules.error().message;
  ASSERT_EQ(rules->size(), 2u);
  const HolidayRule& qk = (*rules)[0];
  EXPECT_EQ(qk.key, "quoc_khanh");
  EXPECT_EQ(qk.kind, RuleKind::kSolarDay);
  EXPECT_EQ(qk.length_days, 2);
  EXPECT_EQ(qk.days_before, 1);
  EXPECT_EQ(qk.effective_from, D("2021-01-01"));
  EXPECT_FALSE(qk.effective_to.has_value());
  EXPECT_EQ(qk.legal_basis, "Bộ luật Lao động 2019, Điều 112 \"đ\"");
  EXPECT_EQ(qk.confidence, Confidence::kInferred);
  EXPECT_TRUE(qk.compensate_on_rest_day);
  const HolidayRule& gt = (*rules)[1];
  EXPECT_EQ(gt.kind, RuleKind::kLunarDay);
  EXPECT_EQ(gt.effective_to, D("2020-12-31"));
  EXPECT_FALSE(gt.compensate_on_rest_day);
}

TEST(HolidayRulesTest, CsvErrorsNameTheLine) {
  struct Case {
    const char* name;
    std::string csv;
    const char* message_part;
  };
  const std::string good_row = "k,solar_day,1,1,1,0,2021-01-01,,Tết,,,V,1\n";
  const Case cases[] = {
      {.name = "empty", .csv = "", .message_part = "header"},
      {.name = "bad header", .csv = "key,kind\n" + good_row, .message_part = "line 1"},
      {.name = "bad kind",
       .csv = std::string(kHeader) + "k,easter,1,1,1,0,2021-01-01,,Tết,,,V,1\n",
       .message_part = "line 2: unknown kind"},
      {.name = "bad date",
       .csv = std::string(kHeader) + "k,solar_day,1,1,1,0,2021-02-30,,Tết,,,V,1\n",
       .message_part = "effective_from"},
      {.name = "month 13",
       .csv = std::string(kHeader) + good_row + "k,solar_day,13,1,1,0,2021-01-01,,Tết,,,V,1\n",
       .message_part = "line 3"},
      {.name = "field count",
       .csv = std::string(kHeader) + "k,solar_day,1,1\n",
       .message_part = "expected 13 fields"},
      {.name = "confidence",
       .csv = std::string(kHeader) + "k,solar_day,1,1,1,0,2021-01-01,,Tết,,,X,1\n",
       .message_part = "confidence"},
      {.name = "unterminated quote",
       .csv = std::string(kHeader) + "k,solar_day,1,1,1,0,2021-01-01,,\"Tết,,,V,1\n",
       .message_part = "unterminated"},
  };
  for (const Case& c : cases) {
    Result<std::vector<HolidayRule>> rules = ParseHolidayRulesCsv(c.csv);
    ASSERT_FALSE(rules.has_value()) << c.name;
    EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_NE(rules.error().message.find(c.message_part), std::string::npos)
        << c.name << ": " << rules.error().message;
  }
}

TEST(HolidayRulesTest, ValidateReportsEachBadField) {
  HolidayRule rule = TetRule2019();
  EXPECT_TRUE(ValidateHolidayRule(rule).has_value());
  rule.key = "";
  rule.month = 0;
  rule.length_days = 0;
  rule.effective_to = D("2020-01-01");
  Status status = ValidateHolidayRule(rule);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  std::map<std::string, int> fields;
  for (const FieldError& f : status.error().fields) ++fields[f.field];
  EXPECT_EQ(fields, (std::map<std::string, int>{
                        {"key", 1}, {"month", 1}, {"length_days", 1}, {"effective_to", 1}}));
  EXPECT_FALSE(ValidateOverride({.date = D("2025-01-02")}).has_value());
  EXPECT_TRUE(ValidateOverride({.date = D("2025-01-02"), .name_vi = "Nghỉ"}).has_value());
}

TEST(HolidayRulesTest, TextFormsRoundTrip) {
  for (RuleKind k : {RuleKind::kSolarDay, RuleKind::kLunarDay, RuleKind::kTetBlock}) {
    EXPECT_EQ(ParseRuleKind(RuleKindName(k)), k);
  }
  for (Confidence c :
       {Confidence::kVerified, Confidence::kSourced, Confidence::kMemory, Confidence::kInferred}) {
    EXPECT_EQ(ParseConfidenceTag(ConfidenceTag(c)), c);
  }
  for (auto k : {CalendarOverride::Kind::kDayOff, CalendarOverride::Kind::kWorkingDay}) {
    EXPECT_EQ(ParseOverrideKind(OverrideKindName(k)), k);
  }
  EXPECT_FALSE(ParseRuleKind("solar"));
  EXPECT_FALSE(ParseConfidenceTag("v"));
  EXPECT_FALSE(ParseOverrideKind("off"));
}

TEST(HolidayRulesTest, RuleDays) {
  struct Case {
    const char* name;
    HolidayRule rule;
    int year;
    std::vector<const char*> days;
  };
  HolidayRule quoc_khanh = {.key = "quoc_khanh",
                            .month = 9,
                            .day = 2,
                            .length_days = 2,
                            .days_before = 1,
                            .effective_from = D("2021-01-01"),
                            .name_vi = "Quốc khánh"};
  HolidayRule lunar30 = {.key = "x",
                         .kind = RuleKind::kLunarDay,
                         .month = 12,
                         .day = 30,
                         .effective_from = D("2000-01-01"),
                         .name_vi = "x"};
  HolidayRule leap_day = {
      .key = "x", .month = 2, .day = 29, .effective_from = D("2000-01-01"), .name_vi = "x"};
  const Case cases[] = {
      {.name = "Tết 2024",
       .rule = TetRule2019(),
       .year = 2024,
       .days = {"2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13"}},
      {.name = "Tết 2026",
       .rule = TetRule2019(),
       .year = 2026,
       .days = {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"}},
      {.name = "Tết before the rule", .rule = TetRule2019(), .year = 2020, .days = {}},
      {.name = "Quốc khánh 2025",
       .rule = quoc_khanh,
       .year = 2025,
       .days = {"2025-09-01", "2025-09-02"}},
      // Lunar 12/30 of lunar year 2023 is 2024-02-09, in the next Gregorian year.
      {.name = "lunar 30 exists", .rule = lunar30, .year = 2023, .days = {"2024-02-09"}},
      {.name = "lunar 30 missing", .rule = lunar30, .year = 2025, .days = {}},
      {.name = "29 February", .rule = leap_day, .year = 2024, .days = {"2024-02-29"}},
      {.name = "no 29 February", .rule = leap_day, .year = 2025, .days = {}},
  };
  for (const Case& c : cases) {
    std::vector<Date> expected;
    for (const char* d : c.days) expected.push_back(D(d));
    EXPECT_EQ(RuleDays(c.rule, c.year), expected) << c.name;
  }
}

TEST(HolidayRulesTest, InForceOnIsInclusive) {
  HolidayRule rule = TetRule2019();
  rule.effective_to = D("2021-12-31");
  EXPECT_FALSE(InForceOn(rule, D("2020-12-31")));
  EXPECT_TRUE(InForceOn(rule, D("2021-01-01")));
  EXPECT_TRUE(InForceOn(rule, D("2021-12-31")));
  EXPECT_FALSE(InForceOn(rule, D("2022-01-01")));
}

// The seeded national rules: valid, versions of one key never overlap, and every holiday has
// exactly one version in force at the end of 2026.
TEST(HolidayRulesTest, SeedRulesAreConsistent) {
  const std::vector<HolidayRule> rules = testing::SeedRules();
  ASSERT_EQ(rules.size(), 19u);
  std::map<std::string, std::vector<const HolidayRule*>> by_key;
  for (const HolidayRule& r : rules) {
    EXPECT_TRUE(ValidateHolidayRule(r).has_value()) << r.key;
    by_key[r.key].push_back(&r);
  }
  EXPECT_EQ(by_key.size(), 7u);
  for (const auto& [key, versions] : by_key) {
    for (size_t i = 0; i < versions.size(); ++i) {
      for (size_t j = i + 1; j < versions.size(); ++j) {
        const HolidayRule& a = *versions[i];
        const HolidayRule& b = *versions[j];
        const bool a_before_b = a.effective_to && *a.effective_to < b.effective_from;
        const bool b_before_a = b.effective_to && *b.effective_to < a.effective_from;
        EXPECT_TRUE(a_before_b || b_before_a) << key << " versions overlap";
      }
    }
    int in_force = 0;
    for (const HolidayRule* r : versions) in_force += InForceOn(*r, D("2026-12-01")) ? 1 : 0;
    EXPECT_EQ(in_force, 1) << key;
  }
  const std::vector<CalendarOverride> overrides = testing::SeedOverrides();
  EXPECT_EQ(overrides.size(), 12u);
  for (const CalendarOverride& o : overrides) EXPECT_TRUE(ValidateOverride(o).has_value());
}

}  // namespace
}  // namespace xaso::calendar
