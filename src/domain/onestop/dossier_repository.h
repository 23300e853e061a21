// The storage port of dossiers. Scoped by commune. Every change appends to the dossier's
// process-control sheet (form 06), which is never overwritten, keeps the statistics counts and
// writes its audit entry, all in the change's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/onestop/dossier.h"
#include "domain/onestop/dossier_statistics.h"

namespace xaso::onestop {

// One step of a dossier (DossierService::Move fills the new due date).
struct Step {
  int64_t version = 0;  // the version the person acting saw
  DossierStatus to = DossierStatus::kAssigned;
  std::optional<int64_t> assignee_id;  // kAssigned: the officer
  std::string note;                    // the reason (03, 05), the guidance (02), the result
  std::vector<std::string> missing;    // kSupplementRequested: every missing item at once
  std::optional<Date> due_on;          // a new due date (back from a supplement)
};

// A line of the process-control sheet (form 06): who handed the dossier on, to what, when.
struct Event {
  int64_t at = 0;
  std::string actor;  // the staff member's name; empty on the public side
  std::string kind;   // "status" or "extension"
  std::string from_status;
  std::string to_status;
  std::string note;
  std::vector<std::string> missing;
  std::optional<Date> due_on;  // the due date after this event, when it moved
};

// The register (form 07)'s filters; empty means any.
struct DossierFilter {
  std::optional<DossierStatus> status;
  std::optional<int64_t> assignee_id;
  std::string procedure_code;
  int64_t before_id = 0;  // the page after this id (newest first); 0: from the newest
  int limit = 50;         // 1..500
};

class DossierRepository {
 public:
  virtual ~DossierRepository() = default;

  // Stores a new dossier whole with its first event, counts and audit entry. When d.code is
  // empty the repository mints one from `agency_code` and the day's sequence (MintDossierCode).
  // kAlreadyExists when the commune already has d.code (an import sent twice). Returns the
  // stored dossier.
  virtual Result<Dossier> Create(Dossier d, const std::string& agency_code,
                                 const audit::AuditRecord& rec) = 0;
  virtual Result<Dossier> Get(int64_t commune_id, int64_t id) = 0;
  // kNotFound when the commune has no dossier with this code.
  virtual Result<Dossier> GetByCode(int64_t commune_id, const std::string& code) = 0;
  // Newest first.
  virtual Result<std::vector<Dossier>> List(int64_t commune_id, const DossierFilter& f) = 0;
  // The process-control sheet, oldest first. kNotFound for another commune's dossier.
  virtual Result<std::vector<Event>> History(int64_t commune_id, int64_t id) = 0;

  // Applies `step` when the stored version is step.version and CanMove allows it from the
  // stored status: kAborted when stale (another clerk was first), kFailedPrecondition when not
  // allowed. Returns the dossier as stored after the step.
  virtual Result<Dossier> Move(int64_t commune_id, int64_t id, const Step& step,
                               const audit::AuditRecord& rec, int64_t now) = 0;
  // Records form 04 (already validated) and moves the due date, at `version`: kAborted when
  // stale. Returns the dossier after it.
  virtual Result<Dossier> Extend(int64_t commune_id, int64_t id, int64_t version,
                                 const Extension& ext, const audit::AuditRecord& rec) = 0;
  // The applicant's anonymous evaluation of a returned dossier, once, given with its rating
  // code: kInvalidArgument (field "pin") when `pin` is not the dossier's, kFailedPrecondition
  // when the dossier is not returned or already rated. No account or name is stored with it.
  virtual Status Rate(int64_t commune_id, const std::string& code, const std::string& pin,
                      Satisfaction s, const std::string& comment, int64_t now) = 0;

  // The kept counts matching `f`'s communes and months (never a scan of the dossiers).
  virtual Result<std::vector<StatisticsCount>> LoadCounts(const StatisticsFilter& f) = 0;
  // Recomputes every kept count from the dossiers (after a bulk load or a repair).
  virtual Status RebuildStatistics() = 0;
};

}  // namespace xaso::onestop
