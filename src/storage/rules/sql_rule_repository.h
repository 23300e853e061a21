// rules::RuleRepository over the legal_rule table.
#pragma once

#include "domain/rules/rule_book.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlRuleRepository final : public rules::RuleRepository {
 public:
  explicit SqlRuleRepository(Database& db) : db_(db) {}

  // xaso::rules::RuleRepository
  Result<std::vector<rules::LegalRule>> LoadRules() override;
  Result<int64_t> CountVersions() override;
  Status AddVersion(const rules::LegalRule& rule, const audit::AuditRecord& audit) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
