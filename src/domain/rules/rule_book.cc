#include "domain/rules/rule_book.h"

#include <algorithm>
#include <charconv>

namespace xaso::rules {

namespace {
struct UnitName {
  RuleUnit unit;
  const char* code;
};
constexpr UnitName kUnits[] = {
    {RuleUnit::kWorkingDays, "working_days"},
    {RuleUnit::kCalendarDays, "calendar_days"},
    {RuleUnit::kDays, "days"},
    {RuleUnit::kShare, "share"},
    {RuleUnit::kCount, "count"},
    {RuleUnit::kText, "text"},
};
}  // namespace

std::optional<RuleUnit> ParseRuleUnit(std::string_view code) {
  for (const auto& u : kUnits) {
    if (code == u.code) return u.unit;
  }
  return std::nullopt;
}

const char* RuleUnitCode(RuleUnit unit) {
  for (const auto& u : kUnits) {
    if (u.unit == unit) return u.code;
  }
  return "text";
}

RuleBook::RuleBook(std::vector<LegalRule> rules) : rules_(std::move(rules)) {
  std::sort(rules_.begin(), rules_.end(), [](const LegalRule& a, const LegalRule& b) {
    return std::tie(a.key, a.commune_id, a.effective_from) <
           std::tie(b.key, b.commune_id, b.effective_from);
  });
}

Result<LegalRule> RuleBook::Lookup(const std::string& key, Date day, int64_t commune_id) const {
  const LegalRule* national = nullptr;
  const LegalRule* local = nullptr;
  for (const LegalRule& r : rules_) {
    if (r.key != key || r.effective_from > day) continue;
    // Sorted by effective_from, so the last match of a scope is the version in force.
    if (r.commune_id == 0) national = &r;
    if (commune_id != 0 && r.commune_id == commune_id) local = &r;
  }
  if (local) return *local;
  if (national) return *national;
  return MakeError(ErrorCode::kNotFound, "no rule " + key + " in force on " + day.ToIso());
}

Result<int> RuleBook::LookupInt(const std::string& key, Date day, int64_t commune_id) const {
  XASO_ASSIGN_OR_RETURN(LegalRule r, Lookup(key, day, commune_id));
  int v = 0;
  auto [p, ec] = std::from_chars(r.value.data(), r.value.data() + r.value.size(), v);
  if (ec != std::errc() || p != r.value.data() + r.value.size()) {
    return MakeError(ErrorCode::kFailedPrecondition, "rule " + key + " is not a number");
  }
  return v;
}

Status ValidateNewVersion(const LegalRule& rule, const std::vector<LegalRule>& existing) {
  Error e{ErrorCode::kInvalidArgument, "Phiên bản quy định không hợp lệ.", {}};
  if (rule.key.empty()) e.fields.push_back({"key", "Cần mã quy định."});
  if (rule.value.empty()) e.fields.push_back({"value", "Cần giá trị."});
  if (rule.legal_basis.empty()) e.fields.push_back({"legal_basis", "Cần căn cứ pháp lý."});
  if (rule.confidence != "V" && rule.confidence != "S" && rule.confidence != "M" &&
      rule.confidence != "I") {
    e.fields.push_back({"confidence", "Mức tin cậy là V, S, M hoặc I."});
  }
  for (const LegalRule& r : existing) {
    if (r.key == rule.key && r.commune_id == rule.commune_id &&
        r.effective_from >= rule.effective_from) {
      e.fields.push_back({"effective_from", "Phải sau ngày hiệu lực của phiên bản trước (" +
                                                r.effective_from.ToVi() + ")."});
      break;
    }
  }
  if (!e.fields.empty()) return e;
  return Ok{};
}

}  // namespace xaso::rules
