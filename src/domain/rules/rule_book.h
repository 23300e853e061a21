// The rule book: every legal number (a deadline, a posting period, a threshold) is a dated row,
// never a constant in code (PRODUCT.md decision 2). A case looks a rule up on the date it was
// opened and keeps that version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/audit/audit.h"

namespace xaso::rules {

enum class RuleUnit { kWorkingDays, kCalendarDays, kDays, kShare, kCount, kText };

std::optional<RuleUnit> ParseRuleUnit(std::string_view code);
const char* RuleUnitCode(RuleUnit unit);

struct LegalRule {
  int64_t commune_id = 0;  // 0 = national
  std::string key;         // e.g. "feedback.answer_max"
  std::string value;       // "10", "15:00", "province"
  RuleUnit unit = RuleUnit::kText;
  Date effective_from;
  std::string legal_basis;
  std::string confidence;  // LEGAL.md's tags: V, S, M, I
};

// Immutable after construction; thread-safe to read.
class RuleBook {
 public:
  explicit RuleBook(std::vector<LegalRule> rules);

  // The version of `key` in force on `day` for `commune_id`: the commune's own row when it
  // has one in force, otherwise the national one. kNotFound when none is in force that day.
  Result<LegalRule> Lookup(const std::string& key, Date day, int64_t commune_id = 0) const;
  // As Lookup, for numeric rules; kFailedPrecondition when the value is not an integer.
  Result<int> LookupInt(const std::string& key, Date day, int64_t commune_id = 0) const;

  const std::vector<LegalRule>& rules() const { return rules_; }

 private:
  std::vector<LegalRule> rules_;  // sorted by key, commune, effective_from
};

// A new version must start after the last one of the same key and scope, have a known unit
// and a legal basis. kInvalidArgument with field errors otherwise.
Status ValidateNewVersion(const LegalRule& rule, const std::vector<LegalRule>& existing);

class RuleRepository {
 public:
  virtual ~RuleRepository() = default;
  virtual Result<std::vector<LegalRule>> LoadRules() = 0;
  // How many versions are stored: the book is append-only, so an unchanged count is an
  // unchanged book (CachedRuleRepository).
  virtual Result<int64_t> CountVersions() = 0;
  // Appends a version (rules are never edited in place, so old cases keep theirs).
  virtual Status AddVersion(const LegalRule& rule, const audit::AuditRecord& audit) = 0;
};

}  // namespace xaso::rules
