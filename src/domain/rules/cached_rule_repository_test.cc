// The rule cache in front of the stored rules: one read a minute, a version added here seen at
// once, one added elsewhere seen after max_age, and a failed read not kept.
#include "domain/rules/cached_rule_repository.h"

#include <gtest/gtest.h>

namespace xaso::rules {
namespace {

class CountingRules final : public RuleRepository {
 public:
  Result<std::vector<LegalRule>> LoadRules() override {
    ++loads;
    if (fail) return MakeError(ErrorCode::kUnavailable, "down");
    return rules;
  }
  Status AddVersion(const LegalRule& rule, const audit::AuditRecord&) override {
    rules.push_back(rule);
    return Ok{};
  }
  std::vector<LegalRule> rules;
  int loads = 0;
  bool fail = false;
};

LegalRule Rule(const std::string& value) {
  LegalRule r;
  r.key = "feedback.answer_max";
  r.value = value;
  return r;
}

TEST(CachedRuleRepositoryTest, ReadsOnceAMinuteAndSeesItsOwnWritesAtOnce) {
  CountingRules stored;
  stored.rules = {Rule("10")};
  FakeClock clock(1000);
  CachedRuleRepository cached(stored, clock, 60);
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(stored.loads, 1);
  ASSERT_TRUE(cached.AddVersion(Rule("7"), {}).has_value());
  EXPECT_EQ(cached.LoadRules().value().size(), 2U);
  EXPECT_EQ(stored.loads, 2);
  // Another process's version: unseen for up to a minute, then seen.
  stored.rules.push_back(Rule("5"));
  clock.Advance(59);
  EXPECT_EQ(cached.LoadRules().value().size(), 2U);
  clock.Advance(1);
  EXPECT_EQ(cached.LoadRules().value().size(), 3U);
}

TEST(CachedRuleRepositoryTest, AFailedReadIsNotKept) {
  CountingRules stored;
  stored.fail = true;
  FakeClock clock(1000);
  CachedRuleRepository cached(stored, clock, 60);
  EXPECT_FALSE(cached.LoadRules().has_value());
  stored.fail = false;
  stored.rules = {Rule("10")};
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(stored.loads, 2);
}

}  // namespace
}  // namespace xaso::rules
