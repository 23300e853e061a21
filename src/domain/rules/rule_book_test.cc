#include "domain/rules/rule_book.h"

#include <gtest/gtest.h>

namespace xaso::rules {
namespace {

LegalRule Rule(int64_t commune, const char* key, const char* value, Date from) {
  return {commune, key, value, RuleUnit::kWorkingDays, from, "test", "S"};
}

const Date kJul2026 = Date::FromYmd(2026, 7, 1);

TEST(RuleBookTest, ACaseKeepsTheVersionInForceWhenItWasOpened) {
  RuleBook book({Rule(0, "complaint.acceptance_max", "7", kJul2026),
                 Rule(0, "complaint.acceptance_max", "10", Date::FromYmd(2012, 7, 1))});
  EXPECT_EQ(*book.LookupInt("complaint.acceptance_max", Date::FromYmd(2026, 6, 30)), 10);
  EXPECT_EQ(*book.LookupInt("complaint.acceptance_max", kJul2026), 7);
  auto before = book.Lookup("complaint.acceptance_max", Date::FromYmd(2000, 1, 1));
  ASSERT_FALSE(before.has_value());
  EXPECT_EQ(before.error().code, ErrorCode::kNotFound);
}

TEST(RuleBookTest, ACommuneRuleOverridesTheNationalOneFromItsOwnDate) {
  RuleBook book({Rule(0, "feedback.answer_max", "10", Date::FromYmd(2014, 7, 1)),
                 Rule(7, "feedback.answer_max", "5", Date::FromYmd(2025, 1, 1))});
  EXPECT_EQ(*book.LookupInt("feedback.answer_max", Date::FromYmd(2024, 12, 31), 7), 10);
  EXPECT_EQ(*book.LookupInt("feedback.answer_max", Date::FromYmd(2025, 1, 1), 7), 5);
  EXPECT_EQ(*book.LookupInt("feedback.answer_max", Date::FromYmd(2025, 1, 1), 8), 10);
}

TEST(RuleBookTest, TextRulesAreNotNumbers) {
  RuleBook book({Rule(0, "one_stop.same_day_cutoff", "15:00", kJul2026)});
  auto r = book.LookupInt("one_stop.same_day_cutoff", kJul2026);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
}

TEST(RuleBookTest, ANewVersionMustStartAfterThePreviousOne) {
  std::vector<LegalRule> existing = {Rule(0, "x", "1", kJul2026)};
  EXPECT_FALSE(ValidateNewVersion(Rule(0, "x", "2", kJul2026), existing).has_value());
  EXPECT_TRUE(ValidateNewVersion(Rule(0, "x", "2", kJul2026.AddDays(1)), existing).has_value());
  LegalRule no_basis = Rule(0, "x", "2", kJul2026.AddDays(1));
  no_basis.legal_basis.clear();
  no_basis.confidence = "Z";
  auto s = ValidateNewVersion(no_basis, existing);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().fields.size(), 2u);
}

}  // namespace
}  // namespace xaso::rules
