#include "domain/disclosure/disclosure_testing.h"

#include "domain/calendar/calendar_testing.h"
#include "domain/disclosure/disclosure_type.h"
#include "domain/disclosure/period.h"

namespace xaso::disclosure::testing {

using calendar::testing::D;

Result<std::vector<calendar::HolidayRule>> SeedCalendarRepository::LoadHolidayRules() {
  return calendar::testing::SeedRules();
}
Result<std::vector<calendar::CalendarOverride>> SeedCalendarRepository::LoadOverrides(int64_t) {
  return calendar::testing::SeedOverrides();
}
Status SeedCalendarRepository::SaveOverride(int64_t, const calendar::CalendarOverride&,
                                            const audit::AuditRecord&) {
  return MakeError(ErrorCode::kInternal, "read-only calendar");
}
Status SeedCalendarRepository::DeleteOverride(int64_t, Date, const audit::AuditRecord&) {
  return MakeError(ErrorCode::kInternal, "read-only calendar");
}

Posting MakePosting(int64_t id, Channel channel, std::string_view start,
                    std::optional<std::string_view> until, std::optional<std::string_view> down) {
  Posting p;
  p.id = id;
  p.channel = channel;
  p.started_on = D(start);
  if (until) p.until = D(*until);
  if (down) p.taken_down_on = D(*down);
  return p;
}

namespace {

Item Published(std::string type_code, Date reference) {
  Item item;
  item.id = 1;
  item.commune_id = 1;
  item.type_code = std::move(type_code);
  const DisclosureType* type = DefaultCatalogue().Find(item.type_code, reference);
  if (type) item.type_effective_from = type->effective_from;
  item.title = "Mục thử";
  item.year = reference.year();
  item.status = ItemStatus::kPublished;
  return item;
}

}  // namespace

Item DecisionItem(std::string type_code, std::string_view decision_on) {
  Item item = Published(std::move(type_code), D(decision_on));
  item.decision_on = D(decision_on);
  return item;
}

Item PeriodItem(std::string type_code, std::string period_key) {
  const auto period = ParsePeriod(period_key);
  Item item = Published(std::move(type_code), period ? period->last : Date());
  item.period_key = std::move(period_key);
  return item;
}

}  // namespace xaso::disclosure::testing
