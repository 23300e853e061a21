#include "domain/rules/cached_rule_repository.h"

namespace xaso::rules {

Result<std::vector<LegalRule>> CachedRuleRepository::LoadRules() {
  XASO_ASSIGN_OR_RETURN(int64_t count, stored_.CountVersions());
  {
    std::lock_guard lock(mu_);
    if (kept_ && kept_->first == count) return kept_->second;
  }
  // Loaded outside the lock; a version added meanwhile makes the next read load again.
  XASO_ASSIGN_OR_RETURN(auto book, stored_.LoadRules());
  std::lock_guard lock(mu_);
  kept_.emplace(count, book);
  return book;
}

}  // namespace xaso::rules
