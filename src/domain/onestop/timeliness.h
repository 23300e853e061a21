// Whether a dossier is dealt with in time, for the register (form 07), the statistics and the
// timeliness component of the QĐ 766/QĐ-TTg service index (LEGAL.md §7.1, §7.2). Everything is
// by day in Vietnam time: a result on the due date is on time, whatever the hour.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/date.h"

namespace xaso::onestop {

// Finished: trước hạn / đúng hạn / quá hạn. Unfinished: trong hạn / quá hạn.
enum class Timeliness { kEarly, kOnTime, kLate, kWithinTime, kOverdue };
std::string_view TimelinessCode(Timeliness t);

// A finished dossier (its result ready at `finished_at`, Unix seconds) due on `due_on`: early
// when finished on an earlier day, on time on the due date, late after it.
Timeliness ClassifyFinished(Date due_on, int64_t finished_at);

// A dossier still being processed, due on `due_on`, at `now`: within time up to the end of the
// due date, overdue from the next day. A dossier waiting for the applicant's supplement has no
// running clock (DueAfterSupplements) and is not classified until the applicant comes back.
Timeliness ClassifyUnfinished(Date due_on, int64_t now);

// Counts of finished dossiers by timeliness.
struct FinishedCounts {
  int64_t early = 0;
  int64_t on_time = 0;
  int64_t late = 0;

  int64_t finished() const { return early + on_time + late; }
};

// The maximum of group 2 "Tiến độ giải quyết" of the 766 index (LEGAL.md §7.2 [S]).
inline constexpr double kTimelinessMaxPoints = 20.0;

// Points of the timeliness component: (early + on time) ÷ finished × 20, as issue 5 defines it
// (LEGAL.md §7.2 reports one implementation dividing by received instead; see ADR 0008).
// nullopt when nothing is finished: no dossier, no score (neither 0 nor 20).
std::optional<double> TimelinessPoints(const FinishedCounts& c);

}  // namespace xaso::onestop
