// Keeping the dossier statistics (dossier_stat, migrations/0013_onestop_dossier.sql) as dossiers
// change, the pattern of storage/feedback/feedback_stats_delta.h: every change of a dossier row,
// in its transaction, subtracts what the dossier counted for before and adds what it counts
// for after.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "domain/onestop/dossier.h"

namespace xaso::storage {

// The keys one dossier is counted under.
struct CountedDossier {
  long long commune_id = 0;
  std::string month;
  std::string procedure_code;
  std::string procedure_name;
  std::string field;
  std::string unit_code;
  std::string status;
  std::string timeliness;
  std::string satisfaction;
  std::string due_on;  // unfinished with a running clock: its due date; '' otherwise
  bool operator==(const CountedDossier&) const = default;
};

// What `d` counts for.
CountedDossier CountedDossierOf(const onestop::Dossier& d);

// Subtracts `before` (when set) and adds `after`, unless they are the same keys.
void ApplyDossierStatsDelta(soci::session& s, const std::optional<CountedDossier>& before,
                            const CountedDossier& after);

// Recomputes every kept count from the dossiers.
void RebuildDossierStats(soci::session& s);

}  // namespace xaso::storage
