// The port the notification worker reads dossier due dates through: dossiers of every commune
// whose clock runs and whose result is due by a day, with only what a notice needs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace xaso::onestop {

struct DueDossier {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string code;
  std::string procedure_name;
  std::optional<int64_t> unit_id;  // the handling unit, when the commune has it
  Date due_on;
};

class DossierDeadlines {
 public:
  virtual ~DossierDeadlines() = default;
  // Received, assigned or processing (not waiting for a supplement, finished or closed), due on
  // or before `by`. No applicant details.
  virtual Result<std::vector<DueDossier>> RunningDueBy(Date by) = 0;
};

}  // namespace xaso::onestop
