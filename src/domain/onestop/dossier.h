// A dossier (hồ sơ) of the one-stop shop and the steps it goes through, with the forms of
// TT 03/2025/TT-VPCP that mark them (LEGAL.md §7.1; form numbers in docs/glossary.md):
//
//   received (01) → assigned → processing ⇄ supplement_requested (02) → result_ready → returned
//   received | processing → refused (03)
//   received | assigned | processing | supplement_requested → stopped (05, applicant's request)
//
// A late dossier's apology and extension (04) changes its due date, not its status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace xaso::onestop {

enum class DossierStatus {
  kReceived,
  kAssigned,
  kProcessing,
  kSupplementRequested,
  kResultReady,
  kReturned,
  kRefused,
  kStopped,
};
std::string_view DossierStatusCode(DossierStatus s);
std::optional<DossierStatus> DossierStatusFromCode(std::string_view code);

// Whether `from` may move to `to` in the workflow above. Staying in a status is not a move.
bool CanMove(DossierStatus from, DossierStatus to);

// Returned, refused and stopped dossiers take no further step.
bool IsClosed(DossierStatus s);

// Mức độ hài lòng of the applicant's anonymous evaluation (LEGAL.md §7.1 [M]).
enum class Satisfaction { kVerySatisfied, kSatisfied, kNotSatisfied };
std::string_view SatisfactionCode(Satisfaction s);
std::optional<Satisfaction> SatisfactionFromCode(std::string_view code);

// Form 04: the apology and the new date a dossier that will be late is given.
struct Extension {
  int64_t issued_at = 0;  // Unix seconds
  Date new_due_on;
  std::string reason;
};

// The limits on form 04, from the rule book in force when the dossier was received, so that
// they can change with the law without a code change (see docs/decisions/0008).
struct ExtensionRule {
  // The letter must be issued at least this many calendar days before the due date; 0 allows it
  // on the due date itself. NĐ 61/2018 asked for 1 day [M]; NĐ 118/2025 was not read.
  int notice_days = 0;
  // How many extensions a dossier may have; 0 = no limit. NĐ 61/2018 allowed one [M].
  int max_extensions = 0;
};

// Whether `ext` may be issued for a dossier in `status`, due on `due_on` (the date in force,
// already moved by any earlier extension), which has had `extensions_so_far` extensions.
// - kFailedPrecondition when the dossier is closed or its result is ready, when the letter comes
//   after the due date (less than rule.notice_days before it), or when the limit is used up;
//   the message says why in Vietnamese.
// - kInvalidArgument with field errors for a new date not later than `due_on` ("new_due_on")
//   and a reason missing or over 2,000 characters ("reason").
Status ValidateExtension(const Extension& ext, DossierStatus status, Date due_on,
                         int extensions_so_far, const ExtensionRule& rule);

}  // namespace xaso::onestop
