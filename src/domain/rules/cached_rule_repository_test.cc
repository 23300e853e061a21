// The rule book kept in memory: read again only when its count of versions changed, whoever
// added the version, and a failed read not kept.
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
  Result<int64_t> CountVersions() override { return static_cast<int64_t>(rules.size()); }
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

TEST(CachedRuleRepositoryTest, ReadsTheBookAgainOnlyWhenAVersionWasAdded) {
  CountingRules stored;
  stored.rules = {Rule("10")};
  CachedRuleRepository cached(stored);
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(stored.loads, 1);
  ASSERT_TRUE(cached.AddVersion(Rule("7"), {}).has_value());
  EXPECT_EQ(cached.LoadRules().value().size(), 2U);
  EXPECT_EQ(stored.loads, 2);
  // A version another process added is seen at the next read.
  stored.rules.push_back(Rule("5"));
  EXPECT_EQ(cached.LoadRules().value().back().value, "5");
  EXPECT_EQ(stored.loads, 3);
}

TEST(CachedRuleRepositoryTest, AFailedReadIsNotKept) {
  CountingRules stored;
  stored.fail = true;
  CachedRuleRepository cached(stored);
  EXPECT_FALSE(cached.LoadRules().has_value());
  stored.fail = false;
  stored.rules = {Rule("10")};
  EXPECT_EQ(cached.LoadRules().value().size(), 1U);
  EXPECT_EQ(stored.loads, 2);
}

}  // namespace
}  // namespace xaso::rules
