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
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/onestop/timeliness.h"

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

// Kênh tiếp nhận: at the one-stop desk, online through the national or provincial portal (the
// dossier keeps that system's code), or by post (dịch vụ bưu chính công ích).
enum class DossierChannel { kDesk, kOnline, kPost };
std::string_view DossierChannelCode(DossierChannel c);
std::optional<DossierChannel> DossierChannelFromCode(std::string_view code);

// The applicant as form 01 names them. Only the name is required; the phone and address are
// kept for the appointment and never shown on the public side, which shows initials.
struct Applicant {
  std::string name;
  std::string phone;
  std::string address;
};

// A dossier as stored. The procedure's time limit is copied at receipt, so that a later edit
// of the catalogue does not move the dates of dossiers already received.
struct Dossier {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string code;  // mã hồ sơ: minted at the desk, or the portal's own
  std::string procedure_code;
  std::string procedure_name;
  std::string field;      // lĩnh vực, from the procedure
  std::string unit_code;  // the unit that handles it, from the procedure
  bool same_day = false;
  int working_days = 0;
  DossierChannel channel = DossierChannel::kDesk;
  Applicant applicant;
  std::vector<std::string> documents;  // thành phần hồ sơ received
  int64_t received_at = 0;             // Unix seconds
  Date due_on;                         // in force: moved by supplements and extensions
  Date first_due_on;                   // as on the receipt (form 01)
  DossierStatus status = DossierStatus::kReceived;
  std::optional<int64_t> assignee_id;  // the officer processing it
  std::optional<int64_t> finished_at;  // when the result was ready
  std::optional<int64_t> returned_at;  // when the result was handed over
  int extensions = 0;                  // form 04 letters issued
  std::optional<Satisfaction> satisfaction;
  std::string satisfaction_comment;
  // Mã đánh giá: printed on the receipt (form 01), asked for by the public rating form, so that
  // only the applicant rates (codes are predictable; ADR 0009).
  std::string rating_pin;
  int64_t version = 0;
};

// The length of a rating code, in core::kPlainAlphabet characters.
inline constexpr size_t kRatingPinLength = 8;

// Where `d` stands for the statistics at `now`: finished early, on time or late once its result
// is ready; within time or overdue while its clock runs; nullopt while it waits for the
// applicant's supplement, and when refused or stopped.
std::optional<Timeliness> TimelinessOf(const Dossier& d, int64_t now);

// Whether `code` can be a dossier code: 5-60 ASCII letters, digits, '.', '-', '_'. The
// portals' codes look like "000.00.21.H31-261127-0001".
bool IsDossierCode(std::string_view code);

// The code of a dossier received at the desk, in the portals' shape: the commune's agency code
// (mã định danh điện tử, QĐ 20/2020/QĐ-TTg), the day of receipt as yymmdd and a 4-digit (or
// longer) sequence of that day: "000.00.21.H31-261127-0001".
std::string MintDossierCode(std::string_view agency_code, Date day, int64_t sequence);

// "Nguyễn Văn An" → "N.V.A.": what the public lookup shows of the applicant. Empty for a name
// without letters.
std::string Initials(std::string_view name);

// kInvalidArgument with field errors: a missing or over-long applicant name (200), phone (20)
// or address (500); a blank or over-long document (500), or more than 50; no document received
// at the desk or by post (an online dossier's documents are on the portal, whose exports often
// leave them out).
Status ValidateIntake(const Applicant& a, const std::vector<std::string>& documents,
                      DossierChannel channel);

}  // namespace xaso::onestop
