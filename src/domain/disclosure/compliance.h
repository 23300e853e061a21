// Whether each item met its obligations, and whether the commune published everything a
// recurring type asks for, counted on the legal calendar (weekends, Tết and the other days off
// with their compensation days). Pure functions of the records, the catalogue, the calendar
// and today's date: nothing here reads storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/calendar/legal_calendar.h"
#include "domain/disclosure/disclosure.h"
#include "domain/disclosure/disclosure_type.h"
#include "domain/disclosure/period.h"

namespace xaso::disclosure {

enum class FlagKind {
  kPublishedLate,    // first went out after the deadline
  kNotYetPublished,  // the deadline has passed and it has gone out nowhere
  kNoNoticeBoard,    // never posted at the headquarters, though the deadline has passed
  kPostingTooShort,  // a posting planned for fewer days than the rule (accepted, flagged)
  kTakenDownEarly,   // a posting taken down before the rule's days were up (or at all, when
                     // the type is permanent)
  kRadioMissing,     // a radio type with no radio entry, though the deadline has passed
  kRadioTooShort,    // radio for fewer consecutive days than the rule
};
std::string_view FlagCode(FlagKind k);  // "published_late", ... (i18n disclosure.staff.flag.<code>)

struct Flag {
  FlagKind kind = FlagKind::kPublishedLate;
  int64_t posting_id = 0;  // the posting concerned, 0 for item-level flags
  int days = 0;            // days late, or days posted or planned
  int required = 0;        // the rule's days
};

struct ItemCompliance {
  Date due;                          // the deadline to publish
  std::optional<Date> first_out;     // the earliest start over all channels (the portal too)
  std::optional<Date> posted_until;  // the day the legal posting window ends (none: permanent)
  std::vector<Flag> flags;
  bool on_time() const { return first_out && *first_out <= due; }
  bool ok() const { return flags.empty(); }
};

// The deadline of an item of `type`: decision_on + publish_within working days (or calendar
// days moved off a day off), or the same counted from the period's last day for a recurring
// type. nullopt when the item lacks what the count starts from.
std::optional<Date> DueDate(const Item& item, const DisclosureType& type,
                            const calendar::LegalCalendar& cal);

// Drafts and withdrawn items are checked like published ones: a draft past its deadline is
// kNotYetPublished. Checks that depend on time (not yet published, no notice board, radio
// missing) only fire once `today` is past the due date.
//
// The edge cases, decided here (ADR 0014):
// - first_out is the earliest start on any channel, the portal included; published on the due
//   day is on time. kPublishedLate.days = first_out - due, required = publish_within.
//   kNotYetPublished.days = today - due.
// - Only kNoticeBoard (the headquarters) satisfies kNoNoticeBoard: a village house or the
//   portal does not. It fires past the deadline even when the item went out nowhere (then with
//   kNotYetPublished), since the posting is a separate duty.
// - Posting length is checked on each notice-board and village-house posting (each place must
//   keep it up). kPostingTooShort uses the planned days (until - started_on + 1);
//   kTakenDownEarly uses the days it was actually up (taken_down_on - started_on), and fires
//   only when it came down before its own plan (a posting taken down the day after a short
//   plan is only kPostingTooShort). A posting with neither `until` nor `taken_down_on` is still
//   up: nothing to flag yet.
// - A permanent type (items 4, 13) is never too short; one of its postings taken down is
//   kTakenDownEarly (required 0) unless another posting on the same channel and village
//   started after it and by its take-down day (the sheet was replaced on change).
// - Radio: kRadioMissing past the deadline when the type needs radio and no entry exists.
//   Otherwise the longest radio entry counts (until - started_on + 1, or taken_down_on -
//   started_on without an `until`); kRadioTooShort names it when even that one is short. An
//   entry with neither is still on air and settles it.
// - posted_until = first_out + posting_days - 1; none for a permanent type or before first_out.
// - An item lacking its decision date or period (bad data: ValidateItem requires them) has
//   due = first_out (or today) and no time-based flags.
ItemCompliance CheckItem(const Item& item, const DisclosureType& type,
                         const calendar::LegalCalendar& cal, Date today);

// A recurring type's period with no item, whose deadline has passed.
struct MissingPeriod {
  std::string type_code;
  Period period;
  Date due;
};

struct TypeTally {
  std::string type_code;
  int items = 0;
  int on_time = 0;
  int late = 0;        // published late or not yet published past the deadline
  int with_flags = 0;  // any flag at all
};

struct CommuneCompliance {
  int year = 0;
  int items = 0;
  int on_time = 0;
  int with_flags = 0;
  std::vector<TypeTally> by_type;  // types with items or missing periods, by law item
  std::vector<MissingPeriod> missing;
  // The items counted, as CheckCommune decides: of `year`, not withdrawn, out or past due.
  std::vector<std::pair<int64_t, ItemCompliance>> checked;  // item id → its result
  // on_time / items, 0 when there are no items (the PAPI leading indicator).
  double OnTimeShare() const { return items == 0 ? 0.0 : static_cast<double>(on_time) / items; }
};

// Checks every item of `items` (one commune's, with their postings) whose year is `year`, and
// lists the periods ending in `year` of each recurring type in force that have no item and
// whose deadline is before `today`. An item whose type version cannot be found is skipped.
// Decided here: withdrawn items are left out (and do not cover their period: a withdrawn budget
// report must be replaced). A draft not yet due is work in progress and left out; a draft past
// its deadline counts, not on time. Each missing period counts as one item not on time (in
// `items`, `late` and `with_flags` of its type and of the commune), so that OnTimeShare falls
// when a quarter is skipped. A period needs the version in force on its last day: quarters
// that ended before a type existed are never missing.
CommuneCompliance CheckCommune(const std::vector<Item>& items, const TypeCatalogue& catalogue,
                               const calendar::LegalCalendar& cal, int year, Date today);

// The earliest start over all the item's postings (every channel, the portal too): the day it
// first went out. nullopt when it has no posting.
std::optional<Date> FirstOut(const Item& item);

// Days from `first` to `last`, both included.
struct DateSpan {
  Date first;
  Date last;
  bool Contains(Date d) const { return first <= d && d <= last; }
};

// The item's legal posting window: FirstOut to FirstOut + posting_days - 1 (posting days are
// inclusive). nullopt before the item went out, and for a permanent type or one without a
// posting length (no window ends). The one place the window is counted: compliance, the
// personal-data limit, the portal posting and the objection window all use it.
std::optional<DateSpan> PostingWindow(const Item& item, const DisclosureType& type);

// Whether the public may see `item` on `today`: published, and for a type with personal data
// only from its first posting until the end of its legal posting window (first_out +
// posting_days - 1). Staff see every item. A permanent type is never limited;
// a personal-data item with no posting at all is not public.
bool IsPublicOn(const Item& item, const DisclosureType& type, Date today);

// The earliest first day out (FirstOut) an item of a type in `codes` may have and still be
// public on `today` under IsPublicOn, over every version of those types: today + 1 - the longest
// posting window. nullopt when no such bound holds (a version without a window end is public
// for good). Lets storage narrow a read to the few lists that can be on the board today.
std::optional<Date> EarliestPublicFirstOut(const TypeCatalogue& catalogue,
                                           const std::vector<std::string>& codes, Date today);

}  // namespace xaso::disclosure
