// The kinds of information the law makes a commune publish (Luật THDCCS 10/2022/QH15 Art 11,
// LEGAL.md §2.1 items 1–14), each a dated row of data/disclosure/types.csv: a later version of
// a type takes over from its effective_from, and an item keeps the version in force on the day
// its obligation arose (the decision date, or the end of its period for a recurring type).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace xaso::disclosure {

// How often a type falls due without a decision to start it.
enum class Recurrence {
  kNone,       // once per decision or document
  kQuarterly,  // each quarter, due `publish_within` after the quarter ends (budget execution)
  kYearly,     // each calendar year, due `publish_within` after 31/12
};
std::optional<Recurrence> ParseRecurrence(std::string_view code);  // "none", "quarterly", ...
std::string_view RecurrenceCode(Recurrence r);

enum class DeadlineUnit { kWorkingDays, kCalendarDays };

// What the type's items carry beyond title, text and files.
enum class Structure {
  kNone,
  kBudget,         // revenue and spending lines (LEGAL.md §10)
  kHouseholdList,  // the poor-household review list (LEGAL.md §9)
};
std::optional<Structure> ParseStructure(std::string_view code);  // "none", "budget", "households"
std::string_view StructureCode(Structure s);

struct DisclosureType {
  std::string code;     // "budget_execution"; a-z, 0-9 and '_'
  int law_item = 0;     // 1–14 of LEGAL.md §2.1; 0 for a type outside Art 11 (the quarterly log)
  std::string name_vi;  // "Tình hình thực hiện dự toán ngân sách xã"
  std::string name_en;
  Date effective_from;
  std::string legal_basis;  // "Luật THDCCS 10/2022/QH15, Điều 11(2); TT 343/2016/TT-BTC, Điều 17"
  std::string confidence;  // LEGAL.md's tags: V, S, M, I
  // The minimum consecutive days on the notice boards; 0 when `permanent`.
  int posting_days = 30;
  bool permanent = false;  // items 4 and 13: posted for good and updated on change
  int radio_days = 0;      // minimum consecutive days on the commune radio; 0 = not required
  // The deadline to publish: counted from the decision date, or from the last day of the
  // period for a recurring type.
  int publish_within = 5;
  DeadlineUnit publish_unit = DeadlineUnit::kWorkingDays;
  Recurrence recurrence = Recurrence::kNone;
  // The list names people (beneficiaries, households): public only during its legal posting
  // window, then visible to staff alone, and never offered to search engines (LEGAL.md §11).
  bool personal_data = false;
  Structure structure = Structure::kNone;
};

// The versions of every type. Immutable after construction; thread-safe to read.
class TypeCatalogue {
 public:
  explicit TypeCatalogue(std::vector<DisclosureType> versions);

  // The version of `code` in force on `day`; nullptr when the code is unknown or none of its
  // versions has started by then.
  const DisclosureType* Find(std::string_view code, Date day) const;
  // The newest version of each code in force on `day`, by law_item then code.
  std::vector<const DisclosureType*> InForce(Date day) const;
  const std::vector<DisclosureType>& versions() const { return versions_; }

 private:
  std::vector<DisclosureType> versions_;  // sorted by code, then effective_from
};

// Parses types.csv (header: code,law_item,name_vi,name_en,effective_from,legal_basis,
// confidence,posting_days,permanent,radio_days,publish_within,publish_unit,recurrence,
// personal_data,structure). kInvalidArgument naming the line and column of the first problem:
// an unknown unit, recurrence or structure, a bad date, a duplicate (code, effective_from),
// posting_days < 1 on a type that is not permanent, a recurring type with working days.
Result<std::vector<DisclosureType>> ParseTypes(std::string_view csv);

// The catalogue compiled in from data/disclosure/types.csv. Aborts at start-up if the embedded
// file does not parse (a build error, caught by the unit tests).
const TypeCatalogue& DefaultCatalogue();

}  // namespace xaso::disclosure
