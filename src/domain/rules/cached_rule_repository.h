// The rule book read by every submission and deadline, kept for a minute (TtlCache) in front of
// the stored rules, as the calendar is (CalendarService). A version added through this object
// is seen at once; one added by another server process within max_age seconds.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/ttl_cache.h"
#include "domain/rules/rule_book.h"

namespace xaso::rules {

class CachedRuleRepository final : public RuleRepository {
 public:
  CachedRuleRepository(RuleRepository& stored, const Clock& clock, int64_t max_age_seconds = 60)
      : stored_(stored), clock_(clock), cache_(max_age_seconds) {}

  // xaso::rules::RuleRepository
  Result<std::vector<LegalRule>> LoadRules() override {
    return cache_.Get(0, clock_.NowUnix(), [this] { return stored_.LoadRules(); });
  }
  Status AddVersion(const LegalRule& rule, const audit::AuditRecord& audit) override {
    Status added = stored_.AddVersion(rule, audit);
    cache_.Clear();
    return added;
  }

 private:
  RuleRepository& stored_;
  const Clock& clock_;
  TtlCache<int, std::vector<LegalRule>> cache_;
};

}  // namespace xaso::rules
