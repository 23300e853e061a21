// The rule book read by every submission and deadline, kept in memory in front of the stored
// rules. The book is append-only (versions are added, never edited), so its number of versions
// tells whether it changed: each read asks for that count (one small query) instead of every
// row, and a version added by any process is seen at once.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "domain/rules/rule_book.h"

namespace xaso::rules {

// Thread-safe.
class CachedRuleRepository final : public RuleRepository {
 public:
  explicit CachedRuleRepository(RuleRepository& stored) : stored_(stored) {}

  // xaso::rules::RuleRepository
  Result<std::vector<LegalRule>> LoadRules() override;
  Result<int64_t> CountVersions() override { return stored_.CountVersions(); }
  Status AddVersion(const LegalRule& rule, const audit::AuditRecord& audit) override {
    return stored_.AddVersion(rule, audit);
  }

 private:
  RuleRepository& stored_;
  std::mutex mu_;
  std::optional<std::pair<int64_t, std::vector<LegalRule>>> kept_;  // GUARDED_BY(mu_): count, book
};

}  // namespace xaso::rules
