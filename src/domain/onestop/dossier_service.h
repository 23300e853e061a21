// Dossiers of the one-stop shop (issue 5, part 2): intake at the desk or from a portal, with
// the due date from the procedure's time limit, the legal calendar and the rules in force on the
// day of receipt; the steps, with the supplement clock and the timeliness of the result; the
// apology and extension (form 04) under the dated rules; the applicant's evaluation.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/random_source.h"
#include "domain/calendar/calendar_service.h"
#include "domain/identity/identity.h"
#include "domain/onestop/deadline.h"
#include "domain/onestop/dossier_repository.h"
#include "domain/onestop/procedure_repository.h"
#include "domain/rules/rule_book.h"

namespace xaso::onestop {

// The rule book's keys (migrations/0003_rules.sql, 0013_onestop_dossier.sql).
inline constexpr const char* kSameDayCutoffRule = "one_stop.same_day_cutoff";
inline constexpr const char* kExtensionNoticeRule = "one_stop.extension_notice_min";
inline constexpr const char* kExtensionMaxRule = "one_stop.extension_max";

// A dossier to receive. At the desk `code` and `received_at` are empty (the code is minted,
// the time is now); a dossier imported from a portal brings both.
struct Intake {
  int64_t commune_id = 0;
  std::string procedure_code;
  DossierChannel channel = DossierChannel::kDesk;
  Applicant applicant;
  std::vector<std::string> documents;
  std::string code;
  std::optional<int64_t> received_at;
};

class DossierService {
 public:
  DossierService(DossierRepository& dossiers, ProcedureRepository& procedures,
                 rules::RuleRepository& rules, calendar::CalendarService& calendar,
                 const Clock& clock, RandomSource random);

  // The stored dossier, with its code, due date and a new rating code. kInvalidArgument with field
  // errors for an unknown procedure ("procedure"), a bad applicant or document list
  // (ValidateIntake), a malformed imported code ("code") or a receipt time in the future
  // ("received_at"); kAlreadyExists (field "code") when the commune already has the imported
  // dossier (same code, procedure and time of receipt); kFailedPrecondition (field "code") when the
  // code belongs to another of its dossiers. `agency_code` is the commune's, for minting desk
  // codes.
  Result<Dossier> Receive(const Intake& in, const std::string& agency_code,
                          const audit::AuditRecord& rec);

  // Applies `step` to `current` (as the person acting saw it): a supplement request needs its
  // missing items, a refusal and a stop their reason (kInvalidArgument, fields "missing",
  // "note"); back from a supplement the due date moves by DueAfterSupplements. Then
  // DossierRepository::Move's errors (kAborted when another was first).
  Result<Dossier> Move(const Dossier& current, Step step, const audit::AuditRecord& rec);

  // Issues form 04 for `current`, dated now, under the extension rules in force on the day of
  // receipt (ValidateExtension's errors), then DossierRepository::Extend's.
  Result<Dossier> Extend(const Dossier& current, Extension ext, const audit::AuditRecord& rec);

  // The statistics for `f`, unfinished dossiers judged against today.
  Result<Statistics> LoadStatistics(const StatisticsFilter& f);

  // Whether `who` may take steps on `d`: the commune's clerk, leader and admin on any dossier;
  // an officer on the dossiers assigned to him.
  static bool CanHandle(const identity::Account& who, const Dossier& d);

 private:
  Result<SameDayCutoff> CutoffOn(Date day, int64_t commune_id);
  Result<Date> DueBackFromSupplement(const Dossier& current);

  DossierRepository& dossiers_;
  ProcedureRepository& procedures_;
  rules::RuleRepository& rules_;
  calendar::CalendarService& calendar_;
  const Clock& clock_;
  RandomSource random_;
};

}  // namespace xaso::onestop
