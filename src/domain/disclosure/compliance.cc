#include "domain/disclosure/compliance.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/code_table.h"

namespace xaso::disclosure {
namespace {

constexpr std::pair<FlagKind, std::string_view> kFlags[] = {
    {FlagKind::kPublishedLate, "published_late"},
    {FlagKind::kNotYetPublished, "not_yet_published"},
    {FlagKind::kNoNoticeBoard, "no_notice_board"},
    {FlagKind::kPostingTooShort, "posting_too_short"},
    {FlagKind::kTakenDownEarly, "taken_down_early"},
    {FlagKind::kRadioMissing, "radio_missing"},
    {FlagKind::kRadioTooShort, "radio_too_short"},
};

int DaysFrom(Date from, Date to) { return static_cast<int>(to.days() - from.days()); }

// Days planned: the start and `until` both count.
std::optional<int> PlannedDays(const Posting& p) {
  if (!p.until) return std::nullopt;
  return DaysFrom(p.started_on, *p.until) + 1;
}

// A permanent posting that came down is fine when another posting on the same board took over
// by that day: "updated on change" (Art 13(2)) means replacing the sheet, not a gap.
bool ReplacedInTime(const Item& item, const Posting& down) {
  return std::any_of(item.postings.begin(), item.postings.end(), [&](const Posting& p) {
    return &p != &down && p.channel == down.channel && p.village_id == down.village_id &&
           p.started_on > down.started_on && p.started_on <= *down.taken_down_on &&
           (!p.taken_down_on || *p.taken_down_on > *down.taken_down_on);
  });
}

void CheckPosting(const Item& item, const Posting& p, const DisclosureType& type,
                  std::vector<Flag>& flags) {
  if (type.permanent) {
    if (p.taken_down_on && !ReplacedInTime(item, p)) {
      flags.push_back(
          {FlagKind::kTakenDownEarly, p.id, DaysFrom(p.started_on, *p.taken_down_on), 0});
    }
    return;
  }
  const std::optional<int> planned = PlannedDays(p);
  if (planned && *planned < type.posting_days) {
    flags.push_back({FlagKind::kPostingTooShort, p.id, *planned, type.posting_days});
  }
  if (p.taken_down_on) {
    const int actual = DaysFrom(p.started_on, *p.taken_down_on);
    // Coming down the day after a short plan is that plan (already flagged), not an early end.
    const bool before_plan = !p.until || *p.taken_down_on <= *p.until;
    if (actual < type.posting_days && before_plan) {
      flags.push_back({FlagKind::kTakenDownEarly, p.id, actual, type.posting_days});
    }
  }
}

void CheckRadio(const Item& item, const DisclosureType& type, bool past_due,
                std::vector<Flag>& flags) {
  if (type.radio_days <= 0) return;
  const Posting* longest = nullptr;
  int longest_days = 0;
  bool any = false;
  for (const Posting& p : item.postings) {
    if (p.channel != Channel::kRadio) continue;
    any = true;
    std::optional<int> days = PlannedDays(p);
    if (!days && p.taken_down_on) days = DaysFrom(p.started_on, *p.taken_down_on);
    if (!days) return;  // still on air: not (yet) too short
    if (!longest || *days > longest_days) {
      longest = &p;
      longest_days = *days;
    }
  }
  if (!any) {
    if (past_due) flags.push_back({FlagKind::kRadioMissing, 0, 0, type.radio_days});
    return;
  }
  if (longest_days < type.radio_days) {
    flags.push_back({FlagKind::kRadioTooShort, longest->id, longest_days, type.radio_days});
  }
}

struct TallyKey {
  int law_item;
  std::string code;
  // clang-tidy 14 misreads the defaulted comparison as a literal 0.
  auto operator<=>(const TallyKey&) const = default;  // NOLINT(modernize-use-nullptr)
};

}  // namespace

std::optional<Date> FirstOut(const Item& item) {
  std::optional<Date> first;
  for (const Posting& p : item.postings) {
    if (!first || p.started_on < *first) first = p.started_on;
  }
  return first;
}

std::optional<DateSpan> PostingWindow(const Item& item, const DisclosureType& type) {
  const std::optional<Date> first = FirstOut(item);
  if (!first || type.permanent || type.posting_days < 1) return std::nullopt;
  return DateSpan{.first = *first, .last = first->AddDays(type.posting_days - 1)};
}

std::string_view FlagCode(FlagKind k) { return ToCode(kFlags, k); }

std::optional<Date> DueDate(const Item& item, const DisclosureType& type,
                            const calendar::LegalCalendar& cal) {
  std::optional<Date> start;
  if (type.recurrence == Recurrence::kNone) {
    start = item.decision_on;
  } else if (auto period = ParsePeriod(item.period_key)) {
    start = period->last;
  }
  if (!start) return std::nullopt;
  if (type.publish_unit == DeadlineUnit::kWorkingDays) {
    return cal.AddWorkingDays(*start, type.publish_within);
  }
  return cal.CalendarDaysDeadline(*start, type.publish_within);
}

ItemCompliance CheckItem(const Item& item, const DisclosureType& type,
                         const calendar::LegalCalendar& cal, Date today) {
  ItemCompliance out;
  const std::optional<Date> due = DueDate(item, type, cal);
  out.first_out = FirstOut(item);
  // An item that cannot be dated (bad data: validation requires the date) is never late.
  out.due = due.value_or(out.first_out.value_or(today));
  const bool past_due = due && today > *due;
  if (const auto window = PostingWindow(item, type)) out.posted_until = window->last;

  if (out.first_out && *out.first_out > out.due) {
    out.flags.push_back(
        {FlagKind::kPublishedLate, 0, DaysFrom(out.due, *out.first_out), type.publish_within});
  }
  if (!out.first_out && past_due) {
    out.flags.push_back(
        {FlagKind::kNotYetPublished, 0, DaysFrom(out.due, today), type.publish_within});
  }
  const bool on_board =
      std::any_of(item.postings.begin(), item.postings.end(),
                  [](const Posting& p) { return p.channel == Channel::kNoticeBoard; });
  if (!on_board && past_due) {
    out.flags.push_back({FlagKind::kNoNoticeBoard, 0, 0, type.posting_days});
  }
  for (const Posting& p : item.postings) {
    if (IsPosting(p.channel)) CheckPosting(item, p, type, out.flags);
  }
  CheckRadio(item, type, past_due, out.flags);
  return out;
}

CommuneCompliance CheckCommune(const std::vector<Item>& items, const TypeCatalogue& catalogue,
                               const calendar::LegalCalendar& cal, int year, Date today) {
  CommuneCompliance out;
  out.year = year;
  std::map<TallyKey, TypeTally> tallies;
  std::set<std::pair<std::string, std::string>> covered;  // (type code, period key)

  auto tally_for = [&](const DisclosureType& type) -> TypeTally& {
    TypeTally& t = tallies[{type.law_item, type.code}];
    t.type_code = type.code;
    return t;
  };

  for (const Item& item : items) {
    if (item.year != year || item.status == ItemStatus::kWithdrawn) continue;
    const DisclosureType* type = catalogue.Find(item.type_code, item.type_effective_from);
    if (!type) continue;
    if (!item.period_key.empty()) covered.emplace(item.type_code, item.period_key);
    ItemCompliance c = CheckItem(item, *type, cal, today);
    // A draft still inside its deadline is work in progress, not a result.
    if (!c.first_out && today <= c.due) continue;
    TypeTally& t = tally_for(*type);
    ++t.items;
    ++out.items;
    if (c.on_time()) {
      ++t.on_time;
      ++out.on_time;
    } else {
      ++t.late;
    }
    if (!c.ok()) {
      ++t.with_flags;
      ++out.with_flags;
    }
    out.checked.emplace_back(item.id, std::move(c));
  }

  std::set<std::string> codes;
  for (const DisclosureType& v : catalogue.versions()) codes.insert(v.code);
  for (const std::string& code : codes) {
    // The periods follow the newest version's recurrence; each period keeps its own version.
    const DisclosureType* newest = catalogue.Find(code, Date::FromYmd(year, 12, 31));
    if (!newest || newest->recurrence == Recurrence::kNone) continue;
    for (const Period& period : PeriodsEndingIn(newest->recurrence, year)) {
      if (covered.count({code, period.key})) continue;
      const DisclosureType* type = catalogue.Find(code, period.last);
      if (!type || type->recurrence == Recurrence::kNone) continue;
      Item probe;
      probe.period_key = period.key;
      const std::optional<Date> due = DueDate(probe, *type, cal);
      if (!due || !(*due < today)) continue;
      out.missing.push_back({code, period, *due});
      TypeTally& t = tally_for(*type);
      ++t.items;
      ++t.late;
      ++t.with_flags;
      ++out.items;
      ++out.with_flags;
    }
  }
  std::sort(out.missing.begin(), out.missing.end(),
            [](const MissingPeriod& a, const MissingPeriod& b) {
              return std::tie(a.due, a.type_code) < std::tie(b.due, b.type_code);
            });
  for (auto& [key, t] : tallies) out.by_type.push_back(std::move(t));
  return out;
}

bool IsPublicOn(const Item& item, const DisclosureType& type, Date today) {
  if (item.status != ItemStatus::kPublished) return false;
  if (!type.personal_data || type.permanent) return true;
  const std::optional<DateSpan> window = PostingWindow(item, type);
  return window && window->Contains(today);
}

std::optional<Date> EarliestPublicFirstOut(const TypeCatalogue& catalogue,
                                           const std::vector<std::string>& codes, Date today) {
  int longest = 0;
  for (const DisclosureType& t : catalogue.versions()) {
    if (std::find(codes.begin(), codes.end(), t.code) == codes.end()) continue;
    if (!t.personal_data || t.permanent) return std::nullopt;
    longest = std::max(longest, t.posting_days);  // a version without days is never public
  }
  return today.AddDays(1 - std::max(longest, 1));
}

}  // namespace xaso::disclosure
