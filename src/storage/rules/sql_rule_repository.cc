#include "storage/rules/sql_rule_repository.h"

#include <ctime>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/row_util.h"

namespace xaso::storage {

Result<std::vector<rules::LegalRule>> SqlRuleRepository::LoadRules() {
  std::vector<rules::LegalRule> out;
  bool bad = false;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT commune_id, rule_key, value, unit, effective_from, legal_basis, "
                      "confidence FROM legal_rule ORDER BY rule_key, commune_id, effective_from");
    for (const soci::row& r : rows) {
      auto unit = rules::ParseRuleUnit(RowText(r, 3));
      auto from = Date::ParseIso(RowText(r, 4));
      if (!unit || !from) {
        bad = true;
        continue;
      }
      out.push_back(
          {RowInt(r, 0), RowText(r, 1), RowText(r, 2), *unit, *from, RowText(r, 5), RowText(r, 6)});
    }
    return Ok{};
  }));
  if (bad) return MakeError(ErrorCode::kInternal, "a legal_rule row cannot be read");
  return out;
}

Result<int64_t> SqlRuleRepository::CountVersions() {
  long long n = 0;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    s << "SELECT COUNT(*) FROM legal_rule", soci::into(n);
    return Ok{};
  }));
  return static_cast<int64_t>(n);
}

Status SqlRuleRepository::AddVersion(const rules::LegalRule& rule,
                                     const audit::AuditRecord& audit) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = rule.commune_id;
    const std::string unit = rules::RuleUnitCode(rule.unit), from = rule.effective_from.ToIso();
    s << "INSERT INTO legal_rule (commune_id, rule_key, value, unit, effective_from, "
         "legal_basis, confidence) VALUES (:c, :k, :v, :u, :f, :b, :n)",
        soci::use(c), soci::use(rule.key), soci::use(rule.value), soci::use(unit), soci::use(from),
        soci::use(rule.legal_basis), soci::use(rule.confidence);
    audit::AuditRecord a = audit;
    a.entity = "legal_rule";
    a.entity_id = rule.key;
    a.action = "add_version";
    a.summary = rule.value + " " + unit + " from " + from + " (" + rule.legal_basis + ")";
    AppendAudit(s, a, std::time(nullptr));
    return Ok{};
  });
}

}  // namespace xaso::storage
