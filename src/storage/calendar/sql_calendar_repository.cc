#include "storage/calendar/sql_calendar_repository.h"

#include <ctime>
#include <map>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/row_util.h"

namespace xaso::storage {

using calendar::CalendarOverride;
using calendar::HolidayRule;

Result<std::vector<HolidayRule>> SqlCalendarRepository::LoadHolidayRules() {
  std::vector<HolidayRule> out;
  bool bad = false;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT rule_key, kind, anchor_month, anchor_day, length_days, "
                      "days_before, effective_from, effective_to, name_vi, name_en, legal_basis, "
                      "confidence, compensate_on_rest_day FROM holiday_rule "
                      "WHERE commune_id IS NULL ORDER BY rule_key, effective_from");
    for (const soci::row& r : rows) {
      HolidayRule h;
      h.key = RowText(r, 0);
      auto kind = calendar::ParseRuleKind(RowText(r, 1));
      auto from = Date::ParseIso(RowText(r, 6));
      auto conf = calendar::ParseConfidenceTag(RowText(r, 11));
      if (!kind || !from || !conf) {
        bad = true;
        continue;
      }
      h.kind = *kind;
      h.month = static_cast<int>(RowInt(r, 2));
      h.day = static_cast<int>(RowInt(r, 3));
      h.length_days = static_cast<int>(RowInt(r, 4));
      h.days_before = static_cast<int>(RowInt(r, 5));
      h.effective_from = *from;
      if (r.get_indicator(7) != soci::i_null) h.effective_to = Date::ParseIso(RowText(r, 7));
      h.name_vi = RowText(r, 8);
      h.name_en = RowText(r, 9);
      h.legal_basis = RowText(r, 10);
      h.confidence = *conf;
      h.compensate_on_rest_day = RowInt(r, 12) != 0;
      out.push_back(std::move(h));
    }
    return Ok{};
  }));
  if (bad) return MakeError(ErrorCode::kInternal, "a holiday_rule row cannot be read");
  return out;
}

Result<std::vector<CalendarOverride>> SqlCalendarRepository::LoadOverrides(int64_t commune_id) {
  std::map<long, CalendarOverride> by_day;
  bool bad = false;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long c = commune_id;
    // National rows first, so that the commune's own row of the same day replaces them.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT day, kind, name_vi, legal_basis FROM calendar_override "
                      "WHERE commune_id = 0 OR commune_id = :c ORDER BY commune_id, day",
         soci::use(c));
    for (const soci::row& r : rows) {
      auto day = Date::ParseIso(RowText(r, 0));
      auto kind = calendar::ParseOverrideKind(RowText(r, 1));
      if (!day || !kind) {
        bad = true;
        continue;
      }
      by_day[day->days()] = CalendarOverride{*day, *kind, RowText(r, 2), RowText(r, 3)};
    }
    return Ok{};
  }));
  if (bad) return MakeError(ErrorCode::kInternal, "a calendar_override row cannot be read");
  std::vector<CalendarOverride> out;
  out.reserve(by_day.size());
  for (auto& [d, o] : by_day) out.push_back(std::move(o));
  return out;
}

Status SqlCalendarRepository::SaveOverride(int64_t commune_id, const CalendarOverride& o,
                                           const audit::AuditRecord& audit) {
  XASO_RETURN_IF_ERROR(calendar::ValidateOverride(o));
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id;
    const std::string day = o.date.ToIso();
    const std::string kind = calendar::OverrideKindName(o.kind);
    s << "DELETE FROM calendar_override WHERE commune_id = :c AND day = :d", soci::use(c),
        soci::use(day);
    s << "INSERT INTO calendar_override (commune_id, day, kind, name_vi, legal_basis) "
         "VALUES (:c, :d, :k, :n, :b)",
        soci::use(c), soci::use(day), soci::use(kind), soci::use(o.name_vi),
        soci::use(o.legal_basis);
    audit::AuditRecord a = audit;
    a.commune_id = commune_id;
    a.entity = "calendar_override";
    a.entity_id = day;
    a.action = "save";
    a.summary = kind + ": " + o.name_vi;
    AppendAudit(s, a, std::time(nullptr));
    return Ok{};
  });
}

Status SqlCalendarRepository::DeleteOverride(int64_t commune_id, Date day,
                                             const audit::AuditRecord& audit) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id;
    const std::string d = day.ToIso();
    soci::statement st = (s.prepare << "DELETE FROM calendar_override WHERE commune_id = :c "
                                       "AND day = :d",
                          soci::use(c), soci::use(d));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return MakeError(ErrorCode::kNotFound, "Không có ngày điều chỉnh này.");
    }
    audit::AuditRecord a = audit;
    a.commune_id = commune_id;
    a.entity = "calendar_override";
    a.entity_id = d;
    a.action = "delete";
    a.summary = "override removed";
    AppendAudit(s, a, std::time(nullptr));
    return Ok{};
  });
}

}  // namespace xaso::storage
